"""Amounts as people type them, shared by every form and import: Dutch notation first
("1.234,56"), also "1234.56". Showing amounts is kern.notatie's job."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

DUIZENDTALLEN_MET_PUNT = re.compile(r"^\d{1,3}(\.\d{3})+$")
TOEGESTAAN = re.compile(r"^\d+([.,]\d+)?$")
MAXIMUM = Decimal("999999999999.99")


class OngeldigBedrag(ValueError):
    """The text is not an amount; the message says why, in Dutch."""


def lees_bedrag(tekst: str) -> Decimal:
    """Parse an amount in euros; raises OngeldigBedrag with a Dutch explanation."""
    schoon = (tekst or "").strip().replace("€", "").replace("\u00a0", "").replace(" ", "")
    negatief = schoon.startswith(("-", "−"))
    schoon = schoon.lstrip("-−")
    if not schoon:
        raise OngeldigBedrag(_("Vul een bedrag in."))
    if "." in schoon and "," in schoon:
        duizend, decimaal = (".", ",") if schoon.rfind(",") > schoon.rfind(".") else (",", ".")
        schoon = schoon.replace(duizend, "").replace(decimaal, ".")
    elif "," in schoon:
        schoon = schoon.replace(",", ".")
    elif DUIZENDTALLEN_MET_PUNT.match(schoon):
        schoon = schoon.replace(".", "")  # "1.234" is twelve hundred and thirty-four euros
    if not TOEGESTAAN.match(schoon.replace(",", ".")):
        raise OngeldigBedrag(
            _("„%(tekst)s” is geen bedrag; schrijf bijvoorbeeld 1.234,56.") % {"tekst": tekst}
        )
    try:
        bedrag = Decimal(schoon)
    except InvalidOperation as fout:
        raise OngeldigBedrag(_("„%(tekst)s” is geen bedrag.") % {"tekst": tekst}) from fout
    if bedrag > MAXIMUM:  # before quantize, which cannot handle huge numbers
        raise OngeldigBedrag(_("Dit bedrag is te groot."))
    if bedrag.as_tuple().exponent < -2 and bedrag != bedrag.quantize(Decimal("0.01")):
        raise OngeldigBedrag(_("Gebruik hoogstens twee cijfers achter de komma."))
    return (-bedrag if negatief else bedrag).quantize(Decimal("0.01"))


def schrijf_bedrag(bedrag: Decimal | None) -> str:
    """An amount as a form shows it for editing: 1234,56."""
    return "" if bedrag is None else f"{bedrag:.2f}".replace(".", ",")
