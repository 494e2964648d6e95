"""Template helpers for showing model values in Dutch."""

from django import template

from ..notatie import veldwaarde

register = template.Library()


@register.filter
def veld(obj, naam: str):
    """The display value of field `naam` (kern.notatie.veldwaarde)."""
    return veldwaarde(obj, naam)


@register.filter
def verbose_name(obj) -> str:
    return obj._meta.verbose_name


@register.simple_tag(takes_context=True)
def pagina_query(context, pagina: int) -> str:
    """The current query string with another page number (filters are kept)."""
    query = context["request"].GET.copy()
    query["page"] = pagina
    return query.urlencode()


@register.filter
def geldig_op(obj, datum) -> bool:
    return obj.is_geldig_op(datum)


@register.simple_tag(takes_context=True)
def query_met(context, naam: str, waarde: str) -> str:
    """The current filters with `naam=waarde` (and without a page number)."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    query[naam] = waarde
    return query.urlencode()


@register.simple_tag(takes_context=True)
def export_query(context, formaat: str) -> str:
    """The current filters with `export=<formaat>` (and without a page number)."""
    return query_met(context, "export", formaat)
