"""Reading buurt boundaries from the files CBS publishes (made small and real by
grensbestanden_maken): every form, the coordinate system and its sentence, the filter on the
municipality, water, figures and CBS's codes for missing values, and the refusals."""

from decimal import Decimal

import numpy as np
import pyogrio.raw
import pytest
import shapely
from pyproj import Transformer

from tests.wijkprofiel import grensbestanden_maken as maken
from wijkprofiel.grensbestanden import GeenGrensbestand, lees_grenzen, waarde

WOERDEN = ["BU06320101", "BU06320102", "BU06320103", "BU06320201", "BU06320202"]


def _per_code(gelezen):
    return {b.code: b for b in gelezen.buurten}


def _vorm(buurt):
    return shapely.from_wkb(buurt.wkb)


def test_geopackage_of_the_wijk_en_buurtkaart(tmp_path):
    gelezen = lees_grenzen(maken.maak_geopackage(tmp_path), gemeentecode="GM0632")
    assert gelezen.laag == "buurten"
    assert gelezen.jaar == 2024  # from the file name
    assert gelezen.stelsel == "Het bestand gebruikt RD New (EPSG:28992)."
    assert [b.code for b in gelezen.buurten] == WOERDEN
    binnenstad = _per_code(gelezen)["BU06320101"]
    assert (binnenstad.naam, binnenstad.wijkcode, binnenstad.water) == (
        "Binnenstad",
        "WK063201",
        False,
    )
    assert _vorm(binnenstad).equals(shapely.box(121000, 449000, 122000, 450000))
    assert gelezen.gewijzigd == frozenset({"BU06320103"})


def test_the_layer_of_buurten_is_chosen_by_its_name_whatever_the_order(tmp_path):
    """The file's first layers are gemeenten and wijken; those are never read as buurten."""
    gelezen = lees_grenzen(maken.maak_geopackage(tmp_path), gemeentecode="GM0632")
    assert {b.wijkcode for b in gelezen.buurten} == {"WK063201", "WK063202"}
    assert all(b.code.startswith("BU") for b in gelezen.buurten)


def test_geojson_in_rd_without_crs_member_is_taken_as_rd_and_says_so(tmp_path):
    gelezen = lees_grenzen(maken.maak_geojson_rd(tmp_path), gemeentecode="GM0632")
    assert gelezen.stelsel == (
        "Het bestand noemt geen coördinatenstelsel; de coördinaten liggen ver buiten ±180/±90, "
        "dus is RD New (EPSG:28992) aangenomen."
    )
    assert gelezen.jaar == 2018
    assert [b.code for b in gelezen.buurten] == WOERDEN  # older names: BU_CODE, GM_CODE, …
    per_code = _per_code(gelezen)
    assert per_code["BU06320202"].water is True
    assert per_code["BU06320102"].naam == "Staatsliedenkwartier"
    assert _vorm(per_code["BU06320201"]).equals(shapely.box(123000, 449000, 125000, 451000))
    assert gelezen.gewijzigd == frozenset({"BU06320103"})  # IND_WBI


def test_wgs84_geojson_is_reprojected_to_rd(tmp_path):
    gelezen = lees_grenzen(maken.maak_geojson_wgs84(tmp_path), gemeentecode="GM0632")
    assert "WGS84" in gelezen.stelsel and "omgerekend naar RD New (EPSG:28992)" in gelezen.stelsel
    assert gelezen.jaar == 2023
    binnenstad = _vorm(_per_code(gelezen)["BU06320101"])
    assert (
        shapely.hausdorff_distance(binnenstad, shapely.box(121000, 449000, 122000, 450000)) < 0.05
    )


