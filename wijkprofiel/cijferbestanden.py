"""CBS figure files, as a user downloads them, read into plain data for one municipality.

Three forms are recognised by their content (the file name only proposes a year and a table):

- kwb: CBS's yearly "Kerncijfers wijken en buurten" file (kwb-YYYY.xlsx or kwb-YYYY.csv), one
  row per region of the whole country, with the column `gwb_code_10` (NL00, GM0632, WK063201,
  BU06320101) and the short indicator codes (`a_inw`, `g_wozbag`, …) as headings;
- StatLine's CSV download ("CSV met statistische symbolen"): every field quoted, perhaps a title
  line or two above label headings with a path and a unit ("Bevolking/Aantal inwoners
  (aantal)"), among them "Regioaanduiding/Codering (code)" or "Wijken en buurten";
- the JSON the `cbsodata` package gives (`json.dump(cbsodata.get_data("85984NED"), f)`, or
  OData's own `{"value": [...]}`): a list of objects with keys such as `Codering_3` and
  `AantalInwoners_5`, whose numbers differ from one year's table to the next.

Only the rows of the chosen municipality (its GM row, its wijken and buurten) and only the
indicators of `wijkprofiel.indicatoren.INDICATOREN` are kept, plus CBS's mark for a changed
boundary. A missing value is None, never zero: ".", an empty cell, null, and CBS's negative
codes for secret or unknown values (-99997, -99999999: anything from -99990 down). Values are
`Decimal`s; nothing is written anywhere, so a caller can show a preview first.
"""

import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath
from typing import Any, BinaryIO

from django.utils.translation import gettext as _

from gebieden.cbs import CODE_RE, KOPREGELS
from kern.bestanden import OnleesbaarBestand, lees_rijen
from kern.notatie import getal

from .indicatoren import INDELINGSWIJZIGING, INDICATOREN, KWB_TABELLEN

MAX_RIJEN = 50_000  # a kwb file of the whole country has about 17,000 rows
MAX_GROOTTE = 200 * 1024 * 1024  # bytes; a kwb file of the whole country is some 15 MB
MAX_KOLOMMEN = 500  # a kwb file has some 130 columns
MAX_TITEL = 64 * 1024  # bytes at the start of a CSV file searched for title lines
ONTBREKEND_VANAF = Decimal(-99990)  # CBS's codes for secret or unknown values are this or lower

TABEL_RE = re.compile(r"(?<![0-9A-Z])(\d{5}[A-Z]{3})(?![A-Z])")  # 85984NED
JAAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
PERIODE_RE = re.compile(r"^(\d{4})(?:JJ00)?\s*\*?$")  # 2024, 2024JJ00, 2024* (provisional)
GETAL_RE = re.compile(r"^[-+]?\d{1,15}(?:[.,]\d{1,15})?$")
NUMMER_RE = re.compile(r"^(.*)_\d+$")  # AantalInwoners_5
EENHEID_RE = re.compile(r"\s*\([^()]*\)\s*$")  # " (aantal)", " (x 1 000 euro)"
TITELREGEL_RE = re.compile(r'^\s*("[^"]*"\s*)?$')  # one quoted field, or nothing

KWB_VASTE_KOLOMMEN = {"gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code"}
STATLINE_VASTE_KOLOMMEN = {"wijken en buurten", "gemeentenaam", "soort regio", "codering"}
CBSODATA_VASTE_SLEUTELS = {"id", "wijkenenbuurten", "gemeentenaam", "soortregio", "codering"}
PERIODEN = "perioden"
# the stem of StatLine's "Indelingswijziging wijken en buurten" and cbsodata's
# IndelingswijzigingWijkenEnBuurten_4 (older tables: IndelingswijzigingGemeenteWijkBuurt_4)
WIJZIGING = "indelingswijziging"

KWB_INDICATOREN = {i.code.lower(): i.code for i in INDICATOREN}


class GeenCijferbestand(ValueError):
    """The file cannot be read as CBS figures; the message says why, in Dutch."""


@dataclass(frozen=True)
class GelezenCijfers:
    formaat: str  # "kwb", "statline" or "cbsodata"
    tabel: str  # the CBS table (85984NED) the file names, else a proposal from the file name
    jaren: tuple[int, ...]  # ascending
    regios: dict[str, str]  # code -> name of the municipality's regions, in file order
    waarden: dict[tuple[int, str, str], Decimal | None]  # (year, region, indicator) -> value
    gewijzigd: frozenset[tuple[int, str]]  # (year, region) where CBS marks a changed boundary
    herkend: tuple[str, ...]  # indicator codes found in the file, in INDICATOREN order
    genegeerd: tuple[str, ...]  # column headings not recognised, as in the file
    buiten_gemeente: int  # rows of other municipalities left out


