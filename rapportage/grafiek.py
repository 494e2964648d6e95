"""The bar chart of budget against realisation per area: its geometry as plain numbers, drawn
as SVG by templates/rapportage/grafiek.html (sharp on screen and in print)."""

BREEDTE, LABEL, RIJ, BALK = 640, 220, 24, 10


def begroting_realisatie(regels: list[dict]) -> dict:
    """`regels`: dicts with naam, begroting and realisatie (whole thousands of euros). Returns
    what the template draws: the size, the legend's place and per area its two bars (x, y,
    width) with the figure beside each."""
    grootste = max([1, *(max(r["begroting"], r["realisatie"], 0) for r in regels)])
    schaal = (BREEDTE - LABEL - 70) / grootste
    rijen = []
    for i, r in enumerate(regels):
        y = 32 + i * RIJ
        b, re_ = max(r["begroting"], 0) * schaal, max(r["realisatie"], 0) * schaal
        rijen.append(
            {
                "naam": r["naam"],
                "naam_y": y + BALK + 4,
                "begroting": r["begroting"],
                "begroting_y": y,
                "begroting_breedte": round(b, 1),
                "begroting_tekst": (round(LABEL + b + 4, 1), y + BALK - 1),
                "realisatie": r["realisatie"],
                "realisatie_y": y + BALK + 1,
                "realisatie_breedte": round(re_, 1),
                "realisatie_tekst": (round(LABEL + re_ + 4, 1), y + 2 * BALK),
            }
        )
    return {
        "breedte": BREEDTE,
        "hoogte": 40 + RIJ * len(regels),
        "x": LABEL,
        "naam_x": LABEL - 8,
        "balk": BALK,
        "legenda": (LABEL + 18, LABEL + 100, LABEL + 118),
        "rijen": rijen,
    }
