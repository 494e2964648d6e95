"""Money in Dutch notation for the pages: euros with cents, or whole thousands."""

from decimal import Decimal

from django import template

from ..afronding import in_duizenden, nl_getal
from ..getallen import als_euro

register = template.Library()


@register.filter
def euro(bedrag: Decimal) -> str:
    return als_euro(bedrag)


@register.filter
def duizenden(bedrag: Decimal) -> str:
    return nl_getal(in_duizenden(bedrag))
