"""Filters of the paragraph's page and PDF."""

from django import template

register = template.Library()


@register.filter
def focusregel(focus: dict) -> str:
    """A focus point as the paragraph prints it, "titel (status): toelichting", as plain text
    (the template escapes it): one variable per line, for a list of thousands."""
    regel = f"{focus['titel']} ({focus['status_tekst']})"
    return f"{regel}: {focus['toelichting']}" if focus["toelichting"] else regel
