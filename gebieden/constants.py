"""Choices of the gebieden app, in the words the users use."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GebiedSoort(models.TextChoices):
    GEBIED = "gebied", _("gebied")
    WIJK = "wijk", _("wijk")
    DORP = "dorp", _("dorp")
    BUURT = "buurt", _("buurt")


# Which kind of area may sit under which: the tree gebied > wijk or dorp > buurt.
TOEGESTANE_OUDERS = {
    GebiedSoort.GEBIED: set(),
    GebiedSoort.WIJK: {GebiedSoort.GEBIED},
    GebiedSoort.DORP: {GebiedSoort.GEBIED},
    GebiedSoort.BUURT: {GebiedSoort.WIJK, GebiedSoort.DORP},
}

# The CBS code prefix that fits each kind of area. A gebied may carry the GM code of a former
# municipality that became an area after a merger (herindeling).
CBS_PREFIX = {
    GebiedSoort.GEBIED: "GM",
    GebiedSoort.WIJK: "WK",
    GebiedSoort.DORP: "WK",
    GebiedSoort.BUURT: "BU",
}


class PlatformSoort(models.TextChoices):
    WIJKPLATFORM = "wijkplatform", _("wijkplatform")
    DORPSPLATFORM = "dorpsplatform", _("dorpsplatform")
    BEWONERSPLATFORM = "bewonersplatform", _("bewonersplatform")
    DORPSRAAD = "dorpsraad", _("dorpsraad")
    WIJKRAAD = "wijkraad", _("wijkraad")
    BEWONERSCOMMISSIE = "bewonerscommissie", _("bewonerscommissie")
    STICHTING = "stichting", _("stichting")
    OVERIG = "overig", _("overig")


class VisieSoort(models.TextChoices):
    WIJKVISIE = "wijkvisie", _("wijkvisie")
    DORPSVISIE = "dorpsvisie", _("dorpsvisie")
    WIJKAGENDA = "wijkagenda", _("wijkagenda")
    DORPSAGENDA = "dorpsagenda", _("dorpsagenda")
    WIJKONTWIKKELINGSPLAN = "wijkontwikkelingsplan", _("wijkontwikkelingsplan")
    WIJKKOMPAS = "wijkkompas", _("wijkkompas")


class VisieStatus(models.TextChoices):
    IN_VOORBEREIDING = "in_voorbereiding", _("in voorbereiding")
    VASTGESTELD = "vastgesteld", _("vastgesteld")
    VERLOPEN = "verlopen", _("verlopen")


class Rol(models.TextChoices):
    WIJKAMBTENAAR = "wijkambtenaar", _("wijkambtenaar")
    DORPSAMBTENAAR = "dorpsambtenaar", _("dorpsambtenaar")
    BUURTVERBINDER = "buurtverbinder", _("buurtverbinder")
    OMGEVINGSMANAGER = "omgevingsmanager", _("omgevingsmanager")
    GEBIEDSADVISEUR_SOCIAAL = "gebiedsadviseur_sociaal", _("gebiedsadviseur sociaal")
    GEBIEDSADVISEUR_FYSIEK = "gebiedsadviseur_fysiek", _("gebiedsadviseur fysiek")
    WIJKCOORDINATOR = "wijkcoordinator", _("wijkcoördinator")
    WIJKWETHOUDER = "wijkwethouder", _("wijkwethouder")
    DORPSWETHOUDER = "dorpswethouder", _("dorpswethouder")
    AMBASSADEUR = "ambassadeur", _("ambassadeur")
    WELZIJNSCOORDINATOR = "welzijnscoordinator", _("welzijncoördinator")


# The role every wijk or dorp is expected to have filled; its absence is a vacancy even when
# nobody ever held it.
VERWACHTE_ROL = {
    GebiedSoort.WIJK: Rol.WIJKAMBTENAAR,
    GebiedSoort.DORP: Rol.DORPSAMBTENAAR,
}


class PartnerSoort(models.TextChoices):
    POLITIE = "politie", _("politie")
    WONINGCORPORATIE = "woningcorporatie", _("woningcorporatie")
    WELZIJN = "welzijn", _("welzijnsorganisatie")
    ZORG = "zorg", _("zorgorganisatie")
    ONDERWIJS = "onderwijs", _("onderwijs")
    BEDRIJF = "bedrijf", _("bedrijf")
    OVERHEID = "overheid", _("overheid")
    OVERIG = "overig", _("overig")


class FocuspuntStatus(models.TextChoices):
    GEPLAND = "gepland", _("gepland")
    LOOPT = "loopt", _("loopt")
    AFGEROND = "afgerond", _("afgerond")
    BLIJFT_AANDACHTSPUNT = "blijft_aandachtspunt", _("blijft aandachtspunt")
    VERVALLEN = "vervallen", _("vervallen")


# A focus point with one of these statuses at the end of a year is not carried into the next.
AFGESLOTEN_STATUSSEN = {FocuspuntStatus.AFGEROND, FocuspuntStatus.VERVALLEN}


class ActiviteitSoort(models.TextChoices):
    """What the officials did for an area (the Woerden seed's list)."""

    SIGNALEREN = "signaleren", _("signaleren")
    INITIATIEFBEGELEIDING = "initiatiefbegeleiding", _("initiatiefbegeleiding")
    PROCESBEGELEIDING = "procesbegeleiding", _("procesbegeleiding")
    COMMUNICATIE = "communicatie", _("communicatie")
    VERBINDING_PLATFORM = "verbinding_platform", _("verbinding met platform")


# Open focus points: the ones a dashboard shows and signals watch.
OPEN_STATUSSEN = {
    FocuspuntStatus.GEPLAND,
    FocuspuntStatus.LOOPT,
    FocuspuntStatus.BLIJFT_AANDACHTSPUNT,
}


class DoelOordeel(models.TextChoices):
    """How far a goal came in a year, as the official judges it at year end."""

    OP_KOERS = "op_koers", _("op koers")
    AANDACHT_NODIG = "aandacht_nodig", _("aandacht nodig")
    NIET_GEHAALD = "niet_gehaald", _("niet gehaald")
    BEREIKT = "bereikt", _("bereikt")
