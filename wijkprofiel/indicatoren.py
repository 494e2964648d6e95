"""The curated list of CBS indicators a wijkprofiel can show, with how each is named in the
three forms a user downloads and how an own area's figure is made from its buurten.

Codes are the short column names of CBS's yearly "Kerncijfers wijken en buurten" file (kwb);
`statline` is the label of the same column in a StatLine CSV download, without its path and
unit ("Bevolking/Aantal inwoners (aantal)" → "Aantal inwoners"); `cbsodata` is the key's stem in
the JSON the `cbsodata` package saves ("AantalInwoners_5" → "AantalInwoners"; the number after
the stem differs from one year's table to the next); `kaart` are the attribute names in CBS's
wijk- en buurtkaart (recent spelling first, then the older capitals).

How an own area (a set of buurten) gets its figure, per indicator (docs/wijkprofiel.md has the
table):
- SOM: counts, summed over the buurten;
- GEWOGEN: percentages and averages, weighted by their own denominator (`noemer`, a count of
  this list): sum(value × noemer) / sum(noemer);
- EXACT: cannot be aggregated honestly (a median, or a denominator CBS does not publish), so it
  is shown only where CBS publishes it for that exact region.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SOM = "som"
GEWOGEN = "gewogen"
EXACT = "exact"

INDELINGSWIJZIGING = "ind_wbi"  # the kwb column that marks boundary changes (1: unchanged)
INDELINGSWIJZIGING_STATLINE = "Indelingswijziging wijken en buurten"
INDELINGSWIJZIGING_CBSODATA = "IndelingswijzigingWijkenEnBuurten"
INDELINGSWIJZIGING_KAART = ("indelingswijziging_wijken_en_buurten", "IND_WBI")


@dataclass(frozen=True)
class Indicator:
    code: str  # the kwb column, e.g. a_inw
    naam: str  # as a reader sees it
    eenheid: str  # aantal, %, km, x 1 000 euro, per km², ha
    regel: str  # SOM, GEWOGEN or EXACT
    statline: str
    cbsodata: str
    noemer: str = ""  # the count a GEWOGEN indicator is weighted by
    kaart: tuple[str, ...] = ()
    decimalen: int = 0  # shown with this many decimals
    kort: str = ""  # in running text ("In cijfers: inwoners 4.520; WOZ-waarde € 312.000")

    @property
    def in_zin(self) -> str:
        return str(self.kort or self.naam)


INDICATOREN: tuple[Indicator, ...] = (
    Indicator("a_inw", _("Inwoners"), "aantal", SOM, "Aantal inwoners", "AantalInwoners",
              kaart=("aantal_inwoners", "AANT_INW"), kort=_("inwoners")),
    Indicator("a_00_14", _("Inwoners van 0 tot 15 jaar"), "aantal", SOM, "0 tot 15 jaar",
              "k_0Tot15Jaar", kort=_("0 tot 15 jaar")),
    Indicator("a_15_24", _("Inwoners van 15 tot 25 jaar"), "aantal", SOM, "15 tot 25 jaar",
              "k_15Tot25Jaar", kort=_("15 tot 25 jaar")),
    Indicator("a_25_44", _("Inwoners van 25 tot 45 jaar"), "aantal", SOM, "25 tot 45 jaar",
              "k_25Tot45Jaar", kort=_("25 tot 45 jaar")),
    Indicator("a_45_64", _("Inwoners van 45 tot 65 jaar"), "aantal", SOM, "45 tot 65 jaar",
              "k_45Tot65Jaar", kort=_("45 tot 65 jaar")),
    Indicator("a_65_oo", _("Inwoners van 65 jaar of ouder"), "aantal", SOM, "65 jaar of ouder",
              "k_65JaarOfOuder", kort=_("65 jaar of ouder")),
    Indicator("a_hh", _("Huishoudens"), "aantal", SOM, "Huishoudens totaal", "HuishoudensTotaal",
              kaart=("aantal_huishoudens", "AANT_HH"), kort=_("huishoudens")),
    Indicator("a_1p_hh", _("Eenpersoonshuishoudens"), "aantal", SOM, "Eenpersoonshuishoudens",
              "Eenpersoonshuishoudens", kort=_("eenpersoonshuishoudens")),
    Indicator("g_hhgro", _("Gemiddelde huishoudensgrootte"), "aantal", GEWOGEN,
              "Gemiddelde huishoudensgrootte", "GemiddeldeHuishoudensgrootte", noemer="a_hh",
              kaart=("gemiddelde_huishoudsgrootte", "GEM_HH_GR"), decimalen=1,
              kort=_("huishoudensgrootte")),
    Indicator("a_woning", _("Woningen"), "aantal", SOM, "Woningvoorraad", "Woningvoorraad",
              kaart=("woningvoorraad", "WONINGEN"), kort=_("woningen")),
    Indicator("g_wozbag", _("Gemiddelde WOZ-waarde van woningen"), "x 1 000 euro", GEWOGEN,
              "Gemiddelde WOZ-waarde van woningen", "GemiddeldeWOZWaardeVanWoningen",
              noemer="a_woning", kaart=("gemiddelde_woningwaarde", "WOZ"), kort=_("WOZ-waarde")),
    Indicator("p_koopw", _("Koopwoningen"), "%", GEWOGEN, "Koopwoningen", "Koopwoningen",
              noemer="a_woning", kaart=("percentage_koopwoningen", "P_KOOPWON"),
              kort=_("koopwoningen")),
    Indicator("p_huurw", _("Huurwoningen"), "%", GEWOGEN, "Huurwoningen totaal",
              "HuurwoningenTotaal", noemer="a_woning",
              kaart=("percentage_huurwoningen", "P_HUURWON"), kort=_("huurwoningen")),
    Indicator("a_soz_wb", _("Personen met een bijstandsuitkering"), "aantal", SOM, "Bijstand",
              "PersonenPerSoortUitkeringBijstand", kort=_("bijstand")),
    Indicator("a_soz_ao", _("Personen met een arbeidsongeschiktheidsuitkering"), "aantal", SOM,
              "Arbeidsongeschiktheid", "PersonenPerSoortUitkeringAO",
              kort=_("arbeidsongeschiktheidsuitkering")),
    Indicator("a_soz_ww", _("Personen met een WW-uitkering"), "aantal", SOM, "WW",
              "PersonenPerSoortUitkeringWW", kort=_("WW-uitkering")),
    Indicator("a_soz_ow", _("Personen met een AOW-uitkering"), "aantal", SOM, "AOW",
              "PersonenPerSoortUitkeringAOW", kort=_("AOW")),
    Indicator("a_lan_ha", _("Oppervlakte land"), "ha", SOM, "Oppervlakte land", "OppervlakteLand",
              kort=_("land")),
    Indicator("bev_dich", _("Bevolkingsdichtheid"), "per km²", GEWOGEN, "Bevolkingsdichtheid",
              "Bevolkingsdichtheid", noemer="a_lan_ha",
              kaart=("bevolkingsdichtheid_inwoners_per_km2", "BEV_DICHTH"), kort=_("dichtheid")),
    Indicator("g_afs_hp", _("Afstand tot de huisartsenpraktijk"), "km", GEWOGEN,
              "Afstand tot huisartsenpraktijk", "AfstandTotHuisartsenpraktijk", noemer="a_inw",
              decimalen=1, kort=_("afstand huisarts")),
    Indicator("g_afs_gs", _("Afstand tot een grote supermarkt"), "km", GEWOGEN,
              "Afstand tot grote supermarkt", "AfstandTotGroteSupermarkt", noemer="a_inw",
              decimalen=1, kort=_("afstand grote supermarkt")),
    Indicator("g_afs_sc", _("Afstand tot een school"), "km", GEWOGEN, "Afstand tot school",
              "AfstandTotSchool", noemer="a_inw", decimalen=1, kort=_("afstand school")),
    Indicator("g_ink_pi", _("Gemiddeld inkomen per inwoner"), "x 1 000 euro", EXACT,
              "Gemiddeld inkomen per inwoner", "GemiddeldInkomenPerInwoner", decimalen=1,
              kort=_("inkomen per inwoner")),
    Indicator("p_hh_li", _("Huishoudens met een laag inkomen"), "%", EXACT,
              "Huishoudens met een laag inkomen", "HuishoudensMetEenLaagInkomen", decimalen=1,
              kort=_("huishoudens met laag inkomen")),
)  # fmt: skip

PER_CODE = {i.code: i for i in INDICATOREN}
STANDAARD_PROFIEL = ["a_inw", "a_65_oo", "a_hh", "a_1p_hh", "g_wozbag", "a_soz_wb", "g_afs_hp"]
STANDAARD_KERNCIJFERS = ["a_inw", "a_1p_hh", "g_wozbag", "a_soz_wb"]
MAX_KERNCIJFERS = 5
MIN_KERNCIJFERS = 3

# Tables of "Kerncijfers wijken en buurten" on StatLine, to propose the year of a download
KWB_TABELLEN = {
    "84583NED": 2019,
    "84799NED": 2020,
    "85039NED": 2021,
    "85318NED": 2022,
    "85618NED": 2023,
    "85984NED": 2024,
}
