"""A validity period (van/tot, both optional) shared by areas, platforms and assignments."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..periode import controleer_periode, in_periode


class Periode(models.Model):
    """Abstract: a period of validity with an optional start and end."""

    geldig_van = models.DateField(_("geldig vanaf"), null=True, blank=True)
    geldig_tot = models.DateField(
        _("geldig tot en met"),
        null=True,
        blank=True,
        help_text=_("Leeg laten zolang er geen einde is."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        controleer_periode(self.geldig_van, self.geldig_tot)

    def is_geldig_op(self, datum: datetime.date) -> bool:
        return in_periode(datum, self.geldig_van, self.geldig_tot)

    def is_geldig_in_jaar(self, jaar: int) -> bool:
        return (self.geldig_van is None or self.geldig_van <= datetime.date(jaar, 12, 31)) and (
            self.geldig_tot is None or self.geldig_tot >= datetime.date(jaar, 1, 1)
        )
