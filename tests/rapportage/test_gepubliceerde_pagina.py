"""The published page is kept whole in the shared cache; only the header and messages are the
reader's own, and a new version is served as soon as it is committed
(rapportage/bewaarde_pagina.py)."""

import pytest
from django.urls import reverse

from rapportage.services import publiceer

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
    assert ">Beheer</a>" in als_coordinator and ">Beheer</a>" not in als_raadslid
    assert "csrfmiddlewaretoken" in als_coordinator

    assert "Ingelogd als" not in als_bezoeker and "Hoofdmenu" not in als_bezoeker
    for pagina in (als_raadslid, als_coordinator, als_bezoeker):
        assert "<title>Paragraaf 5 Gebiedsgericht werken 2020 – Gebiedsgericht werken" in pagina
        assert '<article class="paragraaf"' in pagina and "Harmelen" in pagina
        assert pagina.count("<header") == 1 and pagina.count("</html>") == 1


def test_publishing_shows_the_jobs_progress_and_then_the_new_version(
    client, coordinator, demo, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    client.get(URL)  # the newest page is now kept, with version 1 as the newest
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("rapportage:publiceren", args=[2020]), {"toelichting": "Correctie"}, follow=True
        )
    pagina = tekst(antwoord)
    assert "Status: Gepubliceerd" in pagina
    assert "Versie 2 van 2020 is gepubliceerd." in pagina and "Correctie" in pagina
    assert 'http-equiv="refresh"' not in pagina  # finished: the page no longer refreshes
    nieuwste = tekst(client.get(URL))
    assert "Versie 2 (" in nieuwste and "Correctie" in nieuwste


def test_a_version_published_elsewhere_is_served_at_once(
    client, raadslid, demo, django_capture_on_commit_callbacks
):
    """A worker publishes; once committed, the next request serves the new version (the newest
    version number is a shared cache entry). The page's title is the one published."""
    client.force_login(raadslid)
    assert "Paragraaf 5 Gebiedsgericht werken 2020" in tekst(client.get(URL))
    demo.titel = "Wijken en dorpen"
    demo.save()
    assert "Paragraaf 5 Gebiedsgericht werken 2020" in tekst(client.get(URL))
    with django_capture_on_commit_callbacks(execute=True):
        publiceer(paragraaf=demo, door=None)
    pagina = tekst(client.get(URL))
    assert "Paragraaf 5 Wijken en dorpen 2020" in pagina and "Versie 2 (" in pagina
    oud = tekst(client.get(reverse("rapportage:versie", args=[2020, 1])))
    assert "Paragraaf 5 Gebiedsgericht werken 2020" in oud and "er is een nieuwere versie" in oud


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


def test_a_new_name_of_the_municipality_shows_on_the_kept_published_page(client, raadslid, demo):
    from gebieden.models import Gemeente

    client.force_login(raadslid)
    eerst = client.get("/paragraaf/2020/")
    assert "Gemeente Woerden" in b"".join(eerst.streaming_content).decode()
    gemeente = Gemeente.objects.get()
    gemeente.naam, gemeente.versie = "Gemeente Woerden-Harmelen", gemeente.versie + 1
    gemeente.save()
    daarna = client.get("/paragraaf/2020/", HTTP_IF_NONE_MATCH=eerst["ETag"])
    assert daarna.status_code == 200
    assert "Gemeente Woerden-Harmelen" in b"".join(daarna.streaming_content).decode()


def test_the_published_page_is_headed_with_its_year_and_has_one_table_of_contents(
    client, raadslid, demo
):
    """The table of contents is a navigation landmark named by its heading "Inhoud"; instead
    of a link back after every area there is one way past it and one way back at the end."""
    client.force_login(raadslid)
    pagina = tekst(client.get(URL))
    assert '<h1 class="utrecht-heading-1">Paragraaf 5 Gebiedsgericht werken 2020</h1>' in pagina
    assert pagina.count("<h1") == 1
    assert (
        '<nav class="paragraaf__navigatie" id="paragraaf-inhoud" '
        'aria-labelledby="kop-paragraaf-inhoud"> '
        '<h2 class="utrecht-heading-2" id="kop-paragraaf-inhoud">Inhoud</h2>'
    ) in pagina
    assert "Navigatie" not in pagina and "Terug naar navigatie" not in pagina
    assert pagina.count('href="#paragraaf-inhoud"') == 1
    assert 'href="#overzicht">Inhoud overslaan</a>' in pagina
    assert 'id="inleiding"' in pagina
