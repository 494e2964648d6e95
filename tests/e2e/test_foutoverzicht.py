"""A refused form, used by keyboard only: after the submit the error summary has the focus, and
its link takes the reader to the field (WCAG 3.3.1, 2.4.3)."""

import re

import pytest
from playwright.sync_api import expect

from tests.gebieden.factories import GebiedFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_after_a_refused_submit_the_error_summary_has_focus(page, inloggen, coordinator):
    coordinator.set_password("geheim-wachtwoord")
    coordinator.save()
    inloggen("coordinator")
    page.goto("/personen/nieuw/")
    page.get_by_label("E-mailadres").focus()
    page.keyboard.type("geen-adres")
    page.keyboard.press("Enter")
    samenvatting = page.get_by_role("alert")
    expect(samenvatting).to_contain_text("Het formulier is nog niet goed ingevuld.")
    expect(samenvatting).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naam: Dit veld is verplicht.")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Naam")).to_be_focused()


def test_a_refused_focus_point_shows_the_summary_first_and_survives_a_reload(
    page, inloggen, coordinator
):
    """The area page's "Focuspunt toevoegen" opens a page of its own; after a refused submit
    the error summary is on top and has the focus, and a reload answers in Dutch, not with the
    browser's "HTTP ERROR 405"."""
    coordinator.set_password("geheim-wachtwoord")
    coordinator.save()
    gebied = GebiedFactory(naam="Schilderskwartier")
    inloggen("coordinator")
    page.goto(gebied.get_absolute_url())
    page.get_by_role("link", name="Focuspunt toevoegen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Focuspunt toevoegen")
    page.get_by_label("Toelichting").fill("Zonder titel")
    page.get_by_role("button", name="Focuspunt toevoegen").click()

    samenvatting = page.get_by_role("alert")
    expect(samenvatting).to_contain_text("Het formulier is nog niet goed ingevuld.")
    expect(samenvatting).to_be_focused()
    assert samenvatting.bounding_box()["y"] < page.viewport_size["height"]  # on the first screen
    expect(page).to_have_title(re.compile("^Fout: Focuspunt toevoegen"))

    antwoord = page.reload()
    assert antwoord.status in (200, 400), antwoord.status
    expect(page.get_by_role("heading", level=1)).to_have_text("Focuspunt toevoegen")
    expect(page.get_by_label("Titel")).to_be_visible()
    assert page.goto(page.url).status == 200  # the address itself, as from the address bar
    expect(page.get_by_role("heading", level=1)).to_have_text("Focuspunt toevoegen")
