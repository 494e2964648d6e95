import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from initiatieven import services
from initiatieven.models import Aanvraag, Initiatief, Initiatiefnemer, StatusOvergang
from tests.initiatieven.factories import AanvraagFactory, InitiatiefFactory, RegelingFactory

D = Decimal
pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def stand():
    return [
        sorted(map(repr, m.objects.values()))
        for m in (Initiatief, Initiatiefnemer, StatusOvergang, Aanvraag)
    ]


@pytest.fixture
def initiatief_a(gebied_a):
    initiatief = services.registreer(
        gebied=gebied_a,
        titel="Buurttuin",
        status="aangemeld",
        datum=datetime.date(2020, 5, 1),
        door=None,
        initiatiefnemers=[("Els", "06-12345678")],
    )
    return initiatief


@pytest.fixture
def aanvraag_a(initiatief_a):
    return AanvraagFactory(initiatief=initiatief_a, regeling=RegelingFactory(jaarbudget=D("1500")))


NIEUW = {
    "titel": "Straatfeest",
    "status": "aangemeld",
    "datum": "2020-05-01",
    "initiatiefnemer": "Jan",
    "contact": "jan@example.nl",
}


def schrijfacties(initiatief, aanvraag, gebied):
    p, a = initiatief.pk, aanvraag.pk
    return [
        ("registreren", reverse("initiatieven:nieuw"), {**NIEUW, "gebied": gebied.pk}, "gebied"),
        (
            "bewerken",
            reverse("initiatieven:bewerken", args=[p]),
            {"titel": "X", "gebied": gebied.pk},
            "gebied",
        ),
        (
            "status",
            reverse("initiatieven:status", args=[p]),
            {"status": "lopend", "datum": "2020-06-01"},
            "gebied",
        ),
        (
            "aanvraag",
            reverse("initiatieven:aanvraag", args=[p]),
            {
                "regeling": aanvraag.regeling_id,
                "bedrag_gevraagd": "500",
                "ontvangen_op": "2020-06-01",
            },
            "gebied",
        ),
        (
            "besluit",
            reverse("initiatieven:besluit", args=[p, a]),
            {
                f"besluit-{a}-besluit": "toegekend",
                f"besluit-{a}-bedrag_toegekend": "1000",
                f"besluit-{a}-besluit_op": "2020-06-01",
                f"besluit-{a}-reden": "ok",
                f"besluit-{a}-versie": aanvraag.versie,
            },
            "coordinator",
        ),
    ]


@pytest.mark.parametrize(
    "rol", ["raadslid", "financien", "wijkambtenaar_b", "wijkambtenaar_a", "coordinator"]
)
def test_every_write_needs_the_right_role_and_area(
    client, request, rol, initiatief_a, aanvraag_a, gebied_a
):
    client.force_login(request.getfixturevalue(rol))
    for naam, url, data, wie in schrijfacties(initiatief_a, aanvraag_a, gebied_a):
        voor = stand()
        response = client.post(url, data)
        mag = rol == "coordinator" or (wie == "gebied" and rol == "wijkambtenaar_a")
        if mag:
            assert response.status_code == 302, (naam, tekst(response)[:3000])
        else:
            assert response.status_code == 403, naam
            assert stand() == voor, naam


def test_decision_over_budget_asks_for_confirmation_in_dutch(
    client, coordinator, initiatief_a, aanvraag_a
):
    client.force_login(coordinator)
    a = aanvraag_a
    data = {
        f"besluit-{a.pk}-besluit": "toegekend",
        f"besluit-{a.pk}-bedrag_toegekend": "1.000",
        f"besluit-{a.pk}-besluit_op": "2020-06-01",
        f"besluit-{a.pk}-reden": "Goed plan",
        f"besluit-{a.pk}-versie": a.versie,
    }
    AanvraagFactory(
        initiatief=initiatief_a,
        regeling=a.regeling,
        besluit="toegekend",
        bedrag_toegekend=D("1000"),
        besluit_op=datetime.date(2020, 2, 1),
    )
    url = reverse("initiatieven:besluit", args=[initiatief_a.pk, a.pk])
    response = client.post(url, data)
    assert response.status_code == 400
    assert "boven het jaarbudget van € 1.500,00" in tekst(response)
    assert "Goed plan" in tekst(response)  # what was typed is kept
    a.refresh_from_db()
    assert a.besluit == ""
    client.post(url, {**data, f"besluit-{a.pk}-budget_bevestigd": "on"})
    a.refresh_from_db()
    assert a.besluit == "toegekend" and a.bedrag_toegekend == D("1000")


