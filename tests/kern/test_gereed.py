"""/gereed/: whether this process can serve (database and cache answer), and how long the queue
of background tasks is; for the load balancer and monitoring, without login."""

from datetime import timedelta

import pytest
from django.tasks import task
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@task
def publiceer(jaar: int) -> None:  # never runs: no worker in these tests
    pass


def test_ready_when_database_and_cache_work_without_login(client):
    response = client.get(reverse("gereed"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "gereed",
        "database": {"ok": True},
        "cache": {"ok": True},
        "wachtrij": {"ok": True, "wachtend": 0, "oudste_wacht_seconden": None},
    }


@override_settings(TASKS=DATABASE_QUEUE)
def test_waiting_tasks_are_counted_with_the_age_of_the_oldest(client):
    eerste = publiceer.enqueue(2020)
    publiceer.enqueue(2021)
    # The first was queued ten minutes ago; one planned for tomorrow is not waiting yet.
    DBTaskResult.objects.filter(pk=eerste.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=10)
    )
    publiceer.using(run_after=timezone.now() + timedelta(days=1)).enqueue(2022)

    wachtrij = client.get(reverse("gereed")).json()["wachtrij"]
    assert wachtrij["wachtend"] == 2
    assert 600 <= wachtrij["oudste_wacht_seconden"] < 660


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_planned_task_waits_from_its_planned_time(client):
    gepland = publiceer.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(2020)
    DBTaskResult.objects.filter(pk=gepland.id).update(
        enqueued_at=timezone.now() - timedelta(days=1),
        run_after=timezone.now() - timedelta(minutes=5),
    )
    wachtrij = client.get(reverse("gereed")).json()["wachtrij"]
    assert wachtrij["wachtend"] == 1
    assert 300 <= wachtrij["oudste_wacht_seconden"] < 360  # not a day


@override_settings(TASKS=DATABASE_QUEUE)
def test_finished_and_running_tasks_are_not_waiting(client):
    for status in ("RUNNING", "SUCCESSFUL", "FAILED"):
        resultaat = publiceer.enqueue(2020)
        DBTaskResult.objects.filter(pk=resultaat.id).update(status=status)
    wachtrij = client.get(reverse("gereed")).json()["wachtrij"]
    assert wachtrij == {"ok": True, "wachtend": 0, "oudste_wacht_seconden": None}


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
)
def test_not_ready_when_the_cache_is_unreachable(client):
    response = client.get(reverse("gereed"))
    assert response.status_code == 503
    inhoud = response.json()
    assert inhoud["status"] == "niet gereed"
    assert inhoud["cache"]["ok"] is False
    assert inhoud["database"] == {"ok": True}
    assert "127.0.0.1" not in response.content.decode()  # what failed, not the details


def test_only_get(client):
    assert client.post(reverse("gereed")).status_code == 405
