"""Publishing and the draft PDF as jobs a worker does: the coordinator follows the state, a
failure publishes nothing and can be tried again, a job runs once however often it is delivered
(rapportage/opdrachten.py)."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import rapportage.services as services_module
from rapportage import opdrachten
from rapportage.models import Opdracht, Publicatie

from .factories import ParagraafFactory
from .test_paragraaf import tekst

pytestmark = pytest.mark.django_db

IN_DE_WACHTRIJ = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)  # queued in the database and left there: no worker runs in these tests


def kapotte_pdf(*args, **kwargs):
    raise RuntimeError("lettertype ontbreekt")


@IN_DE_WACHTRIJ
def test_a_queued_publication_shows_its_place_and_refreshes_itself(client, coordinator, demo):
    from django_tasks_db.models import DBTaskResult

    client.force_login(coordinator)
    concept = tekst(client.get(reverse("rapportage:concept", args=[2020])))
    assert "Toon de voortgang op een pagina die zichzelf elke 5 seconden ververst" in concept
    antwoord = client.post(
        reverse("rapportage:publiceren", args=[2020]),
        {"toelichting": "Correctie", "verversen": "ja"},
        follow=True,
    )
    pagina = tekst(antwoord)
    assert "Status: In de wachtrij" in pagina
    assert "De opdracht is de volgende die wordt opgepakt." in pagina
    assert '<meta http-equiv="refresh" content="5">' in pagina
    assert "Niet meer automatisch verversen" in pagina
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert Publicatie.objects.count() == 1  # nothing published yet

    opdracht = antwoord.context["opdracht"]
    stil = tekst(client.get(opdracht.get_absolute_url(), {"verversen": "nee"}))
    assert 'http-equiv="refresh"' not in stil and "Stand opnieuw bekijken" in stil
    zonder = client.post(reverse("rapportage:concept_pdf", args=[2020]), follow=True)
    assert 'http-equiv="refresh"' not in tekst(zonder)  # not chosen on the form
    concept = tekst(client.get(reverse("rapportage:concept", args=[2020])))
    assert "Recente opdrachten" in concept and "Publiceren, " in concept
    assert "in de wachtrij" in concept


@IN_DE_WACHTRIJ
def test_a_second_publication_while_one_waits_is_told_so_and_shown_the_first(
    client, coordinator, demo
):
    client.force_login(coordinator)
    eerste = client.post(reverse("rapportage:publiceren", args=[2020]), follow=True)
    tweede = client.post(reverse("rapportage:publiceren", args=[2020]), follow=True)
    assert "Er wordt al een versie van 2020 gepubliceerd." in tekst(tweede)
    assert tweede.context["opdracht"] == eerste.context["opdracht"]
    assert Opdracht.objects.filter(soort=Opdracht.Soort.PUBLICEREN).count() == 1


def test_a_failed_render_publishes_nothing_keeps_the_error_and_can_be_retried(
    client, coordinator, demo, monkeypatch
):
    client.force_login(coordinator)
    monkeypatch.setattr(services_module, "maak_pdf", kapotte_pdf)
    antwoord = client.post(reverse("rapportage:publiceren", args=[2020]), follow=True)
    pagina = tekst(antwoord)
    assert "Status: Mislukt" in pagina
    assert "Er is niets gepubliceerd; de vorige versie blijft staan." in pagina
    assert "RuntimeError: lettertype ontbreekt" in pagina
    assert list(Publicatie.objects.values_list("versie", flat=True)) == [1]

    monkeypatch.undo()
    opnieuw = client.post(antwoord.context["opdracht"].get_absolute_url(), follow=True)
    assert "Versie 2 van 2020 is gepubliceerd." in tekst(opnieuw)
    assert list(Publicatie.objects.values_list("versie", flat=True)) == [2, 1]


def test_a_failed_render_leaves_no_files_behind(demo, monkeypatch):
    from django.core.files.storage import default_storage

    _, voor = default_storage.listdir("publicaties/2020")
    monkeypatch.setattr(services_module, "maak_pdf", kapotte_pdf)
    opdracht = opdrachten.vraag_aan(paragraaf=demo, soort=Opdracht.Soort.PUBLICEREN, door=None)
    assert opdracht.status == Opdracht.Status.MISLUKT
    assert default_storage.listdir("publicaties/2020")[1] == voor


@IN_DE_WACHTRIJ
def test_a_job_delivered_twice_publishes_once(demo):
    opdracht = opdrachten.vraag_aan(paragraaf=demo, soort=Opdracht.Soort.PUBLICEREN, door=None)
    assert opdrachten.voer_uit(opdracht.pk) == "versie 2"
    assert opdrachten.voer_uit(opdracht.pk) == "al gedaan"
    assert list(Publicatie.objects.values_list("versie", flat=True)) == [2, 1]


@IN_DE_WACHTRIJ
def test_two_runs_of_one_job_that_both_render_store_one_version(demo):
    """Both deliveries got past the first check (two workers at once): the second to store
    finds the job published under the paragraph's lock and adds nothing."""
    opdracht = opdrachten.vraag_aan(paragraaf=demo, soort=Opdracht.Soort.PUBLICEREN, door=None)
    eerste = services_module.publiceer(paragraaf=demo, door=None, opdracht=opdracht)
    tweede = services_module.publiceer(paragraaf=demo, door=None, opdracht=opdracht)
    assert eerste == tweede
    assert list(Publicatie.objects.values_list("versie", flat=True)) == [2, 1]


