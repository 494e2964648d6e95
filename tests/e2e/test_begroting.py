"""Financial staff read a year in from a file, preview, confirm; axe-core on every page."""

import pytest
from playwright.sync_api import expect

from begroting.models import Begrotingsjaar, Begrotingspost
from tests.gebieden.factories import GebiedFactory

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)


def test_import_preview_and_confirm(page, inloggen, financien, tmp_path):
    jaar = Begrotingsjaar.objects.create(jaar=2021)
    binnenstad = GebiedFactory(naam="Binnenstad")
    Begrotingspost.objects.create(jaar=jaar, gebied=binnenstad, naam="Wijkbudget", realisatie=1000)
    slecht = tmp_path / "slecht.csv"
    slecht.write_text("gebied;naam;begroting;realisatie\nAtlantis;Post;1;1\n", encoding="utf-8")
    goed = tmp_path / "goed.csv"
    goed.write_text(
        "gebied;naam;begroting na wijziging;realisatie\n"
        "Binnenstad;Wijkbudget;20.000,00;18.950,25\n"
        "Algemeen;Algemeen;52.500;49.750\n",
        encoding="utf-8",
    )

    inloggen("financien")
    page.goto("/begroting/2021/")
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="Cijfers inlezen (CSV of Excel)").click()
    assert axe_overtredingen(page) == []

    page.get_by_label("Bestand (CSV of Excel)").set_input_files(str(slecht))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("alert")).to_contain_text("er is niets ingelezen")
    expect(page.get_by_role("table")).to_contain_text("Onbekend gebied „Atlantis”.")
    assert axe_overtredingen(page) == []

    page.get_by_label("Bestand (CSV of Excel)").set_input_files(str(goed))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("status")).to_contain_text("1 nieuwe posten, 1 gewijzigde posten")
    expect(page.locator("main")).to_contain_text("Realisatie € 1.000,00 → € 18.950,25")
    assert axe_overtredingen(page) == []
    assert Begrotingspost.objects.count() == 1

    page.get_by_role("button", name="Ja, deze cijfers inlezen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Begroting en realisatie 2021")
    expect(page.locator("main")).to_contain_text("Ingelezen: 1 nieuwe en 1 gewijzigde posten.")
    expect(page.locator("main")).to_contain_text("€ 18.950,25")
    assert Begrotingspost.objects.count() == 2


def test_grid_shows_live_totals_and_saves(page, inloggen, financien):
    jaar = Begrotingsjaar.objects.create(jaar=2021)
    Begrotingspost.objects.create(
        jaar=jaar,
        gebied=GebiedFactory(naam="Binnenstad"),
        naam="Wijkbudget",
        begroting_na_wijziging=20000,
    )
    inloggen("financien")
    page.goto("/begroting/2021/bewerken/")
    assert axe_overtredingen(page) == []
    page.get_by_label("Realisatie – Wijkbudget").fill("18.950,25")
    expect(page.locator("[data-totaal='resultaat']")).to_have_text("€ 1.049,75")
    page.get_by_role("button", name="Alles opslaan").click()
    expect(page.locator("main")).to_contain_text("De cijfers van 2021 zijn opgeslagen.")
    assert Begrotingspost.objects.get().realisatie == 18950.25
