"""The writes of the generic management screens (kern.beheer and the area screens built like
them): save a model form, or delete a row, in one transaction. Apps with rules of their own
(focus points, budgets, decisions, the paragraph) have services of their own."""

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .versie import claim_versie


class Beschermd(Exception):
    """The row is still used by others (PROTECT): the message names by what, in Dutch."""


@transaction.atomic
def bewaar_formulier(*, formulier, versie: int | None = None):
    """Save a valid model form. An existing row that carries a version is saved only if it is
    still at `versie`, the version the form was opened on (else GelijktijdigGewijzigd)."""
    obj = formulier.instance
    if obj.pk is not None and hasattr(obj, "versie"):
        claim_versie(obj, versie)
    return formulier.save()


@transaction.atomic
def verwijder(*, obj) -> None:
    try:
        obj.delete()
    except ProtectedError as fout:
        afhankelijk = sorted({str(capfirst(o._meta.verbose_name)) for o in fout.protected_objects})
        raise Beschermd(
            _("%(naam)s kan niet worden verwijderd: het wordt nog gebruikt door: %(wat)s.")
            % {"naam": obj, "wat": ", ".join(afhankelijk).lower()}
        ) from fout
