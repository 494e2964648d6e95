"""CBS figure files made for the tests, in each form a user downloads, from one small dataset.

Nothing is committed: each generator writes the bytes of a real-looking file from a
`Cijferjaar` (the figures of one CBS table year):

- `kwb_csv` and `kwb_xlsx`: CBS's "Kerncijfers wijken en buurten" file (kwb-YYYY.csv: `;`,
  decimal comma, "." for a missing value; kwb-YYYY.xlsx: numbers as numbers);
- `statline_csv`: StatLine's "CSV met statistische symbolen" (title lines, every field quoted,
  label headings with path and unit, padded codes, names and numbers, "Bron: CBS" at the end);
- `cbsodata_json`: what `json.dump(cbsodata.get_data("85984NED"), f)` writes, or with
  `odata=True` OData's own `{"odata.metadata": …, "value": [...]}` (codes instead of titles).

The dataset is municipality GM0632 Woerden: its GM row, wijken WK063201 Woerden-Midden and
WK063202 Molenvliet and five buurten, plus the country's row and two rows of Utrecht (GM0344),
which a reader must leave out. It holds on purpose: "." values (Bomenwijk), an empty cell
(`LEEG`), CBS's negative codes for secret and unknown values (`GEHEIM`, `ONBEKEND`), a changed
boundary (Bomenwijk in 2024: ind_wbi 2), and two columns that are no curated indicator
(a_man, a_vrouw). Counts of a wijk are the sums of its buurten and the municipality's the sum of
its wijken; averages and percentages are CBS's own figures. `WOERDEN_2023` has the same regions
with slightly different figures (and cbsodata keys numbered one higher), for trends.

Typical use:

    from tests.wijkprofiel.cbsbestanden import WOERDEN_2024, kwb_xlsx
    gelezen = lees_cijfers(kwb_xlsx(), naam="kwb-2024.xlsx", gemeentecode="GM0632")
    assert gelezen.waarden == WOERDEN_2024.verwacht()
"""

import csv
import dataclasses
import io
import json
from dataclasses import dataclass
from decimal import Decimal

import openpyxl

GEHEIM = -99997  # CBS's code for a secret value
ONBEKEND = -99999999  # CBS's code for an unknown value
LEEG = ""  # an empty cell (null in JSON)
# None is a missing value as CBS writes it: "." in kwb and StatLine files, null in JSON

WOERDEN = "GM0632"
UTRECHT = "GM0344"
D = Decimal

# The columns of the files after the region columns: kwb code, StatLine heading, cbsodata stem.
# a_man and a_vrouw are real CBS columns that are not in INDICATOREN.
KOLOMMEN: tuple[tuple[str, str, str], ...] = (
    ("a_inw", "Bevolking/Aantal inwoners (aantal)", "AantalInwoners"),
    ("a_man", "Bevolking/Geslacht/Mannen (aantal)", "Mannen"),
    ("a_vrouw", "Bevolking/Geslacht/Vrouwen (aantal)", "Vrouwen"),
    ("a_00_14", "Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)", "k_0Tot15Jaar"),
    ("a_65_oo", "Bevolking/Leeftijdsgroepen/65 jaar of ouder (aantal)", "k_65JaarOfOuder"),
    ("a_hh", "Bevolking/Particuliere huishoudens/Huishoudens totaal (aantal)", "HuishoudensTotaal"),
    ("a_1p_hh", "Bevolking/Particuliere huishoudens/Eenpersoonshuishoudens (aantal)",
     "Eenpersoonshuishoudens"),
    ("g_hhgro", "Bevolking/Particuliere huishoudens/Gemiddelde huishoudensgrootte (aantal)",
     "GemiddeldeHuishoudensgrootte"),
    ("a_woning", "Wonen en vastgoed/Woningvoorraad (aantal)", "Woningvoorraad"),
    ("g_wozbag", "Wonen en vastgoed/Gemiddelde WOZ-waarde van woningen (x 1 000 euro)",
     "GemiddeldeWOZWaardeVanWoningen"),
    ("a_soz_wb", "Sociale zekerheid/Personen per soort uitkering/Bijstand (aantal)",
     "PersonenPerSoortUitkeringBijstand"),
)  # fmt: skip
CODES = tuple(k for k, _s, _c in KOLOMMEN)
NIET_GECUREERD = ("a_man", "a_vrouw")
SOORTEN = {"NL": "Land", "GM": "Gemeente", "WK": "Wijk", "BU": "Buurt"}