def test_a_wgs84_point_lands_within_metres_of_pyprojs_rd_value(tmp_path):
    lon, lat = 4.8833, 52.0833  # Woerden, near the town hall
    x, y = Transformer.from_crs(4326, 28992, always_xy=True).transform(lon, lat)
    driehoek = shapely.Polygon([(lon, lat), (lon + 0.001, lat), (lon, lat + 0.001)])
    pad = tmp_path / "punt.geojson"
    pyogrio.raw.write(
        str(pad),
        np.array([shapely.to_wkb(driehoek)], dtype=object),
        [np.array(["BU06320101"], dtype=object)],
        ["buurtcode"],
        driver="GeoJSON",
        geometry_type="Polygon",
        crs="EPSG:4326",
        layer_options={"RFC7946": "YES"},
    )
    vorm = _vorm(lees_grenzen(pad, gemeentecode="GM0632").buurten[0])
    hoek = shapely.get_coordinates(vorm)
    afstand = np.hypot(hoek[:, 0] - x, hoek[:, 1] - y).min()
    assert afstand < 1.0  # metres
    assert 119_000 < x < 122_000 and 454_000 < y < 457_000  # and that is really Woerden


def test_gebiedsindelingen_take_the_year_from_jrstatcode_and_derive_the_wijk(tmp_path):
    gelezen = lees_grenzen(maken.maak_gebiedsindeling(tmp_path, jaar=2022), gemeentecode="GM0632")
    assert gelezen.laag == "cbs_buurt_2022_gegeneraliseerd"
    assert gelezen.jaar == 2022  # not in the file name
    assert [b.code for b in gelezen.buurten] == WOERDEN  # filtered on the buurtcode's digits
    assert _per_code(gelezen)["BU06320201"].wijkcode == "WK063202"
    assert _per_code(gelezen)["BU06320103"].naam == "Molenvliet"
    assert not any(b.water for b in gelezen.buurten)  # no water attribute: nothing is flagged
    assert gelezen.waarden == {} and gelezen.gewijzigd == frozenset()


def test_the_year_may_come_from_the_name_the_user_gave_the_file(tmp_path):
    pad = maken.maak_geojson_wgs84(tmp_path, naam="upload_x7k2.geojson")
    assert lees_grenzen(pad, gemeentecode="GM0632").jaar is None
    gelezen = lees_grenzen(pad, gemeentecode="GM0632", bestandsnaam="buurten_2021.geojson")
    assert gelezen.jaar == 2021


@pytest.mark.parametrize(
    "maak", [maken.maak_geopackage, maken.maak_geojson_rd, maken.maak_geojson_wgs84]
)
def test_buurten_of_another_municipality_are_left_out(tmp_path, maak):
    pad = maak(tmp_path)
    assert "BU03440101" not in {b.code for b in lees_grenzen(pad, gemeentecode="GM0632").buurten}
    utrecht = lees_grenzen(pad, gemeentecode="GM0344")
    assert [b.code for b in utrecht.buurten] == ["BU03440101"]


def test_figures_of_the_attributes_and_cbs_codes_for_missing_values(tmp_path):
    gelezen = lees_grenzen(maken.maak_geopackage(tmp_path), gemeentecode="GM0632")
    assert gelezen.waarden[("BU06320101", "a_inw")] == Decimal(5210)
    assert gelezen.waarden[("BU06320102", "a_inw")] is None  # -99997: secret
    assert gelezen.waarden[("BU06320202", "a_inw")] == 0  # a real zero stays zero
    assert gelezen.waarden[("BU06320201", "g_wozbag")] == Decimal("355.5")
    assert gelezen.waarden[("BU06320102", "g_wozbag")] is None  # -99999999: unknown
    assert gelezen.waarden[("BU06320103", "g_wozbag")] is None  # empty
    assert {code for code, _ in gelezen.waarden} == set(WOERDEN)
    assert {indicator for _, indicator in gelezen.waarden} == {"a_inw", "g_wozbag"}


def test_older_capitals_give_the_same_figures(tmp_path):
    gelezen = lees_grenzen(maken.maak_geojson_rd(tmp_path), gemeentecode="GM0632")
    assert gelezen.waarden[("BU06320101", "a_inw")] == 5210  # AANT_INW
    assert gelezen.waarden[("BU06320102", "a_inw")] is None
    assert gelezen.waarden[("BU06320201", "g_wozbag")] == Decimal("355.5")  # WOZ


