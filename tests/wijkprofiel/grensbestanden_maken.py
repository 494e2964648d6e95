"""Small, real boundary files in the forms CBS publishes, written with pyogrio, for the tests.

All describe the same made-up piece of GM0632 (Woerden) in the Dutch national grid (RD New,
EPSG:28992), around x 121000–125000, y 448000–451000:

- wijk WK063201: BU06320101 Binnenstad, BU06320102 Staatsliedenkwartier (its number of
  inhabitants is secret: -99997), BU06320103 Molenvliet (boundary changed this year:
  indelingswijziging 2);
- wijk WK063202: BU06320201 Snel en Polanen, BU06320202 Oude Rijn (water only);
- and BU03440101 Domplein of GM0344 (Utrecht), at x 125000–126000, which a reader for GM0632
  must leave out.

Every generator takes the folder to write in and returns the path of the file it made; the
generators that take `buurten` accept a list of `Buurt` to draw something else.
"""

import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pyogrio.raw
import shapely
from pyproj import Transformer

GEMEENTE = "GM0632"
JAAR = 2024


@dataclass(frozen=True)
class Buurt:
    code: str  # BU06320101
    naam: str
    vorm: shapely.Geometry  # in RD New
    water: bool = False
    inwoners: int | None = None  # None: empty in the file
    woz: float | None = None  # gemiddelde woningwaarde, None: empty
    indelingswijziging: int = 1  # 1: unchanged

    @property
    def wijkcode(self) -> str:
        return "WK" + self.code[2:8]

    @property
    def gemeentecode(self) -> str:
        return "GM" + self.code[2:6]


def _vak(x1: float, y1: float, x2: float, y2: float) -> shapely.Polygon:
    return shapely.box(x1, y1, x2, y2)


BUURTEN: tuple[Buurt, ...] = (
    Buurt("BU06320101", "Binnenstad", _vak(121000, 449000, 122000, 450000), inwoners=5210,
          woz=312.0),
    Buurt("BU06320102", "Staatsliedenkwartier", _vak(122000, 449000, 123000, 450000),
          inwoners=-99997, woz=-99999999),
    Buurt("BU06320103", "Molenvliet", _vak(121000, 450000, 123000, 451000), inwoners=4120,
          woz=None, indelingswijziging=2),
    Buurt("BU06320201", "Snel en Polanen", _vak(123000, 449000, 125000, 451000),
          inwoners=6890, woz=355.5),
    Buurt("BU06320202", "Oude Rijn", _vak(121000, 448000, 125000, 449000), water=True,
          inwoners=0, woz=None),
    Buurt("BU03440101", "Domplein", _vak(125000, 451000, 126000, 452000), inwoners=1500,
          woz=501.0),
)  # fmt: skip
"""The buurten every generator writes by default (five of GM0632, one of GM0344)."""

WIJKEN = {"WK063201": "Woerden-Midden", "WK063202": "Woerden-Oost", "WK034401": "Binnenstad"}
GEMEENTEN = {"GM0632": "Woerden", "GM0344": "Utrecht"}


def vlinder() -> shapely.Polygon:
    """An invalid polygon (a bow tie: its ring crosses itself) in RD inside Binnenstad."""
    return shapely.Polygon(
        [(121100, 449100), (121900, 449900), (121900, 449100), (121100, 449900), (121100, 449100)]
    )


def _samen(vormen) -> shapely.Geometry:
    return shapely.union_all(shapely.make_valid(list(vormen)))


def _wkb(vormen) -> np.ndarray:
    return np.array([shapely.to_wkb(v) for v in vormen], dtype=object)


def _tekst(waarden) -> np.ndarray:
    return np.array(list(waarden), dtype=object)


def _getallen(waarden, soort=np.float64) -> np.ndarray:
    """Numbers with None as NaN, which pyogrio writes as an empty value (so a column with an
    empty value is written as a real column)."""
    waarden = list(waarden)
    if any(w is None for w in waarden):
        soort = np.float64
    return np.array([np.nan if w is None else w for w in waarden], dtype=soort)


