"""`manage.py inrichten`: from an empty database to a municipality with its first coordinator,
who sets a password through the printed link and logs in."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from gebieden.models import Gemeente, Persoon
from kern.rollen import Groep

pytestmark = pytest.mark.django_db

WACHTWOORD = "Kr8tig-wachtwoord-2026"
OPTIES = {
    "naam": "Gemeente Woerden",
    "cbs_code": "GM0632",
    "coordinator_naam": "Anna de Vries",
    "coordinator_email": "anna@woerden.nl",
    "adres": "http://127.0.0.1:8000",
}


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def inrichten(capture, **opties) -> str:
    uit = io.StringIO()
    with capture(execute=True):
        call_command("inrichten", stdout=uit, stderr=io.StringIO(), **opties)
    return uit.getvalue()


def test_with_options_creates_municipality_coordinator_and_invitation(
    django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    uit = inrichten(
        django_capture_on_commit_callbacks, **{**OPTIES, "adres": "https://gg.woerden.nl"}
    )
    gemeente = Gemeente.objects.get()
    assert (gemeente.naam, gemeente.cbs_code) == ("Gemeente Woerden", "GM0632")
    persoon = Persoon.objects.get(email="anna@woerden.nl")
    gebruiker = persoon.gebruiker
    assert gebruiker.username == "anna" and not gebruiker.has_usable_password()
    assert list(gebruiker.groups.values_list("name", flat=True)) == [Groep.COORDINATOR]
    assert "https://gg.woerden.nl/" in uit and "geen e-mail ingesteld" in uit
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@woerden.nl"]
    assert "Gemeente Woerden" in mail.outbox[0].subject


def test_the_printed_link_lets_the_coordinator_set_a_password_and_log_in(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    uit = inrichten(django_capture_on_commit_callbacks, **OPTIES)
    link = re.search(r"http://127\.0\.0\.1:8000(/\S+)", uit).group(1)
    formulier = client.get(link, follow=True)  # Django moves the token into the session
    assert "Kies een wachtwoord voor uw account" in tekst(formulier)
    ingesteld = client.post(
        formulier.redirect_chain[-1][0],
        {"new_password1": WACHTWOORD, "new_password2": WACHTWOORD},
        follow=True,
    )
    assert "Uw wachtwoord is ingesteld" in tekst(ingesteld)
    ingelogd = client.post(
        reverse("login"), {"username": "anna", "password": WACHTWOORD}, follow=True
    )
    assert "Ingelogd als Anna de Vries" in tekst(ingelogd)
    assert client.get(reverse("gebieden:gemeente")).status_code == 200  # a coordinator


def test_interactive_asks_again_after_an_invalid_answer(
    django_capture_on_commit_callbacks, monkeypatch
):
    antwoorden = iter(
        ["Gemeente Oudewater", "0589", "GM0589", "Bas", "geen-adres", "bas@x.nl", "https://gw.nl"]
    )
    monkeypatch.setattr("builtins.input", lambda vraag: next(antwoorden))
    inrichten(django_capture_on_commit_callbacks)
    assert Gemeente.objects.get().cbs_code == "GM0589"
    assert Persoon.objects.get().gebruiker.groups.filter(name=Groep.COORDINATOR).exists()


def test_invalid_cbs_code_as_option_stops_without_writing(django_capture_on_commit_callbacks):
    with pytest.raises(CommandError, match="GM gevolgd door vier cijfers"):
        inrichten(django_capture_on_commit_callbacks, **{**OPTIES, "cbs_code": "WK063201"})
    assert not Gemeente.objects.exists() and not get_user_model().objects.exists()


def test_refuses_a_second_run_unless_opnieuw(django_capture_on_commit_callbacks):
    inrichten(django_capture_on_commit_callbacks, **OPTIES)
    with pytest.raises(CommandError, match="al ingericht"):
        inrichten(django_capture_on_commit_callbacks, **OPTIES)
    uit = inrichten(
        django_capture_on_commit_callbacks,
        opnieuw=True,
        **{**OPTIES, "naam": "Gemeente Woerden (nieuw)"},
    )
    assert "heeft al een account" in uit
    assert Gemeente.objects.get().naam == "Gemeente Woerden (nieuw)"
    assert get_user_model().objects.count() == 1
    inrichten(
        django_capture_on_commit_callbacks,
        opnieuw=True,
        **{**OPTIES, "coordinator_naam": "Bas", "coordinator_email": "anna@elders.nl"},
    )
    assert list(get_user_model().objects.values_list("username", flat=True).order_by("pk")) == [
        "anna",
        "anna2",
    ]


def test_with_mail_configured_the_link_is_not_printed(
    django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setenv("EMAIL_URL", "smtp://mail.example")
    uit = inrichten(django_capture_on_commit_callbacks, **OPTIES)
    assert "per e-mail naar anna@woerden.nl" in uit and "/account/" not in uit
