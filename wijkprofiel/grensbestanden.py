"""Buurt boundaries from the file a user downloaded, without network: CBS's wijk- en buurtkaart
(a GeoPackage with layers such as `gemeenten`, `wijken` and `buurten`, or a GeoJSON) and the
generalised boundaries of CBS's gebiedsindelingen (`statcode`, `statnaam`, `jrstatcode`).

Attributes are recognised in the spelling of recent years (`buurtcode`, `buurtnaam`, `wijkcode`,
`gemeentecode`, `water`) and of older ones (`BU_CODE`, `BU_NAAM`, `WK_CODE`, `GM_CODE`,
`WATER`), case aside. Only the buurten of one municipality are kept, filtered while reading so
a file of the whole country stays fast. Shapes come back in the Dutch national grid (RD New,
EPSG:28992) as WKB: a file in WGS84 (or another named system) is converted, and a file that
names no system, or names WGS84 while its coordinates are metres (many GeoJSON exports in RD
carry no `crs` member, and GDAL then reports WGS84), is taken as RD New; `stelsel` says which
and why. Figures in the attributes of `Indicator.kaart` are read too; CBS's negative codes for
a secret or unknown value are missing values (None), never zero.
"""

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import numpy as np
import pyogrio
import pyogrio.raw
import shapely
from django.utils.translation import gettext as _
from pyogrio import errors as ogr_fouten
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from .indicatoren import INDELINGSWIJZIGING_KAART, INDICATOREN

RD = 28992
GEMEENTECODE_RE = re.compile(r"^GM\d{4}$")
JAAR_IN_NAAM_RE = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
RD_GEBIED = (-7_000, 289_000, 300_000, 629_000)  # RD New's area of use, with a margin (m)
ONBEKEND = Decimal(-99990)  # CBS's codes for a secret or unknown value are this or lower
VELDEN = {  # role → attribute names, lower case; the first present is used
    "code": ("buurtcode", "bu_code", "statcode"),
    "naam": ("buurtnaam", "bu_naam", "statnaam"),
    "wijkcode": ("wijkcode", "wk_code"),
    "gemeentecode": ("gemeentecode", "gm_code"),
    "water": ("water",),
    "jrstatcode": ("jrstatcode",),
    "indelingswijziging": tuple(n.lower() for n in INDELINGSWIJZIGING_KAART),
}
OGR_FOUTEN = (
    ogr_fouten.DataSourceError,
    ogr_fouten.DataLayerError,
    ogr_fouten.FieldError,
    ogr_fouten.GeometryError,
    ogr_fouten.CRSError,
)


class GeenGrensbestand(ValueError):
    """The file holds no buurt boundaries of the municipality that can be read (the message
    says why, in Dutch)."""


@dataclass(frozen=True)
class Buurtvorm:
    code: str  # BU06320101
    naam: str
    wijkcode: str  # WK063201
    water: bool  # the buurt is water only
    wkb: bytes  # its outline (polygons only) in EPSG:28992 (RD New)


@dataclass(frozen=True)
class GelezenGrenzen:
    buurten: tuple[Buurtvorm, ...]  # in the order of their codes
    stelsel: str  # which coordinate system the file had or was assumed, and why
    laag: str  # the layer read
    jaar: int | None  # from jrstatcode, else a year in the file name, else None
    waarden: dict[tuple[str, str], Decimal | None]  # (buurtcode, indicator code) → value
    gewijzigd: frozenset[str]  # buurtcodes whose indelingswijziging is not 1


@dataclass(frozen=True)
class _Laag:
    naam: str
    velden: dict[str, str]  # lower case → as spelled in the file
    driver: str  # GDAL's: GPKG, GeoJSON, …

    def veld(self, rol: str) -> str | None:
        return next((self.velden[n] for n in VELDEN[rol] if n in self.velden), None)


