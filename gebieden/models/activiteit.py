from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd

from ..constants import ActiviteitSoort
from ..geldigheid import datum_binnen_gebied


class Activiteit(Versiebeheerd):
    """A dated entry of what the officials did for an area, for the year's report."""

    gebied = models.ForeignKey(
        "gebieden.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.PROTECT,
        related_name="activiteiten",
    )
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort"), max_length=25, choices=ActiviteitSoort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=500)
    focuspunt = models.ForeignKey(
        "gebieden.Focuspunt",
        verbose_name=_("focuspunt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activiteiten",
        help_text=_("Als de activiteit bij een focuspunt hoort."),
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["-datum", "-aangemaakt_op"]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.get_soort_display()}"

    def clean(self):
        super().clean()
        if self.gebied_id and (fouten := datum_binnen_gebied(self.gebied, self.datum, "datum")):
            raise ValidationError(fouten)