Waarde = Decimal | int | str | None  # a figure, GEHEIM/ONBEKEND, LEEG or None (".")


@dataclass(frozen=True)
class Regiocijfers:
    """One region's row: `waarden` per kwb code (as in `KOLOMMEN`), as CBS writes them."""

    code: str  # GM0632, WK063201, BU06320101; the country is NL00
    naam: str
    gemeente: str  # the municipality's name (gm_naam)
    waarden: dict[str, Waarde]
    ind_wbi: int | None = 1  # 1 unchanged, 2 or 3 changed; None "." (country, municipality)

    @property
    def soort(self) -> str:
        return SOORTEN[self.code[:2]]


@dataclass(frozen=True)
class Cijferjaar:
    """The rows of one CBS table year; `tabel` is its StatLine id (85984NED for 2024)."""

    jaar: int
    tabel: str
    regios: tuple[Regiocijfers, ...]
    nummer_verschuiving: int = 0  # added to the numbers of cbsodata's keys from _4 on

    def als(self, *, jaar: int | None = None, tabel: str | None = None) -> "Cijferjaar":
        """The same figures for another year or table id."""
        return dataclasses.replace(
            self, jaar=self.jaar if jaar is None else jaar, tabel=tabel or self.tabel
        )

    def van(self, gemeente: str = WOERDEN) -> tuple[Regiocijfers, ...]:
        """The rows of one municipality (GM, WK and BU codes with its four digits)."""
        return tuple(r for r in self.regios if r.code[:2] != "NL" and r.code[2:6] == gemeente[2:])

    def verwacht(self, gemeente: str = WOERDEN) -> dict[tuple[int, str, str], Decimal | None]:
        """What a reader should give as `waarden`: the curated indicators, None for every
        missing value (".", empty, negative code)."""
        return {
            (self.jaar, r.code, code): verwachte_waarde(r.waarden[code])
            for r in self.van(gemeente)
            for code in CODES
            if code not in NIET_GECUREERD
        }

    def namen(self, gemeente: str = WOERDEN) -> dict[str, str]:
        return {r.code: r.naam for r in self.van(gemeente)}

    def gewijzigd(self, gemeente: str = WOERDEN) -> frozenset[tuple[int, str]]:
        return frozenset(
            (self.jaar, r.code) for r in self.van(gemeente) if r.ind_wbi not in (None, 1)
        )

    def buiten(self, gemeente: str = WOERDEN) -> int:
        """Rows of other municipalities in the files (the country's row not counted)."""
        return sum(1 for r in self.regios if r.code[:2] != "NL") - len(self.van(gemeente))


def verwachte_waarde(waarde: Waarde) -> Decimal | None:
    if waarde is None or waarde == LEEG or int(waarde) <= -99990:
        return None
    return Decimal(waarde)


def _regio(code, naam, gemeente, waarden, ind_wbi=1) -> Regiocijfers:
    return Regiocijfers(code, naam, gemeente, dict(zip(CODES, waarden, strict=True)), ind_wbi)