def lees_grenzen(
    pad: str | Path, *, gemeentecode: str, bestandsnaam: str | None = None
) -> GelezenGrenzen:
    """The buurten of municipality `gemeentecode` (GM0632) in the file at `pad`.
    `bestandsnaam` is the name the user gave the file, for the year, when the stored file is
    named otherwise. Raises GeenGrensbestand with a Dutch message when the file cannot be read
    as boundaries, has no buurtcode attribute or no buurten of the municipality."""
    if not GEMEENTECODE_RE.match(gemeentecode or ""):
        raise GeenGrensbestand(
            _("Stel eerst de CBS-code van de gemeente in (GM gevolgd door vier cijfers).")
        )
    laag = _kies_laag(str(pad))
    meta, geometrie, kolommen = _lees(str(pad), laag, gemeentecode)
    codes = np.array(
        [str(c or "").strip().upper() for c in kolommen[laag.veld("code")]], dtype=object
    )
    houden = np.array(
        [c.startswith("BU" + gemeentecode[2:]) and len(c) == 10 for c in codes], dtype=bool
    ) & np.array([g is not None for g in geometrie], dtype=bool)
    if not houden.any():
        raise GeenGrensbestand(
            _("Het bestand heeft geen buurten van gemeente %(code)s (laag ‘%(laag)s’).")
            % {"code": gemeentecode, "laag": laag.naam}
        )
    vormen = shapely.from_wkb(geometrie[houden])
    kolommen = {naam: waarden[houden] for naam, waarden in kolommen.items()}
    codes = codes[houden]
    vormen, stelsel = _naar_rd(vormen, meta.get("crs"), geojson=laag.driver == "GeoJSON")
    buurten = _buurten(laag, codes, vormen, kolommen)
    if not buurten:
        raise GeenGrensbestand(
            _("De buurten van gemeente %(code)s in het bestand hebben geen vlakken.")
            % {"code": gemeentecode}
        )
    return GelezenGrenzen(
        buurten=buurten,
        stelsel=stelsel,
        laag=laag.naam,
        jaar=_jaar(laag, kolommen, bestandsnaam or Path(pad).name),
        waarden=_waarden(laag, codes, kolommen),
        gewijzigd=_gewijzigd(laag, codes, kolommen),
    )


def _is_vlaklaag(soort: str | None) -> bool:
    """Whether a layer of this geometry type may hold polygons (GeoJSON may say Unknown)."""
    return soort is not None and (
        "Polygon" in soort or soort in ("Unknown", "Geometry", "GeometryCollection")
    )


def _kies_laag(pad: str) -> _Laag:
    """The layer of buurten: among the layers of polygons those named "buurt…" first, then the
    others; the first that has a buurtcode attribute."""
    try:
        lagen = [(str(naam), soort) for naam, soort in pyogrio.list_layers(pad)]
    except OGR_FOUTEN as fout:
        raise GeenGrensbestand(
            _(
                "Dit is geen bestand met buurtgrenzen dat te lezen is. Download de wijk- en "
                "buurtkaart van het CBS als GeoPackage (.gpkg) of GeoJSON (.geojson)."
            )
        ) from fout
    vlaklagen = [naam for naam, soort in lagen if _is_vlaklaag(soort)]
    if not vlaklagen:
        raise GeenGrensbestand(
            _(
                "Het bestand heeft geen vlakken: er staan geen buurtgrenzen in, alleen gegevens "
                "zonder vorm of met punten of lijnen."
            )
        )
    vlaklagen.sort(key=lambda naam: "buurt" not in naam.lower())
    for naam in vlaklagen:
        info = pyogrio.read_info(pad, layer=naam)
        laag = _Laag(naam, {str(v).lower(): str(v) for v in info["fields"]}, info["driver"])
        if laag.veld("code"):
            return laag
    raise GeenGrensbestand(
        _(
            "In het bestand staat geen buurtcode: de laag ‘%(laag)s’ heeft geen kolom "
            "buurtcode, BU_CODE of statcode."
        )
        % {"laag": vlaklagen[0]}
    )


def _lees(pad: str, laag: _Laag, gemeentecode: str):
    """The layer's geometries (WKB) and the columns used, filtered on the municipality in the
    reader (the gemeentecode attribute, else the buurtcode's digits)."""
    kolommen = [
        v
        for v in {
            *(laag.veld(rol) for rol in VELDEN),
            *(_indicatorveld(laag, i) for i in INDICATOREN),
        }
        if v
    ]
    gemeenteveld = laag.veld("gemeentecode")
    if gemeenteveld:
        filter_ = f"{_sql_naam(gemeenteveld)} LIKE '{gemeentecode}%'"  # codes may be padded
    else:
        filter_ = f"{_sql_naam(laag.veld('code'))} LIKE 'BU{gemeentecode[2:]}%'"
    try:
        meta, _fids, geometrie, waarden = pyogrio.raw.read(
            pad,
            layer=laag.naam,
            columns=kolommen,
            where=filter_,
            force_2d=True,
            return_fids=False,
        )
    except OGR_FOUTEN as fout:
        raise GeenGrensbestand(
            _("De laag ‘%(laag)s’ van het bestand is niet te lezen.") % {"laag": laag.naam}
        ) from fout
    if geometrie is None:
        geometrie = np.full(len(waarden[0]) if waarden else 0, None, dtype=object)
    return meta, geometrie, dict(zip(meta["fields"], waarden, strict=True))


