"""Budget lines per year and the state of each year (open or closed)."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd

BEDRAG = {"max_digits": 14, "decimal_places": 2, "default": Decimal("0.00")}
EERSTE_JAAR, LAATSTE_JAAR = 2000, 2100  # the years the application keeps figures for
JAARTAL = [MinValueValidator(EERSTE_JAAR), MaxValueValidator(LAATSTE_JAAR)]


class Begrotingsjaar(Versiebeheerd):
    """A year of figures. Closed years can only be changed after a coordinator reopens them."""

    jaar = models.PositiveSmallIntegerField(_("jaar"), unique=True, validators=JAARTAL)
    gesloten = models.BooleanField(_("gesloten"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("begrotingsjaar")
        verbose_name_plural = _("begrotingsjaren")
        ordering = ["-jaar"]

    def __str__(self):
        return str(self.jaar)


class Begrotingspost(models.Model):
    """One budget line of one year: budget (original and amended) against realisation."""

    jaar = models.ForeignKey(
        Begrotingsjaar, verbose_name=_("jaar"), on_delete=models.PROTECT, related_name="posten"
    )
    gebied = models.ForeignKey(
        "gebieden.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="begrotingsposten",
        help_text=_("Leeg voor wat bij geen enkel gebied hoort (Algemeen)."),
    )
    naam = models.CharField(_("naam"), max_length=200)
    taakveld = models.CharField(
        _("taakveld of kostenplaats"), max_length=50, blank=True, help_text=_("Niet verplicht.")
    )
    primitieve_begroting = models.DecimalField(_("primitieve begroting"), **BEDRAG)
    begroting_na_wijziging = models.DecimalField(_("begroting na wijziging"), **BEDRAG)
    realisatie = models.DecimalField(_("realisatie"), **BEDRAG)
    bestedingstermijn = models.PositiveSmallIntegerField(
        _("bestedingstermijn (jaren)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10)],
        help_text=_(
            "Hoeveel jaar het niet-bestede bedrag nog mag worden uitgegeven. "
            "Leeg: de instelling van de gemeente."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")
        ordering = ["jaar", "gebied__naam", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaar", "gebied", "naam"],
                condition=Q(gebied__isnull=False),
                name="begrotingspost_uniek_per_jaar",
                violation_error_message=_("Deze post staat al in dit jaar."),
            ),
            models.UniqueConstraint(
                fields=["jaar", "naam"],
                condition=Q(gebied__isnull=True),
                name="algemene_post_uniek_per_jaar",
                violation_error_message=_("Deze post staat al in dit jaar."),
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({self.jaar_id and self.jaar})"

    @property
    def resultaat(self) -> Decimal:
        """Budget (as amended) minus realisation: positive is money left, negative overspent."""
        return self.begroting_na_wijziging - self.realisatie


class Openingsreserve(Versiebeheerd):
    """The reserve an area already had when the municipality started keeping its figures here.

    It enters the area's reserve ledger (begroting/reserve.py) as a tranche of its own: usable
    from `ingangsjaar` through `vrij_na`, oldest first like the others, and what is left at the
    end of `vrij_na` falls free."""

    gebied = models.OneToOneField(
        "gebieden.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.PROTECT,
        related_name="openingsreserve",
        error_messages={"unique": _("Dit gebied heeft al een openingsreserve.")},
    )
    bedrag = models.DecimalField(_("bedrag"), max_digits=14, decimal_places=2)
    ingangsjaar = models.PositiveSmallIntegerField(
        _("te gebruiken vanaf"),
        validators=JAARTAL,
        help_text=_(
            "Het eerste jaar van de cijfers in deze toepassing waarin de reserve meetelt: het "
            "bedrag is de reserve zoals die aan het begin van dat jaar was."
        ),
    )
    vrij_na = models.PositiveSmallIntegerField(
        _("te besteden tot en met"),
        validators=JAARTAL,
        help_text=_(
            "Het laatste jaar waarin de reserve mag worden gebruikt; wat eind dat jaar over is, "
            "valt vrij."
        ),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("openingsreserve")
        verbose_name_plural = _("openingsreserves")
        ordering = ["gebied__naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag__gt=0),
                name="openingsreserve_bedrag_positief",
                violation_error_message=_("Het bedrag moet groter zijn dan nul."),
            ),
            models.CheckConstraint(
                condition=Q(vrij_na__gte=models.F("ingangsjaar")),
                name="openingsreserve_vrij_na_ingang",
                violation_error_message=_("Het laatste jaar kan niet vóór het eerste jaar liggen."),
            ),
        ]

    def __str__(self):
        return _("Openingsreserve %(gebied)s") % {"gebied": self.gebied}
