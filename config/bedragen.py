"""Money as Dutch readers expect it, shared by every app: 1.234,56 and € −48,00."""

from decimal import Decimal


def nl_bedrag(bedrag: Decimal) -> str:
    """1.234,56 (no currency sign), − for negative amounts."""
    teken = "−" if bedrag < 0 else ""
    heel, _punt, cent = f"{abs(bedrag):.2f}".partition(".")
    return f"{teken}{int(heel):,}".replace(",", ".") + f",{cent}"


def als_euro(bedrag: Decimal) -> str:
    """€ 1.234,56 and € −48,00."""
    return f"€ {nl_bedrag(bedrag)}"
