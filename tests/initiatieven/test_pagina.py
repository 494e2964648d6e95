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
