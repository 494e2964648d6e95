"""A coordinator makes and manages login accounts for people; the owner sets their own password
from the invitation (gebieden/accounts.py, gebieden/views/accounts.py)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from gebieden import accounts
from gebieden.models import Persoon
from kern.rollen import Groep
from tests.gebieden.factories import PersoonFactory
from tests.kern.factories import UserFactory

pytestmark = pytest.mark.django_db

WACHTWOORD = "Kr8tig-wachtwoord-2026"


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def account_url(persoon) -> str:
    return reverse("gebieden:persoon_account", args=[persoon.pk])


def uitnodigingslink(bericht) -> str:
    return re.search(r"http://testserver(/\S+)", bericht.body).group(1)


def stand_in(html: str) -> str:
    """The hidden `stand` of the account form, as the browser sends it back."""
    return re.search(r'name="stand" value="([^"]*)"', html).group(1)


def geopend_op(client, persoon) -> str:
    return stand_in(client.get(account_url(persoon)).content.decode())


@pytest.fixture
def persoon():
    return PersoonFactory(naam="Sanne de Wit", email="s.dewit@woerden.nl")


def test_coordinator_makes_an_account_and_the_owner_sets_a_password_and_logs_in(
    client, coordinator, persoon
):
    client.force_login(coordinator)
    assert 'value="s.dewit"' in tekst(client.get(account_url(persoon)))  # suggested user name
    antwoord = client.post(
        account_url(persoon),
        {"gebruikersnaam": "s.dewit", "rollen": [Groep.WIJKAMBTENAAR]},
        follow=True,
    )
    assert (
        "Het account s.dewit is gemaakt; de uitnodiging gaat per e-mail naar s.dewit@woerden.nl."
        in (tekst(antwoord))
    )
    assert "nog niet ingesteld" in tekst(antwoord)

    gebruiker = get_user_model().objects.get(username="s.dewit")
    persoon.refresh_from_db()
    assert persoon.gebruiker == gebruiker and not gebruiker.has_usable_password()
    assert list(gebruiker.groups.values_list("name", flat=True)) == [Groep.WIJKAMBTENAAR]
    (bericht,) = mail.outbox
    assert bericht.to == ["s.dewit@woerden.nl"]
    assert "Beste Sanne de Wit" in bericht.body and "s.dewit" in bericht.body
    assert WACHTWOORD not in bericht.body

    client.logout()
    link = uitnodigingslink(bericht)
    formulier = client.get(link, follow=True)  # Django moves the token into the session
    assert "Kies een wachtwoord voor uw account" in tekst(formulier)
    ingesteld = client.post(
        formulier.redirect_chain[-1][0],
        {"new_password1": WACHTWOORD, "new_password2": WACHTWOORD},
        follow=True,
    )
    assert "Uw wachtwoord is ingesteld. U kunt nu inloggen." in tekst(ingesteld)
    ingelogd = client.post(
        reverse("login"), {"username": "s.dewit", "password": WACHTWOORD}, follow=True
    )
    assert "Ingelogd als Sanne de Wit" in tekst(ingelogd)

    client.logout()
    assert "werkt niet meer" in tekst(client.get(link, follow=True))  # a link works once


def test_nothing_is_made_without_an_email_address_or_with_a_name_in_use(client, coordinator):
    client.force_login(coordinator)
    zonder_email = PersoonFactory(naam="Piet", email="")
    antwoord = client.post(
        account_url(zonder_email), {"gebruikersnaam": "piet", "rollen": [Groep.RAADSLID]}
    )
    assert antwoord.status_code == 400
    assert "Vul eerst een e-mailadres in bij deze persoon" in tekst(antwoord)

    met_email = PersoonFactory(naam="Piet Jansen", email="piet@woerden.nl")
    for naam, fout in [
        ("Coordinator", "al in gebruik"),
        ("piet jansen!", "geldige gebruikersnaam"),
    ]:
        antwoord = client.post(
            account_url(met_email), {"gebruikersnaam": naam, "rollen": [Groep.RAADSLID]}
        )
        assert antwoord.status_code == 400 and fout in tekst(antwoord)
    antwoord = client.post(account_url(met_email), {"gebruikersnaam": "piet"})
    assert "Kies minstens één rol." in tekst(antwoord)
    assert not get_user_model().objects.filter(username__startswith="piet").exists()
    assert mail.outbox == []


def test_roles_change_and_a_blocked_account_can_no_longer_log_in(client, coordinator, persoon):
    gebruiker = UserFactory(username="sanne", groepen=[Groep.WIJKAMBTENAAR])
    persoon.gebruiker = gebruiker
    persoon.save()
    andere_client = client.__class__()
    andere_client.force_login(gebruiker)
    assert andere_client.get(reverse("gebieden:werkplek")).status_code == 200

    client.force_login(coordinator)
    client.post(
        account_url(persoon),
        {"rollen": [Groep.RAADSLID], "actief": "on", "stand": geopend_op(client, persoon)},
    )
    assert list(gebruiker.groups.values_list("name", flat=True)) == [Groep.RAADSLID]
    assert andere_client.get(reverse("gebieden:werkplek")).status_code == 403

    antwoord = client.post(
        account_url(persoon),
        {"rollen": [Groep.RAADSLID], "stand": geopend_op(client, persoon)},
        follow=True,
    )
    assert "geblokkeerd" in tekst(antwoord)
    gebruiker.refresh_from_db()
    assert not gebruiker.is_active
    assert (
        andere_client.get(reverse("gebieden:start")).status_code == 302
    )  # the session stops working
    client.logout()
    inloggen = client.post(
        reverse("login"), {"username": "sanne", "password": "geheim-wachtwoord"}, follow=True
    )
    assert "Ingelogd als" not in tekst(inloggen) and "wachtwoord" in tekst(inloggen)


def test_a_new_invitation_can_be_sent_to_an_active_account(client, coordinator, persoon):
    persoon.gebruiker = UserFactory(username="sanne", groepen=[Groep.WIJKAMBTENAAR])
    persoon.save()
    client.force_login(coordinator)
    antwoord = client.post(account_url(persoon), {"actie": "uitnodigen"}, follow=True)
    assert "Een nieuwe uitnodiging gaat per e-mail naar s.dewit@woerden.nl." in tekst(antwoord)
    assert len(mail.outbox) == 1 and "sanne" in mail.outbox[0].body


def test_a_coordinator_cannot_lock_themselves_out(client, coordinator):
    zelf = PersoonFactory(naam="Cor", email="cor@woerden.nl", gebruiker=coordinator)
    client.force_login(coordinator)
    antwoord = client.post(account_url(zelf), {"rollen": [Groep.RAADSLID]})
    assert antwoord.status_code == 400
    pagina = tekst(antwoord)
    assert "U kunt uw eigen rol van coördinator niet weghalen." in pagina
    assert "U kunt uw eigen account niet blokkeren." in pagina
    coordinator.refresh_from_db()
    assert coordinator.is_active and coordinator.groups.filter(name=Groep.COORDINATOR).exists()


def test_a_superusers_account_is_left_to_technical_administration(client, coordinator):
    beheerder = PersoonFactory(
        email="beheer@woerden.nl", gebruiker=UserFactory(username="root", is_superuser=True)
    )
    client.force_login(coordinator)
    assert client.get(account_url(beheerder)).status_code == 403
    assert client.post(account_url(beheerder), {"rollen": [Groep.RAADSLID]}).status_code == 403


def test_the_person_form_links_to_the_account(client, coordinator, persoon):
    client.force_login(coordinator)
    pagina = tekst(client.get(reverse("gebieden:persoon_bewerken", args=[persoon.pk])))
    assert f'href="{account_url(persoon)}"' in pagina and "Inlogaccount van Sanne de Wit" in pagina


def test_a_broken_invitation_link_explains_itself(client):
    antwoord = client.get(reverse("wachtwoord_instellen", args=["MQ", "ongeldig"]))
    assert antwoord.status_code == 200
    assert "Deze link werkt niet meer" in tekst(antwoord)
    assert "new_password1" not in tekst(antwoord)


def test_an_account_made_meanwhile_by_someone_else_is_not_overwritten(persoon):
    zoals_geopend = Persoon.objects.get(pk=persoon.pk)  # the form was opened without an account
    eerder = UserFactory(username="sanne")
    Persoon.objects.filter(pk=persoon.pk).update(gebruiker=eerder)  # another coordinator
    with pytest.raises(accounts.AlEenAccount):
        accounts.maak_account(persoon=zoals_geopend, gebruikersnaam="s.dewit", rollen=[])
    persoon.refresh_from_db()
    assert persoon.gebruiker == eerder
    assert not get_user_model().objects.filter(username="s.dewit").exists()


def test_a_change_made_meanwhile_by_someone_else_is_not_overwritten(client, coordinator, persoon):
    gebruiker = UserFactory(username="sanne", groepen=[Groep.WIJKAMBTENAAR])
    persoon.gebruiker = gebruiker
    persoon.save()
    client.force_login(coordinator)
    zoals_geopend = geopend_op(client, persoon)
    gebruiker.is_active = False  # another coordinator blocks the account meanwhile
    gebruiker.save()

    antwoord = client.post(
        account_url(persoon),
        {"rollen": [Groep.FINANCIEN], "actief": "on", "stand": zoals_geopend},
    )
    assert antwoord.status_code == 409
    pagina = tekst(antwoord)
    melding = "Iemand anders heeft dit account intussen gewijzigd (nu: Wijkambtenaar; geblokkeerd)"
    assert melding in pagina
    assert re.search(r'value="Financiën"[^>]*checked', antwoord.content.decode())  # as chosen
    gebruiker.refresh_from_db()
    assert not gebruiker.is_active
    assert list(gebruiker.groups.values_list("name", flat=True)) == [Groep.WIJKAMBTENAAR]

    opnieuw = client.post(
        account_url(persoon),
        {"rollen": [Groep.FINANCIEN], "actief": "on", "stand": stand_in(antwoord.content.decode())},
    )
    assert opnieuw.status_code == 302  # saving again applies the choice deliberately
    gebruiker.refresh_from_db()
    assert gebruiker.is_active
    assert list(gebruiker.groups.values_list("name", flat=True)) == [Groep.FINANCIEN]
