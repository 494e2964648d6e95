"""Resident initiatives, the help given, and small subsidies from application to accountability."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd

from .constants import BESLISTERMIJN_WEKEN, Besluit, Doelgroep, Hulpvorm, InitiatiefStatus

GEEN_NEGATIEF = [
    MinValueValidator(Decimal("0.00"), message=_("Een bedrag kan niet negatief zijn."))
]
BEDRAG = {"max_digits": 12, "decimal_places": 2, "validators": GEEN_NEGATIEF}


class Initiatief(Versiebeheerd):
    titel = models.CharField(_("titel"), max_length=200)
    gebied = models.ForeignKey(
        "gebieden.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.PROTECT,
        related_name="initiatieven",
    )
    thema = models.ForeignKey(
        "gebieden.Thema",
        verbose_name=_("thema"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatieven",
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InitiatiefStatus.choices,
        default=InitiatiefStatus.AANGEMELD,
    )
    begeleiders = models.ManyToManyField(
        "gebieden.Persoon",
        verbose_name=_("begeleid door"),
        blank=True,
        related_name="begeleide_initiatieven",
    )
    deelnemers = models.PositiveIntegerField(
        _("aantal deelnemers"),
        null=True,
        blank=True,
        help_text=_("Hoeveel mensen het initiatief bereikte (een schatting mag)."),
    )
    aangemaakt_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[begeleiders])

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("initiatieven:detail", args=[self.pk])

    @property
    def jaar(self) -> int:
        """The year the initiative counts in: that of its first status (its registration)."""
        overgangen = list(self.overgangen.all())
        return overgangen[0].datum.year if overgangen else self.aangemaakt_op.year


class InitiatiefDoelgroep(models.Model):
    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="doelgroepen")
    doelgroep = models.CharField(_("doelgroep"), max_length=20, choices=Doelgroep.choices)

    class Meta:
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        constraints = [
            models.UniqueConstraint(fields=["initiatief", "doelgroep"], name="doelgroep_eenmaal")
        ]

    def __str__(self):
        return self.get_doelgroep_display()


class InitiatiefHulp(models.Model):
    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="hulp")
    hulpvorm = models.CharField(_("soort hulp"), max_length=25, choices=Hulpvorm.choices)

    class Meta:
        verbose_name = _("soort hulp")
        verbose_name_plural = _("soorten hulp")
        constraints = [
            models.UniqueConstraint(fields=["initiatief", "hulpvorm"], name="hulpvorm_eenmaal")
        ]

    def __str__(self):
        return self.get_hulpvorm_display()


class Initiatiefnemer(models.Model):
    """As little personal data as needed; contact data is erased after the retention term."""

    initiatief = models.ForeignKey(
        Initiatief, on_delete=models.CASCADE, related_name="initiatiefnemers"
    )
    naam = models.CharField(_("naam"), max_length=200)
    contact = models.CharField(
        _("e-mailadres of telefoonnummer"),
        max_length=200,
        blank=True,
        help_text=_("Niet verplicht."),
    )
    contact_gewist_op = models.DateField(
        _("contactgegevens gewist op"), null=True, blank=True, editable=False
    )

    history = HistoricalRecords(excluded_fields=["contact"])

    class Meta:
        verbose_name = _("initiatiefnemer")
        verbose_name_plural = _("initiatiefnemers")

    def __str__(self):
        return self.naam


class StatusOvergang(models.Model):
    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="overgangen")
    datum = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=20, choices=InitiatiefStatus.choices)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("statusovergang")
        verbose_name_plural = _("statusovergangen")
        ordering = ["datum", "aangemaakt_op", "pk"]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.get_status_display()}"


class Regeling(Versiebeheerd):
    """A subsidy scheme: stimuleringsregeling, wijkbudget, leefbaarheidsbudget, …"""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    maximum_per_aanvraag = models.DecimalField(_("maximum per aanvraag"), **BEDRAG)
    jaarbudget = models.DecimalField(_("budget per jaar"), **BEDRAG)
    begrotingspost_naam = models.CharField(
        _("begrotingspost"),
        max_length=200,
        blank=True,
        help_text=_("De naam van de begrotingspost waaruit de regeling betaald wordt."),
    )
    geldig_van = models.DateField(_("geldig vanaf"), null=True, blank=True)
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Aanvraag(Versiebeheerd):
    """A subsidy application: request, decision, and afterwards the accountability."""

    initiatief = models.ForeignKey(
        Initiatief, verbose_name=_("initiatief"), on_delete=models.PROTECT, related_name="aanvragen"
    )
    regeling = models.ForeignKey(
        Regeling, verbose_name=_("regeling"), on_delete=models.PROTECT, related_name="aanvragen"
    )
    bedrag_gevraagd = models.DecimalField(_("gevraagd bedrag"), **BEDRAG)
    ontvangen_op = models.DateField(_("ontvangen op"))
    besluit = models.CharField(_("besluit"), max_length=20, choices=Besluit.choices, blank=True)
    bedrag_toegekend = models.DecimalField(_("toegekend bedrag"), null=True, blank=True, **BEDRAG)
    besluit_op = models.DateField(_("besluit op"), null=True, blank=True)
    besluit_reden = models.TextField(_("motivering"), blank=True)
    meer_dan_gevraagd = models.BooleanField(
        _("bewust meer dan gevraagd"),
        default=False,
        help_text=_("Alleen aanvinken als er bewust meer wordt toegekend dan gevraagd."),
    )
    verantwoording_uiterlijk = models.DateField(
        _("verantwoording uiterlijk"), null=True, blank=True
    )
    verantwoording_ontvangen_op = models.DateField(
        _("verantwoording ontvangen op"), null=True, blank=True
    )
    bedrag_vastgesteld = models.DecimalField(
        _("vastgesteld bedrag"), null=True, blank=True, **BEDRAG
    )
    verantwoording_opmerkingen = models.TextField(
        _("opmerkingen bij de verantwoording"), blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("subsidieaanvraag")
        verbose_name_plural = _("subsidieaanvragen")
        ordering = ["-ontvangen_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(besluit="") | Q(besluit_op__isnull=False),
                name="besluit_heeft_datum",
                violation_error_message=_("Een besluit heeft een datum."),
            ),
        ]

    def __str__(self):
        return f"{self.regeling}: {self.initiatief}"

    def beslistermijn(self) -> datetime.date:
        return self.ontvangen_op + datetime.timedelta(weeks=BESLISTERMIJN_WEKEN)

    @property
    def uitgegeven(self) -> Decimal:
        """What the scheme has spent on this application: the settled amount once the
        accountability is in, otherwise the granted amount."""
        if self.bedrag_vastgesteld is not None:
            return self.bedrag_vastgesteld
        return self.bedrag_toegekend or Decimal("0.00")
