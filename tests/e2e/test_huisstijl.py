"""The municipality's own colour in a real browser: refused when too light, and once saved the
primary buttons and links of every page take it, with axe's contrast rules still satisfied."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)


def kleur_van(page, selector: str, eigenschap: str) -> str:
    return page.locator(selector).first.evaluate(
        f"(el) => getComputedStyle(el).getPropertyValue('{eigenschap}')"
    )


def test_the_municipalitys_colour_reaches_buttons_and_links(page, inloggen, coordinator):
    inloggen("coordinator")
    page.goto("/beheer/gemeente/")
    page.get_by_label("Naam", exact=True).fill("Gemeente Woerden")
    page.get_by_label("CBS-code").fill("GM0632")
    page.get_by_label("Hoofdkleur").fill("#ffcc00")  # yellow: white text on it is unreadable
    page.get_by_role("button", name="Opslaan").click()
    samenvatting = page.locator(".app-foutoverzicht")
    expect(samenvatting).to_be_focused()
    expect(samenvatting).to_contain_text("te weinig contrast: 1,5:1 met wit")

    page.get_by_label("Hoofdkleur").fill("00689E")
    page.get_by_label("Kleur van links").fill("#01689b")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".utrecht-alert")).to_contain_text("opgeslagen")

    page.goto("/gebieden/nieuw/")
    knop = "main .utrecht-button--primary-action"
    assert kleur_van(page, knop, "background-color") == "rgb(0, 104, 158)"
    assert kleur_van(page, "main a.utrecht-link", "color") == "rgb(1, 104, 155)"
    assert axe_overtredingen(page) == []
