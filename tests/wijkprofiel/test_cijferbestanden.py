"""wijkprofiel.cijferbestanden: CBS figure files as a user downloads them (kwb csv/xlsx, StatLine
CSV, cbsodata JSON) read into the figures of one municipality, with missing values as None."""

import dataclasses
import io
import json
from decimal import Decimal

import pytest

from tests.wijkprofiel.cbsbestanden import (
    UTRECHT,
    WOERDEN,
    WOERDEN_2023,
    WOERDEN_2024,
    cbsodata_json,
    kwb_csv,
    kwb_xlsx,
    statline_csv,
)
from wijkprofiel import cijferbestanden
from wijkprofiel.cijferbestanden import GeenCijferbestand, GelezenCijfers, lees_cijfers
from wijkprofiel.indicatoren import INDICATOREN

GECUREERD = ("a_inw", "a_00_14", "a_65_oo", "a_hh", "a_1p_hh", "g_hhgro", "a_woning",
             "g_wozbag", "a_soz_wb")  # fmt: skip

FORMATEN = {
    "kwb-csv": ("kwb", lambda: kwb_csv(), "kwb-2024.csv"),
    "kwb-xlsx": ("kwb", lambda: kwb_xlsx(), "kwb-2024.xlsx"),
    "statline": ("statline", lambda: statline_csv(), "Kerncijfers_wijken_en_buurten.csv"),
    "statline-komma": ("statline", lambda: statline_csv(decimaal=","), "download.csv"),
    "cbsodata": ("cbsodata", lambda: cbsodata_json(), "85984NED.json"),
    "cbsodata-ongetypeerd": ("cbsodata", lambda: cbsodata_json(ongetypeerd=True), "85984NED.json"),
    "odata": ("cbsodata", lambda: cbsodata_json(odata=True), "wijken.json"),
}


def lees(inhoud: bytes, naam: str = "bestand.csv", **opties) -> GelezenCijfers:
    return lees_cijfers(inhoud, naam=naam, gemeentecode=opties.pop("gemeente", WOERDEN), **opties)


def weigering(inhoud: bytes, naam: str = "bestand.csv", **opties) -> str:
    with pytest.raises(GeenCijferbestand) as fout:
        lees(inhoud, naam, **opties)
    return str(fout.value)


# Every form gives the same figures


@pytest.mark.parametrize("vorm", FORMATEN)
def test_each_form_gives_the_same_figures(vorm):
    formaat, maak, naam = FORMATEN[vorm]
    gelezen = lees(maak(), naam)
    assert gelezen.formaat == formaat
    assert gelezen.jaren == (2024,)
    assert gelezen.waarden == WOERDEN_2024.verwacht()
    assert list(gelezen.regios) == list(WOERDEN_2024.namen())
    assert gelezen.herkend == GECUREERD
    assert gelezen.gewijzigd == {(2024, "BU06320103")}
    assert gelezen.buiten_gemeente == 2


@pytest.mark.parametrize("vorm", ["kwb-csv", "kwb-xlsx", "statline", "cbsodata"])
def test_region_names_as_in_the_file(vorm):
    _formaat, maak, naam = FORMATEN[vorm]
    assert lees(maak(), naam).regios == WOERDEN_2024.namen()


def test_odata_without_titles_keeps_the_codes_and_the_municipalitys_name():
    """OData's raw answer has codes where cbsodata puts titles; the GM row's name is in
    Gemeentenaam_1."""
    regios = lees(cbsodata_json(odata=True), "wijken.json").regios
    assert regios["GM0632"] == "Woerden"
    assert regios["BU06320101"] == "BU06320101"


def test_values_are_decimals_never_floats():
    for _formaat, maak, naam in FORMATEN.values():
        waarden = lees(maak(), naam).waarden
        assert all(w is None or type(w) is Decimal for w in waarden.values())
        assert waarden[(2024, "BU06320101", "g_hhgro")] == Decimal("1.7")


def test_other_municipalities_and_the_country_are_left_out():
    for _formaat, maak, naam in FORMATEN.values():
        gelezen = lees(maak(), naam)
        assert {c[2:6] for c in gelezen.regios} == {"0632"}
        assert not any(code[2:6] == "0344" for _j, code, _i in gelezen.waarden)
        assert gelezen.buiten_gemeente == WOERDEN_2024.buiten()


def test_the_same_file_read_for_the_other_municipality():
    gelezen = lees(kwb_csv(), "kwb-2024.csv", gemeente="gm0344")
    assert gelezen.regios == {"GM0344": "Utrecht", "WK034401": "Binnenstad"}
    assert gelezen.waarden[(2024, "GM0344", "a_inw")] == 374238
    assert gelezen.buiten_gemeente == 8


# Missing values


