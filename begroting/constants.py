from django.db import models
from django.utils.translation import gettext_lazy as _

# What a spending term of 0 years means: no reserve, a positive result falls free at once.
GEEN_TERMIJN = 0

KOLOMMEN = {
    "gebied": _("gebied"),
    "naam": _("naam"),
    "taakveld": _("taakveld"),
    "primitieve_begroting": _("primitieve begroting"),
    "begroting_na_wijziging": _("begroting na wijziging"),
    "realisatie": _("realisatie"),
}


class Eenheid(models.TextChoices):
    """How the amounts in an import file are written."""

    EURO = "euro", _("in euro")
    DUIZEND = "duizend", _("x € 1.000")
