"""Opening a budget year on /begroting/ (issue 18): the form, the service, and the one-click
"next year's lines" on the year page that shares the service."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from begroting.models import Begrotingsjaar, Begrotingspost
from begroting.services import Begin, JaarBestaatAl, open_jaar
from tests.begroting.factories import BegrotingsjaarFactory, BegrotingspostFactory
from tests.gebieden.factories import GebiedFactory

D = Decimal
pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def jaar_2021():
    """2021 with an area's line (amended budget 21.000, spent 20.000) and an Algemeen line."""
    jaar = BegrotingsjaarFactory(jaar=2021)
    BegrotingspostFactory(
        jaar=jaar,
        gebied=GebiedFactory(naam="Binnenstad"),
        naam="Wijkbudget",
        taakveld="6.1",
        primitieve_begroting=D("20000"),
        begroting_na_wijziging=D("21000"),
        realisatie=D("20000"),
        bestedingstermijn=3,
    )
    BegrotingspostFactory(jaar=jaar, naam="Algemeen", begroting_na_wijziging=D("5000"))
    return jaar


def test_without_years_finance_finds_the_form_instead_of_a_dead_end(client, financien):
    client.force_login(financien)
    pagina = tekst(client.get(reverse("begroting:jaren")))
    assert "Er zijn nog geen begrotingsjaren. Open hieronder het eerste jaar" in pagina
    assert 'action="/begroting/openen/"' in pagina and 'name="jaar"' in pagina
    # nothing to take lines from yet: no choice offered
    assert "Begin met" not in pagina and 'type="radio"' not in pagina


def test_finance_opens_the_first_year_and_lands_on_its_page(client, financien):
    client.force_login(financien)
    response = client.post(reverse("begroting:openen"), {"jaar": "2024"}, follow=True)
    assert response.redirect_chain == [(reverse("begroting:jaar", args=[2024]), 302)]
    pagina = tekst(response)
    assert "2024 is geopend, zonder posten." in pagina
    assert "Begroting en realisatie 2024" in pagina
    assert "Dit jaar is open" in pagina
    jaar = Begrotingsjaar.objects.get()
    assert jaar.jaar == 2024 and not jaar.gesloten
    assert jaar.history.get().history_user == financien


def test_the_choice_is_a_fieldset_with_a_legend_when_a_previous_year_exists(
    client, financien, jaar_2021
):
    client.force_login(financien)
    pagina = tekst(client.get(reverse("begroting:jaren")))
    assert '<legend class="utrecht-form-fieldset__legend' in pagina
    assert ">Begin met</legend>" in pagina
    assert pagina.count('type="radio"') == 3
    for waarde in ("leeg", "posten", "bedragen"):
        assert f'name="begin" value="{waarde}"' in pagina
    assert 'value="2022"' in pagina  # the year after the last one is proposed
    assert 'id="id_begin_2" checked' in pagina


def test_opening_with_the_lines_and_empty_amounts(client, financien, jaar_2021):
    client.force_login(financien)
    response = client.post(reverse("begroting:openen"), {"jaar": "2022", "begin": "posten"})
    assert response.status_code == 302
    posten = Begrotingspost.objects.filter(jaar__jaar=2022).order_by("naam")
    assert [
        (p.naam, p.taakveld, p.bestedingstermijn, p.begroting_na_wijziging, p.realisatie)
        for p in posten
    ] == [
        ("Algemeen", "", None, D("0"), D("0")),
        ("Wijkbudget", "6.1", 3, D("0"), D("0")),
    ]
    assert posten[1].gebied.naam == "Binnenstad"
    pagina = tekst(client.get(reverse("begroting:jaar", args=[2022])))
    assert "2022 is geopend met 2 posten uit 2021, met lege bedragen." in pagina