@pytest.mark.parametrize("vorm", FORMATEN)
def test_missing_values_are_none_not_zero(vorm):
    _formaat, maak, naam = FORMATEN[vorm]
    waarden = lees(maak(), naam).waarden
    assert waarden[(2024, "BU06320103", "g_wozbag")] is None  # "."
    assert waarden[(2024, "BU06320103", "a_soz_wb")] is None  # "."
    assert waarden[(2024, "BU06320202", "g_hhgro")] is None  # empty
    assert waarden[(2024, "BU06320201", "a_soz_wb")] is None  # -99997, secret
    assert waarden[(2024, "WK063202", "a_soz_wb")] is None  # -99999999, unknown
    assert waarden[(2024, "BU06320202", "a_soz_wb")] == 40


@pytest.mark.parametrize(
    ("tekst", "waarde"),
    [
        (".", None),
        ("", None),
        ("   ", None),
        ("       .", None),
        ("x", None),
        ("-99995", None),
        ("-99990", None),
        ("-99999999", None),
        ("-12", Decimal(-12)),
        ("0", Decimal(0)),
        ("  4520", Decimal(4520)),
        ("2,1", Decimal("2.1")),
        ("2.1", Decimal("2.1")),
        ("1.234,5", None),  # no thousands separators in CBS files
        ("NaN", None),
        ("1e5", None),
    ],
)
def test_a_cell_as_cbs_writes_it(tekst, waarde):
    regels = ["gwb_code_10;regio;a_inw", f"GM0632;Woerden;{tekst}"]
    gelezen = lees("\n".join(regels).encode(), "kwb-2024.csv")
    assert gelezen.waarden[(2024, "GM0632", "a_inw")] == waarde


def test_json_null_and_not_a_number_are_none():
    rijen = [
        {"ID": 0, "WijkenEnBuurten": "Woerden", "Codering_3": "GM0632    ", "AantalInwoners_5": v}
        for v in (None, "       .", True)
    ]
    for rij in rijen:
        gelezen = lees(json.dumps([rij]).encode(), "85984NED.json")
        assert gelezen.waarden == {(2024, "GM0632", "a_inw"): None}
    nan = b'[{"Codering_3": "GM0632", "AantalInwoners_5": NaN}]'
    assert lees(nan, "85984NED.json").waarden == {(2024, "GM0632", "a_inw"): None}


# Codes and headings


def test_padded_codes_are_trimmed():
    for inhoud, naam in [(statline_csv(), "s.csv"), (cbsodata_json(odata=True), "o.json")]:
        gelezen = lees(inhoud, naam)
        assert all(code == code.strip() for code in gelezen.regios)
        assert "WK063201" in gelezen.regios


def test_lower_case_codes_and_headings_in_capitals():
    regels = ["GWB_CODE_10;Regio;A_INW;G_WOZBAG", "bu06320101 ;Binnenstad;4520;412"]
    gelezen = lees("\n".join(regels).encode(), "kwb-2024.csv")
    assert gelezen.waarden == {
        (2024, "BU06320101", "a_inw"): Decimal(4520),
        (2024, "BU06320101", "g_wozbag"): Decimal(412),
    }


def test_cbsodata_keys_numbered_as_in_another_years_table():
    inhoud = cbsodata_json(WOERDEN_2023)
    assert b'"AantalInwoners_6"' in inhoud and b'"AantalInwoners_5"' not in inhoud
    gelezen = lees(inhoud, "85618NED.json")
    assert gelezen.waarden == WOERDEN_2023.verwacht()
    assert gelezen.herkend == GECUREERD
    assert gelezen.jaren == (2023,)
    assert gelezen.gewijzigd == frozenset()


def test_unknown_columns_are_listed_as_in_the_file():
    extra = ("Bevolking/Burgerlijke staat/Ongehuwd (aantal)",)
    gelezen = lees(statline_csv(extra_kolommen=extra), "s.csv")
    assert gelezen.genegeerd == (
        "Bevolking/Geslacht/Mannen (aantal)",
        "Bevolking/Geslacht/Vrouwen (aantal)",
        "Bevolking/Burgerlijke staat/Ongehuwd (aantal)",
    )
    assert lees(kwb_csv(), "kwb-2024.csv").genegeerd == ("a_man", "a_vrouw")
    assert lees(cbsodata_json(), "85984NED.json").genegeerd == ("Mannen_6", "Vrouwen_7")


def test_statline_headings_match_on_their_last_segment_without_unit():
    regels = [
        '"Wijken en buurten";"Codering (code)";"Aantal inwoners";"X/Y/  gemiddelde   WOZ-waarde '
        'van WONINGEN (x 1 000 euro)";"Bevolking/Huishoudens totaal (aantal)"',
        '"Woerden";"GM0632    ";"  17910";"  347";"  8520"',
    ]
    gelezen = lees("\n".join(regels).encode(), "s.csv", jaar=2024)
    assert gelezen.herkend == ("a_inw", "a_hh", "g_wozbag")


