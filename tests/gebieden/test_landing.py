"""Where each user lands after login, what a visitor not logged in is told, the management
overview and the accessibility statement."""

import datetime

import pytest
from django.urls import reverse

from begroting.models import Begrotingsjaar
from gebieden.models import Gemeente
from kern.rollen import Groep
from tests.kern.factories import UserFactory
from tests.rapportage.factories import ParagraafFactory, PublicatieFactory

pytestmark = pytest.mark.django_db


def bestemming(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("gebieden:start"), follow=True)
    assert response.status_code == 200
    return response.redirect_chain[-1][0] if response.redirect_chain else "/"


def test_each_role_lands_on_its_own_page(client, coordinator, wijkambtenaar_a, raadslid):
    assert bestemming(client, coordinator) == "/werkplek/"
    assert bestemming(client, wijkambtenaar_a) == "/werkplek/"


def test_financial_staff_land_on_this_years_budget(client):
    jaar = datetime.date.today().year
    for open_jaar in (jaar - 1, jaar, jaar + 1):
        Begrotingsjaar.objects.create(jaar=open_jaar)
    financien = UserFactory(username="fin", groepen=[Groep.FINANCIEN])
    assert bestemming(client, financien) == f"/begroting/{jaar}/"


def test_without_this_years_budget_financial_staff_land_on_the_latest_year(client):
    Begrotingsjaar.objects.create(jaar=2020)
    Begrotingsjaar.objects.create(jaar=2021)
    financien = UserFactory(username="fin", groepen=[Groep.FINANCIEN])
    assert bestemming(client, financien) == "/begroting/2021/"
    Begrotingsjaar.objects.all().delete()
    assert bestemming(client, financien) == "/begroting/"  # where a year is opened


def test_a_council_member_lands_on_the_latest_published_paragraph(client, raadslid):
    assert bestemming(client, raadslid) == "/paragraaf/"  # nothing published yet
    for jaar in (2019, 2020):
        PublicatieFactory(paragraaf=ParagraafFactory(jaar=jaar), versie=1)
    ParagraafFactory(jaar=2021)  # a draft, not for the council yet
    assert bestemming(client, raadslid) == "/paragraaf/2020/"


def test_a_user_without_a_role_is_told_whom_to_ask(client):
    pagina = client.get(reverse("gebieden:start"), follow=True)
    assert pagina.redirect_chain[-1][0].startswith(reverse("login"))
    client.force_login(UserFactory(username="nieuw"))
    pagina = client.get(reverse("gebieden:start")).content.decode()
    assert "Uw account heeft nog geen rol" in pagina


def test_a_visitor_not_logged_in_is_told_what_this_is_and_why_to_log_in(client):
    pagina = client.get("/werkplek/", follow=True).content.decode()
    assert "alleen voor wie is ingelogd" in pagina
    assert "hulpmiddel waarmee" in pagina and "Inloggen is nodig omdat" in pagina
    assert "alleen voor wie is ingelogd" not in client.get(reverse("login")).content.decode()


def test_the_accessibility_statement_is_public_and_linked_from_every_page(client, coordinator):
    pagina = client.get(reverse("gebieden:toegankelijkheid")).content.decode()
    assert "EN 301 549" in pagina and "WCAG 2.0 en 2.1" in pagina and "320" in pagina
    assert "mailto:" not in pagina
    client.force_login(coordinator)
    assert 'href="/toegankelijkheid/"' in client.get("/gebieden/").content.decode()


def test_the_statement_gives_the_municipalitys_contact_address(client, coordinator):
    Gemeente.objects.create(naam="Gemeente Woerden", toegankelijkheid_email="digitaal@woerden.nl")
    pagina = client.get(reverse("gebieden:toegankelijkheid")).content.decode()
    assert 'href="mailto:digitaal@woerden.nl"' in pagina
