"""Import a year's figures from the financial system's CSV or Excel export.

Three steps, so nothing is written unless the whole file is right:
`lees_bestand` (file → rows of text, read as a stream by `kern.bestanden`, refused as soon as
it passes `MAX_RIJEN`), `plan_import` (rows → a plan: new lines, changed figures old → new,
unchanged, and every problem by row and column, in Dutch; reads the database but writes
nothing) and `begroting.services.importeer` (writes the plan in one transaction, with the
year's version).
See docs/begroting-import.md for the columns, the amounts in thousands, the total row and how
areas are found; `exporteer` writes the same format back.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from gebieden.constants import GebiedSoort
from gebieden.instellingen import gemeente
from gebieden.models import Gebied
from gebieden.models.woorden import woord
from kern import notatie
from kern.bedragen import MAXIMUM, OngeldigBedrag, lees_bedrag
from kern.bestanden import OnleesbaarBestand, lees_rijen
from kern.csvexport import lees_cel

from .constants import Eenheid
from .models import Begrotingsjaar, Begrotingspost

# column → accepted header names (compared lower-case, with spaces or underscores, after
# dropping a unit such as "(x € 1.000)")
KOLOMMEN = {
    "jaar": ["jaar"],
    "gebied": ["gebied", "gebiedsnaam", "wijk", "dorp"],
    "gebiedscode": ["gebiedscode", "gebied code", "cbs-code", "cbs code", "cbscode", "wijkcode"],
    "naam": ["naam", "post", "omschrijving"],
    "taakveld": ["taakveld", "kostenplaats"],
    "primitieve_begroting": ["primitieve begroting"],
    "begroting_na_wijziging": ["begroting na wijziging", "begroting"],
    "realisatie": ["realisatie"],
    "bestedingstermijn": ["bestedingstermijn"],
}
VERPLICHT = ["begroting_na_wijziging", "realisatie"]
BEDRAGEN = ["primitieve_begroting", "begroting_na_wijziging", "realisatie"]
ALGEMEEN = {"", "algemeen", "-", "–"}

# what the first filled cell, or the area cell, of a total row says (Excel's pivot tables
# write "Eindtotaal" or "Grand Total", financial systems "Totaal")
TOTAALWOORDEN = {
    "totaal",
    "total",
    "eindtotaal",
    "grand total",
    "totaal generaal",
    "generaal totaal",
}
MAX_RIJEN = 50_000
FACTOR = {Eenheid.EURO: Decimal(1), Eenheid.DUIZEND: Decimal(1000)}

# a unit at the end of a column name: "Begroting (x € 1.000)", "realisatie x1000", "(€)"
DUIZEND_IN_KOP = re.compile(r"\s*[(\[]?\s*[x×]\s*(?:€|eur|euro)?\s*1[.,]?000\s*[)\]]?$")
EURO_IN_KOP = re.compile(r"\s*[(\[]\s*(?:in\s+)?(?:€|eur|euro)\s*[)\]]$")
# an amount with three or more decimals (12,345 or 1.234,5678 or 12.3456): whole cents when
# it counts thousands, too precise when it counts euros
DUIZENDEN_MET_DECIMALEN = re.compile(r"^(?:(?:\d{1,3}(?:\.\d{3})+|\d+),\d{3,}|\d+\.\d{4,})$")
CBS_CODE = re.compile(r"^(GM\d{4}|WK\d{6}|BU\d{8})$", re.IGNORECASE)


def postnaam() -> str:
    """The name a line gets when the file gives none (the financial system's export often has
    no line-name column, or a cell is empty): the municipality's setting."""
    return gemeente().standaard_postnaam


class Rij(dict):
    """One row of the file: our column name → text. `totaalregel` marks a total row."""

    totaalregel = False


class Rijen(list):
    """The file's rows after the header (None for an empty row), with the unit the column
    names state, if any ("duizend" for "Begroting (x € 1.000)")."""

    eenheid_in_kop: str | None = None


@dataclass
class Probleem:
    rij: int  # as the user sees it in a spreadsheet: the header is row 1
    kolom: str
    melding: str


