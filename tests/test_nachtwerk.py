"""The work that is not done in a request: invitations wait in the queue for a worker, and the
nightly work (manage.py nachtwerk) erases expired contact data, removes old draft PDFs and
repairs stored attention periods that drifted from the timeline."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from gebieden import aandacht
from gebieden.models import Aandachtsperiode
from gebieden.tasks import controleer_aandachtsperioden
from kern.rollen import Groep
from tests.gebieden.factories import FocuspuntFactory, PersoonFactory

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


@DATABASE_QUEUE
def test_an_invitation_waits_for_a_worker_and_is_sent_by_it(client, coordinator):
    from django_tasks_db.models import DBTaskResult

    from gebieden.tasks import verstuur_uitnodiging

    persoon = PersoonFactory(naam="Sanne de Wit", email="s.dewit@woerden.nl")
    client.force_login(coordinator)
    client.post(
        reverse("gebieden:persoon_account", args=[persoon.pk]),
        {"gebruikersnaam": "s.dewit", "rollen": [Groep.WIJKAMBTENAAR]},
    )
    assert mail.outbox == []  # the request did not wait for the mail server
    taak = DBTaskResult.objects.get()
    assert taak.task_path == "gebieden.tasks.verstuur_uitnodiging"

    verstuur_uitnodiging.call(*taak.args_kwargs["args"])  # what the worker does with it
    (bericht,) = mail.outbox
    assert bericht.to == ["s.dewit@woerden.nl"] and "Beste Sanne de Wit" in bericht.body


def test_the_consistency_check_repairs_drifted_attention_periods_and_reports_them():
    FocuspuntFactory(startjaar=2020)  # one that is right stays as it is
    verschoven = FocuspuntFactory(startjaar=2021)
    Aandachtsperiode.objects.filter(focuspunt=verschoven).update(van=2024)  # a bulk write

    uitslag = controleer_aandachtsperioden.call()
    assert uitslag == {"hersteld": 1, "focuspunten": [verschoven.pk]}
    assert list(
        Aandachtsperiode.objects.filter(focuspunt=verschoven).values_list("van", "tot")
    ) == [(2021, None)]
    assert aandacht.controleer() == []  # nothing left to repair


def test_nachtwerk_queues_the_nightly_work_of_every_app():
    """Tests run tasks at once, so queuing them here also does them."""
    verschoven = FocuspuntFactory(startjaar=2021)
    Aandachtsperiode.objects.filter(focuspunt=verschoven).update(van=2024)
    uitvoer = io.StringIO()
    call_command("nachtwerk", stdout=uitvoer)
    regels = uitvoer.getvalue()
    for taak in (
        "controleer_aandachtsperioden",
        "wis_verlopen_contactgegevens",
        "ruim_opdrachten_op",
    ):
        assert f"In de wachtrij: {taak}" in regels
    assert Aandachtsperiode.objects.get(focuspunt=verschoven).van == 2021
