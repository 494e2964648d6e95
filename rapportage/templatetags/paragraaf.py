"""Filters of the annual paragraph's pages and PDF."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from begroting.afronding import nl_getal as _nl_getal

register = template.Library()


@register.filter
def nl_getal(waarde: int) -> str:
    return _nl_getal(int(waarde))


@register.filter
def focuslijst(focus: list[dict], voor_pdf: bool = False) -> str:
    """The focus points of an area as list items: "titel (status): toelichting".

    Written here rather than as a template loop: a large municipality has some 15,000 in a year,
    and the loop took most of the time of the draft page and of the PDF's HTML. For the PDF the
    bullet is text in the item (the list has no markers, see paragraaf-pdf.css): WeasyPrint lays
    out every list marker as a box of its own, a quarter of the layout time of such a PDF.
    """
    teken = "• " if voor_pdf else ""
    return mark_safe(  # noqa: S308 -- every part escaped
        "".join(
            f'<li class="utrecht-unordered-list__item">{teken}{escape(f["titel"])}'
            f" ({escape(f['status_tekst'])})"
            f"{': ' + escape(f['toelichting']) if f['toelichting'] else ''}</li>"
            for f in focus
        )
    )