@dataclass
class Wijziging:
    post: Begrotingspost
    velden: list[tuple[str, str, str]]  # (column label, old, new) as the preview shows them


@dataclass
class Plan:
    jaar: Begrotingsjaar
    versie: int
    eenheid: str = Eenheid.EURO
    nieuw: list[Begrotingspost] = field(default_factory=list)
    gewijzigd: list[Wijziging] = field(default_factory=list)
    ongewijzigd: int = 0
    problemen: list[Probleem] = field(default_factory=list)
    totaalregels: list[int] = field(default_factory=list)  # rows that matched the lines' sum
    standaardnamen: int = 0  # lines named postnaam() because the file gave no name
    waarschuwingen: list[str] = field(default_factory=list)  # plausibility, not errors

    @property
    def geldig(self) -> bool:
        return not self.problemen

    @property
    def in_duizenden(self) -> bool:
        return self.eenheid == Eenheid.DUIZEND

    @property
    def standaardnaam(self) -> str:
        return postnaam()


def _kop(tekst) -> tuple[str, str | None]:
    """A column name as compared with KOLOMMEN, and the unit it states (or None)."""
    kop = " ".join(str(tekst or "").strip().lower().replace("_", " ").split())
    for patroon, eenheid in ((DUIZEND_IN_KOP, Eenheid.DUIZEND), (EURO_IN_KOP, Eenheid.EURO)):
        zonder = patroon.sub("", kop)
        if zonder != kop and zonder:
            return zonder, eenheid
    return kop, None


def _woord(tekst: str) -> str:
    return " ".join(tekst.strip().lower().rstrip(":").split())


def lees_bestand(naam: str, inhoud: bytes | BinaryIO) -> Rijen:
    """The rows of a CSV (; or , separated, UTF-8 or Windows-1252) or xlsx file (bytes or a
    binary file), keyed by our column names. Unknown columns are ignored. Raises
    OnleesbaarBestand (or its BestandTeGroot) with a Dutch message."""
    tabel = lees_rijen(inhoud, naam=naam, max_rijen=MAX_RIJEN)
    koprij = next(tabel, None)
    if koprij is None:
        raise OnleesbaarBestand(_("Het bestand is leeg."))
    koppen = [_kop(k) for k in koprij]
    kolom_van = {}
    for kolom, namen in KOLOMMEN.items():
        for i, (kop, _eenheid) in enumerate(koppen):
            if kop in namen or kop == kolom.replace("_", " "):
                kolom_van[kolom] = i
                break
    ontbreekt = [k.replace("_", " ") for k in VERPLICHT if k not in kolom_van]
    if ontbreekt:
        raise OnleesbaarBestand(
            _("De eerste regel mist de kolom(men): %(kolommen)s.")
            % {"kolommen": ", ".join(ontbreekt)}
        )
    rijen = Rijen()
    eenheden = {koppen[i][1] for k, i in kolom_van.items() if k in BEDRAGEN} - {None}
    rijen.eenheid_in_kop = eenheden.pop() if len(eenheden) == 1 else None
    for cellen in tabel:
        if not any(c.strip() for c in cellen):
            rijen.append(None)  # an empty row keeps the numbering right but is skipped
            continue
        rij = Rij(
            (k, lees_cel(cellen[i].strip()) if i < len(cellen) else "")
            for k, i in kolom_van.items()
        )
        eerste = next(c for c in cellen if c.strip())
        gebied = next((rij[k] for k in ("gebied", "gebiedscode", "naam") if rij.get(k)), "")
        rij.totaalregel = _woord(eerste) in TOTAALWOORDEN or _woord(gebied) in TOTAALWOORDEN
        rijen.append(rij)
    return rijen


