"""Writes of the begroting app: atomic, with the year's version (kern.versie) so nobody
overwrites another, and nothing written to a closed year."""

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from kern.versie import GelijktijdigGewijzigd, claim_versie

from .importeren import BEDRAGEN, Plan
from .models import Begrotingsjaar, Begrotingspost


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


@transaction.atomic
def maak_volgend_jaar(*, jaar: Begrotingsjaar) -> tuple[Begrotingsjaar, int]:
    """Next year's lines from this year's: same areas, names and terms, this year's amended
    budget as the starting budget, no realisation. Lines that already exist are left alone."""
    volgend, _ = Begrotingsjaar.objects.get_or_create(jaar=jaar.jaar + 1)
    # a closed year takes no lines (GelijktijdigGewijzigd); a grid opened on it must not save
    claim_open_jaar(volgend, None)
    bestaand = set(volgend.posten.values_list("gebied_id", "naam"))
    nieuw = [
        Begrotingspost(
            jaar=volgend,
            gebied_id=post.gebied_id,
            naam=post.naam,
            taakveld=post.taakveld,
            primitieve_begroting=post.begroting_na_wijziging,
            begroting_na_wijziging=post.begroting_na_wijziging,
            bestedingstermijn=post.bestedingstermijn,
        )
        for post in jaar.posten.all()
        if (post.gebied_id, post.naam) not in bestaand
    ]
    for post in nieuw:
        post.save()  # one by one, so the audit history records each new line
    return volgend, len(nieuw)
