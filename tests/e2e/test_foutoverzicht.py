"""A refused form, used by keyboard only: after the submit the error summary has the focus, and
its link takes the reader to the field (WCAG 3.3.1, 2.4.3)."""

import pytest
from playwright.sync_api import expect

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
