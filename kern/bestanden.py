"""Spreadsheets read as streams, within bounds, for every import (budget lines, areas).

`lees_rijen` gives the rows of a CSV or Excel (.xlsx) file as lists of text and stops as soon
as a limit is passed, so a file of millions of rows is refused in a moment instead of being read
whole first (a valid xlsx of 1.5 MB with 3 million rows once kept a process busy for 220 s and
grew it to 700 MB before it was refused). `scripts/meet-grote-import` prints the figures.

CSV: the csv module over the uploaded file, decoded while it is read: UTF-8 (with or without
BOM), or Windows-1252 when the bytes are not UTF-8; `;` or `,` as separator, whichever the first
line has more of.

Excel: the first worksheet, parsed row by row with openpyxl's read-only worksheet parser.
`openpyxl.load_workbook(read_only=True)` itself is not used, because it first parses every
worksheet of the workbook in full when a sheet does not state its size (a `<dimension>`
element, which streaming writers such as openpyxl's own write-only mode leave out); that pass
alone costs as much as reading all rows. Instead:
- the parts openpyxl reads whole (shared strings, styles, workbook, manifest, relations) may
  each be at most `MAX_ONDERDEEL` bytes unpacked, checked in the zip's directory first;
- the sheet's row numbers are counted by scanning its XML for row tags (much faster than
  parsing cells), so a sheet whose last row lies beyond the limit is refused before any cell is
  read, however few rows it really holds;
- while the rows are parsed, at most `MAX_RIJ_XML` bytes may pass without a row ending, so one
  enormous cell cannot fill the memory either.
Numbers come back in Dutch notation without thousands separators (1234,5; 15 significant
digits, as Excel shows them), so `kern.bedragen` reads them unambiguously; dates as 31-12-2021.
"""

import codecs
import csv
import datetime
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from django.utils.translation import gettext as _

from .notatie import datum_kort, getal

BLOK = 64 * 1024
MAX_REGEL = 1_000_000  # characters in one CSV line; a real line of figures is far shorter
MAX_KOLOMMEN = 200  # cells after this column are left out
MAX_ONDERDEEL = 32 * 1024 * 1024  # unpacked bytes of an Excel part that is read whole
MAX_RIJ_XML = 4 * 1024 * 1024  # bytes of sheet XML read without a row ending

RIJ_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b([^<>]*)>")
RIJ_NUMMER = re.compile(rb"""\sr\s*=\s*["'](\d+)""")


class OnleesbaarBestand(ValueError):
    """The file as a whole cannot be read; the message says why, in Dutch."""


class BestandTeGroot(OnleesbaarBestand):
    """The file passes a limit (rows, size of a part); nothing of it is used."""


def lees_rijen(
    bestand: bytes | BinaryIO,
    *,
    max_rijen: int,
    naam: str | None = None,
    max_kolommen: int = MAX_KOLOMMEN,
) -> Iterator[list[str]]:
    """The rows of a .csv or .xlsx file (chosen by `naam`, else the file's own name), each a
    list of text; an empty row is an empty list, so row numbers stay as in a spreadsheet.

    The first row (usually the column names) plus at most `max_rijen` rows are given; at the
    row after that `BestandTeGroot` is raised. A damaged Excel file is refused at once; other
    problems come while iterating. Either way the error is an `OnleesbaarBestand` with a
    Dutch message, so a caller reads everything before it writes anything."""
    if isinstance(bestand, bytes | bytearray):
        bestand = io.BytesIO(bestand)
    naam = naam or getattr(bestand, "name", None) or ""
    extensie = Path(naam).suffix.lower()
    if extensie == ".csv":
        return _csv_rijen(bestand, max_rijen, max_kolommen)
    if extensie == ".xlsx":
        return _xlsx_rijen(bestand, max_rijen, max_kolommen)
    raise OnleesbaarBestand(_("Kies een CSV- of Excel-bestand (.csv of .xlsx)."))


def te_veel_rijen(max_rijen: int) -> BestandTeGroot:
    return BestandTeGroot(
        _(
            "Het bestand heeft meer dan %(max)s rijen; er is niets ingelezen. Splits het "
            "bestand, of verwijder de lege rijen onder de cijfers."
        )
        % {"max": getal(max_rijen)}
    )


# CSV