def _sql_naam(veld: str) -> str:
    return '"' + veld.replace('"', '""') + '"'


def _indicatorveld(laag: _Laag, indicator) -> str | None:
    return next((laag.velden[n.lower()] for n in indicator.kaart if n.lower() in laag.velden), None)


def _binnen(grenzen, gebied) -> bool:
    x1, y1, x2, y2 = grenzen
    return gebied[0] <= x1 and gebied[1] <= y1 and x2 <= gebied[2] and y2 <= gebied[3]


def _omrekenen(vormen, bron: CRS | int):
    omzetten = Transformer.from_crs(bron, RD, always_xy=True)
    return shapely.transform(vormen, lambda xy: np.column_stack(omzetten.transform(*xy.T)))


def _naar_rd(vormen, crs: str | None, *, geojson: bool):
    """The shapes in RD New, with the sentence that says which system the file had or was
    assumed to have, and why. A GeoJSON without a `crs` member is WGS84 by its standard (RFC
    7946), and GDAL says so; with coordinates in metres it named none of its own."""
    grenzen = tuple(shapely.total_bounds(vormen))
    graden = _binnen(grenzen, (-180, -90, 180, 90))
    stelsel = None
    if crs:
        try:
            stelsel = CRS.from_user_input(crs)
        except CRSError:
            stelsel = None
    if stelsel is not None and stelsel.to_epsg() == RD:
        zin = _("Het bestand gebruikt RD New (EPSG:28992).")
    elif (stelsel is None or stelsel.is_geographic) and not graden:
        zin = (
            _(
                "Het bestand noemt geen coördinatenstelsel; de coördinaten liggen ver buiten "
                "±180/±90, dus is RD New (EPSG:28992) aangenomen."
            )
            if stelsel is None or geojson
            else _(
                "Het bestand noemt %(stelsel)s, maar de coördinaten liggen ver buiten ±180/±90: "
                "het bestand noemt geen eigen coördinatenstelsel, dus is RD New (EPSG:28992) "
                "aangenomen."
            )
            % {"stelsel": _naam(stelsel)}
        )
    elif stelsel is None:
        vormen = _omrekenen(vormen, 4326)
        zin = _(
            "Het bestand noemt geen coördinatenstelsel; de coördinaten liggen binnen ±180/±90, "
            "dus is WGS84 (EPSG:4326) aangenomen en omgerekend naar RD New (EPSG:28992)."
        )
    elif geojson and stelsel.is_geographic:
        vormen = _omrekenen(vormen, stelsel)
        zin = _(
            "Het bestand is GeoJSON in WGS84 (lengte- en breedtegraden, %(stelsel)s); de vormen "
            "zijn omgerekend naar RD New (EPSG:28992)."
        ) % {"stelsel": ":".join(stelsel.to_authority() or ("EPSG", "4326"))}
    else:
        vormen = _omrekenen(vormen, stelsel)
        zin = _(
            "Het bestand gebruikt %(stelsel)s; de vormen zijn omgerekend naar RD New (EPSG:28992)."
        ) % {"stelsel": _naam(stelsel)}
    if not _binnen(tuple(shapely.total_bounds(vormen)), RD_GEBIED):
        raise GeenGrensbestand(
            _(
                "De buurten liggen niet in Nederland, ook niet na omrekening naar RD New "
                "(EPSG:28992): controleer het coördinatenstelsel van het bestand."
            )
        )
    return vormen, zin


def _naam(stelsel: CRS) -> str:
    """ "WGS 84 (EPSG:4326)"."""
    autoriteit = stelsel.to_authority()
    return f"{stelsel.name} ({':'.join(autoriteit)})" if autoriteit else stelsel.name


