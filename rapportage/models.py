"""The annual paragraph: what people write, and the frozen published versions."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd


class Paragraaf(Versiebeheerd):
    """The paragraph of one year: number, title and the texts written by people."""

    jaar = models.PositiveSmallIntegerField(
        _("jaar"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    nummer = models.CharField(
        _("nummer"), max_length=10, default="5", help_text=_("Bijvoorbeeld 5.")
    )
    titel = models.CharField(_("titel"), max_length=200, default="Gebiedsgericht werken")
    inleiding = models.TextField(
        _("inleiding"),
        blank=True,
        help_text=_("Opmaak met <p>, <ul>/<li>, <strong>, <em> en koppen <h3> is toegestaan."),
    )
    slottekst = models.TextField(_("slottekst"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("paragraaf")
        verbose_name_plural = _("paragrafen")
        ordering = ["-jaar"]

    def __str__(self):
        return f"Paragraaf {self.nummer} {self.titel} {self.jaar}"

    def get_absolute_url(self):
        return reverse("rapportage:concept", args=[self.jaar])


class Gebiedstekst(models.Model):
    """An optional short text written by people for one area in the paragraph."""

    paragraaf = models.ForeignKey(
        Paragraaf, on_delete=models.CASCADE, related_name="gebiedsteksten"
    )
    gebied = models.ForeignKey("gebieden.Gebied", on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(_("tekst"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tekst per gebied")
        verbose_name_plural = _("teksten per gebied")
        constraints = [
            models.UniqueConstraint(fields=["paragraaf", "gebied"], name="een_tekst_per_gebied")
        ]

    def __str__(self):
        return f"{self.paragraaf}: {self.gebied_id}"


class Publicatie(models.Model):
    """A published version: frozen HTML, PDF and the data it was built from. Never changed;
    a correction is a new version."""

    paragraaf = models.ForeignKey(Paragraaf, on_delete=models.PROTECT, related_name="publicaties")
    versie = models.PositiveIntegerField(_("versie"))
    gebouwd_op = models.DateTimeField(_("gebouwd op"))
    export_van = models.DateTimeField(
        _("export van"), help_text=_("De laatste wijziging in de gegevens.")
    )
    html = models.TextField()
    pdf = models.BinaryField()
    data = models.JSONField()
    toelichting = models.CharField(_("wat is er anders"), max_length=500, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")
        ordering = ["paragraaf", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["paragraaf", "versie"], name="versie_eenmaal")
        ]

    def __str__(self):
        return f"{self.paragraaf} versie {self.versie}"

    @property
    def bestandsnaam(self) -> str:
        return f"paragraaf-gebiedsgericht-werken-{self.paragraaf.jaar}.pdf"
