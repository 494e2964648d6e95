"""The wijkprofiel of the benchmark data: CBS-style buurten with synthetic boundaries, which own
wijk each lies in, and CBS figures for three years. Drawn without the random generator, so the
rest of a seed's data is what it was before the wijkprofiel existed.

The boundaries tile a rectangle in RD New (EPSG:28992) around x 110000, y 440000: a grid of
cells of about 500 m with jittered corners and wavy edges (some 100 points a buurt, as CBS's
generalised boundaries have), every edge shared exactly by its two buurten, and one in 97
buurten water only. Buurt i (counting from 0) is BU<gemeente><wijk><buurt> with CBS wijk i // 10
+ 1 and buurt i % 10 + 1; the first ones are the bench's buurt areas in order, so the buurten
of a bench wijk lie side by side; the rest (up to `Schaal.grensbuurten`) lie in no own area.
"""

import datetime
import itertools
import math
from decimal import Decimal

import shapely

from gebieden.instellingen import gemeente
from wijkprofiel.indicatoren import EXACT, GEWOGEN, INDICATOREN, KWB_TABELLEN, SOM
from wijkprofiel.models import (
    Buurtgrens,
    Buurtindeling,
    Cijfer,
    Cijfertabel,
    Grensversie,
    Regiojaar,
)

GEMEENTECODE = "GM0999"  # when the municipality has none: a code CBS does not use
CEL = 500  # metres
OORSPRONG = (110_000, 440_000)
PUNTEN_PER_RAND = 24
WATER_ELKE = 97
JAREN = 3


def genereer(wijk_ids: list[int], minimum: int, jaar: int) -> int:
    """Boundaries (one version of `jaar`), the assignment from 1 January of the first year of
    figures, and the figures of the three years up to `jaar`. `wijk_ids` has for each of the
    bench's buurt areas, in order, the pk of its wijk: that buurt's CBS buurt is assigned to
    it. At least `minimum` buurten. Returns the number of buurten."""
    code = _gemeentecode()
    aantal = max(len(wijk_ids), minimum)
    codes = [f"BU{code[2:]}{i // 10 + 1:02}{i % 10 + 1:02}" for i in range(aantal)]
    water = {c for i, c in enumerate(codes) if i % WATER_ELKE == WATER_ELKE - 1}
    _grenzen(codes, water, jaar)
    Buurtindeling.objects.bulk_create(
        [
            Buurtindeling(
                gebied_id=wijk_id, buurtcode=c, geldig_van=datetime.date(jaar - JAREN + 1, 1, 1)
            )
            for wijk_id, c in zip(wijk_ids, codes, strict=False)
        ],
        batch_size=2000,
    )
    _cijfers(code, codes, water, jaar)
    return aantal


def _gemeentecode() -> str:
    """The municipality's CBS code, set to GEMEENTECODE when it has none."""
    instellingen = gemeente()
    if not instellingen.cbs_code:
        instellingen.cbs_code = GEMEENTECODE
        instellingen.save()
    return instellingen.cbs_code


def _hoek(i: int, j: int) -> tuple[float, float]:
    """A corner of the grid, jittered by up to 80 m (the same for every cell that shares it)."""
    dx = 80 * math.sin(i * 12.9898 + j * 78.233)
    dy = 80 * math.cos(i * 39.3468 + j * 11.135)
    return (OORSPRONG[0] + i * CEL + dx, OORSPRONG[1] + j * CEL + dy)


def _rand(van: tuple[int, int], naar: tuple[int, int]) -> list[tuple[float, float]]:
    """The points of the edge between two corners, both included, in the direction asked: a
    wave across the straight line, zero at the ends, computed one way for both neighbours."""
    omgekeerd = naar < van
    a, b = (naar, van) if omgekeerd else (van, naar)
    (x1, y1), (x2, y2) = _hoek(*a), _hoek(*b)
    lengte = math.hypot(x2 - x1, y2 - y1)
    nx, ny = -(y2 - y1) / lengte, (x2 - x1) / lengte
    fase = (a[0] * 7 + a[1] * 13 + b[0] * 3 + b[1]) % 10
    punten = []
    for k in range(PUNTEN_PER_RAND + 1):
        t = k / PUNTEN_PER_RAND
        uit = 25 * math.sin(math.pi * t) * math.sin(4 * math.pi * t + fase)
        punten.append((x1 + (x2 - x1) * t + nx * uit, y1 + (y2 - y1) * t + ny * uit))
    return punten[::-1] if omgekeerd else punten


def _vorm(i: int, j: int) -> bytes:
    """The WKB of the cell with lower left corner (i, j)."""
    hoeken = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1), (i, j)]
    ring = []
    for van, naar in itertools.pairwise(hoeken):
        ring.extend(_rand(van, naar)[:-1])
    ring.append(ring[0])
    return shapely.to_wkb(shapely.Polygon(ring))


