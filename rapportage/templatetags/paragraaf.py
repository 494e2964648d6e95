"""Filters of the paragraph's page and PDF."""

import datetime

from django import template

from kern import notatie

register = template.Library()


@register.filter
def focusregel(focus) -> str:
    """A focus point as the appendix prints it, "titel (status): toelichting", as plain text
    (the template escapes it): one variable per line, for a list of thousands."""
    regel = f"{focus.titel} ({focus.status_tekst})"
    return f"{regel}: {focus.toelichting}" if focus.toelichting else regel


@register.filter
def iso_datum(waarde: str) -> str:
    """A date stored as ISO text in the paragraph's data, the Dutch way ("3 maart 2020")."""
    return notatie.datum(datetime.date.fromisoformat(waarde)) if waarde else ""
