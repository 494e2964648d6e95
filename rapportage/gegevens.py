"""The assembled paragraph as typed, frozen data: what the page, the PDF, the comparison of
versions and the open data read.

Every publication stores these types as JSON (`naar_json`) with the schema version they were
built with (`schema`). A publication of an earlier schema keeps its frozen HTML and PDF and its
JSON as stored; `lees` turns JSON of the current schema back into the types. Schema 1 (before
the three questions per area) was a plain dict without a `schema` key; schema 3 added the CBS
figures per area and the map, so schema 2 reads as schema 3 without them.

Amounts are whole thousands of euros (the table "bedragen x € 1.000") except where a name says
`euro`. Sentences are plain text built by `rapportage.zinnen`; the templates escape them. Texts
people wrote (`tekst`, `inleiding`, …) are sanitised HTML.
"""

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field

SCHEMA_VERSIE = 3
LEESBARE_SCHEMAS = (2, 3)


@dataclass(frozen=True)
class Bedragen:
    """A row of the financial table (x € 1.000; the result from the rounded figures)."""

    naam: str
    begroting: int
    realisatie: int
    resultaat: int
    reserve: int = 0


@dataclass(frozen=True)
class Doelstand:
    """A goal in force in the year and how far it came."""

    titel: str
    visie: str
    periode: str
    oordeel: str  # a DoelOordeel code, "niet_beoordeeld" when not judged
    oordeel_tekst: str
    toelichting: str
    punten: int  # linked focus points that had attention in the year
    afgerond: int  # of which finished at the end of the year
    voortgang: str  # "1 van 2 focuspunten afgerond", "" without linked focus points


@dataclass(frozen=True)
class Focusregel:
    """A focus point as it stood at the end of the year: the appendix's register."""

    titel: str
    status: str
    status_tekst: str
    toelichting: str
    doel: str = ""
    in_paragraaf: bool = False
    regel: str = ""  # as the appendix prints it: "titel (status): toelichting"


@dataclass(frozen=True)
class Resultaatgroep:
    """The focus points in the paragraph with the same result ("Afgerond", "Loopt")."""

    status: str
    kop: str
    zinnen: tuple[str, ...]


@dataclass(frozen=True)
class Activiteitregel:
    datum: str  # ISO date
    soort: str
    soort_tekst: str
    omschrijving: str


@dataclass(frozen=True)
class Subsidieregel:
    """Applications under one scheme paid from the area's lines, received in the year."""

    regeling: str
    post: str
    aanvragen: int
    toegekend_euro: int
    vastgesteld_euro: int
    zin: str


@dataclass(frozen=True)
class Reservestand:
    """The area's reserve in the year (whole euros) and the sentence that tells it."""

    toegevoegd_euro: int
    gebruikt_euro: int
    vervallen_euro: int
    tekort_euro: int
    saldo_euro: int
    zin: str


@dataclass(frozen=True)
class Gebiedscijfer:
    """A CBS figure of the area (wijkprofiel), as printed, with its change against the year
    before."""

    naam: str
    waarde: str
    verandering: str  # "+40", "−1,2 procentpunt"; "" without the year before
    jaar: int
    bron: str
    kort: str = ""  # the name in running text ("WOZ-waarde")


@dataclass(frozen=True)
class Gebiedsdeel:
    """One area: the three questions, and its full register for the appendix."""

    gebied_id: int
    naam: str
    soort: str
    anker: str
    tekst: str
    # Wat wilden we bereiken
    doelen: tuple[Doelstand, ...]
    omgeving: tuple[str, ...]  # platform and vision sentences
    # Wat hebben we gedaan
    groepen: tuple[Resultaatgroep, ...]
    overige: str  # "Daarnaast 14 kleinere aandachtspunten, waarvan 9 afgerond."
    achtergrond: tuple[str, ...]  # closed the year before, named as the background of this year
    initiatieven: str
    werk: str  # the officials' work by kind, with a count
    mensen: tuple[str, ...]  # who worked there, vacancies and acting officials
    # Wat heeft het gekost
    posten: tuple[Bedragen, ...]
    totaal: Bedragen | None
    kosten: str  # the one line of an area with one line, as a sentence; "" otherwise
    subsidies: tuple[Subsidieregel, ...]
    reserve: Reservestand | None
    # Appendix
    register: tuple[Focusregel, ...]
    activiteiten: tuple[Activiteitregel, ...]
    # In cijfers (CBS)
    cijfers: tuple[Gebiedscijfer, ...] = ()


@dataclass(frozen=True)
class Kerncijfers:
    """The municipality's figures of one year, at the top of the paragraph."""

    gebieden: int
    platforms: int
    visies_vastgesteld: int
    visies_verlopen: int
    doelen: dict[str, int]  # per DoelOordeel code, and "niet_beoordeeld"
    focus_afgerond: int
    focus_lopend: int  # open at the end of the year: planned, running, a lasting concern
    focus_vervallen: int
    initiatieven: int
    deelnemers: int
    begroting: int
    realisatie: int
    resultaat: int


@dataclass(frozen=True)
class Budgetverschil:
    naam: str
    vorig: int | None
    nu: int | None


@dataclass(frozen=True)
class Vergelijking:
    """This year beside the year before: from its published data, or computed."""

    jaar: int
    bron: str  # "gepubliceerd" or "berekend"
    versie: int | None
    cijfers: Kerncijfers
    budget: tuple[Budgetverschil, ...]
    budgetzin: str


@dataclass(frozen=True)
class Paragraafgegevens:
    jaar: int
    nummer: str
    titel: str
    gemeente: str
    inleiding: str
    slottekst: str
    goed: str
    beter: str
    kerncijfers: Kerncijfers
    vergelijking: Vergelijking | None
    gebieden: tuple[Gebiedsdeel, ...]
    financien: tuple[Bedragen, ...]
    totaal: Bedragen
    grafiek: dict = field(default_factory=dict)  # geometry of the chart (rapportage.grafiek)
    kaart: dict = field(default_factory=dict)  # the map (wijkprofiel.kaart), empty without one
    schema: int = SCHEMA_VERSIE


def naar_json(gegevens: Paragraafgegevens) -> dict:
    """The data as stored with a publication and offered as open data (JSON's own types:
    lists, not tuples, so what is stored equals what is returned)."""
    return json.loads(json.dumps(dataclasses.asdict(gegevens), ensure_ascii=False))


def lees(data: dict) -> Paragraafgegevens:
    """Stored JSON of the current schema as the types again."""
    if data.get("schema") not in LEESBARE_SCHEMAS:
        raise ValueError(f"schema {data.get('schema', 1)} is not one of {LEESBARE_SCHEMAS}")
    return _maak(Paragraafgegevens, {**data, "schema": SCHEMA_VERSIE})


def _maak(soort, waarde):
    """`waarde` (from JSON) as `soort`: dataclasses field by field, tuples item by item."""
    if waarde is None:
        return None
    if isinstance(soort, types.UnionType) or typing.get_origin(soort) is typing.Union:
        echte = [s for s in typing.get_args(soort) if s is not type(None)]
        return _maak(echte[0], waarde)
    if dataclasses.is_dataclass(soort):
        velden = typing.get_type_hints(soort)
        return soort(**{naam: _maak(velden[naam], w) for naam, w in waarde.items()})
    if typing.get_origin(soort) is tuple:
        onderdeel = typing.get_args(soort)[0]
        return tuple(_maak(onderdeel, w) for w in waarde)
    return waarde
