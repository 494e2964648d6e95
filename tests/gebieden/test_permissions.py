"""The rule "only my areas" and the coordinator-only screens, for every write view.

Each write is tried by every role; an allowed write must change the database, a refused one
must answer 403 (or send an anonymous user to the login page) and leave it untouched.
"""

import pytest
from django.urls import reverse

from gebieden.models import (
    Activiteit,
    Focuspunt,
    FocuspuntUpdate,
    Gebied,
    Partner,
    Persoon,
    Platform,
    Thema,
    Toewijzing,
    Visie,
)
from tests.gebieden.factories import (
    FocuspuntFactory,
    GebiedFactory,
    PartnerFactory,
    PersoonFactory,
    PlatformFactory,
    ThemaFactory,
    ToewijzingFactory,
    VisieFactory,
)

pytestmark = pytest.mark.django_db

MODELLEN = [
    Gebied,
    Platform,
    Visie,
    Toewijzing,
    Persoon,
    Partner,
    Thema,
    Focuspunt,
    FocuspuntUpdate,
    Activiteit,
]


def stand():
    return {m.__name__: sorted(map(repr, m.objects.values())) for m in MODELLEN}


@pytest.fixture
def objecten(gebied_a, gebied_b):
    return {
        "a": gebied_a,
        "b": gebied_b,
        "platform_a": PlatformFactory(gebied=gebied_a),
        "platform_b": PlatformFactory(gebied=gebied_b),
        "visie_a": VisieFactory(gebied=gebied_a),
        "visie_b": VisieFactory(gebied=gebied_b),
        "toewijzing_a": ToewijzingFactory(gebied=gebied_a, rol="buurtverbinder"),
        "persoon": PersoonFactory(naam="Los Persoon"),
        "partner": PartnerFactory(naam="Losse partner"),
        "thema": ThemaFactory(naam="Los thema"),
        "leeg": GebiedFactory(naam="Leeg gebied"),
        "punt_a": FocuspuntFactory(gebied=gebied_a),
        "punt_b": FocuspuntFactory(gebied=gebied_b),
    }


PLATFORM = {"naam": "Nieuw platform", "soort": "wijkplatform"}
VISIE = {"soort": "wijkvisie", "titel": "Nieuwe visie", "status": "in_voorbereiding"}
FOCUSPUNT = {"titel": "Nieuw focuspunt", "status": "loopt"}
ACTIVITEIT = {"datum": "2020-05-01", "soort": "signaleren", "omschrijving": "Rondje wijk"}
UPDATE_A = {
    "status": "afgerond",
    "datum": "2020-06-01",
    "notitie": "Klaar",
}
WIJZIG = {"titel": "Andere titel", "startjaar": 2020, "versie": 1}

# (name, url name, url args from objecten, POST data, area the write belongs to or None for
#  coordinator-only writes)
SCHRIJFACTIES = [
    ("platform toevoegen A", "gebieden:platform_nieuw", ["a"], PLATFORM, "a"),
    ("platform toevoegen B", "gebieden:platform_nieuw", ["b"], PLATFORM, "b"),
    ("platform bewerken A", "gebieden:platform_bewerken", ["a", "platform_a"], PLATFORM, "a"),
    ("platform bewerken B", "gebieden:platform_bewerken", ["b", "platform_b"], PLATFORM, "b"),
    ("platform verwijderen A", "gebieden:platform_verwijderen", ["a", "platform_a"], {}, "a"),
    ("platform verwijderen B", "gebieden:platform_verwijderen", ["b", "platform_b"], {}, "b"),
    ("visie toevoegen A", "gebieden:visie_nieuw", ["a"], VISIE, "a"),
    ("visie toevoegen B", "gebieden:visie_nieuw", ["b"], VISIE, "b"),
    ("visie bewerken B", "gebieden:visie_bewerken", ["b", "visie_b"], VISIE, "b"),
    ("visie verwijderen B", "gebieden:visie_verwijderen", ["b", "visie_b"], {}, "b"),
    ("visie bewerken A", "gebieden:visie_bewerken", ["a", "visie_a"], VISIE, "a"),
    ("visie verwijderen A", "gebieden:visie_verwijderen", ["a", "visie_a"], {}, "a"),
    (
        "toewijzing toevoegen A",
        "gebieden:toewijzing_nieuw",
        ["a"],
        {"persoon": "persoon", "rol": "omgevingsmanager"},
        None,
    ),
    (
        "toewijzing bewerken A",
        "gebieden:toewijzing_bewerken",
        ["a", "toewijzing_a"],
        {"persoon": "persoon", "rol": "omgevingsmanager"},
        None,
    ),
    (
        "toewijzing verwijderen A",
        "gebieden:toewijzing_verwijderen",
        ["a", "toewijzing_a"],
        {},
        None,
    ),
    ("gebied toevoegen", "gebieden:nieuw", [], {"naam": "Nieuw", "soort": "wijk"}, None),
    ("gebied bewerken A", "gebieden:bewerken", ["a"], {"naam": "Anders", "soort": "wijk"}, None),
    ("gebied verwijderen", "gebieden:verwijderen", ["leeg"], {}, None),
    ("persoon toevoegen", "gebieden:persoon_nieuw", [], {"naam": "Nieuw"}, None),
    ("persoon bewerken", "gebieden:persoon_bewerken", ["persoon"], {"naam": "Ander"}, None),
    ("persoon verwijderen", "gebieden:persoon_verwijderen", ["persoon"], {}, None),
    ("partner toevoegen", "gebieden:partner_nieuw", [], {"naam": "N", "soort": "politie"}, None),
    (
        "partner bewerken",
        "gebieden:partner_bewerken",
        ["partner"],
        {"naam": "A", "soort": "zorg"},
        None,
    ),
    ("partner verwijderen", "gebieden:partner_verwijderen", ["partner"], {}, None),
    ("thema toevoegen", "gebieden:thema_nieuw", [], {"naam": "Nieuw", "actief": "on"}, None),
    ("thema bewerken", "gebieden:thema_bewerken", ["thema"], {"naam": "Ander"}, None),
    ("thema verwijderen", "gebieden:thema_verwijderen", ["thema"], {}, None),
    ("focuspunt toevoegen A", "gebieden:focuspunt_nieuw", ["a"], FOCUSPUNT, "a"),
    ("focuspunt toevoegen B", "gebieden:focuspunt_nieuw", ["b"], FOCUSPUNT, "b"),
    ("update vastleggen A", "gebieden:focuspunt_update", ["a", "punt_a"], UPDATE_A, "a"),
    ("update vastleggen B", "gebieden:focuspunt_update", ["b", "punt_b"], UPDATE_A, "b"),
    ("focuspunt wijzigen A", "gebieden:focuspunt_detail", ["a", "punt_a"], WIJZIG, "a"),
    ("focuspunt wijzigen B", "gebieden:focuspunt_detail", ["b", "punt_b"], WIJZIG, "b"),
    ("activiteit vastleggen A", "gebieden:activiteit_nieuw", ["a"], ACTIVITEIT, "a"),
    ("activiteit vastleggen B", "gebieden:activiteit_nieuw", ["b"], ACTIVITEIT, "b"),
]


