"""A municipality's areas read from a file, as a plan: what would be created, what exists
already, and every problem by row. Reading and planning write nothing; a plan is plain data
(JSON), kept with the import (`Gebiedsimport`) until the coordinator confirms it and
`services.importeer_gebieden` writes it in one transaction.

Two sources (docs/inrichten.md):
- the municipality's own areas: a CSV or xlsx with the columns naam, soort, ligt in, cbs-code,
  geldig van and geldig tot (only naam and soort are required); soort in the municipality's
  own words or the standard ones; "ligt in" names an area of the file or one that exists,
  by name or CBS code;
- the CBS list of wijken and buurten of the municipality (gebieden.cbs): each CBS wijk becomes
  a wijk (or a dorp, as chosen) and each buurt a buurt in its wijk, with their CBS codes.
An area whose CBS code exists already is left alone (a second import adds only what is new).
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kern.bestanden import OnleesbaarBestand

from . import cbs
from .constants import GebiedSoort
from .models import Gebied
from .models.woorden import MEERVOUD, woord

MAX_RIJEN = 30_000  # the kwb file of the whole country has about 18,000 regions
DIEPTE = {GebiedSoort.GEBIED: 0, GebiedSoort.WIJK: 1, GebiedSoort.DORP: 1, GebiedSoort.BUURT: 2}
EIGEN_KOLOMMEN = {
    "naam": ["naam", "gebied", "gebiedsnaam"],
    "soort": ["soort", "soort gebied"],
    "ligt_in": ["ligt in", "ouder", "valt onder", "hoort bij"],
    "cbs_code": ["cbs-code", "cbs code", "cbscode", "code", "gebiedscode"],
    "geldig_van": ["geldig van", "geldig vanaf", "van"],
    "geldig_tot": ["geldig tot", "geldig tot en met", "tot"],
}
KOLOMNAMEN = {
    "naam": gettext_lazy("naam"),
    "soort": gettext_lazy("soort"),
    "ligt_in": gettext_lazy("ligt in"),
    "cbs_code": gettext_lazy("cbs-code"),
    "geldig_van": gettext_lazy("geldig van"),
    "geldig_tot": gettext_lazy("geldig tot"),
}
# Words for kinds of area that municipalities use beside the standard ones.
SYNONIEMEN = {
    "stadsdeel": GebiedSoort.GEBIED,
    "stadsdelen": GebiedSoort.GEBIED,
    "kern": GebiedSoort.DORP,
    "kernen": GebiedSoort.DORP,
    "dorpskern": GebiedSoort.DORP,
    "dorpskernen": GebiedSoort.DORP,
}
WIJKNUMMER = re.compile(r"^wijk \d{2} ", re.IGNORECASE)  # CBS names a wijk "Wijk 01 Centrum"


class Bron(models.TextChoices):
    EIGEN = "eigen", gettext_lazy("Eigen gebieden (CSV of Excel, zie de uitleg)")
    CBS = (
        "cbs",
        gettext_lazy(
            "Wijken en buurten van het CBS (Kerncijfers wijken en buurten, of een download van "
            "StatLine)"
        ),
    )


@dataclass
class Nieuw:
    """An area the import would create. Its parent is an existing area (`ouder_pk`) or an
    earlier new one (`ouder_index` in the plan's list, parents come first)."""

    rij: int
    naam: str
    soort: str
    cbs_code: str = ""
    geldig_van: str = ""  # ISO dates
    geldig_tot: str = ""
    ouder_pk: int | None = None
    ouder_index: int | None = None
    ouder_naam: str = ""

    @property
    def van(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.geldig_van) if self.geldig_van else None

    @property
    def tot(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.geldig_tot) if self.geldig_tot else None


@dataclass
class Plan:
    bron: str
    nieuw: list[Nieuw] = field(default_factory=list)
    bestaand: list[dict] = field(default_factory=list)  # rij, naam, cbs_code
    verplaatst: list[dict] = field(default_factory=list)  # existing areas in another area
    problemen: list[dict] = field(default_factory=list)  # rij, kolom, melding
    waarschuwingen: list[str] = field(default_factory=list)  # worth a look, not errors
    gelezen: int = 0

    @property
    def geldig(self) -> bool:
        return not self.problemen

    def probleem(self, rij: int, kolom: str, melding: str) -> None:
        self.problemen.append({"rij": rij, "kolom": str(kolom), "melding": str(melding)})

    def als_json(self) -> dict:
        return asdict(self)

    @classmethod
    def uit_json(cls, data: dict) -> "Plan":
        return cls(
            bron=data["bron"],
            nieuw=[Nieuw(**n) for n in data["nieuw"]],
            bestaand=data["bestaand"],
            verplaatst=data.get("verplaatst", []),
            problemen=data["problemen"],
            waarschuwingen=data.get("waarschuwingen", []),
            gelezen=data["gelezen"],
        )


def _kop(tekst: str) -> str:
    return " ".join(tekst.strip().lower().replace("_", " ").split())


def soort_van(tekst: str) -> str | None:
    """The kind of area a word names: the code, the standard word or the municipality's own,
    singular or plural, or a common synonym (stadsdeel, kern)."""
    gezocht = " ".join(tekst.strip().lower().split())
    for soort in GebiedSoort.values:
        kandidaten = {soort, woord("soort", soort), woord("meervoud", soort), str(MEERVOUD[soort])}
        if gezocht in {k.lower() for k in kandidaten}:
            return soort
    return SYNONIEMEN.get(gezocht)


def lees_datum(tekst: str) -> datetime.date | None:
    """A date as people and spreadsheets write it (31-12-2021, 2021-12-31); empty is None."""
    if not tekst.strip():
        return None
    try:
        return forms.DateField(localize=True).clean(tekst.strip())
    except ValidationError as fout:
        raise ValueError(
            _("„%(tekst)s” is geen datum (schrijf 31-12-2021).") % {"tekst": tekst}
        ) from fout


class _Bekend:
    """The areas that exist, by CBS code and by name, for matching parents and duplicates."""

    def __init__(self):
        self.op_code: dict[str, Gebied] = {}
        self.op_naam: dict[str, list[Gebied]] = {}
        for gebied in Gebied.objects.all():
            if gebied.cbs_code:
                self.op_code[gebied.cbs_code] = gebied
            self.op_naam.setdefault(gebied.naam.lower(), []).append(gebied)

    def vind(self, verwijzing: str) -> list[Gebied]:
        """The existing areas a name or CBS code names."""
        code = verwijzing.upper().replace(" ", "")
        if code in self.op_code:
            return [self.op_code[code]]
        return self.op_naam.get(" ".join(verwijzing.split()).lower(), [])


def plan_eigen(rijen: Iterable[list[str]]) -> Plan:
    """The plan of a file of the municipality's own areas."""
    plan = Plan(bron=Bron.EIGEN)
    rijen = iter(rijen)
    koppen = [_kop(k) for k in next(rijen, [])]
    kolom_van = {}
    for kolom, namen in EIGEN_KOLOMMEN.items():
        for i, kop in enumerate(koppen):
            if kop in namen:
                kolom_van[kolom] = i
                break
    ontbreekt = [str(KOLOMNAMEN[k]) for k in ("naam", "soort") if k not in kolom_van]
    if ontbreekt:
        raise OnleesbaarBestand(
            _("De eerste regel mist de kolom(men): %(kolommen)s.")
            % {"kolommen": ", ".join(ontbreekt)}
        )
    gelezen = []
    for nummer, cellen in enumerate(rijen, start=2):
        if not any(c.strip() for c in cellen):
            continue
        gelezen.append(
            (
                nummer,
                {k: (cellen[i].strip() if i < len(cellen) else "") for k, i in kolom_van.items()},
            )
        )
    plan.gelezen = len(gelezen)
    bekend = _Bekend()
    kandidaten, verplaatsingen = [], []
    genoemd: dict[int, int] = {}  # existing area -> the row that named it
    for nummer, rij in gelezen:
        ligt_in = rij.get("ligt_in", "")
        try:
            gebied, op_code = _bestaand(rij, bekend)
        except OnbekendeOuder as fout:
            plan.probleem(nummer, KOLOMNAMEN["naam"], str(fout))
            continue
        if gebied is None:
            if (kandidaat := _eigen_rij(plan, nummer, rij)) is not None:
                kandidaten.append((kandidaat, ligt_in))
            continue
        if gebied.pk in genoemd:
            plan.probleem(
                nummer,
                KOLOMNAMEN["naam"],
                _("%(naam)s staat ook op regel %(rij)s.")
                % {"naam": gebied.naam, "rij": genoemd[gebied.pk]},
            )
            continue
        genoemd[gebied.pk] = nummer
        if op_code and ligt_in:  # only an area known by its code is moved
            verplaatsingen.append((nummer, gebied, ligt_in))
        else:
            plan.bestaand.append({"rij": nummer, "naam": gebied.naam, "cbs_code": gebied.cbs_code})
    _koppel_ouders(plan, kandidaten, bekend)
    _verplaats(plan, verplaatsingen, _Ouderzoeker(kandidaten, bekend))
    return plan


def _bestaand(rij: dict, bekend: _Bekend) -> tuple[Gebied | None, bool]:
    """The existing area a row describes, and whether it was found by its CBS code. Without a
    code: the area of that name and kind in the same existing area ("ligt in"; none: at the
    top of the tree), so a second import of the same file adds nothing; more than one such
    area is a problem (OnbekendeOuder)."""
    code = rij.get("cbs_code", "").upper().replace(" ", "")
    if code:
        return bekend.op_code.get(code), True
    naam, soort = " ".join(rij["naam"].split()), soort_van(rij["soort"])
    zelfde = [g for g in bekend.op_naam.get(naam.lower(), []) if g.soort == soort]
    ligt_in = rij.get("ligt_in", "")
    ouders = {g.pk for g in bekend.vind(ligt_in)} if ligt_in else {None}
    zelfde = [g for g in zelfde if g.ouder_id in ouders]
    if len(zelfde) > 1:
        raise OnbekendeOuder(
            _(
                "Er zijn al %(aantal)s gebieden „%(naam)s” op die plaats; noem het gebied met "
                "zijn CBS-code."
            )
            % {"aantal": len(zelfde), "naam": naam}
        )
    return (zelfde[0] if zelfde else None), False


def _verplaats(plan: Plan, verplaatsingen: list, zoeker: "_Ouderzoeker") -> None:
    """Existing areas the file puts in another area (grouping CBS wijken under the
    municipality's own areas): checked as the model would, planned with the version seen."""
    index = {n.rij: i for i, n in enumerate(plan.nieuw)}
    fout_rijen = {p["rij"] for p in plan.problemen}
    for nummer, gebied, ligt_in in verplaatsingen:
        try:
            ouder = zoeker.ouder(None, ligt_in)
        except OnbekendeOuder as fout:
            plan.probleem(nummer, KOLOMNAMEN["ligt_in"], str(fout))
            continue
        if isinstance(ouder, Nieuw):
            if ouder.rij in fout_rijen or ouder.rij not in index:
                plan.probleem(
                    nummer,
                    KOLOMNAMEN["ligt_in"],
                    ouder_valt_af(ouder.rij),
                )
                continue
            kandidaat = _als_gebied(ouder)
        else:
            kandidaat = ouder
        if isinstance(ouder, Gebied) and ouder.pk == gebied.ouder_id:
            plan.bestaand.append({"rij": nummer, "naam": gebied.naam, "cbs_code": gebied.cbs_code})
            continue
        gebied.ouder = kandidaat
        if melding := gebied.fouten_in_ouder().get("ouder"):
            plan.probleem(nummer, KOLOMNAMEN["ligt_in"], melding)
            continue
        plan.verplaatst.append(
            {
                "rij": nummer,
                "pk": gebied.pk,
                "versie": gebied.versie,
                "naam": gebied.naam,
                "ouder_pk": ouder.pk if isinstance(ouder, Gebied) else None,
                "ouder_index": index[ouder.rij] if isinstance(ouder, Nieuw) else None,
                "ouder_naam": ouder.naam,
            }
        )
    plan.problemen.sort(key=lambda p: p["rij"])


def _eigen_rij(plan: Plan, nummer: int, rij: dict) -> Nieuw | None:
    fouten = len(plan.problemen)
    naam = " ".join(rij["naam"].split())
    if not naam:
        plan.probleem(nummer, KOLOMNAMEN["naam"], _("Geef het gebied een naam."))
    soort = soort_van(rij["soort"])
    if soort is None:
        plan.probleem(
            nummer,
            KOLOMNAMEN["soort"],
            _("„%(soort)s” is geen soort gebied; kies uit %(soorten)s.")
            % {
                "soort": rij["soort"],
                "soorten": ", ".join(woord("soort", s) for s in GebiedSoort.values),
            },
        )
    code = rij.get("cbs_code", "").upper().replace(" ", "")
    data = {}
    for kolom in ("geldig_van", "geldig_tot"):
        try:
            datum = lees_datum(rij.get(kolom, ""))
        except ValueError as fout:
            plan.probleem(nummer, KOLOMNAMEN[kolom], str(fout))
        else:
            data[kolom] = datum.isoformat() if datum else ""
    if len(plan.problemen) > fouten:
        return None
    return Nieuw(rij=nummer, naam=naam, soort=soort, cbs_code=code, **data)


def plan_cbs(
    rijen: Iterable[list[str]], *, gemeentecode: str, wijken_als: str, geldig_van: str = ""
) -> Plan:
    """The plan of a CBS file: the municipality's wijken (as `wijken_als`: wijk or dorp) and
    buurten with their codes; a buurt lies in its wijk."""
    plan = Plan(bron=Bron.CBS)
    bekend = _Bekend()
    kandidaten = []
    for regio in cbs.regios(rijen, gemeentecode):
        plan.gelezen += 1
        if regio.niveau == "GM":
            continue
        if regio.code in bekend.op_code:
            plan.bestaand.append({"rij": regio.rij, "naam": regio.naam, "cbs_code": regio.code})
            continue
        if regio.niveau == "WK":
            naam = WIJKNUMMER.sub("", regio.naam)
            kandidaten.append((Nieuw(regio.rij, naam, wijken_als, regio.code, geldig_van), ""))
        else:
            nieuw = Nieuw(regio.rij, regio.naam, GebiedSoort.BUURT, regio.code, geldig_van)
            kandidaten.append((nieuw, regio.wijkcode))
    for nieuw, _ouder in kandidaten:
        for gebied in bekend.op_naam.get(nieuw.naam.lower(), []):
            if gebied.soort == nieuw.soort and not gebied.cbs_code:
                plan.waarschuwingen.append(
                    _(
                        "Er is al een %(soort)s „%(naam)s” zonder CBS-code; na het inlezen zijn "
                        "er twee. Is het hetzelfde gebied, geef het bestaande dan eerst de "
                        "CBS-code %(code)s: dan wordt het overgeslagen."
                    )
                    % {
                        "soort": woord("soort", nieuw.soort),
                        "naam": nieuw.naam,
                        "code": nieuw.cbs_code,
                    }
                )
    if not kandidaten and not plan.bestaand:
        plan.probleem(
            0,
            "",
            _("Het bestand bevat geen wijken of buurten van de gemeente met code %(code)s.")
            % {"code": gemeentecode},
        )
    _koppel_ouders(plan, kandidaten, bekend)
    return plan


def ouder_valt_af(rij: int) -> str:
    return _("Het gebied waarin dit gebied ligt (regel %(rij)s) wordt niet ingelezen.") % {
        "rij": rij
    }


class OnbekendeOuder(ValueError):
    """The area a row says it lies in cannot be found, or more than one fits."""


def _als_gebied(nieuw: Nieuw) -> Gebied:
    return Gebied(
        naam=nieuw.naam,
        soort=nieuw.soort,
        cbs_code=nieuw.cbs_code,
        geldig_van=nieuw.van,
        geldig_tot=nieuw.tot,
    )


def _koppel_ouders(plan: Plan, kandidaten: list[tuple[Nieuw, str]], bekend: _Bekend) -> None:
    """Find each new area's parent (by CBS code or name: a new area of the file first, else an
    existing one), check the area as the model would, and put parents before their children."""
    zoeker = _Ouderzoeker(kandidaten, bekend)
    codes_gezien: dict[str, int] = {}
    ouders: dict[int, Nieuw | Gebied | None] = {}
    gebieden: dict[int, Gebied] = {}  # unsaved, for the model's own checks
    for nieuw, verwijzing in kandidaten:
        if nieuw.cbs_code in codes_gezien:
            plan.probleem(
                nieuw.rij,
                KOLOMNAMEN["cbs_code"],
                _("De CBS-code %(code)s staat ook op regel %(rij)s.")
                % {"code": nieuw.cbs_code, "rij": codes_gezien[nieuw.cbs_code]},
            )
            continue
        if nieuw.cbs_code:
            codes_gezien[nieuw.cbs_code] = nieuw.rij
        try:
            ouders[nieuw.rij] = zoeker.ouder(nieuw, verwijzing)
        except OnbekendeOuder as fout:
            plan.probleem(nieuw.rij, KOLOMNAMEN["ligt_in"], str(fout))
            continue
        gebieden[nieuw.rij] = _als_gebied(nieuw)
    fout_rijen = {p["rij"] for p in plan.problemen}
    goed = []
    for nieuw, _verwijzing in kandidaten:
        if nieuw.rij not in gebieden or nieuw.rij in fout_rijen:
            continue
        gebied, ouder = gebieden[nieuw.rij], ouders[nieuw.rij]
        if isinstance(ouder, Nieuw):
            gebied.ouder = gebieden.get(ouder.rij) or _als_gebied(ouder)
            nieuw.ouder_naam = ouder.naam
        elif ouder is not None:
            gebied.ouder = ouder
            nieuw.ouder_pk, nieuw.ouder_naam = ouder.pk, ouder.naam
        try:
            gebied.full_clean(exclude=["ouder"], validate_unique=False, validate_constraints=False)
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                kolom = KOLOMNAMEN.get(veld, KOLOMNAMEN["ligt_in"] if veld == "ouder" else veld)
                for melding in meldingen:
                    plan.probleem(nieuw.rij, kolom, melding)
            continue
        goed.append(nieuw)
    goed.sort(key=lambda n: (DIEPTE[n.soort], n.rij))
    plan.nieuw = _met_ouderindex(plan, goed, ouders)
    plan.problemen.sort(key=lambda p: p["rij"])


def _met_ouderindex(plan: Plan, goed: list[Nieuw], ouders: dict) -> list[Nieuw]:
    """Point each new area at its new parent's place in the list; an area whose parent cannot
    be created cannot be either (a problem of its own)."""
    index: dict[int, int] = {}
    lijst = []
    for nieuw in goed:
        ouder = ouders[nieuw.rij]
        if isinstance(ouder, Nieuw):
            if ouder.rij not in index:
                plan.probleem(
                    nieuw.rij,
                    KOLOMNAMEN["ligt_in"],
                    ouder_valt_af(ouder.rij),
                )
                continue
            nieuw.ouder_index = index[ouder.rij]
        index[nieuw.rij] = len(lijst)
        lijst.append(nieuw)
    return lijst


class _Ouderzoeker:
    """Finds the area a reference names: a new area of the file or an existing one, by CBS
    code, else by name when exactly one area has it."""

    def __init__(self, kandidaten: list[tuple[Nieuw, str]], bekend: _Bekend):
        self.bekend = bekend
        self.op_code: dict[str, Nieuw] = {}
        for nieuw, _v in kandidaten:  # the first row of a code, as the duplicate check keeps
            if nieuw.cbs_code:
                self.op_code.setdefault(nieuw.cbs_code, nieuw)
        self.op_naam: dict[str, list[Nieuw]] = {}
        for nieuw, _v in kandidaten:
            self.op_naam.setdefault(nieuw.naam.lower(), []).append(nieuw)

    def ouder(self, nieuw: Nieuw, verwijzing: str) -> Nieuw | Gebied | None:
        if not verwijzing:
            return None
        code = verwijzing.upper().replace(" ", "")
        gevonden = self.op_code.get(code) or self.bekend.op_code.get(code)
        if gevonden is not None:
            return gevonden
        naam = " ".join(verwijzing.split()).lower()
        kandidaten = [
            k
            for k in (*self.op_naam.get(naam, []), *self.bekend.op_naam.get(naam, []))
            if k is not nieuw
        ]
        if len(kandidaten) == 1:
            return kandidaten[0]
        if not kandidaten:
            raise OnbekendeOuder(
                _("Er is geen gebied „%(naam)s”, in het bestand of in de toepassing.")
                % {"naam": verwijzing}
            )
        raise OnbekendeOuder(
            _("Er zijn %(aantal)s gebieden „%(naam)s”; noem het gebied met zijn CBS-code.")
            % {"aantal": len(kandidaten), "naam": verwijzing}
        )
