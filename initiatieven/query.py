"""Reads of the initiatieven app."""

from decimal import Decimal

from django.db.models import Q

from .constants import Besluit


def uitgegeven_in_jaar(regeling, jaar: int, behalve=None) -> Decimal:
    """What a scheme spent in a year: granted amounts of decisions taken that year (settled
    amounts where the accountability is in)."""
    aanvragen = regeling.aanvragen.filter(besluit_op__year=jaar).filter(
        Q(besluit=Besluit.TOEGEKEND) | Q(besluit=Besluit.DEELS_TOEGEKEND)
    )
    if behalve is not None and behalve.pk:
        aanvragen = aanvragen.exclude(pk=behalve.pk)
    return sum((a.uitgegeven for a in aanvragen), Decimal("0.00"))
