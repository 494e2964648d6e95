"""The main menu is drawn once per roles and path; every reader must still get their own."""

import re

import pytest
from django.urls import reverse

from tests.kern.factories import UserFactory

pytestmark = pytest.mark.django_db


def menu(client, url) -> list[str]:
    html = client.get(url).content.decode()
    nav = re.search(r'<nav class="utrecht-nav-bar app-nav".*?</nav>', html, re.S).group(0)
    return [
        ("*" if "aria-current" in link else "") + re.sub(r"<[^>]+>", "", link).strip()
        for link in re.findall(r"<a [^>]*>.*?</a>", nav, re.S)
    ]


def test_each_role_gets_its_own_menu_with_the_current_page_marked(
    client, coordinator, wijkambtenaar_a, raadslid
):
    gebieden, paragraaf = reverse("gebieden:lijst"), reverse("rapportage:index")

    client.force_login(coordinator)
    assert menu(client, gebieden) == [
        "Werkplek",
        "Focuspunten",
        "Initiatieven",
        "*Gebieden",
        "Jaarparagraaf",
        "Begroting",
        "Beheer",
    ]
    for beheerscherm in ("/beheer/", "/personen/", "/themas/", "/initiatieven/regelingen/"):
        assert "*Beheer" in menu(client, beheerscherm), beheerscherm
    assert "*Initiatieven" not in menu(client, "/initiatieven/regelingen/")
    client.force_login(wijkambtenaar_a)
    assert menu(client, gebieden) == [
        "Mijn gebieden",
        "Focuspunten",
        "Initiatieven",
        "*Gebieden",
        "Jaarparagraaf",
        "Begroting",
    ]
    client.force_login(raadslid)
    assert menu(client, gebieden) == ["*Gebieden", "Jaarparagraaf", "Begroting"]
    assert menu(client, paragraaf) == ["Gebieden", "*Jaarparagraaf", "Begroting"]


def test_only_a_superuser_gets_the_technical_administration(client, coordinator):
    client.force_login(coordinator)
    beheer = client.get(reverse("gebieden:beheer")).content.decode()
    assert "Gemeente-instellingen" in beheer and "Subsidieregelingen" in beheer
    assert "Technisch beheer" not in beheer
    client.force_login(UserFactory(username="beheerder", is_superuser=True))
    assert "Technisch beheer" in client.get(reverse("gebieden:beheer")).content.decode()
