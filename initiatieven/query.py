"""Reads of the initiatieven app."""

from decimal import Decimal

from django.db.models import Prefetch

from .constants import TOEGEKENDE_BESLUITEN
from .models import Aanvraag


def met_details(queryset):
    """Initiatives with what their list row, CSV row and page show, in a fixed number of
    queries."""
    return queryset.select_related("gebied", "thema").prefetch_related(
        "doelgroepen",
        "hulp",
        "begeleiders",
        "overgangen",
        Prefetch("aanvragen", queryset=Aanvraag.objects.select_related("regeling", "initiatief")),
    )


def uitgegeven_in_jaar(regeling, jaar: int, behalve=None) -> Decimal:
    """What a scheme spent in a year: granted amounts of decisions taken that year (settled
    amounts where the accountability is in)."""
    aanvragen = regeling.aanvragen.filter(besluit_op__year=jaar, besluit__in=TOEGEKENDE_BESLUITEN)
    if behalve is not None and behalve.pk:
        aanvragen = aanvragen.exclude(pk=behalve.pk)
    return sum((a.uitgegeven for a in aanvragen), Decimal("0.00"))
