"""The years in which a focus point had attention, stored as runs of years.

Derived from the focus point's start year and its timeline (gebieden/aandacht.py keeps them in
step), so that "the focus points of year J" is one join instead of three lookups in the timeline
per focus point: the difference between seconds and milliseconds for a large municipality.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Aandachtsperiode(models.Model):
    focuspunt = models.ForeignKey(
        "gebieden.Focuspunt", on_delete=models.CASCADE, related_name="aandachtsperioden"
    )
    van = models.PositiveSmallIntegerField(_("van jaar"))
    tot = models.PositiveSmallIntegerField(
        _("tot en met jaar"), null=True, blank=True, help_text=_("Leeg: loopt nog.")
    )

    class Meta:
        verbose_name = _("aandachtsperiode")
        verbose_name_plural = _("aandachtsperioden")
        indexes = [models.Index(fields=["van", "tot"], name="aandacht_van_tot")]

    def __str__(self):
        return f"{self.focuspunt_id}: {self.van}–{self.tot or ''}"
