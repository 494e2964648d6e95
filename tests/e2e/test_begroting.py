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


NAMEN = [
    ("Binnenstad", "Wijkbudget Binnenstad"),
    ("Bloemen- en bomenkwartier", "Wijkbudget Bloemen- en bomenkwartier"),
    ("Schilderskwartier", "Wijkbudget Schilderskwartier"),
    ("Snel & Polanen inclusief Waterrijk", "Wijkbudget Snel & Polanen inclusief Waterrijk"),
    ("Staatsliedenkwartier", "Wijkbudget Staatsliedenkwartier"),
]

# Where the grid's region, its fixed name column and a cell are, in CSS px.
PLAATS = """(label) => {
  const regio = document.querySelector('[role=region] .app-grid').parentElement;
  const naam = document.querySelector('.app-grid tbody .app-grid__naam').getBoundingClientRect();
  const r = regio.getBoundingClientRect();
  const cel = label && document.querySelector(`[aria-label="${label}"]`).getBoundingClientRect();
  const koppen = [...regio.querySelectorAll('thead th')];
  const laatste = koppen[koppen.length - 1].getBoundingClientRect();
  return {
    links: r.left, rechts: r.right, scroll: regio.scrollLeft,
    kan_scrollen: regio.scrollWidth > regio.clientWidth,
    naam_links: naam.left, naam_rechts: naam.right,
    laatste_links: laatste.left, laatste_rechts: laatste.right,
    cel_links: cel && cel.left, cel_rechts: cel && cel.right,
    document: document.documentElement.scrollWidth,
  };
}"""


def grid_met_lange_namen():
    jaar = Begrotingsjaar.objects.create(jaar=2021)
    for gebied, naam in NAMEN:
        Begrotingspost.objects.create(
            jaar=jaar,
            gebied=GebiedFactory(naam=gebied),
            naam=naam,
            primitieve_begroting=1_000_000,
            begroting_na_wijziging=1_000_000,
            realisatie=987_654.32,
        )
    return jaar


