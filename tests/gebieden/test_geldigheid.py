"""Herindeling: an area valid only from or until a date refuses assignments, focus points,
updates and activities outside that period, with a Dutch message naming the area and its
period; what was recorded while it existed stays (gebieden/geldigheid.py)."""

import datetime

import pytest
from django.urls import reverse

from gebieden.models import Activiteit, Focuspunt, FocuspuntUpdate, Toewijzing
from tests.gebieden.factories import (
    FocuspuntFactory,
    FocuspuntUpdateFactory,
    GebiedFactory,
    PersoonFactory,
)

from .test_views import tekst

d = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def opgeheven():
    """Kamerik-Noord, merged into a new area at the end of 2022."""
    return GebiedFactory(naam="Kamerik-Noord", geldig_van=d(2015, 1, 1), geldig_tot=d(2022, 12, 31))


@pytest.fixture
def nieuw():
    return GebiedFactory(naam="Kamerik", geldig_van=d(2023, 1, 1))


def test_an_assignment_outside_the_areas_period_is_refused(client, coordinator, opgeheven, nieuw):
    persoon = PersoonFactory(naam="Sanne")
    client.force_login(coordinator)
    te_lang = client.post(
        reverse("gebieden:toewijzing_nieuw", args=[opgeheven.pk]),
        {"persoon": persoon.pk, "rol": "wijkambtenaar", "geldig_van": "2020-01-01"},
    )
    assert (
        "Kamerik-Noord bestaat tot en met 31 december 2022 (herindeling); laat dit uiterlijk dan "
        "eindigen." in tekst(te_lang)
    )
    te_vroeg = client.post(
        reverse("gebieden:toewijzing_nieuw", args=[nieuw.pk]),
        {"persoon": persoon.pk, "rol": "wijkambtenaar", "geldig_van": "2022-06-01"},
    )
    assert "Kamerik bestaat pas vanaf 1 januari 2023 (herindeling)" in tekst(te_vroeg)
    assert not Toewijzing.objects.exists()

    binnen = client.post(
        reverse("gebieden:toewijzing_nieuw", args=[opgeheven.pk]),
        {
            "persoon": persoon.pk,
            "rol": "wijkambtenaar",
            "geldig_van": "2020-01-01",
            "geldig_tot": "2022-12-31",
        },
    )
    assert binnen.status_code == 302 and Toewijzing.objects.count() == 1


def test_no_new_focus_point_for_an_area_that_no_longer_exists(client, coordinator, opgeheven):
    client.force_login(coordinator)
    antwoord = client.post(
        reverse("gebieden:focuspunt_nieuw", args=[opgeheven.pk]),
        {"titel": "Speeltuin", "status": "loopt"},
    )
    assert "Kamerik-Noord bestaat sinds 1 januari 2023 niet meer (herindeling)." in tekst(antwoord)
    assert "Leg nieuwe focuspunten vast bij het gebied dat ervoor in de plaats kwam." in tekst(
        antwoord
    )
    assert not Focuspunt.objects.exists()


def test_updates_and_activities_dated_after_the_area_ended_are_refused(
    client, coordinator, opgeheven
):
    punt = FocuspuntFactory(gebied=opgeheven, startjaar=2021)
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2021, 3, 1))
    client.force_login(coordinator)
    update = client.post(
        reverse("gebieden:focuspunt_update", args=[opgeheven.pk, punt.pk]),
        {"status": "afgerond", "datum": "2023-02-01", "notitie": "Klaar"},
    )
    melding = (
        "Kamerik-Noord bestond op 1 februari 2023 niet (het gebied bestaat van 1 januari 2015 "
        "tot en met 31 december 2022)."
    )
    assert melding in tekst(update)
    activiteit = client.post(
        reverse("gebieden:activiteit_nieuw", args=[opgeheven.pk]),
        {"datum": "2023-02-01", "soort": "signaleren", "omschrijving": "Rondgang"},
    )
    assert melding in tekst(activiteit)
    assert FocuspuntUpdate.objects.count() == 1 and not Activiteit.objects.exists()

    op_tijd = client.post(
        reverse("gebieden:focuspunt_update", args=[opgeheven.pk, punt.pk]),
        {"status": "afgerond", "datum": "2022-12-20", "notitie": "Afgerond bij de herindeling"},
    )
    assert op_tijd.status_code == 302 and FocuspuntUpdate.objects.count() == 2


def test_a_merged_area_keeps_its_history_on_its_page(client, coordinator, opgeheven):
    punt = FocuspuntFactory(gebied=opgeheven, titel="Dorpshuis", startjaar=2021)
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2021, 3, 1), notitie="Gestart")
    client.force_login(coordinator)
    pagina = tekst(client.get(opgeheven.get_absolute_url(), {"jaar": 2021}))
    assert "Dorpshuis" in pagina