@IN_DE_WACHTRIJ
def test_a_job_whose_worker_stopped_can_be_tried_again(client, coordinator, demo):
    client.force_login(coordinator)
    opdracht = opdrachten.vraag_aan(paragraaf=demo, soort=Opdracht.Soort.PUBLICEREN, door=None)
    Opdracht.objects.filter(pk=opdracht.pk).update(
        status=Opdracht.Status.BEZIG, gestart_op=timezone.now() - timedelta(hours=1)
    )
    pagina = tekst(client.get(opdracht.get_absolute_url()))
    assert "Deze opdracht is al lang bezig" in pagina and "Opnieuw proberen" in pagina

    nieuw = client.post(opdracht.get_absolute_url(), follow=True).context["opdracht"]
    opdracht.refresh_from_db()
    assert opdracht.status == Opdracht.Status.MISLUKT and "afgebroken" in opdracht.fout
    assert nieuw != opdracht and nieuw.status == Opdracht.Status.WACHTRIJ


def test_the_nightly_cleanup_removes_old_draft_pdfs_and_gives_up_hanging_jobs(demo):
    concept = opdrachten.vraag_aan(paragraaf=demo, soort=Opdracht.Soort.CONCEPT_PDF, door=None)
    assert concept.status == Opdracht.Status.KLAAR and concept.bestand.storage.exists(
        concept.bestand.name
    )
    naam = concept.bestand.name
    with IN_DE_WACHTRIJ:
        hangend = opdrachten.vraag_aan(paragraaf=demo, soort=Opdracht.Soort.PUBLICEREN, door=None)
    Opdracht.objects.filter(pk=hangend.pk).update(
        status=Opdracht.Status.BEZIG, gestart_op=timezone.now() - timedelta(hours=2)
    )

    assert opdrachten.ruim_op() == {"concepten_verwijderd": 0, "opgegeven": 1}
    uitslag = opdrachten.ruim_op(nu=timezone.now() + timedelta(days=2))
    assert uitslag["concepten_verwijderd"] == 1
    concept.refresh_from_db()
    assert not concept.bestand and not concept.bestand.storage.exists(naam)


@pytest.mark.parametrize("rol", ["raadslid", "financien", "wijkambtenaar_a"])
def test_only_coordinators_see_jobs_and_draft_pdfs(client, request, rol, coordinator, demo):
    concept = opdrachten.vraag_aan(paragraaf=demo, soort=Opdracht.Soort.CONCEPT_PDF, door=None)
    client.force_login(request.getfixturevalue(rol))
    assert client.get(concept.get_absolute_url()).status_code == 403
    assert client.post(concept.get_absolute_url()).status_code == 403
    assert client.get(reverse("rapportage:opdracht_pdf", args=[concept.pk])).status_code == 403


