"""Screenshots of five key pages of the demo at 320 and 1366 px, kept for a reviewer to look at
(not compared pixel by pixel): `make test` writes them to .test-artifacts/schermafdrukken/."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from gebieden.models import Gebied

pytestmark = pytest.mark.django_db(transaction=True)

MAP = Path(
    os.environ.get("SCHERMAFDRUKKEN", settings.BASE_DIR / ".test-artifacts" / "schermafdrukken")
)
PNG = b"\x89PNG\r\n\x1a\n"


def paginas() -> list[tuple[str, str, str]]:
    """(file name, login, address) of the pages a reviewer looks at first."""
    schilderskwartier = Gebied.objects.get(naam="Schilderskwartier")
    return [
        ("werkplek-coordinator", "coordinator", "/werkplek/"),
        ("gebied", "wijkambtenaar", schilderskwartier.get_absolute_url()),
        ("focuspunten", "wijkambtenaar", "/werkplek/focuspunten/"),
        ("begrotingsgrid", "financien", "/begroting/2021/bewerken/"),
        ("paragraaf", "raadslid", "/paragraaf/2020/"),
    ]


@pytest.mark.parametrize("breedte", [320, 1366])
def test_screenshots_of_the_key_pages(page, breedte):
    call_command("demo", stdout=io.StringIO())
    MAP.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": breedte, "height": 900})
    ingelogd = None
    for naam, login, adres in paginas():
        if login != ingelogd:
            page.context.clear_cookies()
            page.goto("/account/inloggen/")
            page.get_by_label("Gebruikersnaam").fill(login)
            page.get_by_label("Wachtwoord").fill("demo-gebiedsgericht")
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url("**/")
            ingelogd = login
        antwoord = page.goto(adres)
        assert antwoord.status == 200, (naam, antwoord.status)
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte, naam
        bestand = MAP / f"{naam}-{breedte}.png"
        page.screenshot(path=str(bestand), full_page=True)
        assert bestand.read_bytes().startswith(PNG)
