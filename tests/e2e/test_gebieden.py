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


def test_official_adds_a_goal_judges_it_and_links_a_focus_point(page, inloggen, coordinator):
    from gebieden.models import Doel, Doeloordeel, Focuspunt
    from tests.gebieden.factories import VisieFactory

    gebied = GebiedFactory(naam="Schilderskwartier")
    VisieFactory(gebied=gebied, titel="Wijkvisie Schilderskwartier")
    inloggen("coordinator")
    page.goto(gebied.get_absolute_url())
    page.get_by_role("link", name="Doel toevoegen aan Wijkvisie Schilderskwartier").click()
    assert axe_overtredingen(page) == []
    page.get_by_label("Doel", exact=True).fill("")
    page.get_by_role("button", name="Doel toevoegen").click()
    fouten = page.get_by_role("alert")
    expect(fouten).to_contain_text("nog niet goed ingevuld")
    expect(fouten).to_be_focused()
    assert axe_overtredingen(page) == []

    page.get_by_label("Doel", exact=True).fill("Een duurzame wijk")
    page.get_by_label("Vanaf jaar").fill("2019")
    page.get_by_role("button", name="Doel toevoegen").click()
    expect(page.get_by_role("status")).to_contain_text("Doel „Een duurzame wijk” is toegevoegd.")
    doelen = page.get_by_role("table", name="Doelen van Wijkvisie Schilderskwartier")
    expect(doelen).to_contain_text("vanaf 2019")
    expect(doelen).to_contain_text("nog geen oordeel")
    assert axe_overtredingen(page) == []

    page.get_by_role("link", name="Oordeel geven over Een duurzame wijk").click()
    groep = page.get_by_role("group", name="Oordeel")
    expect(groep.get_by_role("radio")).to_have_count(4)
    assert axe_overtredingen(page) == []
    page.get_by_label("Jaar", exact=True).fill("2020")
    groep.get_by_label("aandacht nodig").check()
    page.get_by_label("Toelichting").fill("Weinig animo in de winter.")
    page.get_by_role("button", name="Oordeel opslaan").click()
    label = doelen.locator(".app-oordeel--aandacht_nodig")
    expect(label).to_have_text("aandacht nodig")
    assert axe_overtredingen(page) == []  # the label's colours pass the contrast check
    doel = Doel.objects.get()
    assert Doeloordeel.objects.get(doel=doel).jaar == 2020

    page.get_by_role("link", name="Focuspunt toevoegen").first.click()
    page.get_by_label("Titel").fill("Groene daken")
    page.get_by_label("Status").select_option("loopt")
    page.get_by_label("Doel (niet verplicht)").select_option(str(doel.pk))
    page.get_by_label("In de paragraaf").check()
    page.get_by_role("button", name="Focuspunt toevoegen").click()
    expect(doelen).to_contain_text("1 focuspunt, 0 afgerond")
    punt = Focuspunt.objects.get()
    assert (punt.doel, punt.in_paragraaf) == (doel, True)
