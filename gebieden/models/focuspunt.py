"""Focus points (focuspunten / aandachtspunten) and the timeline of their status updates."""

import datetime

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd

from ..constants import FocuspuntStatus
from ..geldigheid import datum_binnen_gebied, jaar_binnen_gebied, nog_geldig
from ..query import FocuspuntQuerySet

STATUS_LABELS = dict(FocuspuntStatus.choices)


def status_label(status: str):
    """The label of a status, like Django's get_status_display but without rebuilding the
    choices on every call: timelines show hundreds per page."""
    return STATUS_LABELS.get(status, status)


class Focuspunt(Versiebeheerd):
    """A topic that has an area's attention, possibly over several years.

    `status` is the latest status, kept in step with the updates by the services; the status at
    any other moment comes from the updates (`status_op`).
    """

    gebied = models.ForeignKey(
        "gebieden.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.PROTECT,
        related_name="focuspunten",
    )
    titel = models.CharField(_("titel"), max_length=200)
    thema = models.ForeignKey(
        "gebieden.Thema",
        verbose_name=_("thema"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focuspunten",
    )
    status = models.CharField(
        _("status"), max_length=25, choices=FocuspuntStatus.choices, default=FocuspuntStatus.LOOPT
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    eigenaar = models.ForeignKey(
        "gebieden.Persoon",
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focuspunten",
        help_text=_("Wie het focuspunt volgt."),
    )
    partner = models.ForeignKey(
        "gebieden.Partner",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focuspunten",
    )
    visie = models.ForeignKey(
        "gebieden.Visie",
        verbose_name=_("visie of agenda"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focuspunten",
        help_text=_("De visie of agenda waar dit focuspunt uit voortkomt."),
    )
    doel = models.ForeignKey(
        "gebieden.Doel",
        verbose_name=_("doel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focuspunten",
        help_text=_("Het doel van de visie of agenda waaraan dit focuspunt bijdraagt."),
    )
    in_paragraaf = models.BooleanField(
        _("in de paragraaf"),
        default=False,
        help_text=_(
            "Aanvinken als dit focuspunt met zijn toelichting in de jaarparagraaf hoort; de "
            "andere worden daar alleen geteld en staan in de bijlage."
        ),
    )
    startjaar = models.PositiveSmallIntegerField(
        _("startjaar"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Het eerste jaar waarin dit focuspunt aandacht had."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = FocuspuntQuerySet.as_manager()

    class Meta:
        verbose_name = _("focuspunt")
        verbose_name_plural = _("focuspunten")
        ordering = ["gebied__naam", "titel"]

    def __str__(self):
        return self.titel

    def clean(self):
        """A new focus point only for an area that still exists; a start year within the area's
        validity (herindeling, gebieden/geldigheid.py)."""
        super().clean()
        if not self.gebied_id:
            return
        if self._state.adding:
            fouten = nog_geldig(self.gebied, timezone.localdate(), NON_FIELD_ERRORS)
        else:
            fouten = jaar_binnen_gebied(self.gebied, self.startjaar, "startjaar")
        if fouten:
            raise ValidationError(fouten)

    def get_status_display(self):
        return status_label(self.status)

    def status_op(self, datum: datetime.date) -> str | None:
        """The status on `datum`: that of the last update on or before it (None before any).

        Uses the prefetched updates when present, so lists can ask it without extra queries.
        """
        laatste = None
        for update in self.updates.all():
            if update.datum <= datum and (laatste is None or update.datum >= laatste.datum):
                laatste = update
        return laatste.status if laatste else None

    def status_eind_jaar(self, jaar: int) -> str | None:
        return self.status_op(datetime.date(jaar, 12, 31))


class FocuspuntUpdate(models.Model):
    """A dated status change with a note: one entry of a focus point's timeline."""

    focuspunt = models.ForeignKey(
        Focuspunt, verbose_name=_("focuspunt"), on_delete=models.CASCADE, related_name="updates"
    )
    datum = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=25, choices=FocuspuntStatus.choices)
    notitie = models.TextField(_("notitie"), blank=True)
    auteur = models.ForeignKey(
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
        verbose_name = _("update van een focuspunt")
        verbose_name_plural = _("updates van focuspunten")
        ordering = ["datum", "aangemaakt_op", "pk"]
        # "the status on a date" looks up the last update of a focus point up to that date
        indexes = [models.Index(fields=["focuspunt", "datum"], name="update_punt_datum")]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.get_status_display()}"

    def clean(self):
        super().clean()
        if self.focuspunt_id and (
            fouten := datum_binnen_gebied(self.focuspunt.gebied, self.datum, "datum")
        ):
            raise ValidationError(fouten)

    def get_status_display(self):
        return status_label(self.status)