#              a_inw   man  vrouw 0-14  65+   hh   1p_hh hhgro    woning woz    bijstand
WOERDEN_2024 = Cijferjaar(2024, "85984NED", (
    _regio("NL00", "Nederland", "Nederland",
           (17942942, 8919822, 9023120, 2727000, 3657000, 8207634, 3300000, D("2.1"),
            8200000, 451, 420000), None),
    _regio("GM0632", "Woerden", "Woerden",
           (17910, 8740, 9170, 3000, 3480, 8520, 3160, D("2.1"), 8690, 347, 410), None),
    _regio("WK063201", "Woerden-Midden", "Woerden",
           (9750, 4740, 5010, 1400, 2250, 5010, 2160, D("1.9"), 5120, 381, 170)),
    _regio("BU06320101", "Binnenstad", "Woerden",
           (4520, 2180, 2340, 510, 1130, 2650, 1390, D("1.7"), 2710, 412, 95)),
    _regio("BU06320102", "Staatsliedenkwartier", "Woerden",
           (3180, 1560, 1620, 560, 610, 1420, 470, D("2.2"), 1450, 356, 60)),
    _regio("BU06320103", "Bomenwijk", "Woerden",
           (2050, 1000, 1050, 330, 510, 940, 300, D("2.2"), 960, None, None), ind_wbi=2),
    _regio("WK063202", "Molenvliet", "Woerden",
           (8160, 4000, 4160, 1600, 1230, 3510, 1000, D("2.3"), 3570, 309, ONBEKEND)),
    _regio("BU06320201", "Molenvliet-Noord", "Woerden",
           (3900, 1910, 1990, 720, 640, 1710, 520, D("2.3"), 1740, 318, GEHEIM)),
    _regio("BU06320202", "Molenvliet-Zuid", "Woerden",
           (4260, 2090, 2170, 880, 590, 1800, 480, LEEG, 1830, 301, 40)),
    _regio("GM0344", "Utrecht", "Utrecht",
           (374238, 183000, 191238, 62000, 42000, 189000, 96000, D("1.9"), 166000, 421,
            12000), None),
    _regio("WK034401", "Binnenstad", "Utrecht",
           (17500, 8600, 8900, 1500, 1900, 11000, 7100, D("1.5"), 10400, 502, 600)),
))  # fmt: skip

WOERDEN_2023 = Cijferjaar(2023, "85618NED", (
    _regio("NL00", "Nederland", "Nederland",
           (17811291, 8850000, 8961291, 2730000, 3580000, 8125000, 3250000, D("2.1"),
            8100000, 404, 425000), None),
    _regio("GM0632", "Woerden", "Woerden",
           (17770, 8680, 9090, 3020, 3390, 8410, 3080, D("2.1"), 8600, 315, 430), None),
    _regio("WK063201", "Woerden-Midden", "Woerden",
           (9680, 4710, 4970, 1410, 2200, 4960, 2110, D("1.9"), 5080, 346, 180)),
    _regio("BU06320101", "Binnenstad", "Woerden",
           (4490, 2170, 2320, 500, 1100, 2630, 1370, D("1.7"), 2700, 374, 100)),
    _regio("BU06320102", "Staatsliedenkwartier", "Woerden",
           (3170, 1550, 1620, 570, 600, 1410, 460, D("2.2"), 1440, 324, 60)),
    _regio("BU06320103", "Bomenwijk", "Woerden",
           (2020, 990, 1030, 340, 500, 920, 280, D("2.2"), 940, 330, 20)),
    _regio("WK063202", "Molenvliet", "Woerden",
           (8090, 3970, 4120, 1610, 1190, 3450, 970, D("2.3"), 3520, 281, 250)),
    _regio("BU06320201", "Molenvliet-Noord", "Woerden",
           (3870, 1900, 1970, 730, 620, 1690, 500, D("2.3"), 1720, 289, 210)),
    _regio("BU06320202", "Molenvliet-Zuid", "Woerden",
           (4220, 2070, 2150, 880, 570, 1760, 470, D("2.4"), 1800, 274, 40)),
    _regio("GM0344", "Utrecht", "Utrecht",
           (367984, 180000, 187984, 61500, 41000, 186000, 94000, D("1.9"), 164000, 380,
            12500), None),
    _regio("WK034401", "Binnenstad", "Utrecht",
           (17400, 8550, 8850, 1490, 1880, 10900, 7050, D("1.5"), 10300, 455, 610)),
), nummer_verschuiving=1)  # fmt: skip