def lees_bedrag_in(tekst: str, eenheid: str) -> Decimal:
    """An amount of the file in euros: as written, or times 1000 when the file counts in
    thousands (then up to five decimals: 12,345 is € 12.345,00)."""
    if eenheid != Eenheid.DUIZEND:
        try:
            return lees_bedrag(tekst)
        except OngeldigBedrag as fout:
            if DUIZENDEN_MET_DECIMALEN.match(_zonder_teken(tekst)):
                raise OngeldigBedrag(
                    _(
                        "„%(tekst)s” heeft meer dan twee cijfers achter de komma; staan de "
                        "bedragen in duizenden? Kies dan x € 1.000."
                    )
                    % {"tekst": tekst}
                ) from fout
            raise
    cijfers = _zonder_teken(tekst)
    if DUIZENDEN_MET_DECIMALEN.match(cijfers):
        if "," in cijfers:
            cijfers = cijfers.replace(".", "").replace(",", ".")
        getal = Decimal(cijfers)
        if _schoon(tekst).startswith(("-", "−")):
            getal = -getal
    else:
        getal = lees_bedrag(tekst)
    if abs(getal) > MAXIMUM / 1000:
        raise OngeldigBedrag(_("Dit bedrag is te groot."))
    bedrag = getal * 1000
    if bedrag != bedrag.quantize(Decimal("0.01")):
        raise OngeldigBedrag(
            _(
                "„%(tekst)s” × € 1.000 geeft geen hele centen; gebruik hoogstens vijf cijfers "
                "achter de komma."
            )
            % {"tekst": tekst}
        )
    return bedrag.quantize(Decimal("0.01"))


def _schoon(tekst: str) -> str:
    return (tekst or "").strip().replace("€", "").replace("\u00a0", "").replace(" ", "")


def _zonder_teken(tekst: str) -> str:
    return _schoon(tekst).lstrip("-−")


class Gebiedenwijzer:
    """Finds the area of a row: by CBS code when the file gives a known one, otherwise by name
    among the areas valid in the year (a period overlapping the calendar year). Budget lines
    belong to a gebied, wijk or dorp, never to a buurt. One query for the whole file."""

    def __init__(self, jaar: int):
        self.jaar = jaar
        self.op_code: dict[str, Gebied] = {}
        self.op_naam: dict[str, list[Gebied]] = defaultdict(list)
        for gebied in Gebied.objects.only("naam", "soort", "cbs_code", "geldig_van", "geldig_tot"):
            if gebied.cbs_code:
                self.op_code[gebied.cbs_code.upper()] = gebied
            self.op_naam[_woord(gebied.naam)].append(gebied)
        for gebieden in self.op_naam.values():  # problems list them oldest first
            gebieden.sort(key=lambda g: (g.geldig_van or datetime.date.min, g.pk))
        self.gevonden: dict[tuple[str, str], tuple[Gebied | None, tuple[str, str] | None]] = {}

    def zoek(self, code: str, naam: str) -> tuple[Gebied | None, tuple[str, str] | None]:
        """(the area, or None for Algemeen; a problem as (column, message), or None)."""
        sleutel = (code.strip().upper(), naam.strip())
        if sleutel not in self.gevonden:
            self.gevonden[sleutel] = self._zoek(*sleutel)
        return self.gevonden[sleutel]

    def _zoek(self, code: str, naam: str):
        if code in self.op_code:
            return self._gekozen(self.op_code[code], "gebiedscode")
        if CBS_CODE.match(naam) and naam.upper() in self.op_code:
            return self._gekozen(self.op_code[naam.upper()], "gebied")
        if naam.lower() in ALGEMEEN:
            if code:
                return None, ("gebiedscode", _("Onbekende CBS-code „%(code)s”.") % {"code": code})
            return None, None
        alle = self.op_naam.get(_woord(naam), [])
        kandidaten = [g for g in alle if g.soort != GebiedSoort.BUURT]
        geldig = [g for g in kandidaten if g.is_geldig_in_jaar(self.jaar)]
        if len(geldig) == 1:
            return geldig[0], None
        if geldig:
            return None, (
                "gebied",
                _(
                    "In %(jaar)s zijn er %(aantal)s gebieden met de naam „%(naam)s”: "
                    "%(kandidaten)s. Zet de CBS-code in een kolom gebiedscode om te kiezen."
                )
                % {
                    "jaar": self.jaar,
                    "aantal": len(geldig),
                    "naam": naam,
                    "kandidaten": "; ".join(beschrijf(g) for g in geldig),
                },
            )
        if kandidaten:
            return None, ("gebied", self._niet_geldig(naam, kandidaten))
        if alle:
            return None, ("gebied", self._buurt(alle[0]))
        melding = _("Onbekend gebied „%(naam)s”.") % {"naam": naam}
        if code:
            melding += " " + _("De CBS-code „%(code)s” is ook onbekend.") % {"code": code}
        return None, ("gebied", melding)

    def _gekozen(self, gebied: Gebied, kolom: str):
        if gebied.soort == GebiedSoort.BUURT:
            return None, (kolom, self._buurt(gebied))
        if not gebied.is_geldig_in_jaar(self.jaar):
            return None, (kolom, self._niet_geldig(gebied.naam, [gebied]))
        return gebied, None

    def _niet_geldig(self, naam: str, gebieden: list[Gebied]) -> str:
        return _("Gebied „%(naam)s” was in %(jaar)s niet geldig: %(gebieden)s.") % {
            "naam": naam,
            "jaar": self.jaar,
            "gebieden": "; ".join(beschrijf(g) for g in gebieden),
        }

    def _buurt(self, gebied: Gebied) -> str:
        soorten = [
            woord("soort", s) for s in (GebiedSoort.WIJK, GebiedSoort.DORP, GebiedSoort.GEBIED)
        ]
        return _("%(gebied)s is een %(buurt)s; een begrotingspost hoort bij een %(soorten)s.") % {
            "gebied": beschrijf(gebied),
            "buurt": gebied.get_soort_display(),
            "soorten": get_text_list(soorten, _("of")),
        }


