"""The wijkprofiel on pages of the areas app, which cannot import this app (its layer lies
below): the area page and the areas overview load these tags."""

from django import template

from kern.rollen import is_coordinator

from .. import kaart as kaarten
from ..pagina import gebied_profiel, gebieden_op_kaart

register = template.Library()


@register.inclusion_tag("wijkprofiel/gebied.html", takes_context=True)
def wijkprofiel_van(context, gebied):
    """The area's figures with their trend, and the map with the area highlighted."""
    return {
        **gebied_profiel(gebied),
        "is_coordinator": is_coordinator(context["request"].user),
    }


@register.inclusion_tag("wijkprofiel/kaart_gemeente.html")
def kaart_van_de_gemeente():
    """The map of the municipality with every area as a link to its page."""
    return {"kaart": kaarten.kaart(gebieden=gebieden_op_kaart())}
