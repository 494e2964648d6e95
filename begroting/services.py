"""Writes of the begroting app: atomic, with the year's version (kern.versie) so nobody
overwrites another, and nothing written to a closed year."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from kern import services as kern_services
from kern.versie import GelijktijdigGewijzigd, claim_versie

from .importeren import BEDRAGEN, Plan
from .models import Begrotingsjaar, Begrotingspost, Openingsreserve


def claim_open_jaar(jaar: Begrotingsjaar, versie: int | None) -> None:
    """Take the next version of an open year, or fail (GelijktijdigGewijzigd) if it moved on
    or was closed since the user opened it."""
    claim_versie(jaar, versie, gesloten=False)


@transaction.atomic
def bewaar_posten(*, jaar: Begrotingsjaar, formset, versie: int) -> None:
    claim_open_jaar(jaar, versie)
    for post in formset.save(commit=False):
        post.jaar = jaar
        post.save()
    for post in formset.deleted_objects:
        post.delete()


class ImportVerouderd(Exception):
    """The year changed (or was closed) between preview and confirmation."""


@transaction.atomic
def importeer(*, plan: Plan, door=None) -> None:
    """Write an import plan: all of it or nothing. Refused when the year moved on since the
    preview."""
    if not plan.geldig:
        raise ValueError("an import with problems cannot be carried out")
    try:
        claim_open_jaar(plan.jaar, plan.versie)
    except GelijktijdigGewijzigd as fout:
        raise ImportVerouderd from fout
    bulk_create_with_history(plan.nieuw, Begrotingspost, batch_size=1000, default_user=door)
    if plan.gewijzigd:
        bulk_update_with_history(
            [w.post for w in plan.gewijzigd],
            Begrotingspost,
            ["taakveld", *BEDRAGEN, "bestedingstermijn"],
            batch_size=1000,
            default_user=door,
        )


@transaction.atomic
def sluit_jaar(*, jaar: Begrotingsjaar) -> None:
    """Close the year: a grid or import opened before cannot save any more."""
    _zet_gesloten(jaar, True)


@transaction.atomic
def heropen_jaar(*, jaar: Begrotingsjaar) -> None:
    _zet_gesloten(jaar, False)


def _zet_gesloten(jaar: Begrotingsjaar, gesloten: bool) -> None:
    claim_versie(jaar, None)
    jaar.gesloten = gesloten
    jaar.save(update_fields=["gesloten", "versie"])  # saved, so the history records who


class Begin(models.TextChoices):
    """What a newly opened year starts with."""

    LEEG = "leeg", _("Geen posten")
    POSTEN = "posten", _("De posten van het vorige jaar, met lege bedragen")
    BEDRAGEN = (
        "bedragen",
        _(
            "De posten van het vorige jaar met hun bedragen (de begroting na wijziging wordt de "
            "begroting; de realisatie begint leeg)"
        ),
    )


class JaarBestaatAl(Exception):
    """The year exists already: opened before, or by someone else at the same moment."""


class GeslotenJaren(Exception):
    """The change would alter the figures (the reserve ledger) of these closed years."""

    def __init__(self, jaren: list[int]):
        self.jaren = jaren
        super().__init__(", ".join(str(j) for j in jaren))


class AlEenOpeningsreserve(Exception):
    """Someone recorded an opening reserve for the same area at the same moment."""


@dataclass(frozen=True)
class Geopend:
    """What opening a year (or filling it from the year before) did."""

    jaar: Begrotingsjaar
    van: Begrotingsjaar | None  # the year the lines came from
    aantal: int  # lines created
    overgeslagen: int  # lines of areas no longer valid in the new year, left out


def gesloten_jaren_vanaf(jaar: int, *, vergrendel: bool = False) -> list[int]:
    """The closed years from `jaar` on: the reserve ledger runs on, so a change to the figures
    or the opening reserve as of `jaar` changes theirs. With `vergrendel` (inside a transaction)
    those years are locked (PostgreSQL), so none is closed before the change commits."""
    jaren = Begrotingsjaar.objects.filter(jaar__gte=jaar).order_by("jaar")
    if vergrendel:
        jaren = jaren.select_for_update()
    return [j for j, gesloten in jaren.values_list("jaar", "gesloten") if gesloten]


def _weiger_gesloten(jaar: int) -> None:
    if gesloten := gesloten_jaren_vanaf(jaar, vergrendel=True):
        raise GeslotenJaren(gesloten)


@transaction.atomic
def open_jaar(*, jaar: int, begin: str = Begin.LEEG, door=None) -> Geopend:
    """Open a new year: empty, or with the lines of the year before it (the latest year before
    `jaar`), their amounts empty or copied (`Begin`). Refused when the year exists
    (JaarBestaatAl, also when two people open it at once) or when a later year is closed
    (GeslotenJaren: this year's figures would change that year's reserve)."""
    Begrotingsjaar(jaar=jaar).clean_fields()  # the model's range (ValidationError)
    try:
        with transaction.atomic():
            nieuw = Begrotingsjaar.objects.create(jaar=jaar)
    except IntegrityError as fout:
        raise JaarBestaatAl(jaar) from fout
    _weiger_gesloten(jaar + 1)
    if begin == Begin.LEEG:
        return Geopend(nieuw, None, 0, 0)
    vorig = Begrotingsjaar.objects.filter(jaar__lt=jaar).order_by("-jaar").first()
    if vorig is None:
        raise ValueError(f"there is no year before {jaar} to take the lines from")
    aantal, overgeslagen = _neem_posten_over(
        van=vorig, naar=nieuw, met_bedragen=begin == Begin.BEDRAGEN, door=door
    )
    return Geopend(nieuw, vorig, aantal, overgeslagen)


@transaction.atomic
def maak_volgend_jaar(*, jaar: Begrotingsjaar, door=None) -> Geopend:
    """Next year's lines from this year's, in one action from the year page: the next year is
    opened with this year's lines and budgets (`open_jaar`), or, when it exists, gets the lines
    it lacks. Lines that already exist are left alone; a closed next year takes no lines
    (GelijktijdigGewijzigd)."""
    if not Begrotingsjaar.objects.filter(jaar=jaar.jaar + 1).exists():
        try:
            return open_jaar(jaar=jaar.jaar + 1, begin=Begin.BEDRAGEN, door=door)
        except JaarBestaatAl:
            pass  # opened by someone else a moment ago: fill it like an existing year
    volgend = Begrotingsjaar.objects.get(jaar=jaar.jaar + 1)
    # a closed year takes no lines; a grid opened on it must not save
    claim_open_jaar(volgend, None)
    aantal, overgeslagen = _neem_posten_over(van=jaar, naar=volgend, met_bedragen=True, door=door)
    return Geopend(volgend, jaar, aantal, overgeslagen)


def _neem_posten_over(
    *, van: Begrotingsjaar, naar: Begrotingsjaar, met_bedragen: bool, door=None
) -> tuple[int, int]:
    """Copy the lines of `van` that `naar` lacks: same areas, names, task fields and terms;
    `met_bedragen`: the amended budget of `van` as both budgets, else empty; the realisation
    always empty. Lines of areas no longer valid in `naar`'s year are left out. Returns how
    many lines were made and how many left out."""
    bestaand = set(naar.posten.values_list("gebied_id", "naam"))
    nieuw, overgeslagen = [], 0
    for post in van.posten.select_related("gebied"):
        if (post.gebied_id, post.naam) in bestaand:
            continue
        if post.gebied and not post.gebied.is_geldig_in_jaar(naar.jaar):
            overgeslagen += 1
            continue
        begroting = post.begroting_na_wijziging if met_bedragen else Decimal("0.00")
        nieuw.append(
            Begrotingspost(
                jaar=naar,
                gebied_id=post.gebied_id,
                naam=post.naam,
                taakveld=post.taakveld,
                primitieve_begroting=begroting,
                begroting_na_wijziging=begroting,
                bestedingstermijn=post.bestedingstermijn,
            )
        )
    # with history, so the year's history shows each new line and who made it
    bulk_create_with_history(nieuw, Begrotingspost, batch_size=1000, default_user=door)
    return len(nieuw), overgeslagen


OPENINGSVELDEN = ["gebied_id", "bedrag", "ingangsjaar", "vrij_na"]


@transaction.atomic
def bewaar_openingsreserve(*, formulier, versie: int | None = None) -> Openingsreserve:
    """Save an opening reserve's model form; an existing one only at `versie`
    (GelijktijdigGewijzigd). A change of its area, amount or years is refused when a closed
    year counts it, before or after the change (GeslotenJaren): a closed year's figures never
    change silently; a coordinator reopens the year first. The note can always change."""
    reserve = formulier.instance
    vanaf = reserve.ingangsjaar
    if reserve.pk is not None:
        oud = Openingsreserve.objects.filter(pk=reserve.pk).values(*OPENINGSVELDEN).first()
        nieuw = {veld: getattr(reserve, veld) for veld in OPENINGSVELDEN}
        vanaf = None if oud == nieuw else min(vanaf, (oud or nieuw)["ingangsjaar"])
    if vanaf is not None:
        _weiger_gesloten(vanaf)
    try:
        with transaction.atomic():
            return kern_services.bewaar_formulier(formulier=formulier, versie=versie)
    except IntegrityError as fout:  # the same area at the same moment (unique)
        raise AlEenOpeningsreserve(reserve.gebied_id) from fout


@transaction.atomic
def verwijder_openingsreserve(*, reserve: Openingsreserve) -> None:
    """Delete an opening reserve; refused (GeslotenJaren) when a closed year counts it."""
    _weiger_gesloten(reserve.ingangsjaar)
    reserve.delete()
