"""Import a year's figures from the financial system's CSV or Excel export.

Three steps, so nothing is written unless the whole file is right:
`lees_bestand` (file → rows of text), `plan_import` (rows → a plan: new lines, changed figures
old → new, unchanged, and every problem by row and column, in Dutch; reads the database but
writes nothing) and `begroting.services.importeer` (writes the plan in one transaction, with
the year's version).
See docs/begroting-import.md for the columns; `exporteer` writes the same format back.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _

from gebieden.models import Gebied
from kern import notatie
from kern.bedragen import OngeldigBedrag, lees_bedrag
from kern.csvexport import lees_cel

from .models import Begrotingsjaar, Begrotingspost

# column → accepted header names (compared lower-case, with spaces or underscores)
KOLOMMEN = {
    "jaar": ["jaar"],
    "gebied": ["gebied", "wijk", "dorp", "cbs-code"],
    "naam": ["naam", "post", "omschrijving"],
    "taakveld": ["taakveld", "kostenplaats"],
    "primitieve_begroting": ["primitieve begroting"],
    "begroting_na_wijziging": ["begroting na wijziging", "begroting"],
    "realisatie": ["realisatie"],
    "bestedingstermijn": ["bestedingstermijn"],
}
VERPLICHT = ["naam", "begroting_na_wijziging", "realisatie"]
BEDRAGEN = ["primitieve_begroting", "begroting_na_wijziging", "realisatie"]
ALGEMEEN = {"", "algemeen", "-", "–"}
MAX_RIJEN = 50_000


class OnleesbaarBestand(ValueError):
    """The file as a whole cannot be read (wrong type, no header, no rows)."""


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
    nieuw: list[Begrotingspost] = field(default_factory=list)
    gewijzigd: list[Wijziging] = field(default_factory=list)
    ongewijzigd: int = 0
    problemen: list[Probleem] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.problemen


def _kop(tekst) -> str:
    return " ".join(str(tekst or "").strip().lower().replace("_", " ").split())


def lees_bestand(naam: str, inhoud: bytes) -> list[dict[str, str]]:
    """The rows of a CSV (; or , separated, UTF-8 or Windows-1252) or xlsx file, keyed by our
    column names. Unknown columns are ignored."""
    extensie = Path(naam).suffix.lower()
    if extensie == ".xlsx":
        tabel = _lees_xlsx(inhoud)
    elif extensie == ".csv":
        tabel = _lees_csv(inhoud)
    else:
        raise OnleesbaarBestand(_("Kies een CSV- of Excel-bestand (.csv of .xlsx)."))
    if not tabel:
        raise OnleesbaarBestand(_("Het bestand is leeg."))
    koppen = [_kop(k) for k in tabel[0]]
    kolom_van = {}
    for kolom, namen in KOLOMMEN.items():
        for i, kop in enumerate(koppen):
            if kop in namen or kop == kolom.replace("_", " "):
                kolom_van[kolom] = i
                break
    ontbreekt = [k.replace("_", " ") for k in VERPLICHT if k not in kolom_van]
    if ontbreekt:
        raise OnleesbaarBestand(
            _("De eerste regel mist de kolom(men): %(kolommen)s.")
            % {"kolommen": ", ".join(ontbreekt)}
        )
    if len(tabel) - 1 > MAX_RIJEN:
        raise OnleesbaarBestand(
            _("Het bestand heeft meer dan %(max)s regels.") % {"max": MAX_RIJEN}
        )
    rijen = []
    for cellen in tabel[1:]:
        if not any(str(c or "").strip() for c in cellen):
            rijen.append(None)  # an empty row keeps the numbering right but is skipped
            continue
        rijen.append(
            {
                k: lees_cel(str(cellen[i]).strip())
                if i < len(cellen) and cellen[i] is not None
                else ""
                for k, i in kolom_van.items()
            }
        )
    return rijen


def _lees_csv(inhoud: bytes) -> list[list[str]]:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252", errors="replace")
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    return list(csv.reader(io.StringIO(tekst), delimiter=scheiding))


def _lees_xlsx(inhoud: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as fout:  # openpyxl raises many kinds for a damaged file
        raise OnleesbaarBestand(_("Dit Excel-bestand kan niet worden gelezen.")) from fout
    blad = boek.worksheets[0]
    tabel = [["" if c is None else c for c in rij] for rij in blad.iter_rows(values_only=True)]
    boek.close()
    return tabel


def plan_import(jaar: Begrotingsjaar, rijen: list[dict[str, str] | None]) -> Plan:
    """Check every row and compare it with the lines in the database. Writes nothing."""
    plan = Plan(jaar=jaar, versie=jaar.versie)
    gebieden = {}
    for g in Gebied.objects.exclude(soort="buurt"):
        gebieden[g.naam.lower()] = g
        if g.cbs_code:
            gebieden[g.cbs_code.lower()] = g
    bestaand = {(p.gebied_id, p.naam.lower()): p for p in jaar.posten.all()}
    gezien: dict[tuple, int] = {}
    for nummer, rij in enumerate(rijen, start=2):
        if rij is None:
            continue
        waarden = _lees_rij(plan, nummer, rij, jaar, gebieden)
        if waarden is None:
            continue
        sleutel = (waarden["gebied"].pk if waarden["gebied"] else None, waarden["naam"].lower())
        if sleutel in gezien:
            plan.problemen.append(
                Probleem(
                    nummer,
                    "naam",
                    _("Deze post staat ook op regel %(rij)s.") % {"rij": gezien[sleutel]},
                )
            )
            continue
        gezien[sleutel] = nummer
        _vergelijk(plan, bestaand.get(sleutel), waarden)
    return plan


def _lees_rij(plan, nummer, rij, jaar, gebieden) -> dict | None:
    fouten = len(plan.problemen)
    waarden = {"naam": rij.get("naam", ""), "taakveld": rij.get("taakveld", "")}
    for kolom, tekst in rij.items():
        if any(ord(teken) < 32 and teken not in "\t" for teken in tekst):
            plan.problemen.append(
                Probleem(nummer, kolom, _("Deze cel bevat tekens die geen tekst zijn."))
            )
    if not waarden["naam"]:
        plan.problemen.append(Probleem(nummer, "naam", _("Vul de naam van de post in.")))
    elif len(waarden["naam"]) > 200:
        plan.problemen.append(Probleem(nummer, "naam", _("De naam is langer dan 200 tekens.")))
    if len(waarden["taakveld"]) > 50:
        plan.problemen.append(
            Probleem(nummer, "taakveld", _("Het taakveld is langer dan 50 tekens."))
        )
    if rij.get("jaar") and rij["jaar"] != str(jaar.jaar):
        plan.problemen.append(
            Probleem(
                nummer,
                "jaar",
                _("Deze regel is voor %(ander)s, niet voor %(jaar)s.")
                % {"ander": rij["jaar"], "jaar": jaar.jaar},
            )
        )
    gebied_tekst = rij.get("gebied", "")
    if gebied_tekst.lower() in ALGEMEEN:
        waarden["gebied"] = None
    elif gebied_tekst.lower() in gebieden:
        waarden["gebied"] = gebieden[gebied_tekst.lower()]
    else:
        plan.problemen.append(
            Probleem(nummer, "gebied", _("Onbekend gebied „%(naam)s”.") % {"naam": gebied_tekst})
        )
    for kolom in BEDRAGEN:
        tekst = rij.get(kolom, "")
        if kolom == "primitieve_begroting" and not tekst:
            waarden[kolom] = None  # not in the file: keep what is there, or the amended budget
            continue
        try:
            waarden[kolom] = lees_bedrag(tekst)
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
    return waarden if len(plan.problemen) == fouten else None


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
