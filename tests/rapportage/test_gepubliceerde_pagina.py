"""The published page is kept whole for a few seconds; only the header and messages are the
reader's own (rapportage/bewaarde_pagina.py)."""

import pytest
from django.urls import reverse

from rapportage import bewaarde_pagina
from rapportage.models import Paragraaf

from .test_paragraaf import tekst

pytestmark = pytest.mark.django_db

URL = reverse("rapportage:gepubliceerd", args=[2020])


def test_every_reader_gets_their_own_header_on_the_kept_page(
    client, raadslid, coordinator, demo, settings
):
    settings.RAPPORTAGE_PUBLIEK = True
    raadslid.first_name, raadslid.last_name = "Rita", "Raadsma"
    coordinator.first_name, coordinator.last_name = "Cor", "Dijkstra"
    raadslid.save()
    coordinator.save()
    client.force_login(raadslid)
    als_raadslid = tekst(client.get(URL))
    client.force_login(coordinator)
    als_coordinator = tekst(client.get(URL))
    client.logout()
    als_bezoeker = tekst(client.get(URL))

    assert "Ingelogd als Rita Raadsma" in als_raadslid
    assert "Ingelogd als Cor Dijkstra" in als_coordinator
    assert "Rita Raadsma" not in als_coordinator
    assert 'href="/paragraaf/" aria-current="page"' in als_raadslid
    assert "Personen" in als_coordinator and "Personen" not in als_raadslid
    assert "csrfmiddlewaretoken" in als_coordinator

    assert "Ingelogd als" not in als_bezoeker and "Hoofdmenu" not in als_bezoeker
    for pagina in (als_raadslid, als_coordinator, als_bezoeker):
        assert "<title>Paragraaf 5 Gebiedsgericht werken 2020 – Gebiedsgericht werken" in pagina
        assert '<article class="paragraaf"' in pagina and "Harmelen" in pagina
        assert pagina.count("<header") == 1 and pagina.count("</html>") == 1


def test_the_publishers_message_is_shown_on_the_new_version(client, coordinator, demo):
    client.force_login(coordinator)
    client.get(URL)  # the newest page is now kept, with version 1 as the newest
    antwoord = client.post(
        reverse("rapportage:publiceren", args=[2020]), {"toelichting": "Correctie"}, follow=True
    )
    pagina = tekst(antwoord)
    assert "Versie 2 van 2020 is gepubliceerd." in pagina
    assert "Versie 2 (" in pagina and "Correctie" in pagina
    assert "Versie 2 van 2020 is gepubliceerd." not in tekst(client.get(URL))
    assert "Correctie" in tekst(client.get(URL))


def test_a_kept_page_is_rebuilt_after_its_time(client, raadslid, demo, monkeypatch):
    """A change this process does not hear of (a version published by another worker; here a
    changed title) shows once the kept page has expired, not before."""
    client.force_login(raadslid)
    assert "Paragraaf 5 Gebiedsgericht werken 2020" in tekst(client.get(URL))
    Paragraaf.objects.filter(jaar=2020).update(titel="Wijken en dorpen")
    assert "Paragraaf 5 Gebiedsgericht werken 2020" in tekst(client.get(URL))

    later = bewaarde_pagina.monotonic() + bewaarde_pagina.BEWAARTIJD + 1
    monkeypatch.setattr(bewaarde_pagina, "monotonic", lambda: later)
    assert "Paragraaf 5 Wijken en dorpen 2020" in tekst(client.get(URL))


def test_reading_a_kept_page_asks_only_for_the_reader(
    client, raadslid, demo, settings, django_assert_num_queries
):
    settings.RAPPORTAGE_PUBLIEK = True
    client.get(URL)
    with django_assert_num_queries(0):
        assert client.get(URL).status_code == 200
    client.force_login(raadslid)
    with django_assert_num_queries(3):  # session, user, roles
        assert client.get(URL).status_code == 200


def test_a_year_without_publication_is_not_found_and_not_kept(client, raadslid, demo):
    client.force_login(raadslid)
    assert client.get(reverse("rapportage:gepubliceerd", args=[2019])).status_code == 404
    assert client.get(reverse("rapportage:versie", args=[2020, 9])).status_code == 404
    assert client.get(URL).status_code == 200