def test_grant_above_maximum_is_refused_on_the_page(client, coordinator, initiatief_a, aanvraag_a):
    client.force_login(coordinator)
    a = aanvraag_a
    response = client.post(
        reverse("initiatieven:besluit", args=[initiatief_a.pk, a.pk]),
        {
            f"besluit-{a.pk}-besluit": "toegekend",
            f"besluit-{a.pk}-bedrag_toegekend": "3000",
            f"besluit-{a.pk}-besluit_op": "2020-06-01",
            f"besluit-{a.pk}-reden": "x",
            f"besluit-{a.pk}-meer_dan_gevraagd": "on",
            f"besluit-{a.pk}-versie": a.versie,
        },
    )
    assert "meer dan het maximum van € 2.500,00" in tekst(response)


@pytest.mark.parametrize("aantal", [2, 15])
def test_list_filters_csv_without_personal_data_and_constant_queries(
    client, coordinator, initiatief_a, django_assert_max_num_queries, aantal
):
    for i in range(aantal):
        AanvraagFactory(initiatief=InitiatiefFactory(titel=f"Extra {i}"))
    client.force_login(coordinator)
    with django_assert_max_num_queries(18):
        assert client.get(reverse("initiatieven:lijst")).status_code == 200
    gefilterd = tekst(client.get(reverse("initiatieven:lijst"), {"q": "buurttuin"}))
    assert ">Buurttuin</a></th>" in gefilterd and ">Extra 1</a></th>" not in gefilterd
    csv_tekst = client.get(reverse("initiatieven:lijst"), {"export": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert "Buurttuin" in csv_tekst and "06-12345678" not in csv_tekst and "Els" not in csv_tekst


def test_figures_page(client, coordinator, initiatief_a, aanvraag_a):
    client.force_login(coordinator)
    pagina = tekst(client.get(reverse("initiatieven:cijfers"), {"jaar": 2020}))
    assert "Schilderskwartier" in pagina and "€ 1.000,00" in pagina


@pytest.mark.parametrize("rol", ["raadslid", "financien"])
def test_readers_outside_the_werkplek_see_no_initiatives(client, request, rol, initiatief_a):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(reverse("initiatieven:lijst")).status_code == 403
    assert client.get(initiatief_a.get_absolute_url()).status_code == 403


def test_other_areas_official_sees_no_contact_data(client, wijkambtenaar_b, initiatief_a):
    client.force_login(wijkambtenaar_b)
    pagina = tekst(client.get(initiatief_a.get_absolute_url()))
    assert "Buurttuin" in pagina and "06-12345678" not in pagina


def test_list_shows_the_oldest_warnings_and_all_on_request(client, coordinator, initiatief_a):
    for dag in range(12):
        AanvraagFactory(initiatief=initiatief_a, ontvangen_op=datetime.date(2020, 1, 1 + dag))
    client.force_login(coordinator)
    pagina = client.get(reverse("initiatieven:lijst")).content.decode()
    assert pagina.count("nog niet besloten") == 10
    assert "12 waarschuwingen; hierboven de oudste." in pagina
    assert "1 januari 2020" in pagina and "12 januari 2020" not in pagina
    alle = client.get(reverse("initiatieven:lijst") + "?waarschuwingen=alle").content.decode()
    assert alle.count("nog niet besloten") == 12


def test_showing_all_warnings_keeps_the_filters(client, coordinator, initiatief_a):
    for dag in range(12):
        AanvraagFactory(initiatief=initiatief_a, ontvangen_op=datetime.date(2020, 1, 1 + dag))
    client.force_login(coordinator)
    pagina = client.get(reverse("initiatieven:lijst") + "?q=tuin&page=1").content.decode()
    assert 'href="?q=tuin&amp;waarschuwingen=alle"' in pagina
