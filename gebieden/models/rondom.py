"""What surrounds an area: its residents' platform and its vision or agenda."""

import datetime
import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd

from ..constants import VisieStatus
from ..periode import controleer_periode, in_periode, periode_oplopend
from .woorden import platform_keuzes, visie_keuzes


class Platform(Versiebeheerd):
    gebied = models.ForeignKey(
        "gebieden.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.PROTECT,
        related_name="platforms",
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=platform_keuzes)
    ondersteund_van = models.DateField(
        _("ondersteund vanaf"),
        null=True,
        blank=True,
        help_text=_("Sinds wanneer de gemeente dit platform ondersteunt."),
    )
    ondersteund_tot = models.DateField(
        _("ondersteund tot en met"),
        null=True,
        blank=True,
        help_text=_("Leeg laten zolang de gemeente het platform ondersteunt."),
    )
    website = models.URLField(_("website"), blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        ordering = ["naam"]
        constraints = [
            periode_oplopend("platform_periode_oplopend", "ondersteund_van", "ondersteund_tot"),
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        super().clean()
        controleer_periode(self.ondersteund_van, self.ondersteund_tot, "ondersteund_tot")

    def is_ondersteund_op(self, datum: datetime.date) -> bool:
        return in_periode(datum, self.ondersteund_van, self.ondersteund_tot)


TOEGESTANE_DOCUMENTEN = {".pdf", ".odt", ".docx", ".doc"}


def document_pad(instance, filename: str) -> str:
    """An unguessable name: the original name is kept in the database, not on disk."""
    return f"visies/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Visie(Versiebeheerd):
    """An area's own plan: wijkvisie, dorpsagenda, wijkontwikkelingsplan, …"""

    gebied = models.ForeignKey(
        "gebieden.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.PROTECT,
        related_name="visies",
    )
    soort = models.CharField(_("soort"), max_length=30, choices=visie_keuzes)
    titel = models.CharField(_("titel"), max_length=200)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VisieStatus.choices,
        default=VisieStatus.IN_VOORBEREIDING,
    )
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    geldig_tot = models.DateField(
        _("geldig tot en met"),
        null=True,
        blank=True,
        help_text=_("Het laatste jaar waarvoor de visie of agenda geschreven is."),
    )
    compleet = models.BooleanField(
        _("compleet"),
        default=True,
        help_text=_("Uitvinken als de visie of agenda nog niet af is."),
    )
    document_url = models.URLField(_("link naar het document"), blank=True)
    document = models.FileField(_("document"), upload_to=document_pad, blank=True)
    document_naam = models.CharField(_("bestandsnaam"), max_length=255, blank=True, editable=False)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("visie of agenda")
        verbose_name_plural = _("visies en agenda's")
        ordering = ["-vastgesteld_op", "titel"]

    def __str__(self):
        return self.titel

    def clean(self):
        super().clean()
        if self.status == VisieStatus.VASTGESTELD and not self.vastgesteld_op:
            raise ValidationError(
                {"vastgesteld_op": _("Vul de datum in waarop de visie is vastgesteld.")}
            )
        if self.status == VisieStatus.IN_VOORBEREIDING and self.vastgesteld_op:
            raise ValidationError(
                {
                    "vastgesteld_op": _(
                        "Een visie in voorbereiding heeft nog geen vaststellingsdatum."
                    )
                }
            )
        controleer_periode(self.vastgesteld_op, self.geldig_tot)

    def status_op(self, datum: datetime.date) -> str:
        """The status as it stood on `datum` (vastgesteld only from its adoption date)."""
        if self.status == VisieStatus.IN_VOORBEREIDING:
            return VisieStatus.IN_VOORBEREIDING
        if self.vastgesteld_op and datum < self.vastgesteld_op:
            return VisieStatus.IN_VOORBEREIDING
        if self.geldig_tot:
            return VisieStatus.VERLOPEN if datum > self.geldig_tot else VisieStatus.VASTGESTELD
        if self.status == VisieStatus.VERLOPEN:
            return VisieStatus.VERLOPEN
        return VisieStatus.VASTGESTELD
