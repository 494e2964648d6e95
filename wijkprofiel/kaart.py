"""The map of the own areas as plain data that templates/wijkprofiel/kaart.html draws as SVG
(on the page and in the PDF, no JavaScript).

Two steps:
- the geometry (`teken`, pure): from the buurt boundaries of one `Grensversie` and which buurt
  lies in which own area, each area's land buurten joined (water-only buurten are not drawn as
  land), simplified for drawing, projected into an SVG viewBox about 600 units wide (y
  flipped, coordinates rounded), with a point for each area's label and the outline of the
  whole municipality under it (so a buurt in no area shows grey). It is kept in the shared
  cache under the boundary version and a hash of the assignment, so an unchanged map is never
  recomputed;
- the render data (`kaart`): names, links, the highlighted area, which labels fit, the areas
  without buurten on the map, the source. Three queries at most: the boundary versions, the
  assignment, and the boundaries only when the cache misses.
"""

import datetime
import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from django.core.cache import cache
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gebieden.models import Gebied
from gebieden.periode import geldig_op_q

from .models import Buurtgrens, Buurtindeling, Grensversie

BREEDTE = 600  # the map's width in SVG units, without the margin
MARGE = 6  # room for the outlines at the edge
VEREENVOUDIGING = 0.4  # simplification tolerance in SVG units (under one pixel at 600 px)
LETTER = 12  # the labels' font size in SVG units
TEKENBREEDTE = 0.56  # a letter's average width as a part of the font size
CACHE_VERSIE = 1  # raise when the drawing changes, so no old geometry is served
CACHE_DUUR = 60 * 60 * 24 * 30  # the key names its content, so it may stay long

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Vlakvorm:
    """The drawing of one area, in SVG units."""

    pad: str  # path data
    label_x: float
    label_y: float  # the centre of the label
    straal: float  # the radius of the largest circle inside the area: room for a label
    buurten: int  # the area's land buurten drawn


@dataclass(frozen=True)
class Kaartgeometrie:
    """What `teken` makes and the cache keeps."""

    breedte: float
    hoogte: float
    omtrek: str  # path data of all land buurten: the municipality
    vlakken: dict[int, Vlakvorm]  # per area pk; areas without land buurten are absent
    onverdeeld: bool  # some land buurt lies in no area

    @property
    def viewbox(self) -> str:
        return f"0 0 {_getal(self.breedte)} {_getal(self.hoogte)}"


@dataclass(frozen=True)
class Kaartvlak:
    naam: str
    url: str
    pad: str
    label_x: float
    label_y: float  # the label's baseline
    gemarkeerd: bool
    buurten: int  # land buurten of the area drawn (water-only buurten are not drawn)
    label: bool  # the visible label fits without covering another


@dataclass(frozen=True)
class Kaart:
    titel: str
    viewbox: str
    omtrek: str
    vlakken: tuple[Kaartvlak, ...]
    zonder_buurten: tuple[tuple[str, str], ...]  # (name, url) of areas not on the map
    bron: str
    jaar: int  # of the boundaries drawn
    onverdeeld: bool  # some buurt lies in no area (the grey of the legend)
    kenmerk: str  # a prefix for the SVG's ids, unique per map


def kaart(
    *,
    gebieden: Sequence[Gebied],
    jaar: int | None = None,
    gemarkeerd: Gebied | None = None,
    url_van: Callable[[Gebied], str] = lambda g: g.get_absolute_url(),
) -> Kaart | None:
    """The map of `gebieden` as they stood on 31 December of `jaar` (None: today), with the
    boundaries of that year (the newest version of that year or before, else the oldest
    newer one); `gemarkeerd` is highlighted. An area's buurten are those assigned to it or to
    the areas under it. None when no boundaries were imported."""
    datum = datetime.date(jaar, 12, 31) if jaar else timezone.localdate()
    versie = _versie(datum.year)
    if versie is None:
        return None
    per_pk = {g.pk: g for g in gebieden}
    indeling = _indeling(per_pk, datum)
    sleutel = _sleutel(versie, indeling)
    geometrie = _uit_cache(sleutel)
    if geometrie is None:
        grenzen = Buurtgrens.objects.filter(versie_id=versie["pk"]).values_list(
            "buurtcode", "water", "geometrie"
        )
        geometrie = teken(grenzen, indeling)
        _in_cache(sleutel, geometrie)
    markeer = gemarkeerd.pk if gemarkeerd is not None else None
    vlakken = [(g, geometrie.vlakken[g.pk]) for g in gebieden if g.pk in geometrie.vlakken]
    labels = _passende_labels(vlakken, markeer, geometrie.breedte)
    return Kaart(
        titel=(
            _("Kaart van de gebieden, met %(naam)s gemarkeerd") % {"naam": gemarkeerd.naam}
            if markeer in geometrie.vlakken
            else _("Kaart van de gebieden")
        ),
        viewbox=geometrie.viewbox,
        omtrek=geometrie.omtrek,
        vlakken=tuple(
            Kaartvlak(
                naam=g.naam,
                url=url_van(g),
                pad=vorm.pad,
                label_x=labels.get(g.pk, vorm.label_x),
                label_y=round(vorm.label_y + LETTER * 0.35, 1),
                gemarkeerd=g.pk == markeer,
                buurten=vorm.buurten,
                label=g.pk in labels,
            )
            for g, vorm in vlakken
        ),
        zonder_buurten=tuple(
            (g.naam, url_van(g)) for g in gebieden if g.pk not in geometrie.vlakken
        ),
        bron=_("Bron: %(bron)s") % {"bron": versie["bron"]},
        jaar=versie["jaar"],
        onverdeeld=geometrie.onverdeeld,
        kenmerk=f"kaart-{sleutel.rsplit(':', 1)[-1][:10]}",
    )