def test_opening_with_the_amounts_copied(client, financien, jaar_2021):
    client.force_login(financien)
    client.post(reverse("begroting:openen"), {"jaar": "2022", "begin": "bedragen"})
    post = Begrotingspost.objects.get(jaar__jaar=2022, naam="Wijkbudget")
    # the amended budget becomes the new year's budget; nothing is realised yet
    assert (post.primitieve_begroting, post.begroting_na_wijziging, post.realisatie) == (
        D("21000"),
        D("21000"),
        D("0"),
    )
    assert post.history.get().history_user == financien
    pagina = tekst(client.get(reverse("begroting:jaar", args=[2022])))
    assert "2022 is geopend met 2 posten uit 2021, met de bedragen." in pagina
    assert "€ 21.000,00" in pagina


def test_empty_start_takes_no_lines_even_with_a_previous_year(client, financien, jaar_2021):
    client.force_login(financien)
    client.post(reverse("begroting:openen"), {"jaar": "2022", "begin": "leeg"})
    assert Begrotingsjaar.objects.filter(jaar=2022).exists()
    assert not Begrotingspost.objects.filter(jaar__jaar=2022).exists()


def test_the_previous_year_is_the_latest_before_the_new_one(client, financien, jaar_2021):
    BegrotingspostFactory(jaar=BegrotingsjaarFactory(jaar=2019), naam="Oud")
    client.force_login(financien)
    client.post(reverse("begroting:openen"), {"jaar": "2023", "begin": "posten"})
    namen = set(Begrotingspost.objects.filter(jaar__jaar=2023).values_list("naam", flat=True))
    assert namen == {"Wijkbudget", "Algemeen"}
    client.post(reverse("begroting:openen"), {"jaar": "2020", "begin": "posten"})
    namen = set(Begrotingspost.objects.filter(jaar__jaar=2020).values_list("naam", flat=True))
    assert namen == {"Oud"}


def test_lines_of_areas_that_ended_are_not_carried_over(client, financien, jaar_2021):
    BegrotingspostFactory(
        jaar=jaar_2021,
        gebied=GebiedFactory(naam="Oude wijk", geldig_tot=datetime.date(2021, 12, 31)),
        naam="Wijkbudget oud",
    )
    client.force_login(financien)
    response = client.post(
        reverse("begroting:openen"), {"jaar": "2022", "begin": "bedragen"}, follow=True
    )
    namen = set(Begrotingspost.objects.filter(jaar__jaar=2022).values_list("naam", flat=True))
    assert namen == {"Wijkbudget", "Algemeen"}
    assert "1 post van een gebied dat in 2022 niet meer bestaat, is niet overgenomen." in tekst(
        response
    )


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"jaar": "1999", "begin": "leeg"}, "Jaar: Kies een jaar van 2000 tot en met"),
        ({"jaar": "2200", "begin": "leeg"}, "Jaar: Kies een jaar van 2000 tot en met"),
        ({"jaar": "twintig", "begin": "leeg"}, "Jaar: Voer een geheel getal in."),
        ({"jaar": "", "begin": "leeg"}, "Jaar: Dit veld is verplicht."),
        (
            {"jaar": "2021", "begin": "leeg"},
            "2021 is al geopend (misschien zojuist door iemand anders); er is niets veranderd.",
        ),
        (
            {"jaar": "2020", "begin": "posten"},
            "Begin met: Er is geen jaar vóór 2020 om de posten van over te nemen.",
        ),
        ({"jaar": "2022", "begin": "alles"}, "Begin met: Selecteer een geldige keuze."),
    ],
)
def test_what_cannot_be_opened_is_refused_in_dutch(client, financien, jaar_2021, data, melding):
    client.force_login(financien)
    response = client.post(reverse("begroting:openen"), data)
    assert response.status_code == 400
    pagina = tekst(response)
    assert "Het formulier is nog niet goed ingevuld." in pagina
    assert melding in pagina
    assert sorted(Begrotingsjaar.objects.values_list("jaar", flat=True)) == [2021]
    assert Begrotingspost.objects.count() == 2