def _csv_rijen(bestand: BinaryIO, max_rijen: int, max_kolommen: int) -> Iterator[list[str]]:
    regels = _tekstregels(bestand)
    eerste = next(regels, None)
    if eerste is None:
        return
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    lezer = csv.reader(itertools.chain([eerste], regels), delimiter=scheiding)
    nummer = 0
    try:
        for cellen in lezer:
            nummer += 1
            if nummer > max_rijen + 1:
                raise te_veel_rijen(max_rijen)
            yield cellen[:max_kolommen]
    except csv.Error as fout:
        raise OnleesbaarBestand(
            _(
                "Rij %(rij)s is geen geldige CSV; kijk de aanhalingstekens en regeleinden na, "
                "of sla het bestand opnieuw op als CSV."
            )
            % {"rij": nummer + 1}
        ) from fout


def _tekstregels(bestand: BinaryIO) -> Iterator[str]:
    """The decoded text in lines ending in "\\n" (a "\\r" stays, for the csv module)."""
    rest = ""
    for tekst in _tekstblokken(bestand):
        delen = (rest + tekst).split("\n")
        rest = delen.pop()
        for deel in delen:
            yield deel + "\n"
        if len(rest) > MAX_REGEL:
            raise BestandTeGroot(
                _(
                    "Een regel van het bestand is langer dan %(max)s tekens; is het wel een "
                    "CSV-bestand met cijfers?"
                )
                % {"max": getal(MAX_REGEL)}
            )
    if rest:
        yield rest


def _tekstblokken(bestand: BinaryIO) -> Iterator[str]:
    """Decode while reading: UTF-8, and Windows-1252 when the bytes turn out not to be UTF-8.

    As long as everything before the first byte that is not UTF-8 was ASCII, both read it
    the same, so switching to Windows-1252 there gives what decoding the whole file that way
    would have given. A file with real UTF-8 (é as two bytes) before such a byte mixes both; it
    is refused instead of read as gibberish."""
    data = bestand.read(BLOK)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    utf8 = codecs.getincrementaldecoder("utf-8")()
    alleen_ascii = True
    while True:
        laatste = not data
        try:
            tekst = utf8.decode(data, final=laatste)
        except UnicodeDecodeError as fout:
            al_gelezen = (utf8.getstate()[0] + data)[: fout.start]
            if not (alleen_ascii and al_gelezen.isascii()):
                raise OnleesbaarBestand(
                    _(
                        "Het bestand is niet in één tekenset opgeslagen (deels UTF-8, deels "
                        "niet). Sla het in Excel op als ‘CSV UTF-8’ en lees het opnieuw in."
                    )
                ) from fout
            yield (utf8.getstate()[0] + data).decode("cp1252", errors="replace")
            while blok := bestand.read(BLOK):
                yield blok.decode("cp1252", errors="replace")
            return
        alleen_ascii = alleen_ascii and tekst.isascii()
        if tekst:
            yield tekst
        if laatste:
            return
        data = bestand.read(BLOK)


# Excel


