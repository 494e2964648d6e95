"""The initiative's page and what is posted from it: applications, and a decision or an
accountability posted on an application someone else changed in the meantime."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from initiatieven import services
from initiatieven.models import Aanvraag
from tests.initiatieven.factories import AanvraagFactory, InitiatiefFactory, RegelingFactory

pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def test_an_application_posted_from_the_page_is_listed_there(client, wijkambtenaar_a, gebied_a):
    initiatief = InitiatiefFactory(gebied=gebied_a)
    regeling = RegelingFactory(naam="Wijkbudget")
    client.force_login(wijkambtenaar_a)
    response = client.post(
        reverse("initiatieven:aanvraag", args=[initiatief.pk]),
        {
            "regeling": regeling.pk,
            "bedrag_gevraagd": "1.800,00",
            "ontvangen_op": "2020-03-01",
        },
        follow=True,
    )
    pagina = tekst(response)
    assert "De aanvraag is vastgelegd." in pagina
    assert "Wijkbudget: € 1.800,00 gevraagd" in pagina
    assert Aanvraag.objects.get().bedrag_gevraagd == Decimal("1800")


def test_an_invalid_application_shows_the_page_again_with_what_was_typed(
    client, wijkambtenaar_a, gebied_a
):
    initiatief = InitiatiefFactory(gebied=gebied_a)
    client.force_login(wijkambtenaar_a)
    response = client.post(
        reverse("initiatieven:aanvraag", args=[initiatief.pk]),
        {"bedrag_gevraagd": "-5", "ontvangen_op": "2020-03-01"},
    )
    assert response.status_code == 400
    assert "Een bedrag kan niet negatief zijn." in tekst(response)
    assert not Aanvraag.objects.exists()


def beslis(aanvraag, versie, besluit="toegekend"):
    return services.beslis(
        aanvraag=aanvraag,
        besluit=besluit,
        bedrag=None if besluit == "afgewezen" else Decimal("1000"),
        datum=datetime.date(2020, 4, 1),
        reden="Goed plan",
        versie=versie,
    )


def verantwoord(aanvraag, versie):
    return services.verantwoord(
        aanvraag=aanvraag,
        ontvangen_op=datetime.date(2020, 11, 1),
        bedrag_vastgesteld=Decimal("800"),
        opmerkingen="Door een collega vastgelegd",
        versie=versie,
    )


def besluit_formulier(aanvraag, versie):
    a = aanvraag.pk
    return {
        f"besluit-{a}-besluit": "afgewezen",
        f"besluit-{a}-besluit_op": "2020-06-01",
        f"besluit-{a}-reden": "Past niet",
        f"besluit-{a}-versie": versie,
    }


def verantwoording_formulier(aanvraag, versie):
    a = aanvraag.pk
    return {
        f"verantwoording-{a}-ontvangen_op": "2020-12-01",
        f"verantwoording-{a}-bedrag_vastgesteld": "900",
        f"verantwoording-{a}-versie": versie,
    }


def post_na_een_collega(client, naam, formulier, aanvraag, geopend):
    """Post the page's form, opened at version `geopend`: refused with 409, the colleague's
    change stays, and the page shows what was typed with the new version in the form."""
    voor = Aanvraag.objects.values().get()
    response = client.post(
        reverse(f"initiatieven:{naam}", args=[aanvraag.initiatief_id, aanvraag.pk]),
        formulier(aanvraag, geopend),
    )
    pagina = tekst(response)
    assert response.status_code == 409
    assert "Iemand anders heeft deze aanvraag intussen gewijzigd." in pagina
    assert Aanvraag.objects.values().get() == voor
    nu = Aanvraag.objects.get().versie
    assert f'name="{naam}-{aanvraag.pk}-versie" value="{nu}"' in pagina
    return pagina


def test_a_decision_on_an_application_decided_meanwhile_is_refused_in_dutch(client, coordinator):
    aanvraag = AanvraagFactory()
    geopend = aanvraag.versie
    beslis(Aanvraag.objects.get(), geopend)
    client.force_login(coordinator)
    pagina = post_na_een_collega(client, "besluit", besluit_formulier, aanvraag, geopend)
    assert Aanvraag.objects.get().besluit == "toegekend"
    assert "Past niet" in pagina  # the reason that was typed


def test_an_accountability_recorded_meanwhile_is_not_overwritten(client, coordinator):
    aanvraag = AanvraagFactory()
    beslis(aanvraag, aanvraag.versie)
    geopend = aanvraag.versie
    verantwoord(Aanvraag.objects.get(), geopend)
    client.force_login(coordinator)
    pagina = post_na_een_collega(
        client, "verantwoording", verantwoording_formulier, aanvraag, geopend
    )
    assert Aanvraag.objects.get().bedrag_vastgesteld == Decimal("800")
    assert 'value="900"' in pagina  # the amount that was typed


def test_the_page_offers_its_actions_as_buttons_to_pages_of_their_own(
    client, coordinator, gebied_a
):
    initiatief = InitiatiefFactory(gebied=gebied_a)
    open_aanvraag = AanvraagFactory(initiatief=initiatief)
    toegekend = AanvraagFactory(initiatief=initiatief)
    beslis(toegekend, toegekend.versie)
    client.force_login(coordinator)
    pagina = tekst(client.get(initiatief.get_absolute_url()))
    knop = '<a class="utrecht-button-link utrecht-button-link--html-a'
    for naam, args, tekst_van_knop in [
        ("status", [initiatief.pk], "Status bijwerken"),
        ("aanvraag", [initiatief.pk], "Aanvraag vastleggen"),
        ("besluit", [initiatief.pk, open_aanvraag.pk], "Besluiten"),
        ("verantwoording", [initiatief.pk, toegekend.pk], "Verantwoording vastleggen"),
    ]:
        url = reverse(f"initiatieven:{naam}", args=args)
        assert f'{knop} utrecht-button-link--secondary-action" href="{url}">{tekst_van_knop}' in (
            pagina
        ), naam
    assert "<details" not in pagina and "<form" not in pagina.split("<main", 1)[1]
    besluit = reverse("initiatieven:besluit", args=[initiatief.pk, toegekend.pk])
    assert besluit not in pagina  # decided: no second decision offered


def test_an_official_of_the_area_sees_no_decision_buttons(client, wijkambtenaar_a, gebied_a):
    initiatief = InitiatiefFactory(gebied=gebied_a)
    aanvraag = AanvraagFactory(initiatief=initiatief)
    client.force_login(wijkambtenaar_a)
    pagina = tekst(client.get(initiatief.get_absolute_url()))
    assert reverse("initiatieven:aanvraag", args=[initiatief.pk]) in pagina
    assert reverse("initiatieven:besluit", args=[initiatief.pk, aanvraag.pk]) not in pagina
    besluit = client.get(reverse("initiatieven:besluit", args=[initiatief.pk, aanvraag.pk]))
    assert besluit.status_code == 403


@pytest.mark.parametrize(
    ("naam", "kop", "veld", "knop"),
    [
        ("status", "Status bijwerken", 'name="status"', "Status opslaan"),
        ("aanvraag", "Aanvraag vastleggen", 'name="regeling"', "Aanvraag opslaan"),
        ("besluit", "Besluiten over de aanvraag", "-besluit", "Besluit vastleggen"),
    ],
)
def test_each_form_has_a_page_of_its_own_with_a_way_back(
    client, coordinator, gebied_a, naam, kop, veld, knop
):
    initiatief = InitiatiefFactory(gebied=gebied_a, titel="Buurttuin")
    aanvraag = AanvraagFactory(initiatief=initiatief, regeling=RegelingFactory(naam="Wijkbudget"))
    args = [initiatief.pk, aanvraag.pk] if naam == "besluit" else [initiatief.pk]
    client.force_login(coordinator)
    antwoord = client.get(reverse(f"initiatieven:{naam}", args=args))
    pagina = tekst(antwoord)
    assert antwoord.status_code == 200
    assert f'<h1 class="utrecht-heading-1">{kop}</h1>' in pagina
    assert "Initiatief „Buurttuin” in Schilderskwartier, nu aangemeld." in pagina
    assert veld in pagina and f"{knop}</button>" in pagina
    assert f'href="{initiatief.get_absolute_url()}">Buurttuin</a>' in pagina  # breadcrumb
    assert "autofocus" not in pagina  # no error summary before a submit
    if naam == "besluit":
        assert "Wijkbudget: € 1.000,00 gevraagd" in pagina and "Nog geen besluit" in pagina


def test_a_refused_status_shows_its_page_again_and_a_saved_one_goes_back(
    client, wijkambtenaar_a, gebied_a
):
    initiatief = InitiatiefFactory(gebied=gebied_a)
    url = reverse("initiatieven:status", args=[initiatief.pk])
    client.force_login(wijkambtenaar_a)
    fout = client.post(url, {"status": "lopend", "datum": "2999-01-01", "toelichting": "Start"})
    pagina = tekst(fout)
    assert fout.status_code == 400
    assert '<h1 class="utrecht-heading-1">Status bijwerken</h1>' in pagina
    assert 'role="alert" tabindex="-1" autofocus' in pagina
    assert "De datum kan niet in de toekomst liggen." in pagina and 'value="Start"' in pagina
    assert client.get(url).status_code == 200  # the address still shows the form

    goed = client.post(url, {"status": "lopend", "datum": "2020-06-01"})
    assert goed.status_code == 302 and goed["Location"] == initiatief.get_absolute_url()
    initiatief.refresh_from_db()
    assert initiatief.status == "lopend"


def test_a_saved_decision_goes_back_to_the_applications(client, coordinator, gebied_a):
    aanvraag = AanvraagFactory(initiatief=InitiatiefFactory(gebied=gebied_a))
    client.force_login(coordinator)
    terug = aanvraag.initiatief.get_absolute_url() + "#aanvragen"
    besluit = client.post(
        reverse("initiatieven:besluit", args=[aanvraag.initiatief_id, aanvraag.pk]),
        besluit_formulier(aanvraag, aanvraag.versie),
    )
    assert besluit.status_code == 302 and besluit["Location"] == terug
    assert Aanvraag.objects.get().besluit == "afgewezen"


def test_the_accountability_page_waits_for_a_grant(client, coordinator, gebied_a):
    aanvraag = AanvraagFactory(initiatief=InitiatiefFactory(gebied=gebied_a))
    url = reverse("initiatieven:verantwoording", args=[aanvraag.initiatief_id, aanvraag.pk])
    client.force_login(coordinator)
    wacht = tekst(client.get(url))
    assert (
        "Over deze aanvraag is nog niet besloten." in wacht
        and "<form" not in wacht.split("<main", 1)[1]
    )
    beslis(aanvraag, aanvraag.versie)
    klaar = tekst(client.get(url))
    assert "Verantwoording opslaan</button>" in klaar and 'value="1000,00"' in klaar
    opgeslagen = client.post(url, verantwoording_formulier(aanvraag, Aanvraag.objects.get().versie))
    assert opgeslagen.status_code == 302
    assert Aanvraag.objects.get().bedrag_vastgesteld == Decimal("900")


def test_an_application_of_another_initiative_is_not_found(client, coordinator, gebied_a):
    aanvraag = AanvraagFactory()
    ander = InitiatiefFactory(gebied=gebied_a)
    client.force_login(coordinator)
    for naam in ("besluit", "verantwoording"):
        url = reverse(f"initiatieven:{naam}", args=[ander.pk, aanvraag.pk])
        assert client.get(url).status_code == 404