def test_statline_headings_for_the_curated_indicators():
    """Every indicator's StatLine label and cbsodata stem is recognised."""
    koppen = [f"Onderwerp/{i.statline} (eenheid)" for i in INDICATOREN]
    regels = [
        ";".join(
            f'"{k}"' for k in ["Wijken en buurten", "Regioaanduiding/Codering (code)", *koppen]
        ),
        ";".join(['"Woerden"', '"GM0632"'] + ['"1"'] * len(koppen)),
    ]
    assert lees("\n".join(regels).encode(), jaar=2024).herkend == tuple(i.code for i in INDICATOREN)
    rij = {"WijkenEnBuurten": "Woerden", "Codering_3": "GM0632"}
    rij |= {f"{i.cbsodata}_{n}": 1 for n, i in enumerate(INDICATOREN, start=5)}
    gelezen = lees(json.dumps([rij]).encode(), "x.json", jaar=2024)
    assert gelezen.herkend == tuple(i.code for i in INDICATOREN)


# The year and the table


def test_year_from_the_argument():
    gelezen = lees(kwb_csv(), "kerncijfers.csv", jaar=2024)
    assert gelezen.jaren == (2024,)
    assert gelezen.tabel == "kerncijfers"
    assert gelezen.waarden == WOERDEN_2024.verwacht()


def test_year_and_table_from_the_file_name():
    gelezen = lees(kwb_xlsx(WOERDEN_2023), "kwb-2023.xlsx")
    assert (gelezen.jaren, gelezen.tabel) == ((2023,), "kwb-2023")
    assert gelezen.waarden == WOERDEN_2023.verwacht()


def test_the_argument_goes_before_the_file_name():
    assert lees(kwb_csv(), "kwb-2023.csv", jaar=2024).jaren == (2024,)


def test_year_from_the_statline_title():
    gelezen = lees(statline_csv(tabelregel=False), "download.csv")
    assert (gelezen.jaren, gelezen.tabel) == ((2024,), "download")


def test_year_from_the_table_id():
    gelezen = lees(statline_csv(WOERDEN_2023, titel=None), "download.csv")
    assert (gelezen.jaren, gelezen.tabel) == ((2023,), "85618NED")
    assert gelezen.waarden == WOERDEN_2023.verwacht()
    odata = lees(cbsodata_json(WOERDEN_2023, odata=True), "download.json")
    assert (odata.jaren, odata.tabel) == ((2023,), "85618NED")


def test_table_id_from_the_file_name():
    gelezen = lees(cbsodata_json(), "85984NED_TypedDataSet.json")
    assert (gelezen.jaren, gelezen.tabel) == ((2024,), "85984NED")


@pytest.mark.parametrize(
    "maak",
    [
        lambda: statline_csv(WOERDEN_2023, WOERDEN_2024, perioden=True),
        lambda: cbsodata_json(WOERDEN_2023, WOERDEN_2024, perioden=True),
        lambda: cbsodata_json(WOERDEN_2023, WOERDEN_2024, perioden=True, odata=True),
    ],
)
def test_year_per_row_from_the_perioden_column(maak):
    inhoud = maak()
    naam = "perioden.json" if inhoud.startswith((b"[", b"{")) else "perioden.csv"
    gelezen = lees(inhoud, naam, jaar=2020)  # Perioden goes before the argument
    assert gelezen.jaren == (2023, 2024)
    assert gelezen.waarden == WOERDEN_2023.verwacht() | WOERDEN_2024.verwacht()
    assert gelezen.gewijzigd == {(2024, "BU06320103")}
    assert list(gelezen.regios) == list(WOERDEN_2024.namen())


def test_a_period_that_is_no_year_is_refused():
    regels = ['"Wijken en buurten";"Perioden";"Codering (code)";"Aantal inwoners (aantal)"']
    regels.append('"Woerden";"2024KW01";"GM0632";"17910"')
    assert "de periode ‘2024KW01’ is geen jaar" in weigering("\n".join(regels).encode())


def test_without_a_year_the_user_is_asked_for_it():
    melding = weigering(kwb_csv(), "kerncijfers.csv")
    assert "Van welk jaar zijn deze cijfers?" in melding
    assert "Geef het jaar op." in melding
    melding = weigering(statline_csv(titel=None, tabelregel=False), "download.csv")
    assert "Van welk jaar" in melding


def test_a_title_with_a_semicolon_and_a_comma():
    """StatLine's titles may hold the separators; the CSV reader must not be misled."""
    titel = "Kerncijfers wijken en buurten, {jaar}; per buurt"
    gelezen = lees(statline_csv(titel=titel, tabelregel=False), "s.csv")
    assert gelezen.jaren == (2024,)
    assert gelezen.waarden == WOERDEN_2024.verwacht()


