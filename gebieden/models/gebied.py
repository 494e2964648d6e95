import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd

from ..constants import CBS_PREFIX, TOEGESTANE_OUDERS, GebiedSoort
from ..periode import periode_oplopend
from ..query import GebiedQuerySet
from .periode import Periode
from .woorden import soort_keuzes, woord


def _soorten(soorten) -> str:
    """Kinds of area in the municipality's words: "wijk of dorp"."""
    return str(_(" of ")).join(woord("soort", s) for s in GebiedSoort.values if s in soorten)


CBS_CODE_RE = re.compile(r"^(GM\d{4}|WK\d{6}|BU\d{8})$")


class Thema(Versiebeheerd):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    actief = models.BooleanField(
        _("actief"), default=True, help_text=_("Niet-actieve thema's zijn niet meer te kiezen.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Gebied(Periode, Versiebeheerd):
    """An area: gebied/stadsdeel, wijk, dorp/kern or buurt, in a tree, valid for a period."""

    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=10, choices=soort_keuzes)
    ouder = models.ForeignKey(
        "self",
        verbose_name=_("ligt in"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kinderen",
        help_text=_("Een wijk of dorp ligt in een gebied, een buurt in een wijk of dorp."),
    )
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=10,
        blank=True,
        help_text=_("Bijvoorbeeld WK063201 voor een wijk of BU06320101 voor een buurt."),
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    volgorde = models.PositiveIntegerField(
        _("plaats in de volgorde"),
        null=True,
        blank=True,
        help_text=_(
            "De eigen volgorde van de gemeente, in de paragraaf en de tabellen (1 eerst). Leeg: "
            "na de genummerde gebieden, op soort en naam."
        ),
    )

    history = HistoricalRecords()
    objects = GebiedQuerySet.as_manager()

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"],
                condition=~Q(cbs_code=""),
                name="gebied_cbs_code_uniek",
                violation_error_message=_("Er is al een gebied met deze CBS-code."),
            ),
            periode_oplopend("gebied_periode_oplopend"),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("gebieden:detail", args=[self.pk])

    def clean(self):
        super().clean()
        self.cbs_code = self.cbs_code.strip().upper()
        errors = {}
        errors.update(self.fouten_in_ouder())
        errors.update(self._fouten_in_cbs_code())
        if errors:
            raise ValidationError(errors)

    def fouten_in_ouder(self) -> dict:
        """Whether the area may lie where `ouder` puts it (also asked by the area import)."""
        toegestaan = TOEGESTANE_OUDERS.get(self.soort, set())
        if self.ouder is None:
            if self.soort == GebiedSoort.BUURT:
                return {
                    "ouder": _("Een %(buurt)s ligt altijd in een %(namen)s.")
                    % {
                        "buurt": self.get_soort_display(),
                        "namen": _soorten(TOEGESTANE_OUDERS[self.soort]),
                    }
                }
            return {}
        if self.ouder.soort not in toegestaan:
            if not toegestaan:
                return {
                    "ouder": _("Een %(soort)s ligt niet in een ander gebied.")
                    % {"soort": self.get_soort_display()}
                }
            namen = _soorten(toegestaan)
            return {
                "ouder": _("Een %(soort)s ligt in een %(namen)s, niet in een %(ouder)s.")
                % {
                    "soort": self.get_soort_display(),
                    "namen": namen,
                    "ouder": self.ouder.get_soort_display(),
                }
            }
        if self.pk and self.pk in {g.pk for g in self.ouder.voorouders(inclusief_zelf=True)}:
            return {"ouder": _("Een gebied kan niet in zichzelf liggen.")}
        return {}

    def _fouten_in_cbs_code(self) -> dict:
        if not self.cbs_code:
            return {}
        if not CBS_CODE_RE.match(self.cbs_code):
            return {
                "cbs_code": _(
                    "Een CBS-code is GM met 4 cijfers, WK met 6 cijfers of BU met 8 cijfers."
                )
            }
        prefix = CBS_PREFIX[self.soort]
        if not self.cbs_code.startswith(prefix):
            return {
                "cbs_code": _("Een %(soort)s heeft een CBS-code die begint met %(prefix)s.")
                % {"soort": self.get_soort_display(), "prefix": prefix}
            }
        ouder_code = self.ouder.cbs_code if self.ouder else ""
        buurt_past_niet = self.cbs_code[2:8] != ouder_code[2:8]
        if self.soort == GebiedSoort.BUURT and ouder_code.startswith("WK") and buurt_past_niet:
            return {
                "cbs_code": _("De buurtcode moet beginnen met de cijfers van de wijk (%(wijk)s).")
                % {"wijk": ouder_code}
            }
        return {}

    def voorouders(self, *, inclusief_zelf: bool = False) -> list["Gebied"]:
        """The chain of areas above this one, nearest first (walks up; trees are shallow)."""
        keten = [self] if inclusief_zelf else []
        gezien = {self.pk}
        huidig = self.ouder
        while huidig is not None and huidig.pk not in gezien:
            keten.append(huidig)
            gezien.add(huidig.pk)
            huidig = huidig.ouder
        return keten
