"""CBS figures per region, buurt boundaries, which buurten make up each own area, the choice of
indicators, and the uploads they were read from.

Regions are referred to by their CBS code (GM0632, WK063201, BU06320101), never by a foreign
key: CBS publishes figures for every buurt, whether or not the municipality keeps it as an area
of its own."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gebieden.models.periode import Periode
from gebieden.periode import periode_oplopend
from kern.versie import Versiebeheerd

from .indicatoren import STANDAARD_KERNCIJFERS, STANDAARD_PROFIEL

KAARTTABEL = "wijkenbuurtkaart"  # the table id of the figures a boundary file carries


class Cijfertabel(models.Model):
    """One CBS table for one year as it was read in (kwb-2024, 85984NED 2024, …)."""

    tabel = models.CharField(
        _("tabel"),
        max_length=40,
        help_text=_("Het nummer van de CBS-tabel, bijvoorbeeld 85984NED."),
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    ingelezen_op = models.DateTimeField(_("ingelezen op"), default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("CBS-tabel")
        verbose_name_plural = _("CBS-tabellen")
        ordering = ["-jaar", "tabel"]
        constraints = [
            models.UniqueConstraint(fields=["tabel", "jaar"], name="cijfertabel_tabel_jaar_uniek")
        ]

    def __str__(self):
        return f"{self.tabel} ({self.jaar})"


class Cijfer(models.Model):
    """One figure of one region in one table; `waarde` None is a missing value ("." or empty,
    or a negative code for a secret or unknown value), never zero."""

    tabel = models.ForeignKey(Cijfertabel, on_delete=models.CASCADE, related_name="cijfers")
    jaar = models.PositiveSmallIntegerField(_("jaar"))  # the table's, kept here for fast reads
    regiocode = models.CharField(_("regiocode"), max_length=10)
    indicator = models.CharField(_("indicator"), max_length=20)
    waarde = models.DecimalField(_("waarde"), max_digits=16, decimal_places=3, null=True)

    class Meta:
        verbose_name = _("CBS-cijfer")
        verbose_name_plural = _("CBS-cijfers")
        constraints = [
            models.UniqueConstraint(
                fields=["tabel", "regiocode", "indicator"], name="cijfer_tabel_regio_uniek"
            )
        ]
        indexes = [models.Index(fields=["regiocode", "indicator", "jaar"])]

    def __str__(self):
        return f"{self.regiocode} {self.indicator} {self.jaar}: {self.waarde}"


class Regiojaar(models.Model):
    """A region as a table of one year names it, with CBS's mark for a changed boundary."""

    tabel = models.ForeignKey(Cijfertabel, on_delete=models.CASCADE, related_name="regios")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    regiocode = models.CharField(_("regiocode"), max_length=10)
    naam = models.CharField(_("naam"), max_length=150)
    indeling_gewijzigd = models.BooleanField(
        _("indeling gewijzigd"),
        default=False,
        help_text=_("CBS meldt dat de grens van dit gebied dit jaar is gewijzigd."),
    )

    class Meta:
        verbose_name = _("regio in een CBS-tabel")
        verbose_name_plural = _("regio's in CBS-tabellen")
        constraints = [
            models.UniqueConstraint(fields=["tabel", "regiocode"], name="regiojaar_uniek")
        ]

    def __str__(self):
        return f"{self.regiocode} {self.naam} ({self.jaar})"


