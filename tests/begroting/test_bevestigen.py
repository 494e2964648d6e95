"""Closing a year, reopening it and making next year's lines: the year page links to a
confirmation page of its own (GET asks, POST does it and redirects)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from begroting.models import Begrotingsjaar, Begrotingspost
from tests.begroting.factories import BegrotingsjaarFactory, BegrotingspostFactory
from tests.gebieden.factories import GebiedFactory

pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def jaar():
    jaar = BegrotingsjaarFactory(jaar=2021)
    BegrotingspostFactory(
        jaar=jaar,
        gebied=GebiedFactory(naam="Binnenstad"),
        naam="Wijkbudget",
        begroting_na_wijziging=Decimal("20000"),
    )
    return jaar


def knop(pagina: str, url: str) -> str:
    """The year page's link to `url`, with its classes."""
    gevonden = re.search(rf'<a class="([^"]*)" href="{re.escape(url)}">([^<]*)</a>', pagina)
    assert gevonden, f"geen link naar {url}"
    return gevonden.group(1) + " | " + gevonden.group(2)


def test_the_year_page_links_to_the_confirmation_pages_instead_of_posting(
    client, financien, coordinator, jaar
):
    client.force_login(financien)
    pagina = tekst(client.get(reverse("begroting:jaar", args=[2021])))
    sluiten = knop(pagina, reverse("begroting:sluiten", args=[2021]))
    assert "app-button--gevaar" in sluiten and sluiten.endswith("| 2021 sluiten")
    volgend = knop(pagina, reverse("begroting:volgend_jaar", args=[2021]))
    assert "secondary-action" in volgend and volgend.endswith("| Posten voor 2022 aanmaken")
    assert 'action="/begroting/2021/' not in pagina  # no button posts from the year page
    jaar.gesloten = True
    jaar.save()
    client.force_login(coordinator)
    pagina = tekst(client.get(reverse("begroting:jaar", args=[2021])))
    heropenen = knop(pagina, reverse("begroting:heropenen", args=[2021]))
    assert "app-button--gevaar" in heropenen and heropenen.endswith("| 2021 heropenen")


def test_closing_asks_first_then_closes_and_redirects(client, financien, jaar):
    client.force_login(financien)
    url = reverse("begroting:sluiten", args=[2021])
    response = client.get(url)
    pagina = tekst(response)
    assert response.status_code == 200
    assert '<h1 class="utrecht-heading-1">2021 sluiten</h1>' in pagina
    assert "Weet u zeker dat u 2021 wilt sluiten?" in pagina
    assert "De cijfers van 2021 worden niet meer gewijzigd" in pagina
    assert "Daarna kan alleen een coördinator het jaar heropenen." in pagina
    assert ">Ja, 2021 sluiten</button>" in pagina
    assert f'href="{reverse("begroting:jaar", args=[2021])}">Annuleren</a>' in pagina
    jaar.refresh_from_db()
    assert not jaar.gesloten  # asking changes nothing

    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("begroting:jaar", args=[2021])
    jaar.refresh_from_db()
    assert jaar.gesloten
    pagina = tekst(client.get(response["Location"]))
    assert "2021 is gesloten; de cijfers liggen nu vast." in pagina

    # a closed year has nothing to confirm
    response = client.get(url, follow=True)
    assert "2021 is al gesloten." in tekst(response)


def test_only_a_coordinator_reopens_after_confirming(client, financien, coordinator, jaar):
    jaar.gesloten = True
    jaar.save()
    url = reverse("begroting:heropenen", args=[2021])
    client.force_login(financien)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    client.force_login(coordinator)
    pagina = tekst(client.get(url))
    assert "Weet u zeker dat u 2021 wilt heropenen?" in pagina
    assert "De cijfers van 2021 kunnen dan weer worden gewijzigd" in pagina
    assert ">Ja, 2021 heropenen</button>" in pagina
    jaar.refresh_from_db()
    assert jaar.gesloten

    response = client.post(url)
    assert response["Location"] == reverse("begroting:jaar", args=[2021])
    jaar.refresh_from_db()
    assert not jaar.gesloten
    assert "2021 is heropend" in tekst(client.get(response["Location"]))
    assert "2021 is al open." in tekst(client.get(url, follow=True))


def test_next_years_lines_are_made_after_confirming(client, financien, jaar):
    client.force_login(financien)
    url = reverse("begroting:volgend_jaar", args=[2021])
    pagina = tekst(client.get(url))
    assert "Wilt u de posten van 2021 overnemen in 2022?" in pagina
    assert "2022 wordt geopend met de posten van 2021." in pagina
    assert ">Ja, posten voor 2022 aanmaken</button>" in pagina
    assert not Begrotingsjaar.objects.filter(jaar=2022).exists()  # asking makes nothing

    response = client.post(url)
    assert response["Location"] == reverse("begroting:grid", args=[2022])
    assert Begrotingspost.objects.get(jaar__jaar=2022).naam == "Wijkbudget"
    assert "1 post aangemaakt voor 2022." in tekst(client.get(response["Location"]))

    # now 2022 exists: the page says only missing lines are added
    assert "2022 bestaat al" in tekst(client.get(url))


def test_next_year_closed_is_said_before_anything_is_asked(client, financien, jaar):
    BegrotingsjaarFactory(jaar=2022, gesloten=True)
    client.force_login(financien)
    response = client.get(reverse("begroting:volgend_jaar", args=[2021]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("begroting:jaar", args=[2021])
    assert "2022 is gesloten; er kunnen geen posten bij." in tekst(response)


@pytest.mark.parametrize("naam", ["sluiten", "heropenen", "volgend_jaar"])
def test_other_roles_see_no_confirmation_page(client, raadslid, jaar, naam):
    client.force_login(raadslid)
    assert client.get(reverse(f"begroting:{naam}", args=[2021])).status_code == 403
