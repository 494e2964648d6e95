"""The municipality's own settings: its name, CBS code, logo and policy numbers. One row; the
environment gives the defaults it starts with (gebieden.instellingen reads it)."""

import logging
import re
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.signals import request_started
from django.core.validators import MinValueValidator
from django.db import connection, models, transaction
from django.db.models import Q
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from django.tasks.signals import task_started
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kern.huisstijl import valideer_kleur
from kern.versie import Versiebeheerd

from ..constants import GebiedSoort

GEMEENTE_CODE_RE = re.compile(r"^GM\d{4}$")
logger = logging.getLogger(__name__)

ENIGE_PK = 1
# gebieden.instellingen keeps the row here; a new field gets a new key (no old pickles read)
CACHE_SLEUTEL = "gemeente:instellingen:3"
# Saving empties the entry; the time limit bounds what a race with a save, a rolled-back save
# or a restored database could leave behind.
BEWAARTIJD = 300

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


def standaard_rapportsoorten():
    return [GebiedSoort.WIJK.value, GebiedSoort.DORP.value]


def standaard_soortvolgorde():
    return list(GebiedSoort.values)


class AlgemeenPositie(models.TextChoices):
    """Where the general line (Algemeen, no single area) stands in the financial table."""

    BOVEN = "boven", _("bovenaan, vóór de gebieden")
    ONDER = "onder", _("onderaan, na de gebieden")


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
    hoofdkleur = models.CharField(
        _("hoofdkleur"),
        max_length=7,
        blank=True,
        validators=[valideer_kleur],
        help_text=_(
            "De kleur van knoppen, aangevinkte keuzes en accenten, als #rrggbb. Witte tekst erop "
            "en de kleur als tekst op wit moeten 4,5:1 contrast halen. Leeg: de standaardkleur."
        ),
    )
    linkkleur = models.CharField(
        _("kleur van links"),
        max_length=7,
        blank=True,
        validators=[valideer_kleur],
        help_text=_("Als #rrggbb, minstens 4,5:1 op wit. Leeg: de hoofdkleur."),
    )
    toegankelijkheid_email = models.EmailField(
        _("e-mailadres voor toegankelijkheid"),
        blank=True,
        help_text=_(
            "Waar iemand terecht kan die de toepassing niet goed kan gebruiken; staat in de "
            "toegankelijkheidsverklaring."
        ),
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

    woorden = models.JSONField(
        _("eigen woorden"),
        default=dict,
        blank=True,
        help_text=_("Alleen de woorden die afwijken van de standaard (gebieden.models.woorden)."),
    )
    rapportsoorten = models.JSONField(
        _("soorten gebied met een eigen deel in de paragraaf"), default=standaard_rapportsoorten
    )
    soortvolgorde = models.JSONField(
        _("volgorde van de soorten gebied"),
        default=standaard_soortvolgorde,
        help_text=_("Gebieden zonder eigen plaats staan op soort in deze volgorde, dan op naam."),
    )
    algemeen_positie = models.CharField(
        _("plaats van de algemene post"),
        max_length=5,
        choices=AlgemeenPositie.choices,
        default=AlgemeenPositie.ONDER,
        help_text=_(
            "Waar de regel „Algemeen” (niet voor één gebied) in de financiële tabel staat."
        ),
    )
    standaard_postnaam = models.CharField(
        _("naam van een post zonder naam"),
        max_length=200,
        default="Gebiedsbudget",
        help_text=_("De naam die een begrotingspost krijgt als het importbestand geen naam geeft."),
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
        _vergeet()  # now, and once more when committed (a read in between took the old row)
        transaction.on_commit(_vergeet)  # the next read takes the saved row

    def delete(self, *args, **kwargs):
        resultaat = super().delete(*args, **kwargs)
        _vergeet()
        transaction.on_commit(_vergeet)
        return resultaat


# The row as this request (or task) read it: one read of the shared cache per request, however
# many words and settings a page looks up. Emptied when a request or task starts and when the
# row is saved, so nothing outlives the work it was read for.
_in_dit_verzoek: ContextVar["Gemeente | None"] = ContextVar("gemeente", default=None)


def vergeet_in_dit_verzoek(**kwargs) -> None:
    _in_dit_verzoek.set(None)


request_started.connect(vergeet_in_dit_verzoek, dispatch_uid="gemeente_per_verzoek")
task_started.connect(vergeet_in_dit_verzoek, dispatch_uid="gemeente_per_taak")


def _vergeet() -> None:
    vergeet_in_dit_verzoek()
    try:
        cache.delete(CACHE_SLEUTEL)
    except Exception:  # a cache that is away: it held nothing we could still serve
        logger.warning("Cache onbereikbaar: gemeente-instellingen niet ververst")


def lees() -> Gemeente:
    """The settings as this request read them first; else from the shared cache, else the saved
    row, else an unsaved row with the environment's defaults (reading never writes). Through
    gebieden.instellingen.gemeente."""
    rij = _in_dit_verzoek.get()
    if rij is None:
        rij = _lees_gedeeld()
        _in_dit_verzoek.set(rij)
    return rij


def _lees_gedeeld() -> Gemeente:
    try:
        rij = cache.get(CACHE_SLEUTEL)
    except Exception:  # a cache that is away costs a query, never the page
        logger.warning("Cache onbereikbaar bij het lezen van de gemeente-instellingen")
        return _uit_database()
    if rij is None:
        rij = _uit_database()
        try:
            cache.set(CACHE_SLEUTEL, rij, BEWAARTIJD)
        except Exception:
            logger.warning("Cache onbereikbaar bij het bewaren van de gemeente-instellingen")
    return rij


def _uit_database() -> Gemeente:
    if not _tabel_bestaat():
        return Gemeente()
    return Gemeente.objects.filter(pk=ENIGE_PK).first() or Gemeente()


_tabel_gezien = False


def _tabel_bestaat() -> bool:
    """Whether the table exists: the words are read by Django's system checks too, which run
    before the first migrate. Asked of the database until it is there (then never again in
    this process; `migrate` tells the processes it runs in)."""
    global _tabel_gezien
    if not _tabel_gezien:
        _tabel_gezien = Gemeente._meta.db_table in connection.introspection.table_names()
    return _tabel_gezien


@receiver(post_migrate)
def _na_migrate(**kwargs) -> None:
    global _tabel_gezien
    _tabel_gezien = Gemeente._meta.db_table in connection.introspection.table_names()
    vergeet_in_dit_verzoek()


@receiver(user_logged_in)
def _lees_bij_inloggen(**kwargs) -> None:
    """Fill the cache when someone logs in, so the pages after it read the settings from the
    cache and not from the database (a cold cache otherwise costs the first page a query)."""
    lees()