def test_a_year_before_a_closed_year_is_not_opened(client, financien, jaar_2021):
    Begrotingsjaar.objects.filter(pk=jaar_2021.pk).update(gesloten=True)
    client.force_login(financien)
    response = client.post(reverse("begroting:openen"), {"jaar": "2020", "begin": "leeg"})
    assert response.status_code == 400
    assert (
        "Het latere jaar 2021 is gesloten, en de cijfers van 2020 zouden de reserve van dat "
        "jaar veranderen. Laat een coördinator het eerst heropenen." in tekst(response)
    )
    assert not Begrotingsjaar.objects.filter(jaar=2020).exists()
    # after a closed year is fine
    antwoord = client.post(reverse("begroting:openen"), {"jaar": "2022", "begin": "leeg"})
    assert antwoord.status_code == 302


def test_two_people_opening_the_same_year_one_succeeds_the_other_is_told(
    client, financien, coordinator
):
    # Both saw the form without 2025; the first opens it with lines, the second's request
    # reaches the database after that (the unique year refuses it) and changes nothing.
    open_jaar(jaar=2025, begin=Begin.LEEG)
    with pytest.raises(JaarBestaatAl):
        open_jaar(jaar=2025, begin=Begin.LEEG)
    client.force_login(coordinator)
    response = client.post(reverse("begroting:openen"), {"jaar": "2025", "begin": "leeg"})
    assert response.status_code == 400
    assert "2025 is al geopend (misschien zojuist door iemand anders)" in tekst(response)
    assert Begrotingsjaar.objects.filter(jaar=2025).count() == 1


@pytest.mark.parametrize("rol", ["raadslid", "wijkambtenaar_a"])
def test_only_finance_and_coordinators_open_a_year(client, request, rol):
    client.force_login(request.getfixturevalue(rol))
    pagina = tekst(client.get(reverse("begroting:jaren")))
    assert "Er zijn nog geen begrotingsjaren. Financiën opent het eerste jaar." in pagina
    assert 'name="jaar"' not in pagina and "Openingsreserves" not in pagina
    assert client.post(reverse("begroting:openen"), {"jaar": "2024"}).status_code == 403
    assert client.get(reverse("begroting:openen")).status_code == 403
    assert not Begrotingsjaar.objects.exists()


def test_the_coordinator_opens_a_year_too(client, coordinator):
    client.force_login(coordinator)
    assert client.post(reverse("begroting:openen"), {"jaar": "2024"}).status_code == 302
    assert Begrotingsjaar.objects.filter(jaar=2024).exists()


def test_next_years_lines_from_the_year_page_open_the_year_through_the_same_service(
    client, financien, jaar_2021
):
    client.force_login(financien)
    response = client.post(reverse("begroting:volgend_jaar", args=[2021]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("begroting:grid", args=[2022])
    assert "2 posten aangemaakt voor 2022." in tekst(response)
    post = Begrotingspost.objects.get(jaar__jaar=2022, naam="Wijkbudget")
    assert (
        post.begroting_na_wijziging == D("21000") and post.history.get().history_user == financien
    )
    # an existing year gets only the lines it lacks
    Begrotingspost.objects.filter(jaar__jaar=2022, naam="Algemeen").delete()
    response = client.post(reverse("begroting:volgend_jaar", args=[2021]), follow=True)
    assert "1 post aangemaakt voor 2022." in tekst(response)
    assert Begrotingspost.objects.filter(jaar__jaar=2022).count() == 2


def test_year_list_and_form_page_query_counts_are_constant(
    client, financien, django_assert_max_num_queries
):
    for jaar in range(2000, 2025):
        BegrotingsjaarFactory(jaar=jaar, gesloten=jaar < 2020)
    client.force_login(financien)
    with django_assert_max_num_queries(5):
        pagina = tekst(client.get(reverse("begroting:jaren")))
    assert ">2024</a></li>" in pagina and ">2019</a> (gesloten)</li>" in pagina
    with django_assert_max_num_queries(5):
        assert client.get(reverse("begroting:openen")).status_code == 200
