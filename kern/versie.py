"""The optimistic version check every app's services use, so two people editing the same thing
never silently overwrite each other.

A form carries the version the user saw. Saving claims the next version with a conditional
UPDATE (`WHERE pk = … AND versie = <seen>`), which on PostgreSQL also locks the row until the
transaction ends; when no row matched, someone else saved in between and the caller gets
`GelijktijdigGewijzigd` with the row as it is now, to show beside what the user typed.
"""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class Versiebeheerd(models.Model):
    """Abstract: a row that people edit through a form that carries its version."""

    versie = models.PositiveIntegerField(
        _("versie"),
        default=1,
        editable=False,
        help_text=_("Telt op bij elke wijziging; voorkomt dat twee mensen elkaar overschrijven."),
    )

    class Meta:
        abstract = True


class GelijktijdigGewijzigd(Exception):
    """Someone else saved the row since the user opened it, or it no longer qualifies (e.g. a
    closed year); `huidig` is the row as it is now, None when it no longer exists."""

    def __init__(self, huidig=None):
        self.huidig = huidig
        super().__init__(
            _("Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen.")
        )


def claim_versie(obj: models.Model, versie: int | None, **voorwaarden) -> int:
    """Take the next version of `obj`'s row, if it still has `versie` (None: any version, for
    changes that only append and so cannot overwrite anything) and matches `voorwaarden`.
    Returns the new version and sets it on `obj`; raises GelijktijdigGewijzigd otherwise."""
    rij = type(obj)._default_manager.filter(pk=obj.pk, **voorwaarden)
    if versie is not None:
        rij = rij.filter(versie=versie)
    if not rij.update(versie=F("versie") + 1):
        raise GelijktijdigGewijzigd(type(obj)._default_manager.filter(pk=obj.pk).first())
    obj.versie = type(obj)._default_manager.values_list("versie", flat=True).get(pk=obj.pk)
    return obj.versie
