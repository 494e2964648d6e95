from decimal import Decimal

import pytest
from django.urls import reverse

from begroting.models import Begrotingsjaar, Begrotingspost
from begroting.overzicht import jaaroverzicht
from tests.gebieden.factories import GebiedFactory

D = Decimal
pytestmark = pytest.mark.django_db


def post(jaar, gebied, naam, begroting, realisatie, termijn=None):
    jaar, _ = Begrotingsjaar.objects.get_or_create(jaar=jaar)
    return Begrotingspost.objects.create(
        jaar=jaar,
        gebied=gebied,
        naam=naam,
        primitieve_begroting=D(begroting),
        begroting_na_wijziging=D(begroting),
        realisatie=D(realisatie),
        bestedingstermijn=termijn,
    )


@pytest.fixture
def binnenstad():
    gebied = GebiedFactory(naam="Binnenstad")
    post(2019, gebied, "Wijkbudget", "20000", "16400")
    post(2020, gebied, "Wijkbudget", "20000", "22950.80")
    post(2020, None, "Algemeen", "50000", "51000")
    return gebied


def test_year_overview_per_area_with_reserve_and_totals(binnenstad):
    overzicht = jaaroverzicht(2020)
    assert [g.gebied_naam for g in overzicht.gebieden] == ["Binnenstad", "Algemeen"]
    regel = overzicht.gebieden[0]
    assert regel.resultaat == D("-2950.80")
    assert regel.reserve.gebruikt == D("2950.80") and regel.reserve.saldo == D("649.20")
    assert overzicht.realisatie == D("73950.80")
    assert [p.naam for p in regel.overschreden] == ["Wijkbudget"]


def test_overview_page_shows_figures_signals_and_reserve_in_dutch(client, raadslid, binnenstad):
    client.force_login(raadslid)
    pagina = " ".join(client.get(reverse("begroting:jaar", args=[2020])).content.decode().split())
    assert "€ 22.950,80" in pagina and "€ −2.950,80" in pagina
    assert "„Wijkbudget” is overschreden: resultaat € −2.950,80." in pagina
    assert "€ 649,20 (uit 2019) tot en met 2021" in pagina
    assert "Van de reserve van Binnenstad vervalt eind 2021" not in pagina


def test_expiring_reserve_is_signalled_in_its_last_year(client, raadslid, binnenstad):
    post(2021, binnenstad, "Wijkbudget", "20000", "20000")
    client.force_login(raadslid)
    pagina = " ".join(client.get(reverse("begroting:jaar", args=[2021])).content.decode().split())
    assert "Van de reserve van Binnenstad vervalt eind 2021 € 649,20" in pagina


def test_overview_query_count_is_constant(client, raadslid, django_assert_max_num_queries):
    for i in range(20):
        gebied = GebiedFactory()
        for jaar in (2018, 2019, 2020):
            post(jaar, gebied, f"Wijkbudget {i}", "1000", "900")
    client.force_login(raadslid)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("begroting:jaar", args=[2020])).status_code == 200


def test_anonymous_cannot_read_figures(client, binnenstad):
    assert client.get(reverse("begroting:jaar", args=[2020])).status_code == 302
