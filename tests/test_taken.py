"""Background work for real: a worker process takes a queued publication and publishes it, and
publications of one year at once never fail with a database error (on PostgreSQL, with
threads that each have their own connection)."""

import io
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings
from pypdf import PdfReader

from rapportage import opdrachten
from rapportage.models import Opdracht, Paragraaf, Publicatie
from rapportage.services import publiceer

from .processen import wacht_tot, werker

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)
ALLEEN_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="gelijktijdig schrijven: PostgreSQL (CI draait het)"
)


@pytest.fixture
def demo():
    call_command("demo", stdout=io.StringIO())
    return Paragraaf.objects.get(jaar=2020)


def test_a_worker_process_takes_a_queued_publication_to_published(demo):
    from django_tasks_db.models import DBTaskResult

    with DATABASE_QUEUE:
        opdracht = opdrachten.vraag_aan(
            paragraaf=demo, soort=Opdracht.Soort.PUBLICEREN, door=None, toelichting="Nacht"
        )
    assert opdracht.status == Opdracht.Status.WACHTRIJ

    gezien = [opdracht.status]

    def gepubliceerd():
        status = Opdracht.objects.values_list("status", flat=True).get(pk=opdracht.pk)
        if status != gezien[-1]:
            gezien.append(status)
        return status in (Opdracht.Status.KLAAR, Opdracht.Status.MISLUKT)

    with werker() as p:
        wacht_tot(gepubliceerd, 180, p, "de werker publiceerde niet")

    assert gezien[0] == Opdracht.Status.WACHTRIJ and gezien[-1] == Opdracht.Status.KLAAR
    opdracht.refresh_from_db()
    assert opdracht.publicatie.versie == 2 and opdracht.publicatie.toelichting == "Nacht"
    assert opdracht.publicatie.lees_pdf().startswith(b"%PDF")
    assert "Harmelen" in opdracht.publicatie.lees_html()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def in_draden(aantal: int, werk):
    """Run `werk()` in `aantal` threads at once (each with its own connection); their results
    and errors."""
    start = threading.Barrier(aantal)
    uitkomsten: list = []

    def draad():
        try:
            start.wait()
            uitkomsten.append(werk())
        except Exception as fout:
            uitkomsten.append(fout)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=draad) for _ in range(aantal)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return uitkomsten


@ALLEEN_POSTGRESQL
def test_publishing_one_year_from_two_threads_gives_two_versions(demo):
    uitkomsten = in_draden(2, lambda: publiceer(paragraaf=demo, door=None).versie)
    assert sorted(uitkomsten) == [2, 3], uitkomsten
    assert sorted(Publicatie.objects.values_list("versie", flat=True)) == [1, 2, 3]
    for publicatie in Publicatie.objects.all():  # each colophon names its own version
        laatste = PdfReader(io.BytesIO(publicatie.lees_pdf())).pages[-1].extract_text()
        assert f"Versie {publicatie.versie}." in laatste


@ALLEEN_POSTGRESQL
@DATABASE_QUEUE
def test_two_coordinators_publishing_at_once_get_one_job_and_a_clear_message(demo):
    def vraag():
        try:
            return opdrachten.vraag_aan(paragraaf=demo, soort=Opdracht.Soort.PUBLICEREN, door=None)
        except opdrachten.AlBezig as bezig:
            return bezig

    uitkomsten = in_draden(2, vraag)
    banen = [u for u in uitkomsten if isinstance(u, Opdracht)]
    bezig = [u for u in uitkomsten if isinstance(u, opdrachten.AlBezig)]
    assert len(banen) == 1 and len(bezig) == 1, uitkomsten
    assert bezig[0].opdracht == banen[0]
    assert Opdracht.objects.count() == 1