def lees_cijfers(
    bestand: bytes | BinaryIO,
    *,
    naam: str,
    gemeentecode: str,
    jaar: int | None = None,
    max_rijen: int = MAX_RIJEN,
) -> GelezenCijfers:
    """The figures of municipality `gemeentecode` (GM0632) in a kwb, StatLine or cbsodata file.

    `naam` is the file's name as uploaded: it proposes the table ("kwb-2024") and the year
    when the file itself does not tell them. `jaar` is the year the user gave; a year per row
    in a `Perioden` column goes before it. Raises `GeenCijferbestand` with a Dutch message
    when the file is of none of the three forms, has no rows of the municipality, no known
    indicator, no year, or passes a limit (`max_rijen` regions, `MAX_GROOTTE` bytes)."""
    gemeente = gemeentecode.strip().upper()
    if not re.fullmatch(r"GM\d{4}", gemeente):
        raise ValueError(f"gemeentecode should be GM and four digits, not {gemeentecode!r}")
    stroom = _stroom(bestand)
    soort = _soort(stroom)
    try:
        if soort == "json":
            inhoud = _lees_cbsodata(stroom, gemeente[2:], max_rijen)
        else:
            inhoud = _lees_tabel(stroom, soort, gemeente[2:], max_rijen)
    except OnleesbaarBestand as fout:
        raise GeenCijferbestand(str(fout)) from fout
    return _gelezen(inhoud, naam=naam, gemeente=gemeente, jaar=jaar)


# What each form's reader hands to the shared part


@dataclass
class _Kolommen:
    """Where a file keeps what is read: column numbers of a table, or keys of JSON objects."""

    formaat: str
    code: Any
    naam: Any = None
    gemeentenaam: Any = None  # the name of a GM row whose own name is missing
    wijziging: Any = None
    periode: Any = None
    indicatoren: dict[str, Any] = field(default_factory=dict)  # indicator code -> column
    genegeerd: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Rij:
    nummer: int  # row number in the file, for messages
    jaar: int | None  # from a Perioden column, else None
    code: str
    naam: str
    waarden: dict[str, Decimal | None]
    gewijzigd: bool


@dataclass
class _Inhoud:
    kolommen: _Kolommen
    rijen: list[_Rij]
    buiten_gemeente: int
    titel: str = ""  # title lines above the heading, or OData's metadata


def _gelezen(inhoud: _Inhoud, *, naam: str, gemeente: str, jaar: int | None) -> GelezenCijfers:
    """Check what was found, settle the year and gather the figures."""
    kolommen = inhoud.kolommen
    herkend = tuple(i.code for i in INDICATOREN if i.code in kolommen.indicatoren)
    if not herkend:
        raise GeenCijferbestand(
            _(
                "Het bestand bevat geen van de cijfers die het wijkprofiel gebruikt. Verwacht "
                "zijn kolommen zoals a_inw en a_hh (Kerncijfers wijken en buurten), ‘Aantal "
                "inwoners’ (StatLine) of AantalInwoners_5 (cbsodata)."
            )
        )
    if not inhoud.rijen:
        melding = _("Het bestand bevat geen wijken of buurten van gemeente %(code)s.") % {
            "code": gemeente
        }
        if kolommen.formaat == "statline" and not inhoud.buiten_gemeente:
            melding += " " + _(
                "Neem bij het downloaden van StatLine ook het onderwerp "
                "‘Regioaanduiding/Codering’ mee."
            )
        raise GeenCijferbestand(melding)

    bestandsnaam = PurePath(naam.replace("\\", "/")).name
    tabelcode = _tabelcode(inhoud.titel) or _tabelcode(bestandsnaam)
    tabel = tabelcode or PurePath(bestandsnaam).stem[:40]
    vast_jaar = (
        jaar
        or _jaartal(inhoud.titel)
        or KWB_TABELLEN.get(tabelcode)
        or _jaartal(PurePath(bestandsnaam).stem)
    )
    if vast_jaar is None and any(r.jaar is None for r in inhoud.rijen):
        raise GeenCijferbestand(
            _(
                "Van welk jaar zijn deze cijfers? Het bestand en de bestandsnaam noemen geen "
                "jaar (zoals kwb-2024.xlsx). Geef het jaar op."
            )
        )

    regios: dict[str, str] = {}
    waarden: dict[tuple[int, str, str], Decimal | None] = {}
    gewijzigd = set()
    gezien = set()
    for rij in inhoud.rijen:
        rijjaar = rij.jaar or vast_jaar
        if (rijjaar, rij.code) in gezien:
            continue  # the same region twice in one year: the first counts
        gezien.add((rijjaar, rij.code))
        regios.setdefault(rij.code, rij.naam)
        for code in herkend:
            waarden[(rijjaar, rij.code, code)] = rij.waarden[code]
        if rij.gewijzigd:
            gewijzigd.add((rijjaar, rij.code))
    return GelezenCijfers(
        formaat=kolommen.formaat,
        tabel=tabel,
        jaren=tuple(sorted({j for j, _c in gezien})),
        regios=regios,
        waarden=waarden,
        gewijzigd=frozenset(gewijzigd),
        herkend=herkend,
        genegeerd=tuple(kolommen.genegeerd),
        buiten_gemeente=inhoud.buiten_gemeente,
    )


