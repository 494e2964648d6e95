"""Register an initiative, apply for a subsidy, decide and settle, and meet a colleague's edit,
in a real browser; axe-clean."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from initiatieven import services
from initiatieven.models import Aanvraag, Initiatief
from kern.rollen import Groep
from tests.gebieden.factories import PersoonFactory, ToewijzingFactory
from tests.initiatieven.factories import RegelingFactory
from tests.kern.factories import UserFactory

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

    # Each action is a button on the initiative's page that opens a page with its form.
    page.get_by_role("link", name="Aanvraag vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanvraag vastleggen")
    assert axe_overtredingen(page) == []
    page.get_by_label("Regeling").select_option(label="Wijkbudget")
    page.get_by_label("Gevraagd bedrag (euro)").fill("1.800,00")
    page.get_by_role("button", name="Aanvraag opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Buurttuin")
    expect(page.locator("#aanvragen")).to_contain_text("Wijkbudget: € 1.800,00 gevraagd")

    page.get_by_role("link", name="Besluiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besluiten over de aanvraag")
    page.get_by_label("Besluit", exact=True).select_option("deels_toegekend")
    page.get_by_label("Toegekend bedrag (euro)").fill("3.000")
    page.get_by_label("Motivering").fill("Past in de regeling")
    page.get_by_role("button", name="Besluit vastleggen").click()
    samenvatting = page.get_by_role("alert")
    expect(samenvatting).to_contain_text("meer dan het maximum van € 2.500,00")
    expect(samenvatting).to_be_focused()  # the error summary takes focus
    assert axe_overtredingen(page) == []
    page.goto(page.url)  # Enter in the address bar after the refused post: the form, no 405
    expect(page.get_by_role("heading", level=1)).to_have_text("Besluiten over de aanvraag")
    page.get_by_label("Besluit", exact=True).select_option("deels_toegekend")
    page.get_by_label("Toegekend bedrag (euro)").fill("1.500")
    page.get_by_label("Motivering").fill("Past in de regeling")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("#aanvragen")).to_contain_text("Besluit: deels toegekend")

    page.get_by_role("link", name="Verantwoording vastleggen").click()
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


def test_an_edit_saved_meanwhile_by_a_colleague_is_shown_and_not_overwritten(
    page, inloggen, gebied_a
):
    wijkambtenaar = UserFactory(username="sanne", groepen=[Groep.WIJKAMBTENAAR])
    ToewijzingFactory(
        gebied=gebied_a, persoon=PersoonFactory(naam="Sanne", gebruiker=wijkambtenaar)
    )
    initiatief = services.registreer(
        gebied=gebied_a,
        titel="Buurttuin",
        status="aangemeld",
        datum=datetime.date(2020, 5, 1),
        door=None,
    )

    inloggen("sanne")
    page.goto(f"/initiatieven/{initiatief.pk}/bewerken/")
    page.get_by_label("Titel").fill("Buurttuin aan de Dorpsstraat")
    services.wijzig_initiatief(  # a colleague saves first
        initiatief=Initiatief.objects.get(),
        versie=initiatief.versie,
        titel="Moestuin",
        gebied=gebied_a,
    )
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "Iemand anders heeft „Moestuin” intussen gewijzigd"
    )
    opgeslagen = page.get_by_role(
        "region", name="Zoals het nu is opgeslagen (door een ander gewijzigd)"
    )
    expect(opgeslagen).to_contain_text("Moestuin")
    expect(page.get_by_label("Titel")).to_have_value("Buurttuin aan de Dorpsstraat")
    assert Initiatief.objects.get().titel == "Moestuin"
    assert axe_overtredingen(page) == []

    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Buurttuin aan de Dorpsstraat")