def beschrijf(gebied: Gebied) -> str:
    """An area as a problem names it: Centrum (wijk, WK063201, geldig vanaf 1 januari 2019)."""
    van, tot = gebied.geldig_van, gebied.geldig_tot
    if van and tot:
        periode = _("geldig van %(van)s tot en met %(tot)s") % {
            "van": notatie.datum(van),
            "tot": notatie.datum(tot),
        }
    elif van:
        periode = _("geldig vanaf %(van)s") % {"van": notatie.datum(van)}
    elif tot:
        periode = _("geldig tot en met %(tot)s") % {"tot": notatie.datum(tot)}
    else:
        periode = _("altijd geldig")
    code = gebied.cbs_code or _("zonder CBS-code")
    return f"{gebied.naam} ({gebied.get_soort_display()}, {code}, {periode})"


def plan_import(
    jaar: Begrotingsjaar, rijen: list[dict[str, str] | None], *, eenheid: str = Eenheid.EURO
) -> Plan:
    """Check every row and compare it with the lines in the database. Writes nothing.

    `eenheid`: "duizend" when the file's amounts are x € 1.000 (each is multiplied by 1000);
    anything else reads them as euros."""
    eenheid = Eenheid.DUIZEND if eenheid == Eenheid.DUIZEND else Eenheid.EURO
    plan = Plan(jaar=jaar, versie=jaar.versie, eenheid=eenheid)
    gebieden = Gebiedenwijzer(jaar.jaar)
    bestaand = {(p.gebied_id, p.naam.lower()): p for p in jaar.posten.all()}
    gezien: dict[tuple, tuple[int, bool]] = {}
    sommen = dict.fromkeys(BEDRAGEN, Decimal("0.00"))
    onvolledig: set[str] = set()  # columns with a cell that is no amount: no total check
    totaalregels = []
    bedragen = []  # the non-zero amounts of the lines, for the plausibility check
    for nummer, rij in enumerate(rijen, start=2):
        if rij is None:
            continue
        if getattr(rij, "totaalregel", False):
            totaalregels.append((nummer, rij))
            continue
        waarden, geldig = _lees_rij(plan, nummer, rij, gebieden)
        for kolom in BEDRAGEN:
            if kolom not in rij:
                continue
            if kolom in waarden:
                sommen[kolom] += waarden[kolom] or 0
                if waarden[kolom]:
                    bedragen.append(waarden[kolom])
            else:
                onvolledig.add(kolom)
        if not geldig:
            continue
        sleutel = (waarden["gebied"].pk if waarden["gebied"] else None, waarden["naam"].lower())
        if sleutel in gezien:
            plan.problemen.append(Probleem(nummer, "naam", _dubbel(waarden, *gezien[sleutel])))
            continue
        gezien[sleutel] = (nummer, waarden["standaardnaam"])
        plan.standaardnamen += waarden["standaardnaam"]
        _vergelijk(plan, bestaand.get(sleutel), waarden)
    for nummer, rij in totaalregels:
        _controleer_totaal(plan, nummer, rij, sommen, onvolledig)
    _plausibel(plan, bedragen, getattr(rijen, "eenheid_in_kop", None))
    return plan