def test_grid_fits_1366_px_without_cutting_off_a_column(page, inloggen, financien):
    grid_met_lange_namen()
    page.set_viewport_size({"width": 1366, "height": 900})
    inloggen("financien")
    page.goto("/begroting/2021/bewerken/")
    regio = page.get_by_role("region", name="Begrotingsposten 2021")
    expect(regio).to_be_visible()
    plaats = page.evaluate(PLAATS, None)
    assert plaats["document"] <= 1366  # the page itself never scrolls sideways
    regio.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
    plaats = page.evaluate(PLAATS, None)
    # the delete column's header is whole inside the region (at 1366 px the table fits)
    assert (
        plaats["links"] <= plaats["laatste_links"] and plaats["laatste_rechts"] <= plaats["rechts"]
    )
    assert not plaats["kan_scrollen"]
    expect(page.get_by_role("columnheader", name="Verwijderen")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Termijn (jaren)")).to_be_visible()
    # the longest name is not cut off in its cell
    langste = page.get_by_label("Naam – Wijkbudget Snel & Polanen inclusief Waterrijk")
    assert langste.evaluate("i => i.scrollWidth <= i.clientWidth")
    expect(page.get_by_label("Primitieve begroting – Wijkbudget Binnenstad")).to_have_value(
        "1.000.000,00"
    )
    assert axe_overtredingen(page) == []


@pytest.mark.parametrize("breedte", [1100, 800])
def test_the_name_column_stays_in_view_while_the_region_scrolls(page, inloggen, financien, breedte):
    """Narrower than the table (or zoomed in), the region scrolls and the name stays fixed at
    its left edge, also when the cells are reached with Tab."""
    grid_met_lange_namen()
    page.set_viewport_size({"width": breedte, "height": 900})
    inloggen("financien")
    page.goto("/begroting/2021/bewerken/")
    regio = page.get_by_role("region", name="Begrotingsposten 2021")
    regio.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
    plaats = page.evaluate(PLAATS, None)
    assert plaats["document"] <= breedte
    assert plaats["kan_scrollen"] and plaats["scroll"] > 0
    assert plaats["links"] - 1 <= plaats["naam_links"] < plaats["naam_rechts"] <= plaats["rechts"]
    expect(page.get_by_label("Naam – Wijkbudget Binnenstad")).to_be_in_viewport()
    assert plaats["laatste_rechts"] <= plaats["rechts"] + 1  # the last column is reachable

    regio.evaluate("r => { r.scrollLeft = 0; }")
    page.get_by_label("Naam – Wijkbudget Binnenstad").focus()
    for kolom in [
        "Taakveld of kostenplaats",
        "Primitieve begroting",
        "Begroting na wijziging",
        "Realisatie",
        "Bestedingstermijn (jaren)",
        "Verwijderen",
    ]:
        page.keyboard.press("Tab")
        label = f"{kolom} – Wijkbudget Binnenstad"
        expect(page.get_by_label(label)).to_be_focused()
        plaats = page.evaluate(PLAATS, label)
        # the focused cell is beside the fixed column, not under it, and inside the region
        assert plaats["cel_links"] >= plaats["naam_rechts"] - 1, (kolom, plaats)
        assert plaats["cel_rechts"] <= plaats["rechts"] + 1, (kolom, plaats)
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        plaats = (
            page.evaluate("() => document.activeElement.getBoundingClientRect().left"),
            page.evaluate(PLAATS, None),
        )
        assert plaats[0] >= plaats[1]["naam_rechts"] - 1


def test_grid_errors_name_the_line_and_a_new_row_needs_an_area(page, inloggen, financien):
    jaar = Begrotingsjaar.objects.create(jaar=2021)
    Begrotingspost.objects.create(
        jaar=jaar,
        gebied=GebiedFactory(naam="Schilderskwartier"),
        naam="Wijkbudget",
        begroting_na_wijziging=50000,
    )
    inloggen("financien")
    page.goto("/begroting/2021/bewerken/")
    expect(page.get_by_label("Begroting na wijziging – Wijkbudget")).to_have_value("50.000,00")
    nieuw = page.get_by_label("Gebied – nieuwe post").first
    expect(nieuw).to_have_value("")
    expect(nieuw.locator("option:checked")).to_have_text("— kies een gebied —")
    page.get_by_label("Realisatie – Wijkbudget").fill("twaalf")
    page.get_by_label("Primitieve begroting – Wijkbudget").fill("40000")
    page.get_by_label("Naam – nieuwe post").first.fill("Buurtfeest")
    page.get_by_role("button", name="Alles opslaan").click()

    samenvatting = page.get_by_role("alert")
    expect(samenvatting).to_contain_text(
        "Wijkbudget (Schilderskwartier), Realisatie: „twaalf” is geen bedrag"
    )
    expect(samenvatting).to_contain_text("Buurtfeest, Gebied: Kies een gebied")
    expect(samenvatting).not_to_contain_text("Regel")
    expect(page.get_by_text("Er is niets opgeslagen")).to_have_count(1)
    expect(page.get_by_label("Primitieve begroting – Wijkbudget")).to_have_value("40.000,00")
    # the summary's link leads to the cell, which says what is wrong itself
    samenvatting.get_by_role("link", name="Wijkbudget (Schilderskwartier), Realisatie").click()
    cel = page.get_by_label("Realisatie – Wijkbudget")
    expect(cel).to_be_focused()
    expect(cel).to_have_accessible_description(
        "„twaalf” is geen bedrag; schrijf bijvoorbeeld 1.234,56."
    )
    assert axe_overtredingen(page) == []

    page.get_by_label("Realisatie – Wijkbudget").fill("1.234,56")
    page.get_by_label("Gebied – Buurtfeest").select_option(label="Algemeen (geen gebied)")
    page.get_by_role("button", name="Alles opslaan").click()
    expect(page.locator("main")).to_contain_text("De cijfers van 2021 zijn opgeslagen.")
    assert Begrotingspost.objects.get(naam="Buurtfeest").gebied is None


def test_closing_a_year_asks_on_a_page_of_its_own(page, inloggen, financien):
    Begrotingsjaar.objects.create(jaar=2021)
    inloggen("financien")
    page.goto("/begroting/2021/")
    page.get_by_role("link", name="2021 sluiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2021 sluiten")
    expect(page.locator("main")).to_contain_text(
        "Daarna kan alleen een coördinator het jaar heropenen."
    )
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="Annuleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Begroting en realisatie 2021")
    assert not Begrotingsjaar.objects.get(jaar=2021).gesloten
    page.get_by_role("link", name="2021 sluiten").click()
    page.get_by_role("button", name="Ja, 2021 sluiten").click()
    expect(page.locator("main")).to_contain_text("2021 is gesloten; de cijfers liggen nu vast.")
    assert Begrotingsjaar.objects.get(jaar=2021).gesloten
