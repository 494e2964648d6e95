from django import template

from begroting.afronding import nl_getal as _nl_getal

register = template.Library()


@register.filter
def nl_getal(waarde: int) -> str:
    return _nl_getal(int(waarde))
