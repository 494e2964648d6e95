"""Dutch notation in templates: the filters call kern.notatie, the one place for it."""

from django import template

from .. import notatie

register = template.Library()


@register.filter
def euro(waarde) -> str:
    return notatie.euro(waarde) if waarde is not None else ""


@register.filter
def nl_getal(waarde) -> str:
    return notatie.getal(waarde)


@register.filter
def nl_datum(waarde) -> str:
    """22 november 2026."""
    return notatie.datum(waarde) if waarde else ""


@register.filter
def nl_moment(waarde) -> str:
    """22 november 2026 14:05, in the local time zone."""
    return notatie.moment(waarde) if waarde else ""
