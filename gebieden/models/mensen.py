"""People, the organisations they work with, and their assignments to areas."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd

from ..constants import PartnerSoort
from ..geldigheid import periode_binnen_gebied
from ..periode import periode_oplopend
from ..query import ToewijzingQuerySet
from .periode import Periode
from .woorden import rol_keuzes


class Partner(Versiebeheerd):
    """An organisation the municipality works with in the areas."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=PartnerSoort.choices)
    website = models.URLField(_("website"), blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Persoon(Versiebeheerd):
    """A person who can be assigned to an area; optionally linked to a login account."""

    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    organisatie = models.ForeignKey(
        Partner,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        help_text=_("Leeg voor medewerkers van de gemeente zelf."),
    )
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persoon",
        help_text=_("Het account waarmee deze persoon inlogt, als die er een heeft."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Toewijzing(Periode, Versiebeheerd):
    """A person assigned to an area in a role, for a period, possibly as acting (waarnemend)."""

    persoon = models.ForeignKey(
        Persoon, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="toewijzingen"
    )
    gebied = models.ForeignKey(
        "gebieden.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.PROTECT,
        related_name="toewijzingen",
    )
    rol = models.CharField(_("rol"), max_length=30, choices=rol_keuzes)
    waarnemend = models.BooleanField(
        _("waarnemend"), default=False, help_text=_("Neemt de rol tijdelijk waar.")
    )
    toelichting = models.CharField(
        _("toelichting"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld de reden van vertrek of van het waarnemen."),
    )

    history = HistoricalRecords()
    objects = ToewijzingQuerySet.as_manager()

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["rol", "-geldig_van"]
        constraints = [
            periode_oplopend("toewijzing_periode_oplopend"),
        ]

    def __str__(self):
        waarnemend = _(" (waarnemend)") if self.waarnemend else ""
        return f"{self.persoon} – {self.get_rol_display()}{waarnemend} – {self.gebied}"

    def clean(self):
        super().clean()
        if self.gebied_id:
            fouten = periode_binnen_gebied(self.gebied, self.geldig_van, self.geldig_tot)
            if fouten:
                raise ValidationError(fouten)

    def is_actueel(self, datum: datetime.date | None = None) -> bool:
        return self.is_geldig_op(datum or timezone.localdate())
