"""Reads of the initiatieven app."""

from decimal import Decimal

from .constants import TOEGEKENDE_BESLUITEN


def uitgegeven_in_jaar(regeling, jaar: int, behalve=None) -> Decimal:
    """What a scheme spent in a year: granted amounts of decisions taken that year (settled
    amounts where the accountability is in)."""
    aanvragen = regeling.aanvragen.filter(besluit_op__year=jaar, besluit__in=TOEGEKENDE_BESLUITEN)
    if behalve is not None and behalve.pk:
        aanvragen = aanvragen.exclude(pk=behalve.pk)
    return sum((a.uitgegeven for a in aanvragen), Decimal("0.00"))
