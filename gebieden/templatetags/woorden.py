"""`{{ code|woord:"soort" }}`: the municipality's own word for a kind of area, role, platform
or vision (gebieden.models.woorden)."""

from django import template

from ..models.woorden import woord as gemeentewoord

register = template.Library()


@register.filter
def woord(code: str, categorie: str) -> str:
    return gemeentewoord(categorie, code)
