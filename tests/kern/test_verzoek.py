"""Every request has an id, in the X-Request-ID header and on every log line; in production
the log lines are JSON objects. A background task's id takes its place while it runs."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from datetime import datetime
from logging.config import DictConfigurator
from pathlib import Path

import pytest
from django.core.management.utils import get_random_secret_key
from django.http import HttpResponse, HttpResponseNotFound
from django.tasks import task
from django.test import Client, override_settings
from django.urls import include, path, reverse

ROOT = Path(__file__).resolve().parents[2]
NIEUW_ID = re.compile(r"[0-9a-f]{32}")

logger = logging.getLogger("tests.verzoek")


@task
def herbereken(focuspunt: int) -> None:
    logger.info("Focuspunt %s herberekend", focuspunt)


def bewaar(request):
    logger.warning("Focuspunt %s bewaard", 7)
    return HttpResponse("bewaard")


def bewaar_met_taak(request):
    logger.info("voor de taak")
    resultaat = herbereken.enqueue(7)
    logger.info("na de taak")
    return HttpResponse(resultaat.id)


def onbekend(request):
    return HttpResponseNotFound("weg")


def kapot(request):
    raise ZeroDivisionError("deling door nul in de begroting")


# The project's pages (the error page links to them) and a few of this test's own.
urlpatterns = [
    path("bewaar/", bewaar),
    path("taak/", bewaar_met_taak),
    path("onbekend/", onbekend),
    path("kapot/", kapot),
    path("", include("config.urls")),
]
eigen_urls = pytest.mark.urls(__name__)


def test_every_response_carries_a_new_request_id(client):
    eerste = client.get(reverse("gezond"))["X-Request-ID"]
    tweede = client.get(reverse("gezond"))["X-Request-ID"]
    assert NIEUW_ID.fullmatch(eerste) and NIEUW_ID.fullmatch(tweede)
    assert eerste != tweede


def test_the_proxys_request_id_is_kept(client):
    response = client.get(reverse("gezond"), HTTP_X_REQUEST_ID="nginx-7f3a.91_B")
    assert response["X-Request-ID"] == "nginx-7f3a.91_B"


@pytest.mark.parametrize(
    "binnengekomen",
    ["", "met spatie", "x" * 65, "<script>", "regel\r\nX-Kop: ja", "naïef", "a;b", "a,b"],
)
def test_an_unusable_incoming_request_id_is_replaced(client, binnengekomen):
    response = client.get(reverse("gezond"), HTTP_X_REQUEST_ID=binnengekomen)
    assert NIEUW_ID.fullmatch(response["X-Request-ID"])


@pytest.fixture(scope="module")
def productie_logging() -> dict:
    """The LOGGING setting exactly as config/settings/production.py builds it (in a separate
    process: production settings refuse to load without a real secret key)."""
    omgeving = {**os.environ, "SECRET_KEY": get_random_secret_key()}
    omgeving.pop("SENTRY_DSN", None)
    resultaat = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from config.settings import production; "
            "print(json.dumps(production.LOGGING))",
        ],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    return json.loads(resultaat.stdout)


@pytest.fixture
def logregels(productie_logging):
    """The lines the production console handler would write, for everything logged during the
    test: its filters and formatter, built from the production configuration."""
    console = productie_logging["handlers"]["console"]
    bouwer = DictConfigurator({})
    uitvoer = io.StringIO()
    handler = logging.StreamHandler(uitvoer)
    handler.setFormatter(
        bouwer.configure_formatter(dict(productie_logging["formatters"][console["formatter"]]))
    )
    for naam in console["filters"]:
        handler.addFilter(bouwer.configure_filter(dict(productie_logging["filters"][naam])))
    root = logging.getLogger()
    oud_niveau = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(regel) for regel in uitvoer.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        root.setLevel(oud_niveau)


def regel_met(regels, bericht):
    [regel] = [r for r in regels if r["message"] == bericht]
    return regel


@eigen_urls
def test_a_production_log_line_is_one_json_object_with_the_request_id(client, logregels):
    response = client.get("/bewaar/", HTTP_X_REQUEST_ID="verzoek-42")
    logger.warning("na het verzoek")

    regels = logregels()  # every line parses as one JSON object
    regel = regel_met(regels, "Focuspunt 7 bewaard")
    assert response["X-Request-ID"] == "verzoek-42"
    assert regel["request_id"] == "verzoek-42"
    assert regel["level"] == "WARNING"
    assert regel["logger"] == "tests.verzoek"
    assert datetime.fromisoformat(regel["time"]).tzinfo is not None
    assert "exception" not in regel
    assert regel_met(regels, "na het verzoek")["request_id"] == "-"


@eigen_urls
def test_djangos_own_lines_about_a_request_carry_its_id(client, logregels):
    niet_gevonden = client.get("/onbekend/")  # logged by Django after every middleware
    regels = logregels()
    regel = regel_met(regels, "Not Found: /onbekend/")
    assert regel["logger"] == "django.request"
    assert regel["request_id"] == niet_gevonden["X-Request-ID"]


@eigen_urls
def test_an_error_is_logged_as_json_with_its_traceback_and_request_id(logregels):
    response = Client(raise_request_exception=False).get("/kapot/")
    assert response.status_code == 500
    regel = regel_met(logregels(), "Internal Server Error: /kapot/")
    assert regel["level"] == "ERROR"
    assert regel["request_id"] == response["X-Request-ID"]
    assert "ZeroDivisionError: deling door nul in de begroting" in regel["exception"]


@eigen_urls
@override_settings(
    TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
)
def test_while_a_task_runs_its_id_is_on_the_log_lines(client, logregels):
    response = client.get("/taak/")
    taak_id = response.content.decode()
    regels = logregels()
    assert regel_met(regels, "Focuspunt 7 herberekend")["request_id"] == taak_id
    # Before and after the task (run inside this request), the request's own id.
    assert regel_met(regels, "voor de taak")["request_id"] == response["X-Request-ID"]
    assert regel_met(regels, "na de taak")["request_id"] == response["X-Request-ID"]
    assert taak_id != response["X-Request-ID"]
