"""Hostile input (hypothesis): random and malicious text at the forms and the import. The answer
is a page or a Dutch validation message, never a server error, and what is shown afterwards
never contains executable markup."""

import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from begroting.importeren import OnleesbaarBestand, lees_bestand, plan_import
from begroting.models import Begrotingsjaar
from kern.bedragen import OngeldigBedrag, lees_bedrag
from rapportage.models import Paragraaf
from tests.gebieden.factories import GebiedFactory
from tests.kern.factories import UserFactory

pytestmark = pytest.mark.django_db

KWAADAARDIG = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    '=HYPERLINK("http://example.com")',
    "'; DROP TABLE gebieden_gebied; --",
    "\x00\x01\x1b[31m",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ ĳsbeer Ærø",
    "1.234,56",
    "1,234.56",
    "-0,00",
    "9" * 400,
]
teksten = st.one_of(st.sampled_from(KWAADAARDIG), st.text(max_size=300))
INSTELLINGEN = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def schoon(html: str) -> bool:
    """No injected element survived: escaped text like &lt;img onerror=…&gt; is harmless."""
    return not re.search(r"<script>alert|<img[^>]*onerror", html)


@pytest.fixture
def coordinator_client(client):
    from kern.rollen import Groep

    client.force_login(UserFactory(username="coord", groepen=[Groep.COORDINATOR]))
    return client


@INSTELLINGEN
@given(naam=teksten, code=teksten, omschrijving=teksten)
def test_area_form(coordinator_client, naam, code, omschrijving):
    response = coordinator_client.post(
        reverse("gebieden:nieuw"),
        {"naam": naam, "soort": "wijk", "cbs_code": code, "omschrijving": omschrijving},
    )
    assert response.status_code in (200, 302, 400)
    assert schoon(coordinator_client.get(reverse("gebieden:lijst")).content.decode())


@INSTELLINGEN
@given(titel=teksten, toelichting=teksten, notitie=teksten, datum=teksten)
def test_focus_point_and_update_forms(coordinator_client, titel, toelichting, notitie, datum):
    gebied = GebiedFactory()
    response = coordinator_client.post(
        reverse("gebieden:focuspunt_nieuw", args=[gebied.pk]),
        {"titel": titel, "status": "loopt", "toelichting": toelichting},
    )
    assert response.status_code in (302, 400)
    punt = gebied.focuspunten.first()
    if punt:
        p = f"update-{punt.pk}"
        response = coordinator_client.post(
            reverse("gebieden:focuspunt_update", args=[gebied.pk, punt.pk]),
            {f"{p}-status": "loopt", f"{p}-datum": datum, f"{p}-notitie": notitie},
        )
        assert response.status_code in (302, 400)
    pagina = coordinator_client.get(gebied.get_absolute_url()).content.decode()
    assert schoon(pagina)


@INSTELLINGEN
@given(titel=teksten, nemer=teksten, contact=teksten, deelnemers=teksten)
def test_initiative_form(coordinator_client, titel, nemer, contact, deelnemers):
    gebied = GebiedFactory()
    response = coordinator_client.post(
        reverse("initiatieven:nieuw"),
        {
            "titel": titel,
            "gebied": gebied.pk,
            "status": "aangemeld",
            "datum": "2020-01-01",
            "initiatiefnemer": nemer,
            "contact": contact,
            "deelnemers": deelnemers,
        },
    )
    assert response.status_code in (302, 400)
    assert schoon(coordinator_client.get(reverse("initiatieven:lijst")).content.decode())


@INSTELLINGEN
@given(tekst=teksten)
def test_amount_parser_answers_a_number_or_a_dutch_message(tekst):
    try:
        lees_bedrag(tekst)
    except OngeldigBedrag as fout:
        assert str(fout)


@INSTELLINGEN
@given(cellen=st.lists(st.lists(teksten, min_size=4, max_size=4), max_size=6))
def test_import_never_fails_unexpectedly(cellen):
    jaar, _ = Begrotingsjaar.objects.get_or_create(jaar=2021)
    regels = ["gebied;naam;begroting na wijziging;realisatie"] + [
        ";".join(c.replace(";", ",").replace("\n", " ").replace("\r", " ") for c in rij)
        for rij in cellen
    ]
    try:
        plan = plan_import(
            jaar, lees_bestand("x.csv", "\n".join(regels).encode("utf-8", "surrogatepass"))
        )
    except (OnleesbaarBestand, UnicodeEncodeError):
        return
    for probleem in plan.problemen:
        assert probleem.rij >= 2 and probleem.melding


@INSTELLINGEN
@given(inleiding=teksten)
def test_paragraph_texts_are_sanitised_on_the_page(coordinator_client, inleiding):
    bestaand = Paragraaf.objects.filter(jaar=2020).first()  # made by an earlier example
    response = coordinator_client.post(
        reverse("rapportage:bewerken", args=[2020]) if bestaand else reverse("rapportage:nieuw"),
        {
            "jaar": 2020,
            "nummer": "5",
            "titel": "Gebiedsgericht werken",
            "inleiding": inleiding + "<script>alert(1)</script>",
            "slottekst": inleiding,
            "versie": bestaand.versie if bestaand else "",
        },
    )
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        pagina = coordinator_client.get(reverse("rapportage:concept", args=[2020])).content.decode()
        assert schoon(pagina)


@INSTELLINGEN
@given(naam=teksten)
def test_import_refuses_text_a_database_cannot_store(naam):
    jaar, _ = Begrotingsjaar.objects.get_or_create(jaar=2021)
    regel = "Algemeen;" + naam.replace(";", ",").replace("\n", " ").replace("\r", " ") + "\x00;1;1"
    inhoud = ("gebied;naam;begroting na wijziging;realisatie\n" + regel).encode(
        "utf-8", "surrogatepass"
    )
    try:
        plan = plan_import(jaar, lees_bestand("x.csv", inhoud))
    except (OnleesbaarBestand, UnicodeEncodeError):
        return
    assert not plan.geldig
