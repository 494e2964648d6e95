"""Correcting or removing an activity logged for an area, on a screen of the application (no
longer only in the Django admin), by whoever may change the area, with a version check."""

import datetime

import pytest

from gebieden.models import Activiteit
from tests.gebieden.factories import FocuspuntFactory

pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def activiteit(gebied_a, wijkambtenaar_a):
    return Activiteit.objects.create(
        gebied=gebied_a,
        datum=datetime.date.today(),
        soort="signaleren",
        omschrijving="Overlast gemeld bij de wijkagent",
        door=wijkambtenaar_a,
    )


def url(activiteit) -> str:
    return f"/gebieden/{activiteit.gebied_id}/activiteiten/{activiteit.pk}/"


def gegevens(activiteit, **anders) -> dict:
    return {
        "datum": activiteit.datum.isoformat(),
        "soort": activiteit.soort,
        "omschrijving": activiteit.omschrijving,
        "versie": activiteit.versie,
        **anders,
    }


def test_the_official_corrects_an_activity_from_the_area_page(client, wijkambtenaar_a, activiteit):
    client.force_login(wijkambtenaar_a)
    assert url(activiteit) in client.get(activiteit.gebied.get_absolute_url()).content.decode()
    antwoord = client.post(
        url(activiteit),
        gegevens(activiteit, soort="communicatie", omschrijving="Bewonersbrief"),
        follow=True,
    )
    assert "De activiteit is opgeslagen." in tekst(antwoord)
    activiteit.refresh_from_db()
    assert (activiteit.soort, activiteit.omschrijving) == ("communicatie", "Bewonersbrief")
    assert activiteit.history.first().history_user == wijkambtenaar_a


def test_an_activity_logged_by_mistake_is_removed(client, wijkambtenaar_a, activiteit):
    client.force_login(wijkambtenaar_a)
    antwoord = client.post(url(activiteit), {"verwijderen": "ja", "versie": 1}, follow=True)
    assert "De activiteit is verwijderd." in tekst(antwoord)
    assert not Activiteit.objects.exists()
    assert Activiteit.history.filter(history_type="-").exists()  # the history keeps it


def test_its_closed_focus_point_stays_a_choice(client, wijkambtenaar_a, activiteit):
    punt = FocuspuntFactory(gebied=activiteit.gebied, status="afgerond", titel="Bouwweg")
    Activiteit.objects.filter(pk=activiteit.pk).update(focuspunt=punt)
    client.force_login(wijkambtenaar_a)
    assert "Bouwweg" in tekst(client.get(url(activiteit)))


def test_a_change_meanwhile_is_not_overwritten(client, coordinator, activiteit):
    Activiteit.objects.filter(pk=activiteit.pk).update(omschrijving="Ander", versie=2)
    client.force_login(coordinator)
    antwoord = client.post(url(activiteit), gegevens(activiteit, omschrijving="Mijn tekst"))
    assert antwoord.status_code == 409 and "Mijn tekst" in antwoord.content.decode()
    assert Activiteit.objects.get().omschrijving == "Ander"
    assert client.post(url(activiteit), {"verwijderen": "ja", "versie": 1}).status_code == 409
    assert Activiteit.objects.exists()


def test_a_date_in_the_future_is_refused(client, coordinator, activiteit):
    client.force_login(coordinator)
    morgen = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    assert client.post(url(activiteit), gegevens(activiteit, datum=morgen)).status_code == 400
    assert Activiteit.objects.get().datum == datetime.date.today()


def test_officials_of_other_areas_cannot(client, wijkambtenaar_b, activiteit):
    client.force_login(wijkambtenaar_b)
    assert client.get(url(activiteit)).status_code == 403
    assert client.post(url(activiteit), {"verwijderen": "ja", "versie": 1}).status_code == 403
    assert Activiteit.objects.exists()
