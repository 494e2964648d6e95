"""Money in Dutch notation for the pages: euros with cents, or whole thousands."""

from decimal import Decimal

from django import template

from ..afronding import in_duizenden, nl_getal

register = template.Library()


@register.filter
def euro(bedrag: Decimal) -> str:
    """€ 1.234,56 and € −48,00."""
    teken = "−" if bedrag < 0 else ""
    heel, _, cent = f"{abs(bedrag):.2f}".partition(".")
    return f"€ {teken}{int(heel):,}".replace(",", ".") + f",{cent}"


@register.filter
def duizenden(bedrag: Decimal) -> str:
    return nl_getal(in_duizenden(bedrag))