def _grenzen(codes: list[str], water: set[str], jaar: int) -> None:
    kolommen = 30 if len(codes) >= 300 else max(2, math.ceil(math.sqrt(len(codes) * 1.5)))
    versie = Grensversie.objects.create(
        jaar=jaar,
        bestandsnaam=f"bench-buurten-{jaar}.gpkg",
        bron="benchmark, synthetische buurten",
        stelsel="Synthetische buurten van de benchmark in RD New (EPSG:28992).",
    )
    Buurtgrens.objects.bulk_create(
        [
            Buurtgrens(
                versie=versie,
                buurtcode=c,
                naam=f"Benchbuurt {c[-4:]}",
                wijkcode="WK" + c[2:8],
                water=c in water,
                geometrie=_vorm(n % kolommen, n // kolommen),
            )
            for n, c in enumerate(codes)
        ],
        batch_size=500,
    )


def _buurtwaarden(n: int, water: bool) -> dict[str, Decimal | None]:
    """A buurt's figures: counts from its number, shares and averages within plausible ranges,
    a few secret (None); a water buurt has no inhabitants."""
    inwoners = 0 if water else 400 + (n * 137) % 2600
    huishoudens = inwoners * 10 // 22
    woningen = huishoudens + (n % 7) * 5
    waarden: dict[str, Decimal | None] = {}
    for k, indicator in enumerate(INDICATOREN):
        if indicator.code == "a_inw":
            waarde = Decimal(inwoners)
        elif indicator.code == "a_hh":
            waarde = Decimal(huishoudens)
        elif indicator.code == "a_woning":
            waarde = Decimal(woningen)
        elif indicator.regel == SOM:
            waarde = Decimal(inwoners * (5 + (n + k) % 20) // 100)
        elif indicator.eenheid == "%":
            waarde = Decimal(10 + (n * 7 + k * 11) % 80)
        else:
            waarde = Decimal(5 + (n * 3 + k) % 50) / 10
        geheim = not inwoners or (indicator.regel == EXACT and n % 23 == 0)
        waarden[indicator.code] = None if geheim else waarde
    return waarden


def _samengeteld(buurten: list[dict[str, Decimal | None]]) -> dict[str, Decimal | None]:
    """A wijk's or the municipality's figures from its buurten (sums; weighted by the
    denominator; an exact figure as the mean of the known ones)."""
    uit: dict[str, Decimal | None] = {}
    for indicator in INDICATOREN:
        bekend = [b for b in buurten if b[indicator.code] is not None]
        if not bekend:
            uit[indicator.code] = None
        elif indicator.regel == SOM:
            uit[indicator.code] = sum(b[indicator.code] for b in bekend)
        elif indicator.regel == GEWOGEN:
            gewicht = sum(b[indicator.noemer] or 0 for b in bekend)
            totaal = sum(b[indicator.code] * (b[indicator.noemer] or 0) for b in bekend)
            uit[indicator.code] = round(totaal / gewicht, 3) if gewicht else None
        else:
            uit[indicator.code] = round(sum(b[indicator.code] for b in bekend) / len(bekend), 3)
    return uit


def _cijfers(gemeentecode: str, codes: list[str], water: set[str], jaar: int) -> None:
    """Per year a table with every buurt, CBS wijk and the municipality, all indicators."""
    buurten = {c: _buurtwaarden(n, c in water) for n, c in enumerate(codes)}
    regios = dict(buurten)
    for wijk in sorted({"WK" + c[2:8] for c in codes}):
        regios[wijk] = _samengeteld([w for c, w in buurten.items() if c[2:8] == wijk[2:]])
    regios[gemeentecode] = _samengeteld(list(buurten.values()))
    for j in range(jaar - JAREN + 1, jaar + 1):
        tabel = Cijfertabel.objects.create(
            tabel=next((t for t, y in KWB_TABELLEN.items() if y == j), f"kwb-{j}"),
            jaar=j,
            bestandsnaam=f"bench-kwb-{j}.csv",
        )
        groei = Decimal(100 + 2 * (j - jaar)) / 100  # figures grow 2 % a year
        Regiojaar.objects.bulk_create(
            [
                Regiojaar(
                    tabel=tabel,
                    jaar=j,
                    regiocode=c,
                    naam=f"Bench {c}",
                    indeling_gewijzigd=c.startswith("BU") and j == jaar and c.endswith("07"),
                )
                for c in regios
            ],
            batch_size=2000,
        )
        Cijfer.objects.bulk_create(
            [
                Cijfer(
                    tabel=tabel,
                    jaar=j,
                    regiocode=c,
                    indicator=code,
                    waarde=None if w is None else round(w * groei, 3),
                )
                for c, per in regios.items()
                for code, w in per.items()
            ],
            batch_size=5000,
        )