def _vlakken(vorm):
    """Only the polygons of a shape (repaired when invalid), or None when none are left."""
    if shapely.is_valid(vorm):
        if isinstance(vorm, shapely.Polygon | shapely.MultiPolygon):
            return None if vorm.is_empty else vorm
    else:
        vorm = shapely.make_valid(vorm)
    delen = []
    onderzoeken = [vorm]
    while onderzoeken:
        deel = onderzoeken.pop()
        if isinstance(deel, shapely.Polygon):
            if not deel.is_empty:
                delen.append(deel)
        elif isinstance(deel, shapely.MultiPolygon | shapely.GeometryCollection):
            onderzoeken.extend(shapely.get_parts(deel))
    if not delen:
        return None
    return delen[0] if len(delen) == 1 else shapely.multipolygons(delen)


def _buurten(laag: _Laag, codes, vormen, kolommen) -> tuple[Buurtvorm, ...]:
    """One Buurtvorm per code (a buurt in several rows gets the union of its shapes)."""
    naamveld, wijkveld, waterveld = laag.veld("naam"), laag.veld("wijkcode"), laag.veld("water")
    per_code: dict[str, list[int]] = {}
    for i, code in enumerate(codes):
        per_code.setdefault(code, []).append(i)
    buurten = []
    for code in sorted(per_code):
        rijen = per_code[code]
        vorm = _vlakken(shapely.union_all(vormen[rijen]) if len(rijen) > 1 else vormen[rijen[0]])
        if vorm is None:
            continue
        i = rijen[0]
        wijkcode = str(kolommen[wijkveld][i] or "").strip().upper() if wijkveld else ""
        buurten.append(
            Buurtvorm(
                code=code,
                naam=str(kolommen[naamveld][i] or "").strip() if naamveld else "",
                wijkcode=wijkcode or "WK" + code[2:8],
                water=bool(waterveld) and _is_ja(kolommen[waterveld][i]),
                wkb=shapely.to_wkb(vorm),
            )
        )
    return tuple(buurten)


def _is_ja(waarde) -> bool:
    return str(waarde or "").strip().upper() in {"JA", "J", "1", "TRUE"}


def _jaar(laag: _Laag, kolommen, bestandsnaam: str) -> int | None:
    """The year of jrstatcode ("2024BU06320101"), else one in the file name."""
    veld = laag.veld("jrstatcode")
    if veld:
        for waarde in kolommen[veld]:
            tekst = str(waarde or "").strip()
            if len(tekst) >= 4 and tekst[:4].isdigit():
                return int(tekst[:4])
    gevonden = JAAR_IN_NAAM_RE.search(bestandsnaam)
    return int(gevonden.group(1)) if gevonden else None


def waarde(ruw) -> Decimal | None:
    """A figure as the file has it: a number (or text with a decimal point or comma); empty,
    not a number, or one of CBS's negative codes for a secret or unknown value (≤ -99990) is
    None."""
    if ruw is None:
        return None
    if isinstance(ruw, str):
        tekst = ruw.strip().replace(",", ".")
        try:
            getal = Decimal(tekst)
        except InvalidOperation:
            return None
    elif isinstance(ruw, int | np.integer):
        getal = Decimal(int(ruw))
    else:
        try:
            kommagetal = float(ruw)
        except (TypeError, ValueError):
            return None
        if math.isnan(kommagetal):
            return None
        getal = Decimal(int(kommagetal)) if kommagetal.is_integer() else Decimal(str(ruw))
    if not getal.is_finite() or getal <= ONBEKEND:
        return None
    return getal


def _waarden(laag: _Laag, codes, kolommen) -> dict[tuple[str, str], Decimal | None]:
    uitkomst = {}
    for indicator in INDICATOREN:
        veld = _indicatorveld(laag, indicator)
        if veld:
            for code, ruw in zip(codes, kolommen[veld], strict=True):
                uitkomst[(code, indicator.code)] = waarde(ruw)
    return uitkomst


def _gewijzigd(laag: _Laag, codes, kolommen) -> frozenset[str]:
    """Buurten whose indelingswijziging is known and not 1 (1: unchanged)."""
    veld = laag.veld("indelingswijziging")
    if not veld:
        return frozenset()
    return frozenset(
        code
        for code, ruw in zip(codes, kolommen[veld], strict=True)
        if (w := waarde(ruw)) is not None and w != 1
    )
