"""Writes of the begroting app: atomic, with the year's version so nobody overwrites another."""

from django.db import transaction
from django.db.models import F

from .models import Begrotingsjaar, Begrotingspost


class GelijktijdigOpgeslagen(Exception):
    """Someone saved the year's figures since the user opened them."""


def claim_versie(jaar: Begrotingsjaar, versie: int) -> None:
    """Take the next version of an open year, or fail if it moved on (or was closed)."""
    geclaimd = Begrotingsjaar.objects.filter(pk=jaar.pk, versie=versie, gesloten=False).update(
        versie=F("versie") + 1
    )
    if not geclaimd:
        raise GelijktijdigOpgeslagen


@transaction.atomic
def bewaar_posten(*, jaar: Begrotingsjaar, formset, versie: int) -> None:
    claim_versie(jaar, versie)
    for post in formset.save(commit=False):
        post.jaar = jaar
        post.save()
    for post in formset.deleted_objects:
        post.delete()


@transaction.atomic
def sluit_jaar(*, jaar: Begrotingsjaar) -> None:
    jaar.gesloten = True
    jaar.versie += 1
    jaar.save()


@transaction.atomic
def heropen_jaar(*, jaar: Begrotingsjaar) -> None:
    jaar.gesloten = False
    jaar.versie += 1
    jaar.save()


@transaction.atomic
def maak_volgend_jaar(*, jaar: Begrotingsjaar) -> tuple[Begrotingsjaar, int]:
    """Next year's lines from this year's: same areas, names and terms, this year's amended
    budget as the starting budget, no realisation. Lines that already exist are left alone."""
    volgend, _ = Begrotingsjaar.objects.get_or_create(jaar=jaar.jaar + 1)
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
