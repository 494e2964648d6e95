"""The login throttle behind the HTTPS proxy: blocks one user name from one client, not every
client behind the proxy, and a client cannot talk its way out with a forged header."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.kern.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # every request reaches Django from the proxy
CLIENT_A = "203.0.113.10"
CLIENT_B = "198.51.100.20"

achter_proxy = override_settings(CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR", VERTROUWDE_PROXIES=1)


def inloggen(client, wachtwoord, forwarded_for):
    """A login as the proxy passes it on: from the proxy's address, with the client's address
    appended to whatever X-Forwarded-For the client itself sent."""
    return client.post(
        reverse("login"),
        {"username": "raadslid", "password": wachtwoord},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def blokkeer_vanaf_a(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, "fout", CLIENT_A)


def ingelogd(response) -> bool:
    return response.status_code == 302 and response.url == reverse("gebieden:start")


@pytest.fixture
def raadslid(db):
    return UserFactory(username="raadslid")


@achter_proxy
def test_failed_logins_from_one_client_block_that_client_only(client, raadslid, settings):
    blokkeer_vanaf_a(client, settings)

    van_a = inloggen(client, "geheim-wachtwoord", CLIENT_A)
    assert van_a.status_code == 429
    assert "Inloggen is tijdelijk geblokkeerd" in van_a.content.decode()

    assert ingelogd(inloggen(client, "geheim-wachtwoord", CLIENT_B))


@achter_proxy
def test_a_forged_forwarded_for_does_not_lift_the_block(client, raadslid, settings):
    blokkeer_vanaf_a(client, settings)
    # Client A sends "X-Forwarded-For: <B's address>"; the proxy appends A's real address.
    for vervalst in (CLIENT_B, f"{CLIENT_B}, 192.0.2.1", "onzin", ""):
        geprobeerd = f"{vervalst}, {CLIENT_A}" if vervalst else CLIENT_A
        assert inloggen(client, "geheim-wachtwoord", geprobeerd).status_code == 429
    # Nor did those attempts block B, whose address A named.
    assert ingelogd(inloggen(client, "geheim-wachtwoord", CLIENT_B))


@override_settings(CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR", VERTROUWDE_PROXIES=2)
def test_behind_two_proxies_the_address_the_outer_proxy_saw_counts(client, raadslid, settings):
    # client → outer proxy (appends the client) → inner proxy (appends the outer) → Django
    buiten = "10.0.0.1"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, "fout", f"{CLIENT_B}, {CLIENT_A}, {buiten}")
    assert inloggen(client, "geheim-wachtwoord", f"{CLIENT_A}, {buiten}").status_code == 429
    assert ingelogd(inloggen(client, "geheim-wachtwoord", f"{CLIENT_B}, {buiten}"))


@override_settings(CLIENT_IP_HEADER="", VERTROUWDE_PROXIES=0)
def test_without_the_header_setting_everyone_behind_the_proxy_shares_one_block(
    client, raadslid, settings
):
    """Why CLIENT_IP_HEADER must be set behind a proxy (and that the header is otherwise not
    believed at all)."""
    blokkeer_vanaf_a(client, settings)
    assert inloggen(client, "geheim-wachtwoord", CLIENT_B).status_code == 429


def test_the_environment_names_the_header_and_the_number_of_proxies():
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CLIENT_IP_HEADER": "X-Real-IP",
    }
    omgeving.pop("VERTROUWDE_PROXIES", None)
    resultaat = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.CLIENT_IP_HEADER, s.VERTROUWDE_PROXIES)",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.split() == ["HTTP_X_REAL_IP", "1"]