def _schrijf(pad, vormen, velden: dict[str, np.ndarray], **opties) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "'crs' was not provided", UserWarning)
        pyogrio.raw.write(
            str(pad),
            _wkb(vormen),
            list(velden.values()),
            list(velden),
            geometry_type=opties.pop("geometry_type", "Polygon"),
            **opties,
        )


def maak_geopackage(
    map: Path, *, buurten=BUURTEN, naam: str = "wijkenbuurten_2024_v1.gpkg"
) -> Path:
    """CBS's wijk- en buurtkaart as a GeoPackage in EPSG:28992 with the layers `gemeenten`,
    `wijken` and `buurten` and the attribute names of recent years (buurtcode, buurtnaam,
    wijkcode, gemeentecode, gemeentenaam, water "JA"/"NEE", aantal_inwoners,
    gemiddelde_woningwaarde, indelingswijziging_wijken_en_buurten). The year (2024) is only in
    the file name."""
    pad = Path(map) / naam
    gemeenten = sorted({b.gemeentecode for b in buurten})
    _schrijf(
        pad,
        [_samen(b.vorm for b in buurten if b.gemeentecode == g) for g in gemeenten],
        {
            "gemeentecode": _tekst(gemeenten),
            "gemeentenaam": _tekst(GEMEENTEN[g] for g in gemeenten),
        },
        layer="gemeenten",
        driver="GPKG",
        crs="EPSG:28992",
        geometry_type="MultiPolygon",
        promote_to_multi=True,
    )
    wijken = sorted({b.wijkcode for b in buurten})
    _schrijf(
        pad,
        [_samen(b.vorm for b in buurten if b.wijkcode == w) for w in wijken],
        {
            "wijkcode": _tekst(wijken),
            "wijknaam": _tekst(WIJKEN.get(w, w) for w in wijken),
            "gemeentecode": _tekst("GM" + w[2:6] for w in wijken),
        },
        layer="wijken",
        driver="GPKG",
        crs="EPSG:28992",
        geometry_type="MultiPolygon",
        promote_to_multi=True,
    )
    _schrijf(
        pad,
        [b.vorm for b in buurten],
        {
            "buurtcode": _tekst(b.code for b in buurten),
            "buurtnaam": _tekst(b.naam for b in buurten),
            "wijkcode": _tekst(b.wijkcode for b in buurten),
            "gemeentecode": _tekst(b.gemeentecode for b in buurten),
            "gemeentenaam": _tekst(GEMEENTEN.get(b.gemeentecode, "") for b in buurten),
            "water": _tekst("JA" if b.water else "NEE" for b in buurten),
            "aantal_inwoners": _getallen((b.inwoners for b in buurten), np.int64),
            "gemiddelde_woningwaarde": _getallen(b.woz for b in buurten),
            "indelingswijziging_wijken_en_buurten": _getallen(
                (b.indelingswijziging for b in buurten), np.int32
            ),
        },
        layer="buurten",
        driver="GPKG",
        crs="EPSG:28992",
        geometry_type="MultiPolygon",
        promote_to_multi=True,
    )
    return pad


def maak_geojson_rd(map: Path, *, buurten=BUURTEN, naam: str = "buurt_2018.geojson") -> Path:
    """A GeoJSON in RD metres WITHOUT a `crs` member (as many exports are; GDAL then reports
    WGS84) and the older attribute names in capitals (BU_CODE, BU_NAAM, WK_CODE, GM_CODE,
    WATER, AANT_INW, WOZ, IND_WBI). The year (2018) is only in the file name."""
    pad = Path(map) / naam
    _schrijf(
        pad,
        [b.vorm for b in buurten],
        {
            "BU_CODE": _tekst(b.code for b in buurten),
            "BU_NAAM": _tekst(b.naam for b in buurten),
            "WK_CODE": _tekst(b.wijkcode for b in buurten),
            "GM_CODE": _tekst(b.gemeentecode for b in buurten),
            "WATER": _tekst("JA" if b.water else "NEE" for b in buurten),
            "AANT_INW": _getallen(b.inwoners for b in buurten),
            "WOZ": _getallen(b.woz for b in buurten),
            "IND_WBI": _getallen(b.indelingswijziging for b in buurten),
        },
        driver="GeoJSON",
        crs=None,
    )
    tekst = pad.read_text(encoding="utf-8")
    assert '"crs"' not in tekst, "the file must not name its coordinate system"
    return pad


