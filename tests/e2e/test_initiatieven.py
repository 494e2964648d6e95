"""Register an initiative, apply for a subsidy, decide and settle, in a real browser; axe-clean."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from initiatieven.models import Aanvraag
from kern.rollen import Groep
from tests.factories import PersoonFactory, RegelingFactory, ToewijzingFactory, UserFactory

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)


def test_initiative_from_registration_to_accountability(page, inloggen, gebied_a):
    wijkambtenaar = UserFactory(username="sanne", groepen=[Groep.WIJKAMBTENAAR, Groep.COORDINATOR])
    ToewijzingFactory(
        gebied=gebied_a, persoon=PersoonFactory(naam="Sanne", gebruiker=wijkambtenaar)
    )
    RegelingFactory(
        naam="Wijkbudget", maximum_per_aanvraag=Decimal("2500"), jaarbudget=Decimal("10000")
    )

    inloggen("sanne")
    page.get_by_role("link", name="Initiatieven", exact=True).click()
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="Initiatief registreren").click()
    page.get_by_label("Titel").fill("Buurttuin")
    page.get_by_label("Gebied").select_option(label="Schilderskwartier")
    page.get_by_label("Aantal deelnemers").fill("35")
    page.get_by_label("ouderen").check()
    page.get_by_label("initiatiefbegeleiding").check()
    page.get_by_label("Naam initiatiefnemer").fill("Bewonersgroep")
    assert axe_overtredingen(page) == []
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Buurttuin")
    assert axe_overtredingen(page) == []

    page.get_by_text("Aanvraag vastleggen").click()
    page.get_by_label("Regeling").select_option(label="Wijkbudget")
    page.get_by_label("Gevraagd bedrag (euro)").fill("1.800,00")
    page.get_by_role("button", name="Aanvraag opslaan").click()
    expect(page.locator("#aanvragen")).to_contain_text("Wijkbudget: € 1.800,00 gevraagd")

    page.get_by_text("Besluiten").click()
    page.get_by_label("Besluit", exact=True).select_option("deels_toegekend")
    page.get_by_label("Toegekend bedrag (euro)").fill("3.000")
    page.get_by_label("Motivering").fill("Past in de regeling")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("#aanvragen")).to_contain_text("meer dan het maximum van € 2.500,00")
    assert axe_overtredingen(page) == []
    page.get_by_label("Toegekend bedrag (euro)").fill("1.500")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("#aanvragen")).to_contain_text("Besluit: deels toegekend")

    page.get_by_text("Verantwoording vastleggen").click()
    page.get_by_label("Vastgesteld bedrag (euro)").fill("1.450")
    page.get_by_role("button", name="Verantwoording opslaan").click()
    expect(page.locator("#aanvragen")).to_contain_text("vastgesteld op € 1.450,00")
    assert axe_overtredingen(page) == []
    aanvraag = Aanvraag.objects.get()
    assert (aanvraag.bedrag_toegekend, aanvraag.bedrag_vastgesteld) == (
        Decimal("1500"),
        Decimal("1450"),
    )

    page.goto("/initiatieven/cijfers/")
    assert axe_overtredingen(page) == []