def maak_verzoek(actie, objecten):
    _, url_naam, args, data, _ = actie
    url = reverse(url_naam, args=[objecten[a].pk for a in args])
    punt = objecten["punt_a"] if "b" not in args else objecten["punt_b"]
    data = {
        k.replace("{a}", str(punt.pk)): (objecten[v].pk if v in objecten else v)
        for k, v in data.items()
    }
    return url, data


def mag(rol: str, gebied: str | None) -> bool:
    if rol == "coordinator":
        return True
    return rol == "wijkambtenaar_a" and gebied == "a"


@pytest.mark.parametrize("actie", SCHRIJFACTIES, ids=[a[0] for a in SCHRIJFACTIES])
@pytest.mark.parametrize(
    "rol", ["anoniem", "raadslid", "financien", "wijkambtenaar_a", "coordinator"]
)
def test_write_is_allowed_only_for_the_right_role_and_area(
    client, request, objecten, wijkambtenaar_a, rol, actie
):
    if rol != "anoniem":
        client.force_login(request.getfixturevalue(rol))
    url, data = maak_verzoek(actie, objecten)
    voor = stand()

    response = client.post(url, data)

    if mag(rol, actie[4]):
        assert response.status_code == 302, response.content.decode()[:2000]
        assert stand() != voor
    else:
        verwacht = 302 if rol == "anoniem" else 403
        assert response.status_code == verwacht
        if rol == "anoniem":
            assert response.url.startswith(reverse("login"))
        assert stand() == voor


@pytest.mark.parametrize("actie", SCHRIJFACTIES, ids=[a[0] for a in SCHRIJFACTIES])
def test_write_forms_are_not_shown_to_other_areas(client, objecten, wijkambtenaar_a, actie):
    client.force_login(wijkambtenaar_a)
    url, _ = maak_verzoek(actie, objecten)
    if actie[1] == "gebieden:focuspunt_detail":
        verwacht = 200  # every official may read every focus point; only writing is per area
    else:
        verwacht = 200 if mag("wijkambtenaar_a", actie[4]) else 403
    assert client.get(url).status_code == verwacht


def test_object_of_another_area_cannot_be_reached_through_my_area(
    client, objecten, wijkambtenaar_a
):
    """/gebieden/A/platforms/<platform of B>/ must not edit B's platform."""
    client.force_login(wijkambtenaar_a)
    url = reverse("gebieden:platform_bewerken", args=[objecten["a"].pk, objecten["platform_b"].pk])
    voor = stand()
    assert client.post(url, PLATFORM).status_code == 404
    assert stand() == voor


def test_assignment_that_ended_gives_no_more_rights(client, gebied_a, wijkambtenaar_a):
    Toewijzing.objects.filter(persoon__gebruiker=wijkambtenaar_a).update(geldig_tot="2020-01-01")
    client.force_login(wijkambtenaar_a)
    response = client.post(reverse("gebieden:platform_nieuw", args=[gebied_a.pk]), PLATFORM)
    assert response.status_code == 403
    assert not Platform.objects.exists()


def test_assignment_to_a_gebied_covers_the_wijken_in_it(client, wijkambtenaar_a, gebied_a):
    gebied_a.soort = "gebied"
    gebied_a.save()
    wijk = Gebied.objects.create(naam="Wijk in A", soort="wijk", ouder=gebied_a)
    client.force_login(wijkambtenaar_a)
    response = client.post(reverse("gebieden:platform_nieuw", args=[wijk.pk]), PLATFORM)
    assert response.status_code == 302
    assert Platform.objects.get().gebied == wijk