def naar_wgs84(vorm: shapely.Geometry) -> shapely.Geometry:
    """`vorm` (RD New) in WGS84 longitude/latitude, as the WGS84 file has it."""
    omzetten = Transformer.from_crs(28992, 4326, always_xy=True)
    return shapely.transform(vorm, lambda xy: np.column_stack(omzetten.transform(*xy.T)))


def maak_geojson_wgs84(map: Path, *, buurten=BUURTEN, naam: str = "buurten-2023.geojson") -> Path:
    """An RFC 7946 GeoJSON in WGS84 longitude/latitude with the recent attribute names
    (buurtcode, buurtnaam, wijkcode, gemeentecode, water, aantal_inwoners). The year (2023) is
    only in the file name."""
    pad = Path(map) / naam
    _schrijf(
        pad,
        [naar_wgs84(b.vorm) for b in buurten],
        {
            "buurtcode": _tekst(b.code for b in buurten),
            "buurtnaam": _tekst(b.naam for b in buurten),
            "wijkcode": _tekst(b.wijkcode for b in buurten),
            "gemeentecode": _tekst(b.gemeentecode for b in buurten),
            "water": _tekst("JA" if b.water else "NEE" for b in buurten),
            "aantal_inwoners": _getallen(b.inwoners for b in buurten),
        },
        driver="GeoJSON",
        crs="EPSG:4326",
        layer_options={"RFC7946": "YES"},
    )
    return pad


def maak_gebiedsindeling(
    map: Path, *, buurten=BUURTEN, jaar: int = JAAR, naam: str = "cbsgebiedsindelingen.gpkg"
) -> Path:
    """The generalised boundaries of CBS's "gebiedsindelingen" as a GeoPackage in EPSG:28992:
    layers `cbs_gemeente_<jaar>_gegeneraliseerd` and `cbs_buurt_<jaar>_gegeneraliseerd` with
    only `statcode`, `statnaam` and `jrstatcode` ("2024BU06320101"); no wijkcode, municipality
    or water attribute. The year is only in jrstatcode, not in the file name."""
    pad = Path(map) / naam
    gemeenten = sorted({b.gemeentecode for b in buurten})
    _schrijf(
        pad,
        [_samen(b.vorm for b in buurten if b.gemeentecode == g) for g in gemeenten],
        {
            "statcode": _tekst(gemeenten),
            "statnaam": _tekst(GEMEENTEN[g] for g in gemeenten),
            "jrstatcode": _tekst(f"{jaar}{g}" for g in gemeenten),
        },
        layer=f"cbs_gemeente_{jaar}_gegeneraliseerd",
        driver="GPKG",
        crs="EPSG:28992",
        geometry_type="MultiPolygon",
        promote_to_multi=True,
    )
    _schrijf(
        pad,
        [b.vorm for b in buurten],
        {
            "statcode": _tekst(b.code for b in buurten),
            "statnaam": _tekst(b.naam for b in buurten),
            "jrstatcode": _tekst(f"{jaar}{b.code}" for b in buurten),
        },
        layer=f"cbs_buurt_{jaar}_gegeneraliseerd",
        driver="GPKG",
        crs="EPSG:28992",
        geometry_type="MultiPolygon",
        promote_to_multi=True,
    )
    return pad


def met_vlinder(buurten=BUURTEN) -> tuple[Buurt, ...]:
    """The buurten with Binnenstad drawn as an invalid bow tie (for the repair)."""
    return tuple(replace(b, vorm=vlinder()) if b.code == "BU06320101" else b for b in buurten)
