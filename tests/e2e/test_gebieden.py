"""A coordinator sets up an area in the browser; every page passes axe-core (WCAG 2.1 AA)."""

import re

import pytest
from playwright.sync_api import expect

from gebieden.models import Gebied, Platform
from tests.gebieden.factories import GebiedFactory

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_adds_an_area_and_its_platform(page, inloggen, coordinator):
    GebiedFactory(naam="Woerden stad", soort="gebied")
    page.goto("/account/inloggen/")
    assert axe_overtredingen(page) == []
    inloggen("coordinator")
    assert axe_overtredingen(page) == []

    page.get_by_role("link", name="Gebieden", exact=True).click()
    page.get_by_role("link", name="Gebied toevoegen").first.click()
    page.get_by_label("Naam").fill("Rijnoevers")
    page.get_by_label("Soort").select_option("wijk")
    page.get_by_label("CBS-code").fill("WK12")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("alert")).to_contain_text("nog niet goed ingevuld")
    expect(page.get_by_label("Naam")).to_have_value("Rijnoevers")
    assert axe_overtredingen(page) == []

    page.get_by_label("CBS-code").fill("WK063201")
    page.get_by_label("Ligt in").select_option(label="Woerden stad (gebied)")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rijnoevers")
    expect(page.get_by_role("status")).to_contain_text("Rijnoevers is opgeslagen.")
    expect(page.locator("main")).to_contain_text("Geen platform.")
    expect(page.locator("main")).to_contain_text("Geen wijkambtenaar")
    assert axe_overtredingen(page) == []

    page.get_by_role("link", name="Platform toevoegen").click()
    page.get_by_label("Naam").fill("Wijkplatform Rijnoevers")
    page.get_by_label("Soort").select_option("wijkplatform")
    page.get_by_label("Ondersteund vanaf").fill("2019-01-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text(
        re.compile(r"Wijkplatform Rijnoevers \(wijkplatform\), ondersteund sinds 1 januari 2019")
    )
    assert Platform.objects.get().gebied == Gebied.objects.get(naam="Rijnoevers")


def test_lists_and_skip_link_are_accessible(page, inloggen, coordinator):
    GebiedFactory(naam="Binnenstad")
    inloggen("coordinator")
    for pad in ["/gebieden/", "/personen/", "/partners/", "/themas/", "/gebieden/nieuw/"]:
        page.goto(pad)
        assert axe_overtredingen(page) == [], pad
    page.goto("/gebieden/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()


def test_coordinator_gives_a_person_a_login_account(page, inloggen, coordinator):
    from django.core import mail

    from tests.gebieden.factories import PersoonFactory

    persoon = PersoonFactory(naam="Sanne de Wit", email="s.dewit@woerden.nl")
    inloggen("coordinator")
    page.goto(f"/personen/{persoon.pk}/bewerken/")
    page.get_by_role("link", name="Inlogaccount van Sanne de Wit").click()
    assert axe_overtredingen(page) == []

    page.get_by_role("button", name="Account maken en uitnodiging sturen").click()
    expect(page.get_by_role("alert")).to_contain_text("nog niet goed ingevuld")
    assert axe_overtredingen(page) == []

    page.get_by_label("Wijkambtenaar").check()
    page.get_by_role("button", name="Account maken en uitnodiging sturen").click()
    expect(page.get_by_role("status").first).to_contain_text("Het account s.dewit is gemaakt")
    expect(page.locator("main")).to_contain_text("nog niet ingesteld")
    assert axe_overtredingen(page) == []
    assert mail.outbox[-1].to == ["s.dewit@woerden.nl"]
