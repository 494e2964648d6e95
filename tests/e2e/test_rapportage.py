"""The published annual paragraph in a real browser: axe-clean, navigation and downloads work."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)


def test_council_member_reads_the_published_paragraph(page, inloggen, raadslid):
    call_command("demo", stdout=io.StringIO())
    inloggen("raadslid")
    page.get_by_role("link", name="Jaarparagraaf").click()
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="2020: Paragraaf 5 Gebiedsgericht werken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Paragraaf 5 Gebiedsgericht werken 2020"
    )
    inhoud = page.get_by_role("navigation", name="Inhoud")
    # overview, introduction, ten areas, finances, appendix
    expect(inhoud.get_by_role("link")).to_have_count(14)
    expect(page.get_by_text("Terug naar navigatie")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Deze pagina is gebouwd op")
    assert axe_overtredingen(page) == []
    inhoud.get_by_role("link", name="Bloemen- en bomenkwartier").click()
    expect(page.locator("#gebied-bloemen-en-bomenkwartier")).to_contain_text(
        "Geen wijkplatform en geen wijkvisie."
    )
    register = page.locator("#bijlage")
    expect(register.get_by_text("Parkeren rond de basisschool")).not_to_be_visible()  # folded
    register.get_by_text("Toon alle focuspunten en activiteiten").click()
    expect(register.get_by_text("Parkeren rond de basisschool (loopt)")).to_be_visible()
    assert axe_overtredingen(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF downloaden").click()
    assert download.value.suggested_filename == "paragraaf-gebiedsgericht-werken-2020.pdf"

    page.get_by_role("link", name="Terug naar de inhoudsopgave").click()
    expect(inhoud).to_be_in_viewport()


def test_coordinator_draft_page_is_accessible(page, inloggen, coordinator):
    call_command("demo", stdout=io.StringIO())
    inloggen("coordinator")
    page.goto("/paragraaf/2020/concept/")
    assert axe_overtredingen(page) == []
    page.goto("/paragraaf/2020/bewerken/")
    assert axe_overtredingen(page) == []


def test_coordinator_publishes_after_confirming_on_a_page_of_its_own(page, inloggen, coordinator):
    call_command("demo", stdout=io.StringIO())
    inloggen("coordinator")
    page.goto("/paragraaf/2020/concept/")
    page.get_by_role("link", name="Nieuwe versie publiceren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe versie van 2020 publiceren")
    expect(page.locator("main")).to_contain_text("De paragraaf wordt versie 2 van 2020.")
    assert axe_overtredingen(page) == []
    page.goto(page.url)  # the address of the question shows the question again, never a 405
    page.get_by_label("Wat is er anders dan de vorige versie").fill("Correctie")
    page.get_by_label("Toon de voortgang").uncheck()
    page.get_by_role("button", name="Ja, versie 2 publiceren").click()
    expect(page.locator("main")).to_contain_text("Versie 2 van 2020 is gepubliceerd.")

    page.goto("/paragraaf/2020/concept.pdf")  # the draft PDF's address explains and offers it
    expect(page.get_by_role("heading", level=1)).to_have_text("Concept-PDF van 2020 maken")
    assert axe_overtredingen(page) == []
