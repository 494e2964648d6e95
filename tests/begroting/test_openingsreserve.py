"""The opening reserve per area (issue 18): the screen, the version check, closed years, and
the reserve ledger on the year page covering an overspend from it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from begroting.models import Begrotingsjaar, Begrotingspost, Openingsreserve
from begroting.overzicht import jaaroverzicht
from tests.begroting.factories import BegrotingsjaarFactory
from tests.gebieden.factories import GebiedFactory
from tests.kern.factories import UserFactory

D = Decimal
pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def post(jaar, gebied, begroting, realisatie, naam="Wijkbudget"):
    return Begrotingspost.objects.create(
        jaar=BegrotingsjaarFactory(jaar=jaar),
        gebied=gebied,
        naam=naam,
        primitieve_begroting=D(begroting),
        begroting_na_wijziging=D(begroting),
        realisatie=D(realisatie),
    )


@pytest.fixture
def binnenstad():
    """Binnenstad overspends 2021 by € 2.950,80 and has no reserve of its own results."""
    gebied = GebiedFactory(naam="Binnenstad")
    post(2021, gebied, "20000", "22950.80")
    return gebied


def formulier(gebied, /, **velden):
    data = {
        "gebied": gebied.pk,
        "bedrag": "5.000,00",
        "ingangsjaar": "2021",
        "vrij_na": "2022",
        "toelichting": "Reserve wijkbudget eind 2020",
    }
    data.update(velden)
    return data


def test_finance_enters_an_opening_reserve_and_sees_the_overspend_covered(
    client, financien, raadslid, binnenstad
):
    client.force_login(financien)
    pagina = tekst(client.get(reverse("begroting:jaren")))
    assert 'href="/begroting/openingsreserves/"' in pagina
    response = client.post(
        reverse("begroting:openingsreserve_nieuw"), formulier(binnenstad), follow=True
    )
    assert response.redirect_chain == [(reverse("begroting:openingsreserves"), 302)]
    pagina = tekst(response)
    assert "Openingsreserve Binnenstad is opgeslagen." in pagina
    assert "€ 5.000,00" in pagina and "Reserve wijkbudget eind 2020" in pagina
    reserve = Openingsreserve.objects.get()
    assert (reserve.bedrag, reserve.ingangsjaar, reserve.vrij_na) == (D("5000"), 2021, 2022)
    assert reserve.history.get().history_user == financien

    client.force_login(raadslid)  # what the council member reads on the year page
    pagina = tekst(client.get(reverse("begroting:jaar", args=[2021])))
    assert (
        "De overschrijding van Binnenstad in 2021 is voor € 2.950,80 gedekt uit de openingsreserve."
        in pagina
    )
    assert (
        '€ 2.950,80<br><span class="app-klein">waarvan openingsreserve € 2.950,80</span>' in pagina
    )
    assert "€ 2.049,20 (openingsreserve) tot en met 2022" in pagina
    regel = jaaroverzicht(2021).gebieden[0]
    assert (regel.reserve.tekort, regel.reserve.saldo) == (D("0"), D("2049.20"))


def test_without_an_opening_reserve_the_overspend_stays_uncovered(client, raadslid, binnenstad):
    client.force_login(raadslid)
    pagina = tekst(client.get(reverse("begroting:jaar", args=[2021])))
    assert "openingsreserve" not in pagina
    assert jaaroverzicht(2021).gebieden[0].reserve.tekort == D("2950.80")


def test_an_opening_reserve_from_a_later_year_does_not_count_yet(binnenstad):
    Openingsreserve.objects.create(
        gebied=binnenstad, bedrag=D("5000"), ingangsjaar=2022, vrij_na=2023
    )
    post(2022, binnenstad, "20000", "21000")
    assert jaaroverzicht(2021).gebieden[0].reserve.tekort == D("2950.80")
    reserve_2022 = jaaroverzicht(2022).gebieden[0].reserve
    assert reserve_2022.gebruikt_uit_opening == D("1000") and reserve_2022.saldo == D("4000")


def test_what_is_left_falls_free_after_the_last_year_and_is_signalled(client, raadslid, binnenstad):
    Openingsreserve.objects.create(
        gebied=binnenstad, bedrag=D("5000"), ingangsjaar=2021, vrij_na=2021
    )
    client.force_login(raadslid)
    pagina = tekst(client.get(reverse("begroting:jaar", args=[2021])))
    assert (
        "Van de reserve van Binnenstad vervalt eind 2021 € 2.049,20 als het niet wordt besteed."
        in pagina
    )
    assert jaaroverzicht(2021).gebieden[0].reserve.vervallen_uit_opening == D("2049.20")


def test_the_paragraphs_reserve_column_counts_the_opening_reserve(binnenstad):
    from rapportage.samenstellen import financieel_deel

    Openingsreserve.objects.create(
        gebied=binnenstad, bedrag=D("5000"), ingangsjaar=2021, vrij_na=2022
    )
    rijen = {r.naam: r for r in financieel_deel(2021)["financien"]}
    assert rijen["Binnenstad"].reserve == 2  # € 2.049,20 in thousands


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"bedrag": ""}, "Bedrag: Vul een bedrag groter dan nul in."),
        ({"bedrag": "0"}, "Bedrag: Vul een bedrag groter dan nul in."),
        ({"bedrag": "-100"}, "Bedrag: Vul een bedrag groter dan nul in."),
        ({"bedrag": "veel"}, "Bedrag: "),
        ({"vrij_na": "2020"}, "Het laatste jaar kan niet vóór het eerste jaar (2021) liggen."),
        ({"ingangsjaar": "1990"}, "Te gebruiken vanaf: "),
        ({"gebied": ""}, "Gebied: Dit veld is verplicht."),
    ],
)
def test_wrong_input_is_refused_in_dutch(client, financien, binnenstad, velden, melding):
    client.force_login(financien)
    response = client.post(
        reverse("begroting:openingsreserve_nieuw"), formulier(binnenstad, **velden)
    )
    assert response.status_code == 200  # the form again, with what was typed
    pagina = tekst(response)
    assert "Het formulier is nog niet goed ingevuld." in pagina and melding in pagina
    assert not Openingsreserve.objects.exists()


def test_one_opening_reserve_per_area(client, financien, binnenstad):
    Openingsreserve.objects.create(gebied=binnenstad, bedrag=D("1"), ingangsjaar=2021, vrij_na=2021)
    client.force_login(financien)
    response = client.post(reverse("begroting:openingsreserve_nieuw"), formulier(binnenstad))
    assert "Gebied: Dit gebied heeft al een openingsreserve." in tekst(response)
    assert Openingsreserve.objects.get().bedrag == D("1")


def test_areas_offered_are_not_buurten(client, financien, binnenstad):
    GebiedFactory(naam="Buurtje", soort="buurt")
    client.force_login(financien)
    pagina = tekst(client.get(reverse("begroting:openingsreserve_nieuw")))
    assert ">Binnenstad</option>" in pagina and "Buurtje" not in pagina


def test_two_people_changing_the_same_reserve_do_not_overwrite_each_other(
    client, financien, coordinator, binnenstad
):
    reserve = Openingsreserve.objects.create(
        gebied=binnenstad, bedrag=D("5000"), ingangsjaar=2021, vrij_na=2022
    )
    url = reverse("begroting:openingsreserve_bewerken", args=[reserve.pk])
    client.force_login(financien)
    assert 'name="versie" value="1"' in tekst(client.get(url))
    # the coordinator saves first, from a form opened on version 1 as well
    client.force_login(coordinator)
    client.post(url, formulier(binnenstad, bedrag="6.000", versie="1"))
    client.force_login(financien)
    response = client.post(url, formulier(binnenstad, bedrag="4.000", versie="1"))
    assert response.status_code == 409
    pagina = tekst(response)
    assert "Iemand anders heeft Openingsreserve Binnenstad intussen gewijzigd." in pagina
    assert "Zoals het nu is opgeslagen" in pagina and "6.000,00" in pagina  # beside what was typed
    assert 'name="versie" value="2"' in pagina
    reserve.refresh_from_db()
    assert reserve.bedrag == D("6000") and reserve.versie == 2


def test_a_closed_year_is_not_changed_by_an_opening_reserve(
    client, financien, coordinator, binnenstad
):
    Begrotingsjaar.objects.filter(jaar=2021).update(gesloten=True)
    client.force_login(financien)
    response = client.post(reverse("begroting:openingsreserve_nieuw"), formulier(binnenstad))
    assert response.status_code == 409
    melding = (
        "2021 is gesloten en de reserve van dat jaar zou hierdoor veranderen. Er is niets "
        "opgeslagen; laat een coördinator het jaar eerst heropenen."
    )
    assert melding in tekst(response)
    assert not Openingsreserve.objects.exists()
    # as of a later year it is fine; moving it into the closed year is refused again
    client.post(
        reverse("begroting:openingsreserve_nieuw"),
        formulier(binnenstad, ingangsjaar="2022", vrij_na="2023"),
    )
    reserve = Openingsreserve.objects.get()
    url = reverse("begroting:openingsreserve_bewerken", args=[reserve.pk])
    response = client.post(url, formulier(binnenstad, versie="1"))
    assert response.status_code == 409 and melding in tekst(response)
    reserve.refresh_from_db()
    assert reserve.ingangsjaar == 2022
    # a note changes no figure and is always allowed
    client.post(
        url,
        formulier(
            binnenstad, ingangsjaar="2022", vrij_na="2023", toelichting="Besluit B&W", versie="1"
        ),
    )
    reserve.refresh_from_db()
    assert reserve.toelichting == "Besluit B&W"


def test_deleting_is_refused_while_a_year_it_counts_in_is_closed(
    client, financien, coordinator, binnenstad
):
    reserve = Openingsreserve.objects.create(
        gebied=binnenstad, bedrag=D("5000"), ingangsjaar=2021, vrij_na=2022
    )
    Begrotingsjaar.objects.filter(jaar=2021).update(gesloten=True)
    url = reverse("begroting:openingsreserve_verwijderen", args=[reserve.pk])
    client.force_login(financien)
    assert (
        "Weet u zeker dat u openingsreserve „Openingsreserve Binnenstad” wilt verwijderen?"
        in tekst(client.get(url))
    )
    response = client.post(url, follow=True)
    assert "2021 is gesloten en de reserve van dat jaar zou hierdoor veranderen." in tekst(response)
    assert Openingsreserve.objects.exists()
    client.force_login(coordinator)
    client.post(reverse("begroting:heropenen", args=[2021]))
    client.force_login(financien)
    response = client.post(url, follow=True)
    assert "Openingsreserve Binnenstad is verwijderd." in tekst(response)
    assert not Openingsreserve.objects.exists()


@pytest.mark.parametrize("rol", ["raadslid", "wijkambtenaar_a"])
def test_only_finance_and_coordinators_manage_opening_reserves(client, request, rol, binnenstad):
    reserve = Openingsreserve.objects.create(
        gebied=binnenstad, bedrag=D("5000"), ingangsjaar=2021, vrij_na=2022
    )
    client.force_login(request.getfixturevalue(rol))
    assert client.get(reverse("begroting:openingsreserves")).status_code == 403
    nieuw = client.post(reverse("begroting:openingsreserve_nieuw"), formulier(GebiedFactory()))
    wijzig = client.post(
        reverse("begroting:openingsreserve_bewerken", args=[reserve.pk]),
        formulier(binnenstad, bedrag="1", versie="1"),
    )
    weg = client.post(reverse("begroting:openingsreserve_verwijderen", args=[reserve.pk]))
    assert [nieuw.status_code, wijzig.status_code, weg.status_code] == [403, 403, 403]
    reserve.refresh_from_db()
    assert reserve.bedrag == D("5000") and Openingsreserve.objects.count() == 1


def test_list_and_year_page_query_counts_are_constant(
    client, financien, django_assert_max_num_queries
):
    for i in range(30):
        gebied = GebiedFactory()
        Openingsreserve.objects.create(
            gebied=gebied, bedrag=D("1000"), ingangsjaar=2020, vrij_na=2022
        )
        for jaar in (2020, 2021):
            post(jaar, gebied, "1000", "1500", naam=f"Wijkbudget {i}")
    client.force_login(financien)
    with django_assert_max_num_queries(5):
        pagina = tekst(client.get(reverse("begroting:openingsreserves")))
    assert pagina.count("€ 1.000,00") == 30
    with django_assert_max_num_queries(8):
        pagina = tekst(client.get(reverse("begroting:jaar", args=[2021])))
    assert pagina.count("gedekt uit de openingsreserve") == 30


def test_superusers_manage_opening_reserves_in_the_admin(client, binnenstad):
    reserve = Openingsreserve.objects.create(
        gebied=binnenstad, bedrag=D("5000"), ingangsjaar=2021, vrij_na=2022
    )
    client.force_login(UserFactory(username="beheerder", is_superuser=True, is_staff=True))
    prefix = "admin:begroting_openingsreserve"
    assert client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert client.get(reverse(f"{prefix}_add")).status_code == 200
    assert client.get(reverse(f"{prefix}_change", args=[reserve.pk])).status_code == 200
    assert client.get(reverse(f"{prefix}_history", args=[reserve.pk])).status_code == 200
