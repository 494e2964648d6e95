"""The initiators of an initiative on a screen of the application (no longer only in the
Django admin): add a second one, correct one, remove one; only for those who may change the
initiative, with its version check."""

import datetime

import pytest

from initiatieven.models import Initiatiefnemer
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def initiatief(gebied_a):
    initiatief = InitiatiefFactory(gebied=gebied_a, titel="Moestuin De Plint")
    Initiatiefnemer.objects.create(initiatief=initiatief, naam="Fatima", contact="06-12345678")
    return initiatief


def url(initiatief, nemer=None) -> str:
    if nemer is None:
        return f"/initiatieven/{initiatief.pk}/initiatiefnemers/"
    return f"/initiatieven/{initiatief.pk}/initiatiefnemers/{nemer.pk}/"


def test_the_official_adds_a_second_initiator_from_the_initiatives_page(
    client, wijkambtenaar_a, initiatief
):
    client.force_login(wijkambtenaar_a)
    assert url(initiatief) in client.get(initiatief.get_absolute_url()).content.decode()
    antwoord = client.post(
        url(initiatief), {"naam": "Kees", "contact": "", "versie": initiatief.versie}, follow=True
    )
    assert "Kees is toegevoegd." in tekst(antwoord)
    assert list(initiatief.initiatiefnemers.values_list("naam", flat=True).order_by("pk")) == [
        "Fatima",
        "Kees",
    ]
    assert "Fatima (06-12345678)" in tekst(client.get(initiatief.get_absolute_url()))


def test_an_initiator_is_corrected_and_a_contact_given_again_is_kept(
    client, coordinator, initiatief
):
    nemer = initiatief.initiatiefnemers.get()
    nemer.contact, nemer.contact_gewist_op = "", datetime.date(2024, 1, 1)
    nemer.save()
    client.force_login(coordinator)
    initiatief.refresh_from_db()
    client.post(
        url(initiatief, nemer),
        {"naam": "Fatima el Amrani", "contact": "fatima@example.org", "versie": initiatief.versie},
    )
    nemer.refresh_from_db()
    assert (nemer.naam, nemer.contact, nemer.contact_gewist_op) == (
        "Fatima el Amrani",
        "fatima@example.org",
        None,
    )


def test_an_initiator_is_removed_with_their_contact_data(client, coordinator, initiatief):
    nemer = initiatief.initiatiefnemers.get()
    client.force_login(coordinator)
    pagina = tekst(client.get(url(initiatief, nemer)))
    assert "Fatima verwijderen haalt ook de contactgegevens weg." in pagina
    antwoord = client.post(
        url(initiatief, nemer), {"verwijderen": "ja", "versie": initiatief.versie}, follow=True
    )
    assert "Fatima is verwijderd." in tekst(antwoord)
    assert not Initiatiefnemer.objects.exists()


def test_a_change_meanwhile_is_not_overwritten(client, coordinator, initiatief):
    client.force_login(coordinator)
    oud = initiatief.versie
    initiatief.titel, initiatief.versie = "Moestuin en kas", oud + 1  # a colleague saved
    initiatief.save()
    antwoord = client.post(url(initiatief), {"naam": "Kees", "versie": oud})
    assert antwoord.status_code == 409
    assert "Iemand anders heeft dit initiatief intussen gewijzigd." in tekst(antwoord)
    assert 'value="Kees"' in antwoord.content.decode()
    assert initiatief.initiatiefnemers.count() == 1


def test_a_name_is_required(client, coordinator, initiatief):
    client.force_login(coordinator)
    antwoord = client.post(url(initiatief), {"naam": " ", "versie": initiatief.versie})
    assert antwoord.status_code == 400 and initiatief.initiatiefnemers.count() == 1


def test_officials_of_other_areas_and_readers_neither_see_nor_change_initiators(
    client, wijkambtenaar_b, raadslid, initiatief
):
    nemer = initiatief.initiatiefnemers.get()
    for gebruiker in (wijkambtenaar_b, raadslid):
        client.force_login(gebruiker)
        assert client.get(url(initiatief)).status_code == 403
        assert client.post(url(initiatief), {"naam": "X"}).status_code == 403
        antwoord = client.post(url(initiatief, nemer), {"verwijderen": "ja"})
        assert antwoord.status_code == 403
    assert initiatief.initiatiefnemers.count() == 1


def test_an_initiator_of_another_initiative_is_not_found(client, coordinator, initiatief):
    ander = InitiatiefFactory(gebied=initiatief.gebied)
    nemer = initiatief.initiatiefnemers.get()
    client.force_login(coordinator)
    antwoord = client.post(url(ander, nemer), {"verwijderen": "ja", "versie": ander.versie})
    assert antwoord.status_code == 404 and Initiatiefnemer.objects.count() == 1


def test_a_removal_refused_for_a_change_meanwhile_shows_the_initiator_as_saved(
    client, coordinator, initiatief
):
    nemer = initiatief.initiatiefnemers.get()
    client.force_login(coordinator)
    oud = initiatief.versie
    initiatief.versie = oud + 1
    initiatief.save()
    antwoord = client.post(url(initiatief, nemer), {"verwijderen": "ja", "versie": oud})
    assert antwoord.status_code == 409 and 'value="Fatima"' in antwoord.content.decode()
    assert "Dit veld is verplicht" not in tekst(antwoord)
    assert Initiatiefnemer.objects.exists()
