"""The map of the areas: what it draws and links, which boundaries and assignment of which year,
water, areas without buurten, labels, the cache, and the template (page and stored form)."""

import dataclasses
import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
import shapely
from django.template.loader import render_to_string
from django.utils import timezone

from tests.gebieden.factories import GebiedFactory
from wijkprofiel import kaart as kaartmodule
from wijkprofiel.kaart import BREEDTE, MARGE, kaart, teken
from wijkprofiel.models import Buurtgrens, Buurtindeling, Grensversie

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"

# Three buurten in a row (RD), water under them and one buurt in no area, 1 km squares.
VAKKEN = {
    "BU06320101": (121000, 449000),
    "BU06320102": (122000, 449000),
    "BU06320201": (123000, 449000),
    "BU06320301": (124000, 449000),  # in no area
}
WATER = "BU06320202"  # under the row, water only


def _vak(x, y, breedte=1000, hoogte=1000):
    return shapely.to_wkb(shapely.box(x, y, x + breedte, y + hoogte))


def versie(jaar=2024, ingelezen_op=None, vakken=VAKKEN, water=True):
    v = Grensversie.objects.create(
        jaar=jaar,
        bestandsnaam=f"wijkenbuurten_{jaar}.gpkg",
        bron=f"CBS, Wijk- en buurtkaart {jaar}, CC BY 4.0",
        stelsel="Het bestand gebruikt RD New (EPSG:28992).",
        ingelezen_op=ingelezen_op or timezone.now(),
    )
    rijen = [
        Buurtgrens(versie=v, buurtcode=c, naam=c, wijkcode="WK" + c[2:8], geometrie=_vak(x, y))
        for c, (x, y) in vakken.items()
    ]
    if water:
        rijen.append(
            Buurtgrens(
                versie=v,
                buurtcode=WATER,
                naam="Oude Rijn",
                wijkcode="WK063202",
                water=True,
                geometrie=_vak(121000, 448000, 4000, 1000),
            )
        )
    Buurtgrens.objects.bulk_create(rijen)
    return v


def koppel(gebied, *codes, van=None, tot=None):
    Buurtindeling.objects.bulk_create(
        Buurtindeling(gebied=gebied, buurtcode=c, geldig_van=van, geldig_tot=tot) for c in codes
    )


@pytest.fixture
def gebieden():
    """Binnenstad (two buurten), Oost (one buurt and the water), Noord (none)."""
    versie()
    binnenstad = GebiedFactory(naam="Binnenstad")
    oost = GebiedFactory(naam="Oost")
    noord = GebiedFactory(naam="Noord")
    koppel(binnenstad, "BU06320101", "BU06320102")
    koppel(oost, "BU06320201", WATER)
    return binnenstad, oost, noord


def _svg(html: str) -> ET.Element:
    """The map's SVG, parsed as XML (so it is well-formed too)."""
    svg = re.search(r"<svg .*?</svg>", html, re.S).group(0)
    return ET.fromstring(svg)  # noqa: S314 -- our own template's output


def _links(svg: ET.Element) -> dict[str, ET.Element]:
    return {a.get("aria-label"): a for a in svg.iter(f"{SVG}a")}


