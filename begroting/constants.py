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
