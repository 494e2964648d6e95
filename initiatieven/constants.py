from django.db import models
from django.utils.translation import gettext_lazy as _


class InitiatiefStatus(models.TextChoices):
    IDEE = "idee", _("idee")
    AANGEMELD = "aangemeld", _("aangemeld")
    IN_BEGELEIDING = "in_begeleiding", _("in begeleiding")
    LOPEND = "lopend", _("lopend")
    AFGEROND = "afgerond", _("afgerond")
    GESTOPT = "gestopt", _("gestopt")


AFGESLOTEN = {InitiatiefStatus.AFGEROND, InitiatiefStatus.GESTOPT}


class Doelgroep(models.TextChoices):
    JONGEREN = "jongeren", _("jongeren")
    OUDEREN = "ouderen", _("ouderen")
    NIEUWKOMERS = "nieuwkomers", _("nieuwkomers")
    BEPERKING = "beperking", _("mensen met een beperking")
    GEZINNEN = "gezinnen", _("gezinnen met kinderen")
    BUURT = "buurt", _("de hele buurt")


class Hulpvorm(models.TextChoices):
    INITIATIEFBEGELEIDING = "initiatiefbegeleiding", _("initiatiefbegeleiding")
    PROCESBEGELEIDING = "procesbegeleiding", _("procesbegeleiding")
    COMMUNICATIE = "communicatie", _("communicatie")
    NETWERK = "netwerk", _("verbinden met netwerk en partners")
    VERGUNNINGEN = "vergunningen", _("hulp bij vergunningen")


class Besluit(models.TextChoices):
    TOEGEKEND = "toegekend", _("toegekend")
    DEELS_TOEGEKEND = "deels_toegekend", _("deels toegekend")
    AFGEWEZEN = "afgewezen", _("afgewezen")


TOEGEKENDE_BESLUITEN = (Besluit.TOEGEKEND, Besluit.DEELS_TOEGEKEND)

# Dutch administrative law (Awb 4:13): a decision within eight weeks unless a term is set.
BESLISTERMIJN_WEKEN = 8
