"""The annual paragraph: what people write, and the frozen published versions."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
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
        help_text=_(
            "Alinea's scheidt u met een lege regel; een lijst met regels die met - beginnen, "
            "**vet** tussen dubbele sterretjes en een link als [tekst](https://…)."
        ),
    )
    slottekst = models.TextField(
        _("slottekst"),
        blank=True,
        help_text=_(
            "Staat onder de gebieden, onder de kop ‘Tot slot’. Opmaak zoals bij de inleiding."
        ),
    )
    goed = models.TextField(
        _("wat ging goed"),
        blank=True,
        help_text=_(
            "Staat in het overzicht bovenaan de paragraaf; bijvoorbeeld een lijst van twee of "
            "drie punten die met - beginnen."
        ),
    )
    beter = models.TextField(
        _("wat kan beter"),
        blank=True,
        help_text=_(
            "Staat in het overzicht bovenaan, naast ‘wat ging goed’; ook hier werkt een lijst."
        ),
    )

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


def bestandsnaam_publicatie(publicatie, naam: str) -> str:
    """Where a published version's files go in storage: a random name per file, written before
    the version number is known, never overwritten."""
    return f"publicaties/{publicatie.paragraaf.jaar}/{uuid.uuid4().hex}{Path(naam).suffix}"


class Publicatie(models.Model):
    """A published version: frozen HTML and PDF (files in storage) and the data it was built
    from. Never changed; a correction is a new version."""

    paragraaf = models.ForeignKey(Paragraaf, on_delete=models.PROTECT, related_name="publicaties")
    versie = models.PositiveIntegerField(_("versie"))
    gebouwd_op = models.DateTimeField(_("gebouwd op"))
    export_van = models.DateTimeField(
        _("export van"), help_text=_("De laatste wijziging in de gegevens.")
    )
    html_bestand = models.FileField(upload_to=bestandsnaam_publicatie, max_length=200)
    pdf_bestand = models.FileField(upload_to=bestandsnaam_publicatie, max_length=200)
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

    def lees_pdf(self) -> bytes:
        with self.pdf_bestand.open("rb") as bestand:
            return bestand.read()

    def lees_html(self) -> str:
        with self.html_bestand.open("rb") as bestand:
            return bestand.read().decode()


class Opdracht(models.Model):
    """Work on a paragraph that a worker does in the background (publishing a new version, or
    the draft PDF), and how far it got: what the coordinator follows while waiting."""

    class Soort(models.TextChoices):
        PUBLICEREN = "publiceren", _("Publiceren")
        CONCEPT_PDF = "concept_pdf", _("Concept-PDF maken")
        FINANCIEN_PDF = "financien_pdf", _("PDF van het financiële deel maken")

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    LOPEND = (Status.WACHTRIJ, Status.BEZIG)

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    paragraaf = models.ForeignKey(
        Paragraaf,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opdrachten",
        help_text=_("Leeg bij het financiële deel van een jaar zonder paragraaf."),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHTRIJ
    )
    toelichting = models.CharField(_("wat is er anders"), max_length=500, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    fout = models.TextField(_("foutmelding"), blank=True)
    publicatie = models.OneToOneField(
        Publicatie, on_delete=models.PROTECT, null=True, blank=True, related_name="opdracht"
    )
    bestand = models.FileField(upload_to="concepten/", max_length=200, blank=True)

    class Meta:
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        ordering = ["-aangevraagd_op"]
        constraints = [
            # One publication of a year at a time: a second request while one runs is told so.
            models.UniqueConstraint(
                fields=["paragraaf"],
                condition=models.Q(soort="publiceren", status__in=["wachtrij", "bezig"]),
                name="een_lopende_publicatie",
            )
        ]
        indexes = [models.Index(fields=["status", "aangevraagd_op"], name="opdracht_status")]

    def __str__(self):
        return f"{self.get_soort_display()} {self.jaar} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("rapportage:opdracht", args=[self.pk])

    @property
    def loopt(self) -> bool:
        return self.status in self.LOPEND

    @property
    def status_tekst(self) -> str:
        if self.status == self.Status.KLAAR and self.soort == self.Soort.PUBLICEREN:
            return _("Gepubliceerd")
        return self.get_status_display()
