"""One grid cell per tag call: the budget grid has a thousand cells, and a template loop with
conditions per cell cost more than the rest of the page together."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def cel(field, verborgen=""):
    """A table cell with the field and its errors (with the ids the error summary links to);
    `verborgen`: a hidden field of the row to carry in the same cell."""
    fouten = field.errors
    if not fouten:
        return mark_safe(f'<td class="utrecht-table__cell">{verborgen}{field}</td>')  # noqa: S308 -- widget HTML
    meldingen = "".join(
        f'<div class="utrecht-form-field-error-message" id="{escape(field.auto_id)}_error">'
        f"{escape(str(fout))}</div>"
        for fout in fouten
    )
    return mark_safe(  # noqa: S308 -- escaped above
        f'<td class="utrecht-table__cell app-cel--fout">{verborgen}{field}{meldingen}</td>'
    )