# Boundary changes


def test_boundary_change_mark():
    regels = ["gwb_code_10;regio;ind_wbi;a_inw"]
    regels += [f"BU0632010{i};Buurt {i};{w};100" for i, w in enumerate(["1", "2", "3", ".", ""])]
    gelezen = lees("\n".join(regels).encode(), "kwb-2024.csv")
    assert gelezen.gewijzigd == {(2024, "BU06320101"), (2024, "BU06320102")}
    assert "ind_wbi" not in gelezen.genegeerd
    assert all(i != "ind_wbi" for _j, _c, i in gelezen.waarden)


# Files that are refused


@pytest.mark.parametrize(
    ("inhoud", "naam"),
    [
        (b"naam;bedrag\nWijk 1;100\n", "begroting.csv"),
        (b"", "leeg.csv"),
        (b"\x00\x01\x02 geen tekst", "kwb-2024.csv"),
        (b'{"a": 1}', "x.json"),
        (b'[{"naam": "Woerden", "inwoners": 1}]', "x.json"),
        (b"[]", "x.json"),
        (b"[1, 2, 3]", "x.json"),
        (b"[{", "x.json"),
        (b"[" * 100_000, "x.json"),
    ],
)
def test_a_file_that_is_not_cbs_is_refused_in_dutch(inhoud, naam):
    melding = weigering(inhoud, naam)
    assert melding.startswith("Dit is geen cijferbestand van het CBS met wijken en buurten.")
    assert "gwb_code_10" in melding and "Codering" in melding


def test_an_old_excel_file_is_refused():
    melding = weigering(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "kwb-2024.xls")
    assert ".xlsx of .csv" in melding


def test_a_damaged_excel_file_is_refused():
    assert "Excel" in weigering(b"PK\x03\x04 kapot", "kwb-2024.xlsx")


def test_a_file_without_curated_indicators_is_refused():
    inhoud = b"gwb_code_10;regio;a_man\nGM0632;Woerden;8740\n"
    melding = weigering(inhoud, "kwb-2024.csv")
    assert "geen van de cijfers die het wijkprofiel gebruikt" in melding


def test_a_file_of_another_municipality_only_is_refused():
    utrecht = dataclasses.replace(WOERDEN_2024, regios=WOERDEN_2024.van(UTRECHT))
    verwacht = "Het bestand bevat geen wijken of buurten van gemeente GM0632."
    for inhoud, naam in [
        (kwb_csv(utrecht), "kwb-2024.csv"),
        (kwb_xlsx(utrecht), "kwb-2024.xlsx"),
        (statline_csv(utrecht), "s.csv"),
        (cbsodata_json(utrecht), "85984NED.json"),
    ]:
        assert weigering(inhoud, naam) == verwacht


def test_a_statline_file_without_codes_asks_for_the_codes():
    regels = ['"Wijken en buurten";"Bevolking/Aantal inwoners (aantal)"', '"Woerden";"17910"']
    melding = weigering("\n".join(regels).encode(), jaar=2024)
    assert "Regioaanduiding/Codering" in melding


def test_too_many_rows_are_refused():
    assert "meer dan 5 rijen" in weigering(kwb_csv(), "kwb-2024.csv", max_rijen=5)
    assert "meer dan 5 rijen" in weigering(kwb_xlsx(), "kwb-2024.xlsx", max_rijen=5)
    assert "meer dan 5 regio's" in weigering(cbsodata_json(), "x.json", max_rijen=5)


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(cijferbestanden, "MAX_GROOTTE", 1000)
    assert "groter dan" in weigering(cbsodata_json(), "85984NED.json")


def test_a_wrong_municipality_code_is_a_programming_error():
    with pytest.raises(ValueError, match="GM and four digits"):
        lees_cijfers(kwb_csv(), naam="kwb-2024.csv", gemeentecode="0632")


# Streams


def test_a_stream_as_django_gives_an_upload():
    for _formaat, maak, naam in FORMATEN.values():
        stroom = io.BytesIO(maak())
        assert lees_cijfers(stroom, naam=naam, gemeentecode=WOERDEN).waarden == (
            WOERDEN_2024.verwacht()
        )


class _Pijp(io.RawIOBase):
    """A stream that cannot seek, as a pipe."""

    def __init__(self, data: bytes):
        self.data = io.BytesIO(data)

    def readable(self):
        return True

    def readinto(self, buffer):
        blok = self.data.read(len(buffer))
        buffer[: len(blok)] = blok
        return len(blok)


def test_a_stream_that_cannot_seek():
    gelezen = lees_cijfers(_Pijp(statline_csv()), naam="s.csv", gemeentecode=WOERDEN)
    assert gelezen.waarden == WOERDEN_2024.verwacht()