def _dubbel(waarden: dict, eerder: int, eerder_standaard: bool) -> str:
    gebied = waarden["gebied"].naam if waarden["gebied"] else _("Algemeen")
    if waarden["standaardnaam"] and eerder_standaard:
        return _(
            "Deze regel en regel %(rij)s hebben geen naam en horen allebei bij %(gebied)s; ze "
            "zouden allebei „%(naam)s” heten. Geef ze een naam in een kolom naam."
        ) % {"rij": eerder, "gebied": gebied, "naam": postnaam()}
    if waarden["standaardnaam"] or eerder_standaard:
        return _(
            "Deze post en die op regel %(rij)s heten allebei „%(naam)s” bij %(gebied)s (een "
            "regel zonder naam krijgt die naam). Geef de regels verschillende namen."
        ) % {"rij": eerder, "gebied": gebied, "naam": postnaam()}
    return _("Deze post staat ook op regel %(rij)s.") % {"rij": eerder}


def _lees_rij(plan: Plan, nummer: int, rij: dict, gebieden: Gebiedenwijzer) -> tuple[dict, bool]:
    """The row's values, and whether the row has no problems (those go into the plan). The
    amounts that could be read are there even when something else is wrong, for the total."""
    fouten = len(plan.problemen)
    naam = rij.get("naam", "")
    waarden = {
        "naam": naam or postnaam(),
        "standaardnaam": not naam,
        "taakveld": rij.get("taakveld", ""),
    }
    for kolom, tekst in rij.items():
        if any(ord(teken) < 32 and teken not in "\t" for teken in tekst):
            plan.problemen.append(
                Probleem(nummer, kolom, _("Deze cel bevat tekens die geen tekst zijn."))
            )
    if len(naam) > 200:
        plan.problemen.append(Probleem(nummer, "naam", _("De naam is langer dan 200 tekens.")))
    if len(waarden["taakveld"]) > 50:
        plan.problemen.append(
            Probleem(nummer, "taakveld", _("Het taakveld is langer dan 50 tekens."))
        )
    if rij.get("jaar") and rij["jaar"] != str(plan.jaar.jaar):
        plan.problemen.append(
            Probleem(
                nummer,
                "jaar",
                _("Deze regel is voor %(ander)s, niet voor %(jaar)s.")
                % {"ander": rij["jaar"], "jaar": plan.jaar.jaar},
            )
        )
    gebied, probleem = gebieden.zoek(rij.get("gebiedscode", ""), rij.get("gebied", ""))
    waarden["gebied"] = gebied
    if probleem:
        plan.problemen.append(Probleem(nummer, *probleem))
    for kolom in BEDRAGEN:
        tekst = rij.get(kolom, "")
        if kolom == "primitieve_begroting" and not tekst:
            waarden[kolom] = None  # not in the file: keep what is there, or the amended budget
            continue
        try:
            waarden[kolom] = lees_bedrag_in(tekst, plan.eenheid)
        except OngeldigBedrag as fout:
            plan.problemen.append(Probleem(nummer, kolom.replace("_", " "), str(fout)))
    termijn = rij.get("bestedingstermijn", "")
    if termijn:
        if not termijn.isdigit() or int(termijn) > 10:
            plan.problemen.append(
                Probleem(
                    nummer,
                    "bestedingstermijn",
                    _("Vul een aantal jaren in (0 tot en met 10) of laat leeg."),
                )
            )
        else:
            waarden["bestedingstermijn"] = int(termijn)
    return waarden, len(plan.problemen) == fouten