def _xlsx_rijen(bestand: BinaryIO, max_rijen: int, max_kolommen: int) -> Iterator[list[str]]:
    """Open the workbook and check its bounds now; the rows come from the generator."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    try:
        lezer = ExcelReader(bestand, read_only=True, data_only=True, keep_links=False)
        _controleer_onderdelen(lezer.archive)
        lezer.read_manifest()
        lezer.read_strings()
        lezer.read_workbook()
        apply_stylesheet(lezer.archive, lezer.wb)
        pad = next(
            rel.target
            for _blad, rel in lezer.parser.find_sheets()
            if rel.target in lezer.valid_files and "chartsheet" not in rel.Type
        )
        laatste_rij = _laatste_rij(lezer.archive, pad, grens=max_rijen + 1)
    except OnleesbaarBestand:
        raise
    except Exception as fout:  # openpyxl, zipfile and zlib raise many kinds for a damaged file
        raise OnleesbaarBestand(_("Dit Excel-bestand kan niet worden gelezen.")) from fout
    if laatste_rij > max_rijen + 1:
        raise te_veel_rijen(max_rijen)
    return _xlsx_blad(lezer, pad, max_rijen, max_kolommen)


def _controleer_onderdelen(archief: zipfile.ZipFile) -> None:
    """The parts openpyxl reads whole must be of a sensible size (a few kB, the shared strings
    of 50,000 rows a few MB). The sizes in the zip's directory are binding: zipfile stops
    unpacking a part at its stated size."""
    for info in archief.infolist():
        naam = info.filename.lower()
        heel_gelezen = (
            naam == "[content_types].xml"
            or naam.endswith(".rels")
            or naam.rsplit("/", 1)[-1].startswith(("sharedstrings", "styles", "workbook"))
        )
        if heel_gelezen and info.file_size > MAX_ONDERDEEL:
            raise BestandTeGroot(
                _(
                    "Dit Excel-bestand is uitgepakt te groot (het onderdeel %(onderdeel)s is "
                    "%(mb)s MB). Kopieer alleen de rijen met cijfers naar een nieuw "
                    "werkblad en sla dat op."
                )
                % {"onderdeel": info.filename, "mb": getal(info.file_size // 1_000_000)}
            )


def _laatste_rij(archief: zipfile.ZipFile, pad: str, grens: int) -> int:
    """The sheet's last row number, or the first one found beyond `grens`: a scan of the XML
    for row tags (`<row r="12" …>`), which costs a fraction of parsing the cells."""
    rij = 0
    staart = b""
    with archief.open(pad) as bron:
        while blok := bron.read(16 * BLOK):
            data = staart + blok
            # a tag may run over into the next block: keep what follows the last "<"
            knip = data.rfind(b"<")
            for tag in RIJ_TAG.finditer(data, 0, knip if knip >= 0 else len(data)):
                nummer = RIJ_NUMMER.search(tag.group(1))
                rij = int(nummer.group(1)) if nummer else rij + 1
                if rij > grens:
                    return rij
            staart = data[knip:] if knip >= 0 and len(data) - knip < BLOK else b""
    return rij


class _Venster:
    """The sheet's XML as the parser reads it, refused when more than `MAX_RIJ_XML` bytes pass
    without a row ending (`verder()` is called at every row)."""

    def __init__(self, bron):
        self.bron = bron
        self.gelezen = 0

    def read(self, n=-1):
        data = self.bron.read(n if n is not None and n >= 0 else BLOK)
        self.gelezen += len(data)
        if self.gelezen > MAX_RIJ_XML:
            raise BestandTeGroot(
                _("Een rij van dit Excel-bestand is groter dan %(mb)s MB; dat zijn geen cijfers.")
                % {"mb": MAX_RIJ_XML // (1024 * 1024)}
            )
        return data

    def verder(self):
        self.gelezen = 0


def _xlsx_blad(lezer, pad: str, max_rijen: int, max_kolommen: int) -> Iterator[list[str]]:
    from openpyxl.worksheet._reader import WorkSheetParser

    boek = lezer.wb
    vorige = 0
    with lezer.archive.open(pad) as bron:
        venster = _Venster(bron)
        parser = WorkSheetParser(
            venster,
            lezer.shared_strings,
            data_only=True,
            epoch=boek.epoch,
            date_formats=boek._date_formats,
            timedelta_formats=boek._timedelta_formats,
        )
        try:
            for nummer, cellen in parser.parse():
                venster.verder()
                if nummer <= vorige:
                    continue  # a row number out of order: skipped, as openpyxl does
                if nummer > max_rijen + 1:
                    raise te_veel_rijen(max_rijen)
                for _leeg in range(vorige + 1, nummer):
                    yield []  # rows the file leaves out are empty rows
                vorige = nummer
                yield _xlsx_rij(cellen, max_kolommen)
        except OnleesbaarBestand:
            raise
        except Exception as fout:
            raise OnleesbaarBestand(
                _("Rij %(rij)s van dit Excel-bestand kan niet worden gelezen.")
                % {"rij": vorige + 1}
            ) from fout


def _xlsx_rij(cellen: list[dict], max_kolommen: int) -> list[str]:
    gevuld = [
        (c["column"], c["value"])
        for c in cellen
        if c["value"] is not None and c["column"] <= max_kolommen
    ]
    rij = [""] * max((k for k, _w in gevuld), default=0)
    for kolom, waarde in gevuld:
        rij[kolom - 1] = celtekst(waarde)
    return rij


def celtekst(waarde) -> str:
    """A spreadsheet value as text: numbers in Dutch notation without thousands separators,
    rounded to 15 significant digits as Excel shows them (0.1 + 0.2 is 0,3); dates as
    31-12-2021; yes/no as ja/nee."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, float):
        als_excel = Decimal(format(waarde, ".15g"))
        if als_excel == als_excel.to_integral_value():
            return str(int(als_excel))
        return format(als_excel, "f").replace(".", ",")
    if isinstance(waarde, datetime.datetime):
        if waarde.time() == datetime.time(0):
            return datum_kort(waarde.date())
        return f"{datum_kort(waarde.date())} {waarde:%H:%M}"
    if isinstance(waarde, datetime.date):
        return datum_kort(waarde)
    if isinstance(waarde, datetime.time):
        return f"{waarde:%H:%M}"
    return str(waarde)
