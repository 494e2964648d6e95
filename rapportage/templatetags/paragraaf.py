"""Filters of the paragraph's page and PDF."""

import datetime

from django import template

from kern import notatie

register = template.Library()


@register.filter
def iso_datum(waarde: str) -> str:
    """A date stored as ISO text in the paragraph's data, the Dutch way ("3 maart 2020")."""
    return notatie.datum(datetime.date.fromisoformat(waarde)) if waarde else ""
