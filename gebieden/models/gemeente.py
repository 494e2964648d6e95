"""The municipality's own settings: its name, CBS code, logo and policy numbers. One row; the
environment gives the defaults it starts with (gebieden.instellingen reads it)."""

import logging
import re

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.versie import Versiebeheerd

GEMEENTE_CODE_RE = re.compile(r"^GM\d{4}$")
logger = logging.getLogger(__name__)

ENIGE_PK = 1
CACHE_SLEUTEL = "gemeente:instellingen"  # gebieden.instellingen keeps the row here

# field name -> setting that gives its default
BELEIDSGETALLEN = {
    "signaal_maanden_zonder_update": "SIGNAAL_MAANDEN_ZONDER_UPDATE",
    "bestedingstermijn_jaren": "BESTEDINGSTERMIJN_JAREN",
    "verantwoording_dagen": "VERANTWOORDING_DAGEN",
    "bewaartermijn_contact_jaren": "BEWAARTERMIJN_CONTACT_JAREN",
}


def valideer_gemeentecode(waarde: str) -> None:
    if not GEMEENTE_CODE_RE.match(waarde or ""):
        raise ValidationError(
            _("Een CBS-gemeentecode is GM gevolgd door vier cijfers, bijvoorbeeld GM0632."),
            code="cbs_code",
        )


def standaard_signaal():
    return settings.SIGNAAL_MAANDEN_ZONDER_UPDATE


def standaard_bestedingstermijn():
    return settings.BESTEDINGSTERMIJN_JAREN


def standaard_verantwoording():
    return settings.VERANTWOORDING_DAGEN


def standaard_bewaartermijn():
    return settings.BEWAARTERMIJN_CONTACT_JAREN


def standaard_naam():
    return settings.GEMEENTE_NAAM


class Gemeente(Versiebeheerd):
    """The one municipality this installation serves (a single row, pk 1)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=ENIGE_PK, editable=False)
    naam = models.CharField(_("naam"), max_length=100, default=standaard_naam)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        blank=True,
        validators=[valideer_gemeentecode],
        help_text=_("GM gevolgd door vier cijfers, bijvoorbeeld GM0632 voor Woerden."),
    )
    logo = models.FileField(
        _("logo"),
        upload_to="gemeente/",
        blank=True,
        help_text=_("SVG of PNG, hoogstens 1 MB. Getoond in de kop en op het voorblad."),
    )
    signaal_maanden_zonder_update = models.PositiveSmallIntegerField(
        _("maanden zonder update voor een signaal"),
        default=standaard_signaal,
        validators=[MinValueValidator(1)],
        help_text=_("Een focuspunt zonder update in zoveel maanden vraagt aandacht."),
    )
    bestedingstermijn_jaren = models.PositiveSmallIntegerField(
        _("bestedingstermijn (jaren)"),
        default=standaard_bestedingstermijn,
        help_text=_("Jaren dat een gebied niet bestede middelen nog mag uitgeven (0: geen)."),
    )
    verantwoording_dagen = models.PositiveSmallIntegerField(
        _("termijn verantwoording (dagen)"),
        default=standaard_verantwoording,
        validators=[MinValueValidator(1)],
        help_text=_("Dagen na toekenning waarin een subsidie verantwoord moet zijn."),
    )
    bewaartermijn_contact_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn contactgegevens (jaren)"),
        default=standaard_bewaartermijn,
        validators=[MinValueValidator(1)],
        help_text=_("Na zoveel jaar worden contactgegevens van afgesloten initiatieven gewist."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeente")
        constraints = [
            models.CheckConstraint(condition=Q(id=ENIGE_PK), name="gemeente_een_rij"),
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        transaction.on_commit(_vergeet)  # the next read takes the saved row

    def delete(self, *args, **kwargs):
        resultaat = super().delete(*args, **kwargs)
        transaction.on_commit(_vergeet)
        return resultaat


def _vergeet() -> None:
    try:
        cache.delete(CACHE_SLEUTEL)
    except Exception:  # a cache that is away: it held nothing we could still serve
        logger.warning("Cache onbereikbaar: gemeente-instellingen niet ververst")


def lees() -> Gemeente:
    """The settings from the shared cache, else the saved row, else an unsaved row with the
    environment's defaults (reading never writes). Through gebieden.instellingen.gemeente."""
    try:
        rij = cache.get(CACHE_SLEUTEL)
    except Exception:  # a cache that is away costs a query, never the page
        logger.warning("Cache onbereikbaar bij het lezen van de gemeente-instellingen")
        return Gemeente.objects.filter(pk=ENIGE_PK).first() or Gemeente()
    if rij is None:
        rij = Gemeente.objects.filter(pk=ENIGE_PK).first() or Gemeente()
        try:
            cache.set(CACHE_SLEUTEL, rij, None)
        except Exception:
            logger.warning("Cache onbereikbaar bij het bewaren van de gemeente-instellingen")
    return rij


@receiver(user_logged_in)
def _lees_bij_inloggen(**kwargs) -> None:
    """Fill the cache when someone logs in, so the pages after it read the settings from the
    cache and not from the database (a cold cache otherwise costs the first page a query)."""
    lees()
