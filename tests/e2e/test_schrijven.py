"""Writing the paragraph's texts in a real browser: Markdown in plain text fields, the live
preview under each field while typing (nothing saved), then saving and publishing."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from rapportage.models import Paragraaf

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)

GEEN_ZIJWAARTS_SCROLLEN = (
    "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
)


def test_coordinator_writes_with_live_preview_and_publishes(page, inloggen, coordinator):
    call_command("demo", stdout=io.StringIO())
    inloggen("coordinator")
    page.goto("/paragraaf/2020/bewerken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Paragraaf 2020 schrijven")
    assert axe_overtredingen(page) == []

    # Beside Molenvliet's field: what the application makes of that area.
    molenvliet = page.locator("section.schrijven-gebied").filter(
        has=page.get_by_role("heading", name="Molenvliet", level=3)
    )
    expect(molenvliet.locator(".schrijven-gebied__gegenereerd")).to_contain_text(
        "Wat hebben we gedaan"
    )

    inleiding = page.get_by_role("textbox", name=re.compile(r"^Inleiding"))
    inleiding.fill("")
    inleiding.press_sequentially("Wat nodig was:\n\n- **signaleren**\n- verbinden", delay=5)
    voorbeeld = page.locator("#voorbeeld-inleiding")
    expect(voorbeeld.locator("li strong")).to_have_text("signaleren")
    expect(voorbeeld.locator("li")).to_have_count(2)
    expect(inleiding).to_be_focused()  # the preview never takes the focus

    tekst = page.get_by_role("textbox", name="Tekst voor Molenvliet")
    tekst.fill("Na de pilot:\n\n- **nieuwe** wijkambtenaar\n- buurtverbinder blijft")
    gebied_voorbeeld = molenvliet.locator(".schrijven-voorbeeld")
    expect(gebied_voorbeeld.locator("li strong")).to_have_text("nieuwe")
    expect(tekst).to_be_focused()
    # only previewed: nothing is saved yet
    assert "signaleren**" not in Paragraaf.objects.get(jaar=2020).inleiding

    page.get_by_role("button", name="Opslaan en voorbeeld bekijken").click()
    expect(page.locator("main")).to_contain_text("De paragraaf van 2020 is opgeslagen.")
    assert "- **signaleren**" in Paragraaf.objects.get(jaar=2020).inleiding

    page.get_by_role("link", name="Nieuwe versie publiceren").click()
    page.get_by_label("Wat is er anders dan de vorige versie").fill("Inleiding herschreven")
    page.get_by_label("Toon de voortgang").uncheck()
    page.get_by_role("button", name="Ja, versie 2 publiceren").click()
    expect(page.locator("main")).to_contain_text("Versie 2 van 2020 is gepubliceerd.")

    page.goto("/paragraaf/2020/")
    expect(page.locator("#inleiding li strong")).to_have_text("signaleren")
    expect(page.locator("#gebied-molenvliet li strong")).to_have_text("nieuwe")
    expect(page.locator("main")).not_to_contain_text("**")

    # what changed, word by word, legible without colour
    page.goto("/paragraaf/2020/verschil/?van=1&naar=2")
    expect(page.locator(".verschil ins").filter(has_text="nieuwe").first).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("<p>")
    assert axe_overtredingen(page) == []


def test_editor_reflows_at_320_px_and_works_without_javascript(browser, live_server, coordinator):
    call_command("demo", stdout=io.StringIO())
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": 320, "height": 800},
        java_script_enabled=False,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("coordinator")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.goto("/paragraaf/2020/bewerken/")
    assert page.evaluate(GEEN_ZIJWAARTS_SCROLLEN)
    # the preview under the field shows the saved text, rendered
    expect(page.locator("#voorbeeld-inleiding li").first).to_contain_text("signaleren")
    page.get_by_role("textbox", name=re.compile(r"^Inleiding")).fill("Een **kort** jaar.")
    page.get_by_role("button", name="Opslaan en voorbeeld bekijken").click()
    expect(page.locator("main")).to_contain_text("De paragraaf van 2020 is opgeslagen.")
    expect(page.locator("#inleiding strong")).to_have_text("kort")
    assert page.evaluate(GEEN_ZIJWAARTS_SCROLLEN)
    context.close()


def test_editor_is_side_by_side_when_wide(page, inloggen, coordinator):
    call_command("demo", stdout=io.StringIO())
    page.set_viewport_size({"width": 1280, "height": 900})
    inloggen("coordinator")
    page.goto("/paragraaf/2020/bewerken/")
    sectie = page.locator("section.schrijven-gebied").first
    veld = sectie.locator(".schrijven-gebied__tekst").bounding_box()
    gegenereerd = sectie.locator(".schrijven-gebied__gegenereerd").bounding_box()
    assert gegenereerd["x"] >= veld["x"] + veld["width"]  # beside, not below
    assert page.evaluate(GEEN_ZIJWAARTS_SCROLLEN)

    # the page to try the formatting out, without the editor
    page.goto("/paragraaf/voorbeeld/?tekst=-+%2A%2Aeen%2A%2A%0A-+twee")
    expect(page.locator(".schrijven-voorbeeld li strong")).to_have_text("een")
    assert axe_overtredingen(page) == []
