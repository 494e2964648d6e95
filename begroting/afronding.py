"""Rounding for the council's tables, in one place: "bedragen x € 1.000".

Totals are computed from the rounded figures that are shown, so a printed table always adds up.
"""

from decimal import ROUND_HALF_UP, Decimal

DUIZEND = Decimal(1000)


def in_duizenden(bedrag: Decimal) -> int:
    """Euros to whole thousands, half away from zero (1.500 → 2, −1.500 → −2)."""
    return int((bedrag / DUIZEND).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def totaal_in_duizenden(bedragen) -> int:
    """The total row of a table: the sum of the rounded figures, not the rounded sum."""
    return sum(in_duizenden(b) for b in bedragen)


def in_euro(bedrag: Decimal) -> int:
    """Euros to whole euros, half away from zero, as the paragraph's sentences print them."""
    return int(Decimal(bedrag).quantize(Decimal(1), rounding=ROUND_HALF_UP))
