from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from kern.huisstijl import Huisstijl

from .instellingen import gemeente as lees_gemeente
from .models.woorden import meervoud


def gemeente(request):
    """The municipality's name, whether it has a logo (for the header) and its own colours (the
    version of its stylesheet), and its word for the areas the paragraph treats ("wijken en
    kernen"), all from one read of its settings."""
    rij = lees_gemeente()
    return {
        "gemeente_naam": rij.naam,
        "gemeente_logo": bool(rij.logo),
        "gemeente_huisstijl": huisstijl.sleutel
        if (huisstijl := Huisstijl(rij.hoofdkleur, rij.linkkleur))
        else "",
        "gebiedswoord": get_text_list([meervoud(s) for s in rij.rapportsoorten], _("en")),
    }
