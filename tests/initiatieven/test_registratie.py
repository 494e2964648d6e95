"""Editing an initiative: a save made on a version someone else has since changed is refused
(409) with the saved state beside what was typed, and saving again is a deliberate choice."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from initiatieven import services
from initiatieven.models import Initiatief
from tests.gebieden.factories import PersoonFactory

pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def versie_in(response) -> str:
    """The version the form on the page carries (its hidden field)."""
    (veld,) = re.findall(r'<input[^>]*name="versie"[^>]*>', response.content.decode())
    return re.search(r'value="(\d+)"', veld).group(1)


@pytest.fixture
def buurttuin(gebied_a):
    return services.registreer(
        gebied=gebied_a,
        titel="Buurttuin",
        status="aangemeld",
        datum=datetime.date(2020, 5, 1),
        door=None,
        deelnemers=20,
        doelgroepen=["ouderen"],
    )


def test_a_stale_edit_is_refused_and_shows_the_saved_state_beside_what_was_typed(
    client, coordinator, wijkambtenaar_a, gebied_a, buurttuin
):
    url = reverse("initiatieven:bewerken", args=[buurttuin.pk])
    client.force_login(wijkambtenaar_a)
    geopend = versie_in(client.get(url))

    collega = Client()
    collega.force_login(coordinator)
    opgeslagen = collega.post(
        url,
        {
            "titel": "Moestuin",
            "gebied": gebied_a.pk,
            "deelnemers": "35",
            "doelgroepen": ["jongeren"],
            "versie": versie_in(collega.get(url)),
        },
    )
    assert opgeslagen.status_code == 302

    getypt = {
        "titel": "Buurttuin aan de Dorpsstraat",
        "gebied": gebied_a.pk,
        "deelnemers": "25",
        "doelgroepen": ["ouderen", "gezinnen"],
        "versie": geopend,
    }
    response = client.post(url, getypt)

    assert response.status_code == 409
    pagina = tekst(response)
    assert (
        "Iemand anders heeft „Moestuin” intussen gewijzigd. Uw wijziging is niet opgeslagen"
        in pagina
    )
    stand, formulier = pagina.split('id="kop-huidig"')[1].split("<form", 1)
    assert "Moestuin" in stand and "jongeren" in stand and "35" in stand
    assert "Dorpsstraat" not in stand
    assert 'value="Buurttuin aan de Dorpsstraat"' in formulier
    assert 'value="25"' in formulier
    initiatief = Initiatief.objects.get()
    assert initiatief.titel == "Moestuin" and initiatief.deelnemers == 35
    assert [d.doelgroep for d in initiatief.doelgroepen.all()] == ["jongeren"]
    assert versie_in(response) == str(initiatief.versie) != geopend

    nogmaals = client.post(url, {**getypt, "versie": versie_in(response)})

    assert nogmaals.status_code == 302
    initiatief = Initiatief.objects.get()
    assert initiatief.titel == "Buurttuin aan de Dorpsstraat" and initiatief.deelnemers == 25
    assert sorted(d.doelgroep for d in initiatief.doelgroepen.all()) == ["gezinnen", "ouderen"]
    pagina = tekst(client.get(nogmaals["Location"]))
    assert "„Buurttuin aan de Dorpsstraat” is opgeslagen." in pagina


def test_an_edit_on_the_current_version_saves_fields_guides_and_characteristics(
    client, wijkambtenaar_a, gebied_a, buurttuin
):
    begeleider = PersoonFactory(naam="Sanne")
    url = reverse("initiatieven:bewerken", args=[buurttuin.pk])
    client.force_login(wijkambtenaar_a)
    response = client.post(
        url,
        {
            "titel": "Buurttuin",
            "gebied": gebied_a.pk,
            "omschrijving": "Samen tuinieren",
            "begeleiders": [begeleider.pk],
            "hulpvormen": ["communicatie"],
            "versie": versie_in(client.get(url)),
        },
    )
    assert response.status_code == 302
    pagina = tekst(client.get(buurttuin.get_absolute_url()))
    assert "Samen tuinieren" in pagina and "Sanne" in pagina and "communicatie" in pagina
    assert Initiatief.objects.get().status == "aangemeld"  # the status is not edited here


def test_guides_target_groups_and_help_are_checkbox_groups_each_in_a_fieldset(
    client, wijkambtenaar_a
):
    """No multi-select that needs Ctrl-click: every choice of several is a list of checkboxes
    under its own legend."""
    PersoonFactory(naam="Sanne")
    client.force_login(wijkambtenaar_a)
    html = client.get(reverse("initiatieven:nieuw")).content.decode()
    assert "<select" in html and "multiple" not in re.sub(r"<option[^>]*>", "", html)
    for legenda in ("Begeleid door", "Bereikte doelgroepen", "Soort hulp van de gemeente"):
        assert re.search(rf"<legend[^>]*>{legenda}", html), legenda
    assert re.search(r'<input type="checkbox" [^>]*name="begeleiders"', html)
    assert "Ctrl" not in html