# kwb


def _kwb_kop() -> list[str]:
    return ["gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi"]


def _kwb_code_8(code: str) -> int:
    """gwb_code_8 is the code's digits as a number: 632, 63201, 6320101 (the country 0)."""
    return int(code[2:])


def kwb_csv(data: Cijferjaar = WOERDEN_2024) -> bytes:
    """kwb-YYYY.csv as CBS publishes it: `;`, decimal comma, "." for a missing value, UTF-8."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(_kwb_kop() + list(CODES))
    for r in data.regios:
        vast = [r.code, _kwb_code_8(r.code), r.naam, r.gemeente, r.soort, r.code]
        vast.append("." if r.ind_wbi is None else r.ind_wbi)
        schrijver.writerow(vast + [_kwb_tekst(r.waarden[c]) for c in CODES])
    return uit.getvalue().encode()


def _kwb_tekst(waarde: Waarde) -> str:
    if waarde is None:
        return "."
    return str(waarde).replace(".", ",")


def kwb_xlsx(data: Cijferjaar = WOERDEN_2024) -> bytes:
    """kwb-YYYY.xlsx: the same rows as `kwb_csv`, numbers as Excel numbers, "." as text."""
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "KWB" + str(data.jaar)
    blad.append(_kwb_kop() + list(CODES))
    for r in data.regios:
        vast = [r.code, _kwb_code_8(r.code), r.naam, r.gemeente, r.soort, r.code]
        vast.append("." if r.ind_wbi is None else r.ind_wbi)
        blad.append(vast + [_xlsx_waarde(r.waarden[c]) for c in CODES])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _xlsx_waarde(waarde: Waarde):
    if waarde is None:
        return "."
    if waarde == LEEG:
        return None
    return float(waarde) if isinstance(waarde, Decimal) else waarde


# StatLine

STATLINE_REGIOKOLOMMEN = [
    "Wijken en buurten",
    "Regioaanduiding/Gemeentenaam (naam)",
    "Regioaanduiding/Soort regio (omschrijving)",
    "Regioaanduiding/Codering (code)",
    "Regioaanduiding/Indelingswijziging wijken en buurten (code)",
]
STATLINE_TITEL = "Kerncijfers wijken en buurten {jaar}"


def statline_csv(
    *jaren: Cijferjaar,
    titel: str | None = STATLINE_TITEL,
    tabelregel: bool = True,
    perioden: bool = False,
    decimaal: str = ".",
    extra_kolommen: tuple[str, ...] = (),
) -> bytes:
    """StatLine's "CSV met statistische symbolen" of one or more years (default 2024).

    `titel` is the first line ({jaar} is filled in; None: no title line); `tabelregel` adds a
    line with the table id ("85984NED"); `perioden` adds a `Perioden` column ("2024JJ00"),
    as a download of several years has; `decimaal` is the decimal separator. Codes, names and
    numbers are padded with spaces as StatLine does; "." is a missing value; the file ends
    with "Bron: CBS". `extra_kolommen` are headings of empty columns added at the end."""
    jaren = jaren or (WOERDEN_2024,)
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    if titel is not None:
        schrijver.writerow([titel.format(jaar=jaren[0].jaar)])
    if tabelregel:
        schrijver.writerow([jaren[0].tabel])
    kop = list(STATLINE_REGIOKOLOMMEN)
    if perioden:
        kop.insert(1, "Perioden")
    schrijver.writerow(kop + [s for _k, s, _c in KOLOMMEN] + list(extra_kolommen))
    for data in jaren:
        for r in data.regios:
            code = "NL01" if r.code == "NL00" else r.code
            rij = [r.naam, r.gemeente.ljust(40), r.soort.ljust(10), code.ljust(10)]
            rij.append(("." if r.ind_wbi is None else str(r.ind_wbi)).ljust(10))
            if perioden:
                rij.insert(1, f"{data.jaar}JJ00")
            waarden = [_statline_tekst(r.waarden[c], decimaal) for c in CODES]
            schrijver.writerow(rij + waarden + [""] * len(extra_kolommen))
    schrijver.writerow(["Bron: CBS"])
    return uit.getvalue().encode("utf-8-sig")


def _statline_tekst(waarde: Waarde, decimaal: str) -> str:
    tekst = "." if waarde is None or waarde == LEEG else str(waarde).replace(".", decimaal)
    return tekst.rjust(10)


# cbsodata


def cbsodata_json(
    *jaren: Cijferjaar, odata: bool = False, perioden: bool = False, ongetypeerd: bool = False
) -> bytes:
    """What `json.dump(cbsodata.get_data(tabel), f)` writes for one or more years (default
    2024): a list of objects keyed "ID", "WijkenEnBuurten" (the region's title), then
    "Gemeentenaam_1", "SoortRegio_2", "Codering_3" (padded), "IndelingswijzigingWijkenEn
    Buurten_4", "AantalInwoners_5", …, numbered one higher per `nummer_verschuiving` of the
    (first) year (2023: "AantalInwoners_6"); numbers, null for a missing value.

    `odata=True`: OData's own answer, `{"odata.metadata": ".../85984NED/$metadata#…",
    "value": [...]}`, with padded codes instead of titles in WijkenEnBuurten and Perioden.
    `perioden` adds the "Perioden" key ("2024", or "2024JJ00" with `odata`). `ongetypeerd`
    writes the values as the UntypedDataSet has them: padded text, "." when missing."""
    jaren = jaren or (WOERDEN_2024,)
    rijen = []
    for data in jaren:
        for r in data.regios:
            rij = _cbsodata_rij(len(rijen), r, data, jaren[0].nummer_verschuiving, odata, perioden)
            rijen.append(rij | _cbsodata_waarden(r, jaren[0].nummer_verschuiving, ongetypeerd))
    if odata:
        metadata = (
            f"https://opendata.cbs.nl/ODataApi/OData/{jaren[0].tabel}/$metadata"
            "#Cbs.OData.WebAPI.TypedDataSet"
        )
        return json.dumps({"odata.metadata": metadata, "value": rijen}).encode()
    return json.dumps(rijen).encode()


def _cbsodata_rij(
    nummer: int, r: Regiocijfers, data: Cijferjaar, n: int, odata: bool, perioden: bool
) -> dict:
    code = "NL01" if r.code == "NL00" else r.code
    rij = {"ID": nummer, "WijkenEnBuurten": code.ljust(10) if odata else r.naam}
    if perioden:
        rij["Perioden"] = f"{data.jaar}JJ00" if odata else str(data.jaar)
    rij["Gemeentenaam_1"] = r.gemeente.ljust(40)
    rij["SoortRegio_2"] = r.soort.ljust(10)
    rij["Codering_3"] = code.ljust(10)
    rij[f"IndelingswijzigingWijkenEnBuurten_{4 + n}"] = (
        None if r.ind_wbi is None else str(r.ind_wbi)
    )
    return rij


def _cbsodata_waarden(r: Regiocijfers, n: int, ongetypeerd: bool) -> dict:
    """The figures under keys numbered from 5 + `n` (one table's numbering for all years)."""
    return {
        f"{stam}_{5 + n + i}": _cbsodata_waarde(r.waarden[kwb], ongetypeerd)
        for i, (kwb, _s, stam) in enumerate(KOLOMMEN)
    }


def _cbsodata_waarde(waarde: Waarde, ongetypeerd: bool):
    if waarde is None or waarde == LEEG:
        return "       ." if ongetypeerd else None
    if ongetypeerd:
        return str(waarde).rjust(10)
    return float(waarde) if isinstance(waarde, Decimal) else waarde
