"""The small trend chart beside a figure: its geometry as plain numbers, drawn as SVG by
templates/wijkprofiel/trend.html (a table with every year stands beside it)."""

from .profiel import Reeks, tekst

BREEDTE, HOOGTE, RAND = 120, 36, 4


def trend(reeks: Reeks, *, tot_jaar: int | None = None) -> dict | None:
    """Points (x, y) of the years with a figure, and the text the chart is named by; None when
    fewer than two years have a figure (no trend to draw)."""
    punten = [
        m
        for m in reeks.metingen
        if m.waarde is not None and (tot_jaar is None or m.jaar <= tot_jaar)
    ]
    if len(punten) < 2:
        return None
    jaren = [m.jaar for m in reeks.metingen]
    laagste, hoogste = min(m.waarde for m in punten), max(m.waarde for m in punten)
    bereik = (hoogste - laagste) or 1
    stap = (BREEDTE - 2 * RAND) / max(len(jaren) - 1, 1)

    def y(waarde):
        midden = 0.5 if hoogste == laagste else float((waarde - laagste) / bereik)
        return round(HOOGTE - RAND - midden * (HOOGTE - 2 * RAND), 1)

    xy = [(round(RAND + jaren.index(m.jaar) * stap, 1), y(m.waarde)) for m in punten]
    return {
        "breedte": BREEDTE,
        "hoogte": HOOGTE,
        "lijn": " ".join(f"{x},{yy}" for x, yy in xy),
        "laatste": xy[-1],
        "naam": "; ".join(f"{m.jaar}: {tekst(reeks.indicator, m.waarde)}" for m in punten),
    }