def test_a_cache_that_is_away_does_not_undo_a_publication(
    demo, settings, django_capture_on_commit_callbacks
):
    """The version is committed before the cache is told; a cache that cannot be reached then
    costs a stale page for a while, never the published files."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        publicatie = services_module.publiceer(paragraaf=demo, door=None)
    publicatie.refresh_from_db()
    assert publicatie.versie == 2 and publicatie.lees_pdf().startswith(b"%PDF")


def test_publishing_asks_first_on_a_page_of_its_own(
    client, coordinator, demo, django_capture_on_commit_callbacks
):
    """The concept page offers publishing as a red button to a confirmation page (GET, no
    JavaScript); that page says what publishing does, and its button publishes."""
    client.force_login(coordinator)
    url = reverse("rapportage:publiceren", args=[2020])
    concept = client.get(reverse("rapportage:concept", args=[2020])).content.decode()
    assert f'app-button--gevaar" href="{url}">Nieuwe versie publiceren</a>' in concept
    assert f'action="{url}"' not in concept  # no form on the concept page publishes at once

    vraag = client.get(url)
    pagina = tekst(vraag)
    assert vraag.status_code == 200
    assert '<h1 class="utrecht-heading-1">Nieuwe versie van 2020 publiceren</h1>' in pagina
    assert "Weet u zeker dat u de paragraaf van 2020 wilt publiceren?" in pagina
    assert "De paragraaf wordt versie 2 van 2020." in pagina
    assert "met een account zien deze versie dan als de nieuwste" in pagina
    assert "ligt vast en blijft bewaard" in pagina and "op de achtergrond" in pagina
    assert 'name="toelichting"' in pagina and 'name="verversen"' in pagina
    assert "Ja, versie 2 publiceren</button>" in pagina
    assert f'href="{reverse("rapportage:concept", args=[2020])}">Annuleren</a>' in pagina
    assert Publicatie.objects.count() == 1  # asking publishes nothing

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(url, {"toelichting": "Correctie", "verversen": "ja"})
    opdracht = Opdracht.objects.get(soort=Opdracht.Soort.PUBLICEREN)
    assert antwoord.status_code == 302 and antwoord["Location"] == opdracht.get_absolute_url()
    nieuwste = Publicatie.objects.order_by("-versie").first()
    assert (nieuwste.versie, nieuwste.toelichting) == (2, "Correctie")


def test_the_first_publication_and_a_public_report_say_so(client, coordinator, settings):
    settings.RAPPORTAGE_PUBLIEK = True
    ParagraafFactory(jaar=2023)
    client.force_login(coordinator)
    pagina = tekst(client.get(reverse("rapportage:publiceren", args=[2023])))
    assert "Paragraaf 2023 publiceren" in pagina and "versie 1 van 2023" in pagina
    assert "bezoekers van de website (ook zonder account)" in pagina


def test_a_refused_note_shows_the_confirmation_page_again_and_publishes_nothing(
    client, coordinator, demo
):
    client.force_login(coordinator)
    antwoord = client.post(
        reverse("rapportage:publiceren", args=[2020]), {"toelichting": "x" * 501}
    )
    pagina = tekst(antwoord)
    assert antwoord.status_code == 400
    assert "Het formulier is nog niet goed ingevuld." in pagina and "autofocus" in pagina
    assert "Weet u zeker dat u de paragraaf van 2020 wilt publiceren?" in pagina
    assert not Opdracht.objects.exists() and Publicatie.objects.count() == 1


def test_the_draft_pdf_address_explains_itself_and_makes_nothing_until_asked(
    client, coordinator, demo
):
    client.force_login(coordinator)
    url = reverse("rapportage:concept_pdf", args=[2020])
    antwoord = client.get(url)
    pagina = tekst(antwoord)
    assert antwoord.status_code == 200
    assert "Concept-PDF van 2020 maken</h1>" in pagina
    assert "wordt op de achtergrond gemaakt" in pagina and "Er wordt niets gepubliceerd" in pagina
    assert (
        '<form method="post" class="app-form">' in pagina and "Concept-PDF maken</button>" in pagina
    )
    assert not Opdracht.objects.exists()

    gemaakt = client.post(url)
    opdracht = Opdracht.objects.get(soort=Opdracht.Soort.CONCEPT_PDF)
    assert gemaakt.status_code == 302 and opdracht.status == Opdracht.Status.KLAAR