def _uit_cache(sleutel: str):
    try:
        return cache.get(sleutel)
    except Exception:  # a cache that is away costs drawing the map again, never the page
        logger.warning("Cache onbereikbaar: kaart opnieuw getekend")
        return None


def _in_cache(sleutel: str, geometrie) -> None:
    try:
        cache.set(sleutel, geometrie, CACHE_DUUR)
    except Exception:
        logger.warning("Cache onbereikbaar: kaart niet bewaard")


def _versie(jaar: int) -> dict | None:
    """The boundaries for `jaar`: the newest version of the latest year up to it, else of the
    first year after it (one query; there are a few versions a year)."""
    versies = list(Grensversie.objects.values("pk", "jaar", "ingelezen_op", "bron"))
    eerder = [v for v in versies if v["jaar"] <= jaar]
    later = [v for v in versies if v["jaar"] > jaar]
    if eerder:
        return max(eerder, key=lambda v: (v["jaar"], v["ingelezen_op"], v["pk"]))
    if later:
        eerste = min(v["jaar"] for v in later)
        return max(
            (v for v in later if v["jaar"] == eerste), key=lambda v: (v["ingelezen_op"], v["pk"])
        )
    return None


def _indeling(per_pk: dict[int, Gebied], datum: datetime.date) -> dict[str, int]:
    """Per buurtcode the area of `per_pk` it lies in on `datum`: the area it is assigned to,
    else the nearest of those above that area (one query). Of two assignments valid on the
    same day the later one counts."""
    rijen = (
        Buurtindeling.objects.filter(geldig_op_q(datum))
        .order_by("buurtcode", F("geldig_van").asc(nulls_first=True), "pk")
        .values_list("buurtcode", "gebied_id", "gebied__ouder_id", "gebied__ouder__ouder_id")
    )  # every assignment of the day (one per buurt): faster than asking for the areas' own
    indeling = {}
    for code, *keten in rijen:
        gebied = next((pk for pk in keten if pk in per_pk), None)
        if gebied is not None:
            indeling[code] = gebied
        else:
            indeling.pop(code, None)
    return indeling


def _sleutel(versie: dict, indeling: dict[str, int]) -> str:
    inhoud = ";".join(f"{code}={pk}" for code, pk in sorted(indeling.items()))
    samenvatting = hashlib.sha256(inhoud.encode()).hexdigest()[:32]
    moment = versie["ingelezen_op"].timestamp()
    return f"wijkprofiel:kaart:{CACHE_VERSIE}:{versie['pk']}:{moment}:{samenvatting}"


