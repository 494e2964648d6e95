"""The municipality's settings as every page and task reads them, and their one write.

`gemeente()` reads from the shared cache, else from the database, else gives an unsaved row
with the environment's defaults (reading never writes). Every save or delete of the row
(`Gemeente.save`, also from the admin or `manage.py inrichten`) empties the cache entry once
the transaction commits, so the next read takes the saved row."""

from django.db import IntegrityError, transaction

from kern.versie import GelijktijdigGewijzigd, claim_versie

from .models import Gebied, Gemeente
from .models.gemeente import ENIGE_PK, lees


def gemeente() -> Gemeente:
    """The municipality's settings: from the cache, else the database, else the defaults."""
    return lees()


def opgeslagen() -> Gemeente | None:
    """The saved row, straight from the database (for the settings screen)."""
    return Gemeente.objects.filter(pk=ENIGE_PK).first()


def bewaar_gemeente(*, formulier, versie: int | None) -> Gemeente:
    """Save the settings form. An existing row is saved only if the form was opened on it and
    it is still at `versie`; a form opened before the row existed (no version) does not
    overwrite a row someone saved meanwhile (both: GelijktijdigGewijzigd). The first save
    creates the row."""
    try:
        with transaction.atomic():
            obj = formulier.instance
            if Gemeente.objects.filter(pk=ENIGE_PK).exists():
                if versie is None:
                    raise GelijktijdigGewijzigd(opgeslagen())
                obj._state.adding = False
                claim_versie(obj, versie)
            return formulier.save()
    except IntegrityError as fout:
        raise GelijktijdigGewijzigd(opgeslagen()) from fout


@transaction.atomic
def zet_volgorde(*, plaatsen: dict[int, tuple[int | None, int | None]]) -> int:
    """Give areas their place in the municipality's order: per area id its new place (None:
    none of its own) and the version the form showed. Only areas whose place changes are
    saved (with their history); one that someone changed meanwhile refuses the whole change
    (GelijktijdigGewijzigd). Returns how many areas changed."""
    gewijzigd = 0
    for gebied in Gebied.objects.filter(pk__in=plaatsen).order_by("pk"):
        plaats, versie = plaatsen[gebied.pk]
        if gebied.volgorde == plaats:
            continue
        claim_versie(gebied, versie)
        gebied.volgorde = plaats
        gebied.save(update_fields=["volgorde", "versie"])
        gewijzigd += 1
    return gewijzigd