def _grenzen(pad: str):
    """The bounding box of path data."""
    getallen = [float(g) for g in re.findall(r"-?\d+(?:\.\d+)?", pad)]
    xs, ys = getallen[0::2], getallen[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def test_each_area_is_a_path_with_its_name_and_link(gebieden):
    binnenstad = gebieden[0]
    getekend = kaart(gebieden=gebieden, jaar=2024)
    html = render_to_string("wijkprofiel/kaart.html", {"kaart": getekend})
    links = _links(_svg(html))
    assert set(links) == {"Binnenstad", "Oost"}
    assert links["Binnenstad"].get("href") == binnenstad.get_absolute_url()
    pad = links["Oost"].find(f"{SVG}path")
    assert pad.find(f"{SVG}title").text == "Oost"
    assert pad.get("d").startswith("M") and pad.get("d").endswith("Z")
    labels = [t.text for t in _svg(html).iter(f"{SVG}text")]
    assert "Binnenstad" in labels and "Oost" in labels  # visible labels too
    assert "Bron: CBS, Wijk- en buurtkaart 2024, CC BY 4.0" in html
    assert 'class="utrecht-table' in html and binnenstad.get_absolute_url() in html


def test_the_map_is_projected_with_y_flipped_and_about_600_wide(gebieden):
    getekend = kaart(gebieden=gebieden, jaar=2024)
    breedte, hoogte = (float(g) for g in getekend.viewbox.split()[2:])
    assert breedte == BREEDTE + 2 * MARGE
    assert hoogte == BREEDTE / 4 + 2 * MARGE  # land 4 × 1 km; the water is not drawn
    per_naam = {v.naam: v for v in getekend.vlakken}
    assert _grenzen(per_naam["Binnenstad"].pad) == (MARGE, MARGE, MARGE + 300, MARGE + 150)
    assert _grenzen(getekend.omtrek) == (MARGE, MARGE, MARGE + 600, MARGE + 150)


def test_y_is_flipped():
    """RD's y goes north, SVG's down: the northern buurt is drawn on top."""
    noord, zuid = (shapely.to_wkb(shapely.box(0, y, 1000, y + 1000)) for y in (1000, 0))
    getekend = teken([("BU1", False, noord), ("BU2", False, zuid)], {"BU1": 1, "BU2": 2})
    assert _grenzen(getekend.vlakken[1].pad)[1] == MARGE
    assert _grenzen(getekend.vlakken[2].pad)[1] > MARGE


def test_the_highlighted_area_is_marked_not_by_colour_alone(gebieden):
    oost = gebieden[1]
    getekend = kaart(gebieden=gebieden, jaar=2024, gemarkeerd=oost)
    assert [v.naam for v in getekend.vlakken if v.gemarkeerd] == ["Oost"]
    assert getekend.titel == "Kaart van de gebieden, met Oost gemarkeerd"
    svg = _svg(render_to_string("wijkprofiel/kaart.html", {"kaart": getekend}))
    links = _links(svg)
    assert links["Oost"].get("aria-current") == "page"
    assert links["Binnenstad"].get("aria-current") is None
    pad = links["Oost"].find(f"{SVG}path")
    assert "app-kaart__vlak--gemarkeerd" in pad.get("class")
    assert pad.get("fill").startswith("url(#")  # the hatch
    assert any(p.get("class") == "app-kaart__rand" for p in svg.iter(f"{SVG}path"))
    vet = [t.text for t in svg.iter(f"{SVG}text") if t.get("font-weight") == "700"]
    assert set(vet) == {"Oost"}


def test_water_buurten_are_not_drawn(gebieden):
    getekend = kaart(gebieden=gebieden, jaar=2024)
    oost = next(v for v in getekend.vlakken if v.naam == "Oost")
    assert oost.buurten == 1  # its land buurt; the water is not counted
    _x1, y1, _x2, y2 = _grenzen(oost.pad)
    assert (y1, y2) == (MARGE, MARGE + 150)  # the land square only, not the water below
    assert _grenzen(getekend.omtrek)[3] == MARGE + 150  # nor in the municipality


def test_an_area_of_water_only_is_listed_beside_the_map():
    versie()
    plas = GebiedFactory(naam="De Plas")
    koppel(plas, WATER)
    getekend = kaart(gebieden=[plas], jaar=2024)
    assert getekend.vlakken == () and getekend.zonder_buurten == (
        ("De Plas", plas.get_absolute_url()),
    )


def test_an_area_without_buurten_is_listed_with_a_link(gebieden):
    noord = gebieden[2]
    getekend = kaart(gebieden=gebieden, jaar=2024)
    assert getekend.zonder_buurten == (("Noord", noord.get_absolute_url()),)
    html = render_to_string("wijkprofiel/kaart.html", {"kaart": getekend})
    onderschrift = re.search(r"<figcaption.*?</figcaption>", html, re.S).group(0)
    assert "Gebieden zonder buurten op de kaart:" in onderschrift
    assert f'href="{noord.get_absolute_url()}">Noord</a>' in onderschrift
    assert "Noord" not in _links(_svg(html))


def test_buurten_in_no_area_show_grey_and_the_legend_says_so(gebieden):
    getekend = kaart(gebieden=gebieden, jaar=2024)
    assert getekend.onverdeeld
    html = render_to_string("wijkprofiel/kaart.html", {"kaart": getekend})
    assert "Geen deel van een gebied" in html
    Buurtindeling.objects.create(gebied=gebieden[2], buurtcode="BU06320301")
    assert not kaart(gebieden=gebieden, jaar=2024).onverdeeld


def test_the_assignment_is_the_one_valid_on_31_december_of_the_year():
    versie()
    oud, nieuw = GebiedFactory(naam="Oud"), GebiedFactory(naam="Nieuw")
    koppel(oud, "BU06320101")
    koppel(oud, "BU06320102", tot=datetime.date(2022, 12, 31))
    koppel(nieuw, "BU06320102", van=datetime.date(2023, 1, 1))
    koppel(nieuw, "BU06320201", van=datetime.date(2023, 12, 31))

    def buurten(jaar):
        return {v.naam: v.buurten for v in kaart(gebieden=[oud, nieuw], jaar=jaar).vlakken}

    assert buurten(2022) == {"Oud": 2}
    assert buurten(2023) == {"Oud": 1, "Nieuw": 2}
    assert buurten(None) == {"Oud": 1, "Nieuw": 2}  # today


def test_a_higher_area_gets_the_buurten_of_the_areas_in_it():
    versie()
    stadsdeel = GebiedFactory(naam="Stadsdeel West", soort="gebied")
    wijk = GebiedFactory(naam="Wijk", ouder=stadsdeel)
    buurt = GebiedFactory(naam="Buurt", soort="buurt", ouder=wijk)
    koppel(wijk, "BU06320101")
    koppel(buurt, "BU06320102")
    assert [(v.naam, v.buurten) for v in kaart(gebieden=[stadsdeel]).vlakken] == [
        ("Stadsdeel West", 2)
    ]
    per_naam = {v.naam: v.buurten for v in kaart(gebieden=[wijk, buurt]).vlakken}
    assert per_naam == {"Wijk": 1, "Buurt": 1}  # the nearest area counts


def test_the_boundaries_of_the_year_or_before_else_the_first_after():
    oud = timezone.now() - datetime.timedelta(days=3)
    versie(2020)
    versie(2024, ingelezen_op=oud, vakken={"BU06320101": (121000, 449000)})
    versie(2024, vakken={"BU06320101": (121000, 449000), "BU06320102": (122000, 449000)})
    gebied = GebiedFactory()
    koppel(gebied, "BU06320101", "BU06320102")
    assert kaart(gebieden=[gebied], jaar=2022).jaar == 2020
    assert kaart(gebieden=[gebied], jaar=2019).jaar == 2020  # none before: the first after
    getekend = kaart(gebieden=[gebied], jaar=2025)
    assert getekend.jaar == 2024 and getekend.vlakken[0].buurten == 2  # the newest of 2024
    assert getekend.bron == "Bron: CBS, Wijk- en buurtkaart 2024, CC BY 4.0"


def test_none_without_boundaries(django_assert_num_queries):
    gebied = GebiedFactory()
    with django_assert_num_queries(1):
        assert kaart(gebieden=[gebied]) is None


def test_a_cache_hit_does_not_recompute(gebieden, django_assert_num_queries, monkeypatch):
    with django_assert_num_queries(3):  # versions, assignment, boundaries
        eerste = kaart(gebieden=gebieden, jaar=2024)

    def niet_opnieuw(*args, **kwargs):
        raise AssertionError("the geometry was computed again")

    monkeypatch.setattr(kaartmodule, "teken", niet_opnieuw)
    with django_assert_num_queries(2):  # versions, assignment
        tweede = kaart(gebieden=gebieden, jaar=2024)
    assert tweede == eerste
    # another highlight or other links need no new geometry either
    met_markering = kaart(gebieden=gebieden, jaar=2024, gemarkeerd=gebieden[0])
    assert [v.pad for v in met_markering.vlakken] == [v.pad for v in eerste.vlakken]


def test_a_changed_assignment_or_new_boundaries_are_drawn_anew(gebieden):
    eerste = kaart(gebieden=gebieden, jaar=2024)
    koppel(gebieden[2], "BU06320301")
    tweede = kaart(gebieden=gebieden, jaar=2024)
    assert (
        {v.naam for v in tweede.vlakken}
        == {"Binnenstad", "Oost", "Noord"}
        != {v.naam for v in eerste.vlakken}
    )
    versie(2024, vakken={"BU06320101": (121000, 449000)}, water=False)
    derde = kaart(gebieden=gebieden, jaar=2024)
    assert [v.naam for v in derde.vlakken] == ["Binnenstad"]


def test_labels_that_would_cover_another_are_left_out_but_the_highlighted_one_never():
    # ten narrow buurten side by side, each its own area with a long name
    vakken = {f"BU063201{i:02}": (121000 + i * 100, 449000) for i in range(10)}
    v = Grensversie.objects.create(jaar=2024, bestandsnaam="x.gpkg", stelsel="RD")
    Buurtgrens.objects.bulk_create(
        Buurtgrens(
            versie=v, buurtcode=c, naam=c, wijkcode="WK063201", geometrie=_vak(x, y, 100, 2000)
        )
        for c, (x, y) in vakken.items()
    )
    gebieden = [GebiedFactory(naam=f"Een lange naam van gebied {i}") for i in range(10)]
    for gebied, code in zip(gebieden, vakken, strict=True):
        koppel(gebied, code)
    getekend = kaart(gebieden=gebieden, gemarkeerd=gebieden[7])
    zichtbaar = [v.naam for v in getekend.vlakken if v.label]
    assert "Een lange naam van gebied 7" in zichtbaar
    assert 1 <= len(zichtbaar) < 10
    html = render_to_string("wijkprofiel/kaart.html", {"kaart": getekend})
    assert len(_links(_svg(html))) == 10  # every area is still a link with its name
    for vlak in getekend.vlakken:  # and no label sticks out of the map
        assert 0 <= vlak.label_x <= float(getekend.viewbox.split()[2])


def test_the_stored_form_of_the_map_renders_the_same(gebieden):
    """The paragraph stores the map as JSON (dataclasses.asdict) and renders it later."""
    getekend = kaart(gebieden=gebieden, jaar=2024, url_van=lambda g: f"#gebied-{g.pk}")
    bewaard = json.loads(json.dumps(dataclasses.asdict(getekend)))
    assert render_to_string("wijkprofiel/kaart.html", {"kaart": bewaard}) == render_to_string(
        "wijkprofiel/kaart.html", {"kaart": getekend}
    )


def test_for_the_pdf_the_table_stands_under_the_map_not_folded(gebieden):
    getekend = kaart(gebieden=gebieden, jaar=2024)
    html = render_to_string("wijkprofiel/kaart.html", {"kaart": getekend, "voor_pdf": True})
    assert "<details" not in html and "app-scroll" not in html
    assert "<svg" in html and "Bron: CBS" in html
    assert html.index("</figure>") < html.index("<table") < html.index("Gebieden op de kaart")


def test_coordinates_are_never_localised(gebieden, settings):
    settings.LANGUAGE_CODE = "nl"
    getekend = kaart(gebieden=gebieden, jaar=2024)
    html = render_to_string("wijkprofiel/kaart.html", {"kaart": getekend})
    for tekst in _svg(html).iter(f"{SVG}text"):
        assert "," not in tekst.get("x") + tekst.get("y")


def test_teken_is_pure_and_keeps_holes():
    ring = shapely.box(0, 0, 3000, 3000).difference(shapely.box(1000, 1000, 2000, 2000))
    grenzen = [("BU06320101", False, shapely.to_wkb(ring))]
    eerste = teken(grenzen, {"BU06320101": 1})
    assert teken(grenzen, {"BU06320101": 1}) == eerste
    assert eerste.vlakken[1].pad.count("M") == 2  # outer ring and hole
    assert not eerste.onverdeeld


def test_buurten_that_overlap_are_still_joined_into_one_outline():
    """CBS buurten tile the municipality and are joined fast along their shared edges; buurten
    that overlap (a sloppy file) get a full union instead."""
    grenzen = [
        ("BU06320101", False, shapely.to_wkb(shapely.box(0, 0, 2000, 1000))),
        ("BU06320102", False, shapely.to_wkb(shapely.box(1000, 0, 3000, 1000))),
    ]
    getekend = teken(grenzen, {"BU06320101": 1, "BU06320102": 1})
    assert getekend.vlakken[1].pad.count("M") == 1
    assert _grenzen(getekend.vlakken[1].pad) == (MARGE, MARGE, MARGE + 600, MARGE + 200)
