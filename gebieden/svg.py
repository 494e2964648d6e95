"""Sanitising an uploaded SVG logo: only drawing elements and presentation attributes survive,
so the file can be shown in the page header and the PDF without running anything.

Parsed with the standard library's XML parser; a document with a DOCTYPE or entity declaration
is refused before parsing (no entity expansion, no external entities)."""

import re
import xml.etree.ElementTree as ET

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

ELEMENTEN = {
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "pattern",
}  # fmt: skip
ATTRIBUTEN = {
    "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width",
    "height", "d", "points", "viewBox", "preserveAspectRatio", "transform", "fill",
    "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity",
    "clip-path", "clip-rule", "mask", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "letter-spacing", "offset", "stop-color",
    "stop-opacity", "gradientUnits", "gradientTransform", "patternUnits", "patternTransform",
    "clipPathUnits", "maskUnits", "fx", "fy", "dx", "dy", "version", "style", "href",
    "visibility", "display", "color",
}  # fmt: skip
GEVAARLIJKE_STIJL = re.compile(r"url\s*\(|@import|expression\s*\(|javascript:", re.IGNORECASE)


def _naam(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _sep, lokaal = tag[1:].partition("}")
        return ns, lokaal
    return "", tag


def _schoon_attributen(el: ET.Element) -> None:
    for sleutel in list(el.attrib):
        ns, lokaal = _naam(sleutel)
        waarde = el.attrib[sleutel]
        toegestaan = lokaal in ATTRIBUTEN and ns in ("", XLINK_NS if lokaal == "href" else "")
        if lokaal.lower().startswith("on"):
            toegestaan = False
        elif lokaal == "href":
            toegestaan = waarde.strip().startswith("#")
        elif lokaal == "style" and GEVAARLIJKE_STIJL.search(waarde):
            toegestaan = False
        elif "url(" in waarde.replace(" ", "").lower():
            toegestaan = re.fullmatch(r"\s*url\(\s*#[\w.-]+\s*\)\s*", waarde) is not None
        if not toegestaan:
            del el.attrib[sleutel]


def _schoon(el: ET.Element) -> None:
    for kind in list(el):
        ns, lokaal = _naam(kind.tag)
        if ns != SVG_NS or lokaal not in ELEMENTEN:
            el.remove(kind)  # script, foreignObject, style, anything unknown: with its content
            continue
        _schoon_attributen(kind)
        _schoon(kind)


def schoon_svg(inhoud: bytes) -> bytes:
    """The SVG with only whitelisted elements and attributes; ValidationError (Dutch) when it
    is not an SVG image or declares a DOCTYPE or entities."""
    tekst = inhoud.decode("utf-8", errors="replace")
    if re.search(r"<!(DOCTYPE|ENTITY)", tekst, re.IGNORECASE):
        raise ValidationError(_("Dit SVG-bestand bevat een DOCTYPE of entiteiten; dat mag niet."))
    try:
        wortel = ET.fromstring(tekst)  # noqa: S314 - DOCTYPE/ENTITY refused above
    except ET.ParseError as fout:
        raise ValidationError(_("Dit is geen geldig SVG-bestand.")) from fout
    if wortel.tag != f"{{{SVG_NS}}}svg":
        raise ValidationError(_("Dit is geen SVG-afbeelding."))
    _schoon_attributen(wortel)
    _schoon(wortel)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(wortel, encoding="utf-8", xml_declaration=False)