def _regiorijen(
    rijen: Iterable[tuple[int, Any]], kolommen: _Kolommen, cijfers: str
) -> tuple[list[_Rij], int]:
    """The rows of the municipality with four digits `cijfers`, and how many rows of other
    municipalities were left out. A row is a list of cells or a JSON object."""
    gevonden = []
    buiten = 0
    for nummer, rij in rijen:
        code = _tekst(_cel(rij, kolommen.code)).upper()
        if not CODE_RE.match(code):
            continue  # the country's row, an empty row, StatLine's closing line
        if code[2:6] != cijfers:
            buiten += 1
            continue
        naam = _tekst(_cel(rij, kolommen.naam))
        if code.startswith("GM") and (not naam or CODE_RE.match(naam.upper())):
            naam = _tekst(_cel(rij, kolommen.gemeentenaam))
        wijziging = _waarde(_cel(rij, kolommen.wijziging))
        gevonden.append(
            _Rij(
                nummer=nummer,
                jaar=_periode(_cel(rij, kolommen.periode), nummer),
                code=code,
                naam=naam[:150] if naam and not CODE_RE.match(naam.upper()) else code,
                waarden={c: _waarde(_cel(rij, k)) for c, k in kolommen.indicatoren.items()},
                gewijzigd=wijziging is not None and wijziging != 1,
            )
        )
    return gevonden, buiten


# Opening the file


