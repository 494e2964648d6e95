"""A coordinator sets up the wijkprofiel in a real browser: reads in two years of CBS figures
(the kwb file and a StatLine download) and the wijk- en buurtkaart, links the buurten of an own
area that is not a CBS wijk, and then sees the profile and the map on the area page, the map on
the areas overview, and both in the published paragraph. axe-core checks every screen, and the
area page is read at 320 px wide."""

import pytest
from playwright.sync_api import expect

from gebieden.models import Gemeente
from rapportage.models import Publicatie
from tests.gebieden.factories import GebiedFactory
from tests.kern.factories import UserFactory
from tests.rapportage.factories import ParagraafFactory
from tests.wijkprofiel.cbsbestanden import WOERDEN_2023, kwb_csv, statline_csv
from tests.wijkprofiel.grensbestanden_maken import maak_geopackage

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)


def lees_in(page, soort: str, pad) -> None:
    page.goto("/wijkprofiel/inlezen/")
    page.get_by_role("group", name="Wat leest u in?").get_by_label(soort).check()
    page.get_by_label("Bestand", exact=True).set_input_files(str(pad))
    page.get_by_role("button", name="Bestand lezen").click()
    expect(page.get_by_role("status")).to_contain_text("Gelezen, nog niet ingelezen")
    assert axe_overtredingen(page) == []


def test_figures_and_boundaries_to_profile_map_and_paragraph(page, inloggen, tmp_path):
    Gemeente.objects.update_or_create(pk=1, defaults={"cbs_code": "GM0632"})
    UserFactory(username="coordinator", groepen=["Coördinator"])
    midden = GebiedFactory(naam="Woerden-Midden")  # its own area: linked to CBS buurten
    GebiedFactory(naam="Molenvliet", cbs_code="WK063202")  # one CBS wijk
    GebiedFactory(naam="Nieuwbouw")  # no buurten (yet)
    ParagraafFactory(jaar=2024, titel="Gebiedsgericht werken", nummer="5")
    (tmp_path / "kwb-2024.csv").write_bytes(kwb_csv())
    (tmp_path / "download.csv").write_bytes(statline_csv(WOERDEN_2023))
    kaart = maak_geopackage(tmp_path)

    inloggen("coordinator")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beheer").click()
    page.get_by_role("link", name="Wijkprofiel en kaart").click()
    assert axe_overtredingen(page) == []

    lees_in(page, "Cijfers", tmp_path / "kwb-2024.csv")
    expect(page.get_by_role("status")).to_contain_text("Tabel kwb-2024, 2024")
    expect(page.locator("main")).to_contain_text("niet gekoppeld")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("cijfers zijn opgeslagen")

    lees_in(page, "Cijfers", tmp_path / "download.csv")
    expect(page.get_by_role("status")).to_contain_text("2023")
    page.get_by_role("button", name="Opslaan").click()

    lees_in(page, "Buurtgrenzen", kaart)
    expect(page.get_by_role("status")).to_contain_text("EPSG:28992")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("buurten zijn opgeslagen")

    page.get_by_role("link", name="Buurten aan de gebieden koppelen").click()
    assert axe_overtredingen(page) == []
    for code in ("BU06320101", "BU06320102"):
        page.get_by_label(code).select_option(label="Woerden-Midden")
    page.get_by_role("button", name="Indeling opslaan").click()
    expect(page.locator("main")).to_contain_text("anders ingedeeld")

    # The area page: figures computed from its two buurten, with trend, source and map.
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(midden.get_absolute_url())
    profiel = page.get_by_role("region", name="Wijkprofiel")
    expect(profiel).to_contain_text("Berekend uit 2 CBS-buurten")
    expect(page.locator(".app-wijkprofiel__tabel")).to_contain_text("Inwoners")
    expect(page.locator('.app-kaart__svg a[aria-current="page"]')).to_have_attribute(
        "aria-label", "Woerden-Midden"
    )
    expect(page.locator(".app-kaart__onderschrift")).to_contain_text("Nieuwbouw")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_overtredingen(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    expect(page.locator(".app-trend").first).to_be_visible()  # at 320 px only the table

    # The areas overview: every area on the map is a link to its page.
    page.goto("/gebieden/")
    assert axe_overtredingen(page) == []
    page.locator('.app-kaart__svg a[aria-label="Molenvliet"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Molenvliet")
    expect(page.locator("p.app-wijkprofiel__bron")).to_contain_text("WK063202")

    # The paragraph: the map on the overview, the key figures per area.
    page.goto("/paragraaf/2024/concept/")
    page.get_by_role("link", name="Publiceren").click()
    page.get_by_role("button", name="Ja, versie 1 publiceren").click()
    expect(page.locator("main")).to_contain_text("is gepubliceerd")
    page.goto("/paragraaf/2024/")
    expect(page.locator("#overzicht .app-kaart__svg")).to_be_visible()
    expect(page.locator("main")).to_contain_text("In cijfers")
    expect(page.locator('.app-kaart__svg a[aria-label="Woerden-Midden"]')).to_have_attribute(
        "href", "#gebied-woerden-midden"
    )
    assert axe_overtredingen(page) == []
    assert Publicatie.objects.get().data["kaart"]["vlakken"]
