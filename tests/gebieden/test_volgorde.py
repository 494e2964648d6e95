"""The municipality's order of its areas, which kinds get a section in the paragraph, and where
the general line stands (gebieden.volgorde, the settings screen, /beheer/gemeente/volgorde/)."""

from decimal import Decimal

import pytest

from begroting.overzicht import jaaroverzicht
from gebieden.constants import GebiedSoort
from gebieden.models import Gebied, Gemeente
from rapportage.samenstellen import samenstellen
from tests.begroting.factories import BegrotingsjaarFactory, BegrotingspostFactory
from tests.gebieden.factories import GebiedFactory
from tests.rapportage.factories import ParagraafFactory

pytestmark = pytest.mark.django_db

URL = "/beheer/gemeente/volgorde/"


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def gebieden(db):
    stad = GebiedFactory(naam="Stad", soort=GebiedSoort.GEBIED)
    return {
        "stad": stad,
        "zuid": GebiedFactory(naam="Zuid", soort=GebiedSoort.WIJK, ouder=stad),
        "noord": GebiedFactory(naam="noord", soort=GebiedSoort.WIJK, ouder=stad),
        "akker": GebiedFactory(naam="Akkerdorp", soort=GebiedSoort.DORP),
        "buurt": GebiedFactory(naam="Aan de Haven", soort=GebiedSoort.BUURT),
    }


def secties(jaar: int = 2020) -> list[str]:
    return [deel.naam for deel in samenstellen(ParagraafFactory(jaar=jaar)).gebieden]


def test_by_default_wijken_and_dorpen_by_kind_then_name(gebieden):
    assert secties() == ["noord", "Zuid", "Akkerdorp"]


def test_the_municipality_ranks_its_kinds_and_chooses_which_get_a_section(gebieden):
    Gemeente.objects.create(
        soortvolgorde=["dorp", "gebied", "wijk", "buurt"], rapportsoorten=["gebied", "dorp", "wijk"]
    )
    assert secties() == ["Akkerdorp", "Stad", "noord", "Zuid"]


def test_an_area_called_gebied_or_stadsdeel_is_not_silently_left_out_once_chosen(gebieden):
    Gemeente.objects.create(rapportsoorten=["gebied"])
    assert secties() == ["Stad"]


def test_areas_with_a_place_of_their_own_come_first_in_that_order(gebieden):
    Gebied.objects.filter(pk=gebieden["zuid"].pk).update(volgorde=1)
    Gebied.objects.filter(pk=gebieden["akker"].pk).update(volgorde=2)
    assert secties() == ["Zuid", "Akkerdorp", "noord"]


@pytest.fixture
def posten(gebieden):
    jaar = BegrotingsjaarFactory(jaar=2020)
    for gebied in (gebieden["zuid"], gebieden["akker"], None):
        BegrotingspostFactory(jaar=jaar, gebied=gebied, begroting_na_wijziging=Decimal("1000"))


def test_the_general_line_stands_where_the_settings_put_it(posten, gebieden):
    assert [r.gebied_naam for r in jaaroverzicht(2020).gebieden] == [
        "Zuid",
        "Akkerdorp",
        "Algemeen",
    ]
    Gemeente.objects.create(algemeen_positie="boven")
    assert [r.gebied_naam for r in jaaroverzicht(2020).gebieden] == [
        "Algemeen",
        "Zuid",
        "Akkerdorp",
    ]
    tabel = samenstellen(ParagraafFactory(jaar=2020)).financien
    assert [r.naam for r in tabel] == ["Algemeen", "Zuid", "Akkerdorp"]


def test_the_budget_table_follows_the_municipalitys_order_too(posten, gebieden):
    Gebied.objects.filter(pk=gebieden["akker"].pk).update(volgorde=1)
    assert [r.gebied_naam for r in jaaroverzicht(2020).gebieden] == [
        "Akkerdorp",
        "Zuid",
        "Algemeen",
    ]


def test_the_coordinator_numbers_the_areas_on_one_page(client, coordinator, gebieden):
    client.force_login(coordinator)
    pagina = client.get(URL).content.decode()
    assert "Aan de Haven" not in pagina  # buurten only when they get a section of their own
    data = {f"versie_{g.pk}": g.versie for g in Gebied.objects.all()}
    data |= {f"plaats_{gebieden['akker'].pk}": "1", f"plaats_{gebieden['noord'].pk}": "2"}
    antwoord = client.post(URL, data, follow=True)
    assert "De volgorde is opgeslagen (2 gebieden gewijzigd)." in tekst(antwoord)
    assert secties() == ["Akkerdorp", "noord", "Zuid"]
    assert Gebied.objects.get(pk=gebieden["akker"].pk).history.first().history_user == coordinator


def test_a_change_by_someone_else_meanwhile_is_not_overwritten(client, coordinator, gebieden):
    client.force_login(coordinator)
    data = {f"versie_{g.pk}": g.versie for g in Gebied.objects.all()}
    data[f"plaats_{gebieden['zuid'].pk}"] = "5"
    zuid = Gebied.objects.get(pk=gebieden["zuid"].pk)
    zuid.volgorde, zuid.versie = 3, zuid.versie + 1  # a colleague saved in between
    zuid.save()
    antwoord = client.post(URL, data)
    assert antwoord.status_code == 409
    assert "Iemand anders heeft intussen Zuid gewijzigd. Er is niets opgeslagen" in tekst(antwoord)
    assert Gebied.objects.get(pk=zuid.pk).volgorde == 3
    assert 'value="5"' in antwoord.content.decode()  # what was typed is kept


def test_a_place_that_is_no_number_is_refused_in_dutch(client, coordinator, gebieden):
    client.force_login(coordinator)
    data = {f"versie_{g.pk}": g.versie for g in Gebied.objects.all()}
    data[f"plaats_{gebieden['zuid'].pk}"] = "eerste"
    antwoord = client.post(URL, data)
    assert antwoord.status_code == 200 and "Voer een geheel getal in." in tekst(antwoord)
    assert Gebied.objects.get(pk=gebieden["zuid"].pk).volgorde is None


@pytest.mark.parametrize("gebruiker", ["financien", "raadslid", "wijkambtenaar_a"])
def test_only_coordinators_set_the_order(client, request, gebruiker, gebieden):
    client.force_login(request.getfixturevalue(gebruiker))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {f"plaats_{gebieden['zuid'].pk}": "1"}).status_code == 403
    assert Gebied.objects.get(pk=gebieden["zuid"].pk).volgorde is None


def test_the_conflict_page_shows_the_saved_places(client, coordinator, gebieden):
    client.force_login(coordinator)
    data = {f"versie_{g.pk}": g.versie for g in Gebied.objects.all()}
    zuid = Gebied.objects.get(pk=gebieden["zuid"].pk)
    zuid.volgorde, zuid.versie = 3, zuid.versie + 1
    zuid.save()
    antwoord = client.post(URL, data)
    assert antwoord.status_code == 409 and "Nu opgeslagen" in tekst(antwoord)


def test_an_area_not_on_the_page_that_was_sent_is_left_alone(client, coordinator, gebieden):
    Gebied.objects.filter(pk=gebieden["akker"].pk).update(volgorde=4)
    client.force_login(coordinator)
    data = {f"versie_{gebieden['zuid'].pk}": 1, f"plaats_{gebieden['zuid'].pk}": "1"}
    client.post(URL, data)  # a page opened before Akkerdorp was in the list
    assert Gebied.objects.get(pk=gebieden["akker"].pk).volgorde == 4
    assert Gebied.objects.get(pk=gebieden["zuid"].pk).volgorde == 1