def _stroom(bestand: bytes | BinaryIO) -> BinaryIO:
    """A seekable stream of at most `MAX_GROOTTE` bytes, at its start."""
    if isinstance(bestand, bytes | bytearray):
        stroom = io.BytesIO(bestand)
    elif getattr(bestand, "seekable", lambda: False)():
        stroom = bestand
    else:
        stroom = io.BytesIO(bestand.read(MAX_GROOTTE + 1))
    begin = stroom.tell()
    grootte = stroom.seek(0, io.SEEK_END) - begin
    stroom.seek(begin)
    if grootte > MAX_GROOTTE:
        raise GeenCijferbestand(
            _("Het bestand is groter dan %(mb)s MB; dat is geen bestand met cijfers per buurt.")
            % {"mb": getal(MAX_GROOTTE // (1024 * 1024))}
        )
    return stroom


def _soort(stroom: BinaryIO) -> str:
    """The kind of file, from its first bytes: xlsx, json or csv."""
    begin = stroom.tell()
    kop = stroom.read(512)
    stroom.seek(begin)
    if kop.startswith(b"PK\x03\x04"):
        return "xlsx"
    if kop.startswith(b"\xd0\xcf\x11\xe0"):
        raise GeenCijferbestand(
            _("Dit is een oud Excel-bestand (.xls). Sla het op als .xlsx of .csv.")
        )
    if kop.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"[", b"{"):
        return "json"
    return "csv"


def _geen_cijferbestand() -> GeenCijferbestand:
    return GeenCijferbestand(
        _(
            "Dit is geen cijferbestand van het CBS met wijken en buurten. Verwacht is het "
            "bestand Kerncijfers wijken en buurten (kwb-JJJJ.xlsx of .csv, met de kolom "
            "gwb_code_10), een CSV-download van StatLine (met de kolom ‘Regioaanduiding/"
            "Codering (code)’ of ‘Wijken en buurten’) of een JSON-bestand van cbsodata (met "
            "de sleutels WijkenEnBuurten en Codering_3)."
        )
    )


# kwb and StatLine: tables of rows


def _lees_tabel(stroom: BinaryIO, soort: str, cijfers: str, max_rijen: int) -> _Inhoud:
    """A kwb or StatLine table (CSV or Excel): title rows, the heading, then the regions."""
    titels, overgeslagen = _titelregels(stroom) if soort == "csv" else ([], 0)
    cellen_per_rij = lees_rijen(
        stroom, naam=f"cijfers.{soort}", max_rijen=max_rijen, max_kolommen=MAX_KOLOMMEN
    )
    rijen = enumerate(cellen_per_rij, start=overgeslagen + 1)
    kolommen = None
    for nummer, cellen in rijen:
        kolommen = _kwb_kolommen(cellen) or _statline_kolommen(cellen)
        if kolommen is not None:
            break
        if nummer - overgeslagen >= KOPREGELS:
            raise _geen_cijferbestand()
        titels.append(" ".join(c.strip() for c in cellen))
    if kolommen is None:
        raise _geen_cijferbestand()
    gevonden, buiten = _regiorijen(rijen, kolommen, cijfers)
    return _Inhoud(kolommen, gevonden, buiten, titel=" ".join(titels))


def _titelregels(stroom: BinaryIO) -> tuple[list[str], int]:
    """StatLine's title lines above the heading (`"Kerncijfers wijken en buurten 2024"`,
    `"85984NED"`), each one quoted field, and the stream moved past them. They are taken off
    before the CSV reader sees the file, because it chooses the separator from the first line,
    and a title may hold a comma or a semicolon."""
    begin = stroom.tell()
    data = stroom.read(MAX_TITEL)
    titels = []
    verder = 0
    for regel in data.splitlines(keepends=True)[:KOPREGELS]:
        tekst = regel.decode("utf-8-sig", errors="replace")
        if not regel.endswith(b"\n") or not TITELREGEL_RE.match(tekst):
            break
        titels.append(tekst.strip().strip('"').strip())
        verder += len(regel)
    stroom.seek(begin + verder)
    return titels, len(titels)


def _kwb_kolommen(koppen: list[str]) -> _Kolommen | None:
    """The kwb file's headings: `gwb_code_10`, `regio`, `ind_wbi` and the indicator codes."""
    namen = [_kop(k) for k in koppen]
    if "gwb_code_10" not in namen:
        return None
    kolommen = _Kolommen(
        "kwb",
        code=namen.index("gwb_code_10"),
        naam=namen.index("regio") if "regio" in namen else None,
        gemeentenaam=namen.index("gm_naam") if "gm_naam" in namen else None,
        wijziging=namen.index(INDELINGSWIJZIGING) if INDELINGSWIJZIGING in namen else None,
    )
    for i, (kop, naam) in enumerate(zip(koppen, namen, strict=True)):
        if naam in KWB_VASTE_KOLOMMEN or naam == INDELINGSWIJZIGING:
            continue
        _indicatorkolom(kolommen, KWB_INDICATOREN.get(naam), i, kop)
    return kolommen


def _statline_kolommen(koppen: list[str]) -> _Kolommen | None:
    """StatLine's label headings, matched on their last segment without the unit."""
    stammen = [_statline_stam(k) for k in koppen]
    if len(koppen) < 2 or not {"codering", "wijken en buurten"} & set(stammen):
        return None
    naam = stammen.index("wijken en buurten") if "wijken en buurten" in stammen else None
    kolommen = _Kolommen(
        "statline", code=stammen.index("codering") if "codering" in stammen else naam, naam=naam
    )
    per_label = {_kop(i.statline): i.code for i in INDICATOREN}
    for i, (kop, stam) in enumerate(zip(koppen, stammen, strict=True)):
        if stam.startswith(WIJZIGING):
            kolommen.wijziging = i if kolommen.wijziging is None else kolommen.wijziging
        elif stam == PERIODEN:
            kolommen.periode = i
        elif stam == "gemeentenaam":
            kolommen.gemeentenaam = i
        elif stam not in STATLINE_VASTE_KOLOMMEN:
            _indicatorkolom(kolommen, per_label.get(stam), i, kop)
    return kolommen


def _statline_stam(kop: str) -> str:
    """ "Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)" → "0 tot 15 jaar"."""
    return _kop(EENHEID_RE.sub("", kop.rsplit("/", 1)[-1]))


# cbsodata: JSON


def _lees_cbsodata(stroom: BinaryIO, cijfers: str, max_rijen: int) -> _Inhoud:
    """The list of objects cbsodata gives, or OData's `{"value": [...]}`."""
    try:
        data = json.loads(stroom.read(), parse_float=Decimal, parse_constant=lambda _c: None)
    except (ValueError, RecursionError) as fout:  # JSONDecodeError, UnicodeDecodeError
        raise _geen_cijferbestand() from fout
    titel = ""
    if isinstance(data, dict):
        titel = " ".join(str(w) for s, w in data.items() if s != "value" and isinstance(w, str))
        data = data.get("value")
    if not isinstance(data, list) or not data or not all(isinstance(r, dict) for r in data):
        raise _geen_cijferbestand()
    if len(data) > max_rijen:
        raise GeenCijferbestand(
            _("Het bestand heeft meer dan %(max)s regio's; er is niets ingelezen.")
            % {"max": getal(max_rijen)}
        )
    kolommen = _cbsodata_kolommen(list(data[0]))
    if kolommen is None:
        raise _geen_cijferbestand()
    gevonden, buiten = _regiorijen(enumerate(data, start=1), kolommen, cijfers)
    return _Inhoud(kolommen, gevonden, buiten, titel=titel)


def _cbsodata_kolommen(sleutels: list[str]) -> _Kolommen | None:
    """The keys of cbsodata's objects, matched on their stem before the last `_<digits>`."""
    stammen = {s: _cbsodata_stam(s) for s in sleutels}
    gevonden = {stam: s for s, stam in reversed(stammen.items())}  # the first key of a stem
    if "codering" not in gevonden and "wijkenenbuurten" not in gevonden:
        return None
    kolommen = _Kolommen(
        "cbsodata",
        code=gevonden.get("codering", gevonden.get("wijkenenbuurten")),
        naam=gevonden.get("wijkenenbuurten"),
        gemeentenaam=gevonden.get("gemeentenaam"),
        periode=gevonden.get(PERIODEN),
    )
    per_stam = {i.cbsodata.lower(): i.code for i in INDICATOREN}
    for sleutel, stam in stammen.items():
        if stam.startswith(WIJZIGING):
            kolommen.wijziging = kolommen.wijziging or sleutel
        elif stam not in CBSODATA_VASTE_SLEUTELS and stam != PERIODEN:
            _indicatorkolom(kolommen, per_stam.get(stam), sleutel, sleutel)
    return kolommen


def _cbsodata_stam(sleutel: str) -> str:
    """ "AantalInwoners_5" → "aantalinwoners"; "k_0Tot15Jaar_8" → "k_0tot15jaar"."""
    passend = NUMMER_RE.match(sleutel.strip())
    return (passend.group(1) if passend else sleutel.strip()).lower()


# Shared helpers


def _indicatorkolom(kolommen: _Kolommen, code: str | None, plaats: Any, kop: str) -> None:
    """Column `plaats` holds indicator `code`, or (unknown, or a second column of the same
    indicator) is listed as ignored under its heading."""
    if code is not None and code not in kolommen.indicatoren:
        kolommen.indicatoren[code] = plaats
    elif str(kop).strip():
        kolommen.genegeerd.append(str(kop).strip())


def _kop(tekst: str) -> str:
    """A heading compared without case and extra whitespace."""
    return " ".join(str(tekst).lower().split())


def _cel(rij: Any, plaats: Any) -> Any:
    """A row's cell at column number or key `plaats`; None when there is none."""
    if plaats is None:
        return None
    if isinstance(rij, dict):
        return rij.get(plaats)
    return rij[plaats] if plaats < len(rij) else None


def _tekst(waarde: Any) -> str:
    return "" if waarde is None else str(waarde).strip()


def _waarde(waarde: Any) -> Decimal | None:
    """A figure as CBS writes it: "4520", "  2,1", "2.1", a JSON number; None for a missing
    value (".", "", null, text that is no number, or a negative code -99990 and below)."""
    if isinstance(waarde, bool):
        return None
    tekst = _tekst(waarde)
    if not GETAL_RE.match(tekst):
        return None
    getal_ = Decimal(tekst.replace(",", "."))
    return None if getal_ <= ONTBREKEND_VANAF else getal_


def _periode(waarde: Any, nummer: int) -> int | None:
    """The year of a `Perioden` cell ("2024", "2024JJ00"); None when there is no such cell."""
    tekst = _tekst(waarde).upper()
    if not tekst:
        return None
    passend = PERIODE_RE.match(tekst)
    if passend is None:
        raise GeenCijferbestand(
            _("Rij %(rij)s: de periode ‘%(periode)s’ is geen jaar (zoals 2024 of 2024JJ00).")
            % {"rij": nummer, "periode": tekst[:20]}
        )
    return int(passend.group(1))


def _tabelcode(tekst: str) -> str:
    """The first CBS table id (85984NED) in a text, or ""."""
    passend = TABEL_RE.search(tekst.upper())
    return passend.group(1) if passend else ""


def _jaartal(tekst: str) -> int | None:
    passend = JAAR_RE.search(tekst)
    return int(passend.group(1)) if passend else None