class Grensversie(models.Model):
    """The buurt boundaries of one file as read in; the newest of a year is the one drawn."""

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    bron = models.CharField(
        _("bron"),
        max_length=200,
        help_text=_(
            "De bronvermelding onder de kaart, bijvoorbeeld CBS, Wijk- en buurtkaart 2024."
        ),
    )
    stelsel = models.CharField(
        _("coördinatenstelsel"),
        max_length=200,
        help_text=_("Welk stelsel het bestand had of werd aangenomen."),
    )
    ingelezen_op = models.DateTimeField(_("ingelezen op"), default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("versie van de buurtgrenzen")
        verbose_name_plural = _("versies van de buurtgrenzen")
        ordering = ["-jaar", "-ingelezen_op"]

    def __str__(self):
        return f"{self.bestandsnaam} ({self.jaar})"


class Buurtgrens(models.Model):
    """The outline of one CBS buurt, in the Dutch national grid (EPSG:28992) as WKB."""

    versie = models.ForeignKey(Grensversie, on_delete=models.CASCADE, related_name="buurten")
    buurtcode = models.CharField(_("buurtcode"), max_length=10)
    naam = models.CharField(_("naam"), max_length=150)
    wijkcode = models.CharField(_("wijkcode"), max_length=8)
    water = models.BooleanField(_("alleen water"), default=False)
    geometrie = models.BinaryField(_("vorm (WKB, EPSG:28992)"))

    class Meta:
        verbose_name = _("buurtgrens")
        verbose_name_plural = _("buurtgrenzen")
        ordering = ["buurtcode"]
        constraints = [
            models.UniqueConstraint(fields=["versie", "buurtcode"], name="buurtgrens_uniek")
        ]

    def __str__(self):
        return f"{self.buurtcode} {self.naam}"


class Buurtindeling(Periode):
    """Buurt `buurtcode` belongs to own area `gebied` during the period."""

    gebied = models.ForeignKey(
        "gebieden.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.PROTECT,
        related_name="buurtindelingen",
    )
    buurtcode = models.CharField(_("CBS-buurtcode"), max_length=10)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("buurt van een gebied")
        verbose_name_plural = _("buurten van gebieden")
        ordering = ["buurtcode", "geldig_van"]
        constraints = [
            periode_oplopend("buurtindeling_periode_oplopend"),
            models.UniqueConstraint(
                fields=["buurtcode"],
                condition=Q(geldig_tot__isnull=True),
                name="buurtindeling_een_lopend",
                violation_error_message=_("Deze buurt hoort al bij een ander gebied."),
            ),
        ]

    def __str__(self):
        return f"{self.buurtcode} → {self.gebied}"


def standaard_profiel():
    return list(STANDAARD_PROFIEL)


def standaard_kerncijfers():
    return list(STANDAARD_KERNCIJFERS)


class Profielkeuze(Versiebeheerd):
    """Which indicators the area pages show, and which the paragraph (one row, pk 1)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    indicatoren = models.JSONField(_("indicatoren op de gebiedspagina"), default=standaard_profiel)
    kerncijfers = models.JSONField(_("kerncijfers in de paragraaf"), default=standaard_kerncijfers)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keuze van het wijkprofiel")
        verbose_name_plural = _("keuzes van het wijkprofiel")

    def __str__(self):
        return str(_("Wijkprofiel"))


class Profielimport(models.Model):
    """An upload of figures or boundaries: the file, the plan a task read from it, and whether
    it was written (as the import of areas: read in the background, confirmed, all or nothing)."""

    class Soort(models.TextChoices):
        CIJFERS = "cijfers", _("Cijfers")
        GRENZEN = "grenzen", _("Buurtgrenzen")

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig met lezen")
        KLAAR = "klaar", _("Gelezen, nog niet ingelezen")
        MISLUKT = "mislukt", _("Niet te lezen")
        INGELEZEN = "ingelezen", _("Ingelezen")

    LOPEND = (Status.WACHTRIJ, Status.BEZIG)

    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    bestand = models.FileField(_("bestand"), upload_to="imports/wijkprofiel/", max_length=200)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    tabel = models.CharField(_("tabel"), max_length=40, blank=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ
    )
    plan = models.JSONField(_("plan"), null=True, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)
    aantal = models.PositiveIntegerField(_("aantal ingelezen"), default=0)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    ingelezen_op = models.DateTimeField(_("ingelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("import voor het wijkprofiel")
        verbose_name_plural = _("imports voor het wijkprofiel")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return f"{self.bestandsnaam} ({self.get_status_display()})"

    @property
    def loopt(self) -> bool:
        return self.status in self.LOPEND