def _controleer_totaal(plan: Plan, nummer: int, rij: dict, sommen: dict, onvolledig: set):
    """A total row is not imported: each amount it gives must equal the sum of the lines (to
    the cent, in euros after the thousands factor). A column with an unreadable amount in a
    line is not compared; that amount is reported already."""
    fouten = len(plan.problemen)
    vergeleken = False
    for kolom in BEDRAGEN:
        tekst = rij.get(kolom, "")
        if not tekst:
            continue
        label = kolom.replace("_", " ")
        try:
            totaal = lees_bedrag_in(tekst, plan.eenheid)
        except OngeldigBedrag as fout:
            plan.problemen.append(Probleem(nummer, label, str(fout)))
            continue
        if kolom in onvolledig:
            continue
        vergeleken = True
        if totaal != sommen[kolom]:
            plan.problemen.append(
                Probleem(
                    nummer,
                    label,
                    _(
                        "De totaalregel geeft %(totaal)s, maar de regels tellen op tot %(som)s "
                        "(verschil %(verschil)s)."
                    )
                    % {
                        "totaal": notatie.euro(totaal),
                        "som": notatie.euro(sommen[kolom]),
                        "verschil": notatie.euro(totaal - sommen[kolom]),
                    },
                )
            )
    if vergeleken and len(plan.problemen) == fouten:
        plan.totaalregels.append(nummer)


def _plausibel(plan: Plan, bedragen: list[Decimal], eenheid_in_kop: str | None) -> None:
    """Warn (never refuse) when amounts read as euros look like thousands: the column names
    say x € 1.000, or every non-zero amount of the lines is below € 1.000."""
    if plan.in_duizenden:
        return
    if eenheid_in_kop == Eenheid.DUIZEND:
        plan.waarschuwingen.append(
            _(
                "De kolomnamen noemen x € 1.000, maar de bedragen zijn gelezen in euro. Staan "
                "ze in duizenden? Kies dan x € 1.000."
            )
        )
    elif bedragen and all(abs(b) < 1000 for b in bedragen):
        plan.waarschuwingen.append(
            _(
                "Alle bedragen zijn kleiner dan € 1.000; staan ze misschien in duizenden? Kies "
                "dan x € 1.000."
            )
        )


def _vergelijk(plan: Plan, post: Begrotingspost | None, waarden: dict) -> None:
    if waarden["primitieve_begroting"] is None:
        waarden["primitieve_begroting"] = (
            post.primitieve_begroting if post else waarden["begroting_na_wijziging"]
        )
    velden = ["taakveld", *BEDRAGEN] + (
        ["bestedingstermijn"] if "bestedingstermijn" in waarden else []
    )
    if post is None:
        plan.nieuw.append(
            Begrotingspost(
                jaar=plan.jaar,
                gebied=waarden["gebied"],
                naam=waarden["naam"],
                **{v: waarden[v] for v in velden},
            )
        )
        return
    verschillen = [v for v in velden if getattr(post, v) != waarden[v]]
    if verschillen:
        weergave = [
            (
                str(Begrotingspost._meta.get_field(v).verbose_name),
                _toon(getattr(post, v)),
                _toon(waarden[v]),
            )
            for v in verschillen
        ]
        for veld in verschillen:
            setattr(post, veld, waarden[veld])
        plan.gewijzigd.append(Wijziging(post, weergave))
    else:
        plan.ongewijzigd += 1


def _toon(waarde) -> str:
    if isinstance(waarde, Decimal):
        return notatie.euro(waarde)
    return "–" if waarde in (None, "") else str(waarde)


EXPORT_KOPPEN = [
    "jaar",
    "gebied",
    "naam",
    "taakveld",
    "primitieve begroting",
    "begroting na wijziging",
    "realisatie",
    "bestedingstermijn",
]


def exporteer(jaar: Begrotingsjaar):
    """The year's lines as rows in the import format (EXPORT_KOPPEN), for kern.csvexport."""
    for post in jaar.posten.select_related("gebied").order_by("gebied__naam", "naam"):
        yield [
            jaar.jaar,
            post.gebied.naam if post.gebied else "Algemeen",
            post.naam,
            post.taakveld,
            post.primitieve_begroting,
            post.begroting_na_wijziging,
            post.realisatie,
            post.bestedingstermijn,
        ]
