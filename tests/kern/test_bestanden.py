"""kern.bestanden: CSV and Excel files read as streams, refused as soon as a limit is passed."""

import datetime
import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from kern.bestanden import (
    MAX_ONDERDEEL,
    MAX_RIJ_XML,
    BestandTeGroot,
    OnleesbaarBestand,
    lees_rijen,
)

LIMIET = 1000


def xlsx_met_rijen(pad, aantal: int):
    """An xlsx as streaming writers make it (openpyxl's write-only mode): a header and
    `aantal` rows, and no <dimension> telling the size up front."""
    boek = Workbook(write_only=True)
    blad = boek.create_sheet()
    blad.append(["gebied", "realisatie"])
    for i in range(aantal):
        blad.append([f"Wijk {i % 7}", i])
    boek.save(pad)
    return pad


def bewerk_blad(inhoud: bytes, bewerking) -> bytes:
    """The same xlsx with the first sheet's XML changed by `bewerking(text) -> text`."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(inhoud)) as bron, zipfile.ZipFile(uit, "w") as doel:
        for info in bron.infolist():
            data = bron.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = bewerking(data.decode()).encode()
            doel.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return uit.getvalue()


def klein_xlsx(*rijen) -> bytes:
    boek = Workbook()
    for rij in rijen:
        boek.active.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def test_an_xlsx_with_far_more_rows_than_the_limit_is_refused_before_its_rows_are_read(tmp_path):
    pad = xlsx_met_rijen(tmp_path / "groot.xlsx", LIMIET + 4000)
    with open(pad, "rb") as bestand, pytest.raises(BestandTeGroot) as fout:
        lees_rijen(bestand, max_rijen=LIMIET)  # refused on opening: no row is given at all
    assert str(fout.value).startswith("Het bestand heeft meer dan 1.000 rijen;")
    assert "er is niets ingelezen" in str(fout.value)


def test_an_xlsx_at_the_limit_is_read_whole(tmp_path):
    pad = xlsx_met_rijen(tmp_path / "precies.xlsx", LIMIET)
    with open(pad, "rb") as bestand:
        rijen = list(lees_rijen(bestand, max_rijen=LIMIET))
    assert len(rijen) == LIMIET + 1
    assert rijen[0] == ["gebied", "realisatie"]
    assert rijen[-1] == ["Wijk 5", "999"]


def test_a_csv_over_the_limit_is_refused_while_it_is_read():
    inhoud = "gebied;realisatie\n" + "".join(f"Wijk;{i}\n" for i in range(LIMIET + 3000))
    rijen = lees_rijen(inhoud.encode(), naam="groot.csv", max_rijen=LIMIET)
    gelezen = []
    with pytest.raises(BestandTeGroot, match=r"^Het bestand heeft meer dan 1\.000 rijen;"):
        for rij in rijen:
            gelezen.append(rij)
    assert len(gelezen) == LIMIET + 1  # the header and the limit, then it stopped


def test_a_csv_at_the_limit_is_read_whole():
    inhoud = "gebied;realisatie\n" + "".join(f"Wijk;{i}\n" for i in range(LIMIET))
    assert len(list(lees_rijen(inhoud.encode(), naam="c.csv", max_rijen=LIMIET))) == LIMIET + 1


def test_a_sheet_claiming_the_largest_size_excel_allows_is_read_as_the_rows_it_has():
    inhoud = bewerk_blad(
        klein_xlsx(["gebied", "realisatie"], ["Harmelen", 30000]),
        lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', xml),
    )
    assert b"A1:XFD1048576" in zipfile.ZipFile(io.BytesIO(inhoud)).read("xl/worksheets/sheet1.xml")
    rijen = list(lees_rijen(inhoud, naam="claim.xlsx", max_rijen=LIMIET))
    assert rijen == [["gebied", "realisatie"], ["Harmelen", "30000"]]


def test_a_tiny_xlsx_with_one_cell_in_the_last_row_is_refused():
    inhoud = bewerk_blad(
        klein_xlsx(["gebied", "realisatie"]),
        lambda xml: xml.replace(
            "</sheetData>",
            '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
            "</sheetData>",
        ),
    )
    assert len(inhoud) < 10_000
    with pytest.raises(BestandTeGroot, match=r"meer dan 1\.000 rijen"):
        lees_rijen(inhoud, naam="ver.xlsx", max_rijen=LIMIET)


def test_rows_the_sheet_leaves_out_are_empty_rows_so_numbers_stay_as_in_excel():
    inhoud = bewerk_blad(
        klein_xlsx(["gebied", "realisatie"]),
        lambda xml: xml.replace(
            "</sheetData>",
            '<row r="4"><c r="B4"><v>7</v></c><c r="XFD4"><v>1</v></c></row></sheetData>',
        ),
    )
    rijen = list(lees_rijen(inhoud, naam="gaten.xlsx", max_rijen=LIMIET))
    # a cell far to the right (column XFD) is left out, not padded to 16,384 cells
    assert rijen == [["gebied", "realisatie"], [], [], ["", "7"]]


def test_one_enormous_cell_is_refused():
    reus = "a" * (2 * MAX_RIJ_XML)
    inhoud = bewerk_blad(
        klein_xlsx(["gebied"]),
        lambda xml: xml.replace(
            "</sheetData>",
            f'<row r="2"><c r="A2" t="inlineStr"><is><t>{reus}</t></is></c></row></sheetData>',
        ),
    )
    with pytest.raises(BestandTeGroot, match="Een rij van dit Excel-bestand is groter dan 4 MB"):
        list(lees_rijen(inhoud, naam="reus.xlsx", max_rijen=LIMIET))


def test_a_shared_strings_part_that_unpacks_beyond_bounds_is_refused_unread():
    inhoud = io.BytesIO(klein_xlsx(["gebied"], ["Harmelen"]))
    with zipfile.ZipFile(inhoud, "a", compression=zipfile.ZIP_DEFLATED) as archief:
        tekst = "<si><t>x</t></si>" * (MAX_ONDERDEEL // 17 + 1)
        archief.writestr("xl/sharedStrings.xml", f"<sst>{tekst}</sst>")
    assert len(inhoud.getvalue()) < 1_000_000
    with pytest.raises(BestandTeGroot, match=r"uitgepakt te groot \(het onderdeel"):
        lees_rijen(inhoud.getvalue(), naam="bom.xlsx", max_rijen=LIMIET)


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("cijfers.txt", b"x", "Kies een CSV- of Excel-bestand"),
        ("cijfers.xlsx", b"geen excel", "Dit Excel-bestand kan niet worden gelezen."),
        ("cijfers.csv", b"a;b\r1;2\n", "Rij 1 is geen geldige CSV"),
        ("cijfers.csv", b"a;" + b"x" * 1_000_001, "langer dan 1.000.000 tekens"),
    ],
)
def test_unreadable_files_are_explained(naam, inhoud, melding):
    with pytest.raises(OnleesbaarBestand, match=re.escape(melding)):
        list(lees_rijen(inhoud, naam=naam, max_rijen=LIMIET))


def test_csv_encodings_and_separators_are_recognised():
    def lees(inhoud: bytes):
        return list(lees_rijen(inhoud, naam="c.csv", max_rijen=50_000))

    assert lees('\ufeffgebied,naam\nCafé,"A, B"\n'.encode()) == [
        ["gebied", "naam"],
        ["Café", "A, B"],
    ]
    # Windows-1252 found only far into the file (after the first block was plain ASCII)
    ascii_deel = "".join(f"Wijk;{i}\n" for i in range(20_000))
    rijen = lees(("gebied;naam\n" + ascii_deel + "Café;1\n").encode("cp1252"))
    assert rijen[-1] == ["Café", "1"] and len(rijen) == 20_002


@pytest.mark.parametrize("afstand", [0, 100_000])  # within the first block read, or far after
def test_a_csv_that_mixes_utf8_and_windows_1252_is_refused_not_garbled(afstand):
    inhoud = (
        "gebied;naam\nCafé;1\n".encode()
        + b"Wijk;1\n" * (afstand // 7)
        + "Crème;2\n".encode("cp1252")
    )
    with pytest.raises(OnleesbaarBestand, match="niet in één tekenset opgeslagen"):
        list(lees_rijen(inhoud, naam="c.csv", max_rijen=50_000))


def test_excel_values_come_back_as_text_the_amount_reader_reads_unambiguously():
    inhoud = klein_xlsx(
        ["getal", "komma", "som", "duizendste", "datum", "waar"],
        [30000, 31500.5, 0.1 + 0.2, 1.234, datetime.date(2021, 12, 31), True],
    )
    rijen = list(lees_rijen(inhoud, naam="waarden.xlsx", max_rijen=LIMIET))
    assert rijen[1] == ["30000", "31500,5", "0,3", "1,234", "31-12-2021", "ja"]


def test_a_damaged_row_is_named_not_a_crash():
    inhoud = bewerk_blad(
        klein_xlsx(["gebied"]),
        lambda xml: xml.replace(
            "</sheetData>", '<row r="2"><c r="A2" t="s"><v>99</v></c></row></sheetData>'
        ),
    )
    with pytest.raises(OnleesbaarBestand, match="Rij 2 van dit Excel-bestand kan niet worden"):
        list(lees_rijen(inhoud, naam="kapot.xlsx", max_rijen=LIMIET))
