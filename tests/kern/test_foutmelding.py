"""Error reports: with SENTRY_DSN set, an error in a request reaches the error service, tagged
with the request id and without cookies or session. A real (local) HTTP server receives them."""

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sentry_sdk
from django.test import Client
from django.urls import include, path

from kern.foutmelding import start_foutmelding


class BrandstofOp(Exception):
    pass


def kapot(request):
    raise BrandstofOp("de tank van de veegwagen is leeg")


urlpatterns = [path("kapot/", kapot), path("", include("config.urls"))]


class Ontvanger(BaseHTTPRequestHandler):
    """Stands in for Sentry: keeps the body of every envelope posted to it."""

    def do_POST(self):
        inhoud = self.rfile.read(int(self.headers["Content-Length"]))
        codering = self.headers.get("Content-Encoding")
        if codering == "gzip":
            inhoud = gzip.decompress(inhoud)
        elif codering == "br":
            import brotli  # what sentry-sdk compresses with when it is installed

            inhoud = brotli.decompress(inhoud)
        self.server.ontvangen.append((self.path, inhoud))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def foutdienst(monkeypatch):
    for naam in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(naam, raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Ontvanger)
    server.ontvangen = []
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    start_foutmelding(f"http://sleutel@127.0.0.1:{server.server_port}/1", omgeving="test")
    try:
        yield server.ontvangen
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)  # back to reporting nothing
        server.shutdown()
        server.server_close()


def gebeurtenissen(ontvangen) -> list[dict]:
    """The events in the envelopes: each envelope is lines of JSON, a header line and then
    pairs of an item header and its payload."""
    uit = []
    for _pad, inhoud in ontvangen:
        regels = inhoud.split(b"\n")
        for kop, lading in zip(regels[1::2], regels[2::2], strict=False):
            if json.loads(kop).get("type") == "event":
                uit.append(json.loads(lading))
    return uit


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_an_error_is_reported_with_the_request_id_and_no_personal_data(foutdienst, coordinator):
    client = Client(raise_request_exception=False)
    client.force_login(coordinator)
    sessie = client.cookies["sessionid"].value
    client.cookies["voorkeur"] = "geheime-koekjeswaarde"

    response = client.get("/kapot/", HTTP_X_REQUEST_ID="verzoek-sentry-1")
    assert response.status_code == 500
    sentry_sdk.flush(timeout=5)

    [gebeurtenis] = gebeurtenissen(foutdienst)
    [uitzondering] = gebeurtenis["exception"]["values"]
    assert uitzondering["type"] == "BrandstofOp"
    assert uitzondering["value"] == "de tank van de veegwagen is leeg"
    assert gebeurtenis["tags"]["request_id"] == "verzoek-sentry-1"
    assert gebeurtenis["environment"] == "test"
    alles = b"".join(inhoud for _pad, inhoud in foutdienst).decode()
    assert sessie not in alles
    assert "geheime-koekjeswaarde" not in alles
    assert "coordinator" not in alles
    assert all(pad == "/api/1/envelope/" for pad, _inhoud in foutdienst)


def test_the_tests_themselves_report_nothing():
    """Without SENTRY_DSN nothing is set up, and the test above leaves nothing behind."""
    assert not sentry_sdk.get_client().is_active()
