"""The wijkambtenaar's day in a real browser, with axe-core on every page of the werkplek."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gebieden import services
from gebieden.constants import Rol
from kern.rollen import Groep
from tests.gebieden.factories import (
    GebiedFactory,
    PersoonFactory,
    PlatformFactory,
    ToewijzingFactory,
    VisieFactory,
)
from tests.kern.factories import UserFactory

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sanne():
    """Wijkambtenaar of Schilderskwartier, which has a platform and a vision, and one focus
    point that has had no update for half a year."""
    user = UserFactory(username="sanne", groepen=[Groep.WIJKAMBTENAAR])
    wijk = GebiedFactory(naam="Schilderskwartier", soort="wijk")
    PlatformFactory(gebied=wijk, naam="Wijkplatform Schilderskwartier")
    VisieFactory(gebied=wijk, titel="Wijkvisie", vastgesteld_op=datetime.date(2019, 1, 1))
    ToewijzingFactory(
        gebied=wijk, persoon=PersoonFactory(naam="Sanne", gebruiker=user), rol=Rol.WIJKAMBTENAAR
    )
    services.maak_focuspunt(
        gebied=wijk,
        titel="Duurzaamheid",
        status="loopt",
        door=None,
        datum=timezone.localdate() - datetime.timedelta(days=200),
    )
    return user


def test_wijkambtenaar_logs_a_day_and_the_signal_disappears(page, inloggen, sanne):
    inloggen("sanne")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gebieden")
    signalen = page.get_by_role("region", name="Signalen")
    expect(signalen).to_contain_text("„Duurzaamheid” heeft sinds")
    assert axe_overtredingen(page) == []

    page.get_by_role("link", name="Schilderskwartier", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schilderskwartier")
    assert axe_overtredingen(page) == []

    # add a focus point with the button near the top, on a page of its own: first without a
    # title (the error summary has the focus, what was typed is kept), then right
    page.get_by_role("link", name="Focuspunt toevoegen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Focuspunt toevoegen")
    page.get_by_label("Toelichting").fill("Wijk verkent de warmtetransitie")
    page.get_by_role("button", name="Focuspunt toevoegen").click()
    expect(page.get_by_role("alert").first).to_contain_text("nog niet goed ingevuld")
    expect(page.get_by_role("alert").first).to_be_focused()
    expect(page.get_by_label("Toelichting")).to_have_value("Wijk verkent de warmtetransitie")
    assert axe_overtredingen(page) == []
    page.get_by_label("Titel").fill("Energietransitie")
    page.get_by_role("button", name="Focuspunt toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schilderskwartier")
    expect(page.get_by_role("status").first).to_contain_text(
        "Focuspunt „Energietransitie” is toegevoegd."
    )

    # log an update on the stale point, on its own page: the signal disappears
    punt = page.locator("article", has=page.get_by_role("heading", name="Duurzaamheid"))
    punt.get_by_role("link", name="Update vastleggen voor Duurzaamheid").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Update vastleggen: Duurzaamheid")
    page.get_by_label("Nieuwe status").select_option("loopt")
    page.get_by_role("button", name="Update opslaan").click()  # without a note: refused
    expect(page.get_by_role("alert").first).to_contain_text("nog niet goed ingevuld")
    assert axe_overtredingen(page) == []
    page.get_by_label("Notitie").fill("Werkgroep komt maandelijks bij elkaar")
    page.get_by_role("button", name="Update opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "De update van „Duurzaamheid” is vastgelegd."
    )
    punt = page.locator("article", has=page.get_by_role("heading", name="Duurzaamheid"))
    expect(punt).to_contain_text("Werkgroep komt maandelijks bij elkaar")
    expect(page.get_by_role("region", name="Signalen")).to_have_count(0)

    # log what was done today, on its own page too
    page.get_by_role("link", name="Activiteit vastleggen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Activiteit vastleggen")
    assert axe_overtredingen(page) == []
    page.get_by_label("Soort").select_option("verbinding_platform")
    page.get_by_label("Omschrijving").fill("Vergadering wijkplatform")
    page.get_by_role("button", name="Activiteit opslaan").click()
    expect(page.locator("#activiteiten")).to_contain_text(
        "Verbinding met platform: Vergadering wijkplatform"
    )

    # filter the list and open the focus point
    page.get_by_role("link", name="Focuspunten", exact=True).click()
    assert axe_overtredingen(page) == []
    page.get_by_label("Zoeken in titel en toelichting").fill("energie")
    page.get_by_role("button", name="Filteren").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    page.get_by_role("link", name="Energietransitie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Energietransitie")
    assert axe_overtredingen(page) == []

    page.get_by_role("link", name="Mijn gebieden").click()
    expect(page.get_by_text("0 signalen")).to_be_visible()
    assert axe_overtredingen(page) == []

    # from the dashboard straight to a form, and back to the dashboard after saving
    page.get_by_role("link", name="Update vastleggen voor Energietransitie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Update vastleggen: Energietransitie")
    page.get_by_label("Nieuwe status").select_option("loopt")
    page.get_by_label("Notitie").fill("Eerste bijeenkomst gepland")
    page.get_by_role("button", name="Update opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gebieden")
    expect(page.get_by_role("status").first).to_contain_text(
        "De update van „Energietransitie” is vastgelegd."
    )


def test_coordinator_history_page_is_accessible(page, inloggen, sanne, coordinator):
    GebiedFactory(naam="Achterveld", soort="wijk")  # no platform, vision or official
    inloggen("coordinator")
    page.goto("/werkplek/")
    tabel = page.get_by_role("region", name=re.compile("^Alle"))
    expect(tabel.get_by_role("rowheader")).to_have_text(["Achterveld", "Schilderskwartier"])
    assert axe_overtredingen(page) == []
    tabel.get_by_role("link", name=re.compile("^Signalen")).click()
    tabel = page.get_by_role("region", name=re.compile("^Alle"))
    expect(tabel.get_by_role("columnheader", name=re.compile("^Signalen"))).to_have_attribute(
        "aria-sort", "descending"
    )
    expect(tabel.get_by_role("rowheader")).to_have_text(["Achterveld", "Schilderskwartier"])
    tabel.get_by_role("link", name=re.compile("^Laatste update")).click()
    tabel = page.get_by_role("region", name=re.compile("^Alle"))
    expect(tabel.get_by_role("rowheader")).to_have_text(["Schilderskwartier", "Achterveld"])
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="Schilderskwartier", exact=True).click()
    page.get_by_role("link", name="Wijzigingen bekijken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wijzigingen in Schilderskwartier")
    expect(page.locator("main")).to_contain_text("Focuspunt „Duurzaamheid” toegevoegd")
    assert axe_overtredingen(page) == []