def teken(grenzen: Iterable[tuple[str, bool, bytes]], indeling: dict[str, int]) -> Kaartgeometrie:
    """The geometry of the map from (buurtcode, water, WKB in RD) per buurt and the area pk
    per buurtcode. Pure: the same input gives the same drawing."""
    land: dict[str, shapely.Geometry] = {}
    for code, water, wkb in grenzen:
        if not water:
            land[code] = shapely.from_wkb(bytes(wkb))
    if not land:
        return Kaartgeometrie(BREEDTE + 2 * MARGE, 2 * MARGE, "", {}, False)
    per_gebied: dict[int, list[shapely.Geometry]] = {}
    for code, vorm in land.items():
        if code in indeling:
            per_gebied.setdefault(indeling[code], []).append(vorm)
    gemeente = _samenvoegen(list(land.values()))
    x1, y1, x2, y2 = gemeente.bounds
    schaal = BREEDTE / max(x2 - x1, y2 - y1, 1.0)

    def naar_svg(vorm):
        xy = shapely.transform(
            vorm,
            lambda c: np.column_stack(
                ((c[:, 0] - x1) * schaal + MARGE, (y2 - c[:, 1]) * schaal + MARGE)
            ),
        )
        return _vereenvoudigd(xy, VEREENVOUDIGING)

    vlakken = {}
    for pk, vormen in per_gebied.items():
        vorm = naar_svg(_samenvoegen(vormen))
        if vorm.is_empty:
            continue
        # the label's place needs no detail: on a coarser outline, to a unit
        cirkel = shapely.maximum_inscribed_circle(_vereenvoudigd(vorm, 1.0), 1.0)
        midden = shapely.get_point(cirkel, 0)
        vlakken[pk] = Vlakvorm(
            pad=_pad(vorm),
            label_x=round(shapely.get_x(midden), 1),
            label_y=round(shapely.get_y(midden), 1),
            straal=round(shapely.length(cirkel), 1),
            buurten=len(vormen),
        )
    return Kaartgeometrie(
        breedte=round((x2 - x1) * schaal + 2 * MARGE, 1),
        hoogte=round((y2 - y1) * schaal + 2 * MARGE, 1),
        omtrek=_pad(naar_svg(gemeente)),
        vlakken=vlakken,
        onverdeeld=any(code not in indeling for code in land),
    )


def _vereenvoudigd(vorm: shapely.Geometry, tolerantie: float) -> shapely.Geometry:
    """`vorm` with the detail under `tolerantie` left out (Douglas-Peucker, fast); a part that
    would vanish that way is simplified keeping its topology instead."""
    snel = shapely.simplify(vorm, tolerantie, preserve_topology=False)
    if snel.is_empty or shapely.get_num_geometries(snel) < shapely.get_num_geometries(vorm):
        return shapely.simplify(vorm, tolerantie, preserve_topology=True)
    return snel


def _samenvoegen(vormen: list[shapely.Geometry]) -> shapely.Geometry:
    """The union of buurten. CBS's buurten tile the municipality (a coverage), so dropping their
    shared edges joins them, many times faster than a full union; where they do not (overlaps),
    the result is invalid and the full union is made instead."""
    if len(vormen) == 1:
        return vormen[0]
    try:
        samen = shapely.coverage_union_all(vormen)
    except shapely.errors.GEOSException:
        samen = None
    if samen is not None and not samen.is_empty and shapely.is_valid(samen):
        return samen
    return shapely.union_all(vormen)


def _getal(waarde: float) -> str:
    """A coordinate with at most one decimal and no trailing zero: 12, 12.5, -0.3."""
    tekst = f"{waarde:.1f}"
    return tekst[:-2] if tekst.endswith(".0") else tekst


def _pad(vorm) -> str:
    """SVG path data of a polygon or multipolygon (holes as rings of their own; the template
    fills with evenodd)."""
    delen = []
    for veelhoek in shapely.get_parts(vorm):
        if not isinstance(veelhoek, shapely.Polygon) or veelhoek.is_empty:
            continue
        for ring in (veelhoek.exterior, *veelhoek.interiors):
            punten = np.round(shapely.get_coordinates(ring)[:-1], 1).tolist()
            if len(punten) >= 3:  # :g writes 12.5 and 12 (coordinates stay under 10000)
                delen.append("M" + " ".join(f"{x:g},{y:g}" for x, y in punten) + "Z")
    return "".join(delen)


def _passende_labels(vlakken, markeer: int | None, breedte: float) -> dict[int, float]:
    """Which areas get a visible label, at which x: the highlighted one always, then the
    roomiest first, each only where it fits its area's height and covers no label placed
    before. A label is moved inwards where it would stick out of the map."""
    geplaatst: list[tuple[float, float, float, float]] = []
    labels = {}
    volgorde = sorted(vlakken, key=lambda v: (v[0].pk != markeer, -v[1].straal, v[0].pk))
    for gebied, vorm in volgorde:
        gemarkeerd = gebied.pk == markeer
        if not gemarkeerd and vorm.straal * 2 < LETTER:
            continue
        halve_breedte = len(gebied.naam) * LETTER * TEKENBREEDTE * (0.55 if gemarkeerd else 0.5)
        x = min(max(vorm.label_x, halve_breedte + 1), breedte - halve_breedte - 1)
        vak = (
            x - halve_breedte,
            vorm.label_y - LETTER / 2,
            x + halve_breedte,
            vorm.label_y + LETTER / 2,
        )
        if gemarkeerd or not any(_overlapt(vak, ander) for ander in geplaatst):
            geplaatst.append(vak)
            labels[gebied.pk] = round(x, 1)
    return labels


def _overlapt(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
