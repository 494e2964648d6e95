import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def test_login_page_is_dutch_and_wrong_password_is_explained(client, raadslid):
    response = client.post(
        reverse("login"), {"username": "raadslid", "password": "fout-wachtwoord"}
    )
    pagina = tekst(response)
    assert response.status_code == 200
    assert "Inloggen" in pagina
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in pagina


def test_logout_only_by_post(client, raadslid):
    client.force_login(raadslid)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("gebieden:start")).status_code == 302


def test_user_changes_own_password_with_the_validators_applied(client, raadslid):
    client.force_login(raadslid)
    url = reverse("password_change")
    te_kort = client.post(
        url,
        {"old_password": "geheim-wachtwoord", "new_password1": "kort", "new_password2": "kort"},
    )
    assert "Dit wachtwoord is te kort" in tekst(te_kort)
    nieuw = "Rijnoevers-brug-2020!"
    response = client.post(
        url,
        {"old_password": "geheim-wachtwoord", "new_password1": nieuw, "new_password2": nieuw},
        follow=True,
    )
    assert "Uw wachtwoord is gewijzigd." in tekst(response)
    raadslid.refresh_from_db()
    assert raadslid.check_password(nieuw)


def test_repeated_failed_logins_are_throttled_even_with_the_right_password(
    client, raadslid, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "raadslid", "password": "fout"})
    response = client.post(
        reverse("login"), {"username": "raadslid", "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 429
    assert "Inloggen is tijdelijk geblokkeerd" in tekst(response)
    assert "_auth_user_id" not in client.session


def test_pages_carry_the_security_headers(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
