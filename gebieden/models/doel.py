"""Goals (doelen / ambities) of a vision or agenda, and the judgement of each per year.

A goal holds for a period of years; focus points can be linked to it (`Focuspunt.doel`). At
the end of each year the official judges how far it came (`Doeloordeel`, one per goal and
year), so the paragraph of any year shows that year's judgement, and the comparison with the
year before reads the earlier one.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd

from ..constants import DoelOordeel

JAAR = [MinValueValidator(2000), MaxValueValidator(2100)]


def geldt_in(van_jaar: int, tot_jaar: int | None, jaar: int) -> bool:
    return van_jaar <= jaar and (tot_jaar is None or jaar <= tot_jaar)


def periode(van_jaar: int, tot_jaar: int | None) -> str:
    """The years a goal holds: "2019–2022", "2020", "vanaf 2019"."""
    if tot_jaar is None:
        return _("vanaf %(jaar)s") % {"jaar": van_jaar}
    if tot_jaar == van_jaar:
        return str(van_jaar)
    return f"{van_jaar}–{tot_jaar}"


class Doel(Versiebeheerd):
    visie = models.ForeignKey(
        "gebieden.Visie",
        verbose_name=_("visie of agenda"),
        on_delete=models.PROTECT,
        related_name="doelen",
    )
    titel = models.CharField(_("doel"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    van_jaar = models.PositiveSmallIntegerField(
        _("vanaf jaar"), validators=JAAR, help_text=_("Het eerste jaar waarin het doel geldt.")
    )
    tot_jaar = models.PositiveSmallIntegerField(
        _("tot en met jaar"),
        validators=JAAR,
        null=True,
        blank=True,
        help_text=_("Leeg laten als het doel geldt zolang de visie of agenda geldt."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["visie", "van_jaar", "titel", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot_jaar__isnull=True)
                | models.Q(tot_jaar__gte=models.F("van_jaar")),
                name="doel_periode_oplopend",
                violation_error_message=_("Het laatste jaar ligt niet voor het eerste jaar."),
            )
        ]

    def __str__(self):
        return self.titel

    def clean(self):
        super().clean()
        if self.tot_jaar is not None and self.van_jaar and self.tot_jaar < self.van_jaar:
            raise ValidationError(
                {"tot_jaar": _("Het laatste jaar ligt niet voor het eerste jaar.")}
            )

    def geldt_in(self, jaar: int) -> bool:
        return geldt_in(self.van_jaar, self.tot_jaar, jaar)

    @property
    def periode(self) -> str:
        return periode(self.van_jaar, self.tot_jaar)


class Doeloordeel(Versiebeheerd):
    """The official's judgement of a goal at the end of one year."""

    doel = models.ForeignKey(
        Doel, verbose_name=_("doel"), on_delete=models.CASCADE, related_name="oordelen"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=JAAR)
    oordeel = models.CharField(_("oordeel"), max_length=20, choices=DoelOordeel.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("oordeel over een doel")
        verbose_name_plural = _("oordelen over doelen")
        ordering = ["doel", "-jaar"]
        constraints = [
            models.UniqueConstraint(fields=["doel", "jaar"], name="een_oordeel_per_doel_per_jaar")
        ]

    def __str__(self):
        return f"{self.doel} {self.jaar}: {self.get_oordeel_display()}"
