"""An SVG bar chart of budget against realisation per area: sharp on screen and in print."""

from xml.sax.saxutils import escape

from begroting.afronding import nl_getal

BREEDTE, LABEL, RIJ, BALK = 640, 220, 34, 12


def begroting_realisatie_svg(regels: list[dict], titel: str) -> str:
    """`regels`: dicts with naam, begroting and realisatie (whole thousands of euros)."""
    hoogte = 40 + RIJ * len(regels)
    grootste = max([1, *(max(r["begroting"], r["realisatie"], 0) for r in regels)])
    schaal = (BREEDTE - LABEL - 70) / grootste
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {hoogte}" '
        f'role="img" aria-labelledby="grafiek-titel" class="grafiek">',
        f'<title id="grafiek-titel">{escape(titel)}</title>',
        f'<g font-size="12"><rect x="{LABEL}" y="6" width="12" height="12" fill="#1a4f8b"/>'
        f'<text x="{LABEL + 18}" y="16">Begroting</text>'
        f'<rect x="{LABEL + 100}" y="6" width="12" height="12" fill="#d97706"/>'
        f'<text x="{LABEL + 118}" y="16">Realisatie</text></g>',
    ]
    for i, r in enumerate(regels):
        y = 32 + i * RIJ
        b, re_ = max(r["begroting"], 0) * schaal, max(r["realisatie"], 0) * schaal
        naam = escape(r["naam"])
        delen.append(
            f'<g font-size="12"><text x="{LABEL - 8}" y="{y + 14}" text-anchor="end">{naam}</text>'
            f'<rect x="{LABEL}" y="{y}" width="{b:.1f}" height="{BALK}" fill="#1a4f8b"/>'
            f'<text x="{LABEL + b + 4:.1f}" y="{y + 10}">{nl_getal(r["begroting"])}</text>'
            f'<rect x="{LABEL}" y="{y + BALK + 2}" width="{re_:.1f}" height="{BALK}" '
            f'fill="#d97706"/><text x="{LABEL + re_ + 4:.1f}" y="{y + BALK + 12}">'
            f"{nl_getal(r['realisatie'])}</text></g>"
        )
    delen.append("</svg>")
    return "".join(delen)