@pytest.mark.parametrize(
    ("ruw", "verwacht"),
    [
        (-99999999, None),
        (-99997, None),
        (-99990.0, None),
        (-99989, Decimal(-99989)),
        ("", None),
        (" ", None),
        (".", None),
        (None, None),
        (float("nan"), None),
        ("12,5", Decimal("12.5")),
        (np.int64(7), Decimal(7)),
        (np.float64(2.25), Decimal("2.25")),
        (0, Decimal(0)),
    ],
)
def test_a_value(ruw, verwacht):
    assert waarde(ruw) == verwacht


def test_an_invalid_shape_is_repaired_and_only_polygons_kept(tmp_path):
    pad = maken.maak_geopackage(tmp_path, buurten=maken.met_vlinder())
    assert not maken.vlinder().is_valid
    binnenstad = _vorm(_per_code(lees_grenzen(pad, gemeentecode="GM0632"))["BU06320101"])
    assert binnenstad.is_valid and binnenstad.geom_type in ("Polygon", "MultiPolygon")
    assert binnenstad.area == pytest.approx(2 * 0.25 * 800 * 800)  # the bow tie's two triangles


def test_lines_in_a_collection_are_dropped(tmp_path):
    vorm = shapely.GeometryCollection(
        [
            shapely.box(121000, 449000, 122000, 450000),
            shapely.LineString([(122000, 449000), (122500, 449500)]),
        ]
    )
    pad = tmp_path / "gemengd.geojson"
    pyogrio.raw.write(
        str(pad),
        np.array([shapely.to_wkb(vorm)], dtype=object),
        [np.array(["BU06320101"], dtype=object)],
        ["BU_CODE"],
        driver="GeoJSON",
        geometry_type="Unknown",
        crs="EPSG:28992",
    )
    buurt = lees_grenzen(pad, gemeentecode="GM0632").buurten[0]
    assert _vorm(buurt).geom_type == "Polygon"


def test_a_file_that_is_no_boundary_file_is_refused_in_dutch(tmp_path):
    pad = tmp_path / "kwb-2024.xlsx"
    pad.write_bytes(b"PK\x03\x04 geen echte spreadsheet" * 20)
    with pytest.raises(GeenGrensbestand, match="geen bestand met buurtgrenzen"):
        lees_grenzen(pad, gemeentecode="GM0632")


def test_a_table_without_shapes_is_refused(tmp_path):
    pad = tmp_path / "kwb-2024.csv"
    pad.write_text("gwb_code_10,regio\nBU06320101,Binnenstad\n", encoding="utf-8")
    with pytest.raises(GeenGrensbestand, match="geen vlakken"):
        lees_grenzen(pad, gemeentecode="GM0632")


def test_a_file_without_buurtcode_is_refused(tmp_path):
    pad = tmp_path / "vlakken.geojson"
    pyogrio.raw.write(
        str(pad),
        np.array([shapely.to_wkb(shapely.box(121000, 449000, 122000, 450000))], dtype=object),
        [np.array(["iets"], dtype=object)],
        ["naam"],
        driver="GeoJSON",
        geometry_type="Polygon",
        crs="EPSG:28992",
    )
    with pytest.raises(GeenGrensbestand, match=r"geen buurtcode.*buurtcode, BU_CODE of statcode"):
        lees_grenzen(pad, gemeentecode="GM0632")


def test_a_file_without_buurten_of_the_municipality_is_refused(tmp_path):
    with pytest.raises(GeenGrensbestand, match="geen buurten van gemeente GM0001"):
        lees_grenzen(maken.maak_geopackage(tmp_path), gemeentecode="GM0001")


def test_shapes_outside_the_netherlands_are_refused(tmp_path):
    ver_weg = [maken.Buurt("BU06320101", "Ergens", shapely.box(900_000, 900_000, 901_000, 901_000))]
    with pytest.raises(GeenGrensbestand, match="niet in Nederland"):
        lees_grenzen(maken.maak_geojson_rd(tmp_path, buurten=ver_weg), gemeentecode="GM0632")


def test_without_a_municipality_code_the_user_is_told_to_set_one(tmp_path):
    with pytest.raises(GeenGrensbestand, match="CBS-code van de gemeente"):
        lees_grenzen(maken.maak_geopackage(tmp_path), gemeentecode="")
