"""Every URL of the application against every role, for GET and POST.

The list of URLs comes from the URL configuration itself: a new view without a rule here makes
`test_every_url_has_a_rule` fail, so no view can be added without deciding who may use it.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import URLResolver, get_resolver, reverse

from begroting.models import Begrotingsjaar, Begrotingspost, Openingsreserve
from gebieden.models import Activiteit, Doel, Doeloordeel, Gebiedsimport, Visie
from initiatieven.models import Aanvraag, Initiatiefnemer
from kern.rollen import Groep
from rapportage.models import Opdracht
from tests.gebieden.factories import (
    FocuspuntFactory,
    GebiedFactory,
    PartnerFactory,
    PersoonFactory,
    PlatformFactory,
    ThemaFactory,
    ToewijzingFactory,
)
from tests.initiatieven.factories import InitiatiefFactory, RegelingFactory
from tests.kern.factories import UserFactory
from tests.rapportage.factories import ParagraafFactory, PublicatieFactory
from wijkprofiel.models import Profielimport

pytestmark = pytest.mark.django_db

ROLLEN = ["anoniem", "raadslid", "financien", "wijk_b", "wijk_a", "coordinator"]
ALLE = {"raadslid", "financien", "wijk_b", "wijk_a", "coordinator"}
WERKPLEK = {"wijk_a", "wijk_b", "coordinator"}
GEBIED_A = {"wijk_a", "coordinator"}
FIN = {"financien", "coordinator"}
COORD = {"coordinator"}
GEEN: set = set()


def alle_url_namen():
    def loop(patronen, namespace=None):
        for p in patronen:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":
                    continue  # the Django admin has its own staff-only checks
                yield from loop(p.url_patterns, p.namespace or namespace)
            else:
                yield f"{namespace}:{p.name}" if namespace else p.name

    return sorted(set(loop(get_resolver().url_patterns)))


class Wereld:
    def __init__(self):
        self.a = GebiedFactory(naam="A")
        self.b = GebiedFactory(naam="B")
        self.gebruikers = {
            "raadslid": UserFactory(username="raadslid", groepen=[Groep.RAADSLID]),
            "financien": UserFactory(username="financien", groepen=[Groep.FINANCIEN]),
            "coordinator": UserFactory(username="coordinator", groepen=[Groep.COORDINATOR]),
        }
        for rol, gebied in (("wijk_a", self.a), ("wijk_b", self.b)):
            user = UserFactory(username=rol, groepen=[Groep.WIJKAMBTENAAR])
            ToewijzingFactory(gebied=gebied, persoon=PersoonFactory(gebruiker=user))
            self.gebruikers[rol] = user
        self.platform = PlatformFactory(gebied=self.a)
        self.visie = Visie.objects.create(
            gebied=self.a, soort="wijkvisie", titel="V", status="in_voorbereiding"
        )
        self.visie.document.save("v.pdf", ContentFile(b"%PDF-1.7"))
        self.doel = Doel.objects.create(visie=self.visie, titel="D", van_jaar=2019)
        Doeloordeel.objects.create(doel=self.doel, jaar=2020, oordeel="op_koers")
        self.toewijzing = ToewijzingFactory(gebied=self.a, rol="buurtverbinder")
        self.persoon, self.partner, self.thema = PersoonFactory(), PartnerFactory(), ThemaFactory()
        self.punt = FocuspuntFactory(gebied=self.a)
        self.activiteit = Activiteit.objects.create(
            gebied=self.a, datum=datetime.date(2021, 3, 1), soort="signaleren", omschrijving="A"
        )
        self.jaar = Begrotingsjaar.objects.create(jaar=2021)
        Begrotingspost.objects.create(jaar=self.jaar, gebied=self.a, naam="Wijkbudget")
        self.initiatief = InitiatiefFactory(gebied=self.a)
        self.nemer = Initiatiefnemer.objects.create(initiatief=self.initiatief, naam="N")
        self.regeling = RegelingFactory()
        self.aanvraag = Aanvraag.objects.create(
            initiatief=self.initiatief,
            regeling=self.regeling,
            bedrag_gevraagd=Decimal("100"),
            ontvangen_op=datetime.date(2021, 1, 1),
        )
        paragraaf = ParagraafFactory(jaar=2020)
        for versie in (1, 2):
            PublicatieFactory(paragraaf=paragraaf, versie=versie)
        self.opdracht = Opdracht.objects.create(
            paragraaf=paragraaf,
            jaar=2020,
            soort=Opdracht.Soort.CONCEPT_PDF,
            status=Opdracht.Status.KLAAR,
        )
        self.opdracht.bestand.save("concept.pdf", ContentFile(b"%PDF-1.7"))


def openingsreserve(w):
    """Area A's opening reserve, as of the world's open year."""
    return Openingsreserve.objects.get_or_create(
        gebied=w.a, defaults={"bedrag": Decimal("100"), "ingangsjaar": 2021, "vrij_na": 2022}
    )[0]


def profielimport(w):
    """An upload of figures for the wijkprofiel that was read and waits for the confirmation."""
    return Profielimport.objects.create(
        soort=Profielimport.Soort.CIJFERS,
        bestand="imports/wijkprofiel/leeg.csv",
        bestandsnaam="leeg.csv",
        status=Profielimport.Status.KLAAR,
        plan={"soort": "cijfers", "tabel": "x", "jaren": [], "regios": [], "waarden": []}
        | {"gewijzigd": [], "herkend": [], "genegeerd": [], "buiten_gemeente": 0},
    )


def gebiedsimport(w):
    """An import of areas that was read and waits for the confirmation."""
    return Gebiedsimport.objects.create(
        bron="eigen",
        bestand="imports/gebieden/leeg.csv",
        bestandsnaam="leeg.csv",
        status=Gebiedsimport.Status.KLAAR,
        plan={"bron": "eigen", "nieuw": [], "bestaand": [], "problemen": [], "gelezen": 0},
    )


# url name → (arguments from the world, query string, who may GET, who may POST)
# None for GET or POST: that method is not offered (405 for whoever passes the role check).
R = {
    "gebieden:start": (lambda w: [], "", ALLE, None),
    "login": (lambda w: [], "", None, None),
    "gezond": (lambda w: [], "", None, None),
    "gereed": (lambda w: [], "", None, None),
    "logout": (lambda w: [], "", None, None),
    "wachtwoord_instellen": (lambda w: ["MQ", "ongeldig"], "", None, None),
    "password_change": (lambda w: [], "", ALLE, ALLE),
    "gebieden:werkplek": (lambda w: [], "", WERKPLEK, None),
    "gebieden:focuspunt_lijst": (lambda w: [], "", WERKPLEK, None),
    "gebieden:focuspunt_nieuw": (lambda w: [w.a.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:focuspunt_detail": (lambda w: [w.a.pk, w.punt.pk], "", WERKPLEK, GEBIED_A),
    "gebieden:focuspunt_update": (lambda w: [w.a.pk, w.punt.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:activiteit_nieuw": (lambda w: [w.a.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:activiteit_wijzigen": (lambda w: [w.a.pk, w.activiteit.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:historie": (lambda w: [w.a.pk], "", COORD, None),
    "gebieden:lijst": (lambda w: [], "", ALLE, None),
    "gebieden:nieuw": (lambda w: [], "", COORD, COORD),
    "gebieden:detail": (lambda w: [w.a.pk], "", ALLE, None),
    "gebieden:bewerken": (lambda w: [w.a.pk], "", COORD, COORD),
    "gebieden:verwijderen": (lambda w: [w.a.pk], "", COORD, COORD),
    "gebieden:platform_nieuw": (lambda w: [w.a.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:platform_bewerken": (lambda w: [w.a.pk, w.platform.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:platform_verwijderen": (lambda w: [w.a.pk, w.platform.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:visie_nieuw": (lambda w: [w.a.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:visie_bewerken": (lambda w: [w.a.pk, w.visie.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:visie_verwijderen": (lambda w: [w.a.pk, w.visie.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:visie_document": (lambda w: [w.a.pk, w.visie.pk], "", ALLE, None),
    "gebieden:doel_nieuw": (lambda w: [w.a.pk, w.visie.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:doel_bewerken": (lambda w: [w.a.pk, w.doel.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:doel_verwijderen": (lambda w: [w.a.pk, w.doel.pk], "", GEBIED_A, GEBIED_A),
    "gebieden:doel_oordeel": (lambda w: [w.a.pk, w.doel.pk], "?jaar=2020", GEBIED_A, GEBIED_A),
    "gebieden:toewijzing_nieuw": (lambda w: [w.a.pk], "", COORD, COORD),
    "gebieden:toewijzing_bewerken": (lambda w: [w.a.pk, w.toewijzing.pk], "", COORD, COORD),
    "gebieden:toewijzing_verwijderen": (lambda w: [w.a.pk, w.toewijzing.pk], "", COORD, COORD),
    "gebieden:persoon_lijst": (lambda w: [], "", COORD, None),
    "gebieden:persoon_nieuw": (lambda w: [], "", COORD, COORD),
    "gebieden:persoon_bewerken": (lambda w: [w.persoon.pk], "", COORD, COORD),
    "gebieden:persoon_verwijderen": (lambda w: [w.persoon.pk], "", COORD, COORD),
    "gebieden:persoon_account": (lambda w: [w.persoon.pk], "", COORD, COORD),
    "gebieden:partner_lijst": (lambda w: [], "", COORD, None),
    "gebieden:partner_nieuw": (lambda w: [], "", COORD, COORD),
    "gebieden:partner_bewerken": (lambda w: [w.partner.pk], "", COORD, COORD),
    "gebieden:partner_verwijderen": (lambda w: [w.partner.pk], "", COORD, COORD),
    "gebieden:thema_lijst": (lambda w: [], "", COORD, None),
    "gebieden:thema_nieuw": (lambda w: [], "", COORD, COORD),
    "gebieden:thema_bewerken": (lambda w: [w.thema.pk], "", COORD, COORD),
    "gebieden:thema_verwijderen": (lambda w: [w.thema.pk], "", COORD, COORD),
    "gebieden:beheer": (lambda w: [], "", COORD, None),
    "gebieden:toegankelijkheid": (lambda w: [], "", None, None),  # public, linked from the footer
    "gebieden:gemeente": (lambda w: [], "", COORD, COORD),
    "gebieden:gemeente_logo": (lambda w: [], "", None, None),  # public, as the header is
    "gebieden:gemeente_huisstijl": (lambda w: [], "", None, None),  # public, as the logo
    "gebieden:volgorde": (lambda w: [], "", COORD, COORD),
    "gebieden:gebiedsimport": (lambda w: [], "", COORD, COORD),
    "wijkprofiel:start": (lambda w: [], "", COORD, None),
    "wijkprofiel:import": (lambda w: [], "", COORD, COORD),
    "wijkprofiel:import_stand": (lambda w: [profielimport(w).pk], "", COORD, COORD),
    "wijkprofiel:buurten": (lambda w: [], "", COORD, COORD),
    "wijkprofiel:keuze": (lambda w: [], "", COORD, COORD),
    "gebieden:gebiedsimport_stand": (lambda w: [gebiedsimport(w).pk], "", COORD, COORD),
    "begroting:jaren": (lambda w: [], "", ALLE, None),
    "begroting:dit_jaar": (lambda w: [], "", ALLE, None),
    "begroting:jaar": (lambda w: [2021], "", ALLE, None),
    "begroting:grid": (lambda w: [2021], "", FIN, FIN),
    "begroting:sluiten": (lambda w: [2021], "", FIN, FIN),
    "begroting:heropenen": (lambda w: [2021], "", COORD, COORD),
    "begroting:importeren": (lambda w: [2021], "", FIN, FIN),
    "begroting:geschiedenis": (lambda w: [2021], "", FIN, None),
    "begroting:export": (lambda w: [2021], "", ALLE, None),
    "begroting:volgend_jaar": (lambda w: [2021], "", FIN, FIN),
    "begroting:openen": (lambda w: [], "", FIN, FIN),
    "begroting:openingsreserves": (lambda w: [], "", FIN, None),
    "begroting:openingsreserve_nieuw": (lambda w: [], "", FIN, FIN),
    "begroting:openingsreserve_bewerken": (lambda w: [openingsreserve(w).pk], "", FIN, FIN),
    "begroting:openingsreserve_verwijderen": (lambda w: [openingsreserve(w).pk], "", FIN, FIN),
    "initiatieven:lijst": (lambda w: [], "", WERKPLEK, None),
    "initiatieven:nieuw": (lambda w: [], "", WERKPLEK, WERKPLEK),
    "initiatieven:cijfers": (lambda w: [], "", WERKPLEK, None),
    "initiatieven:detail": (lambda w: [w.initiatief.pk], "", WERKPLEK, None),
    "initiatieven:bewerken": (lambda w: [w.initiatief.pk], "", GEBIED_A, GEBIED_A),
    "initiatieven:status": (lambda w: [w.initiatief.pk], "", GEBIED_A, GEBIED_A),
    "initiatieven:initiatiefnemers": (lambda w: [w.initiatief.pk], "", GEBIED_A, GEBIED_A),
    "initiatieven:initiatiefnemer": (
        lambda w: [w.initiatief.pk, w.nemer.pk],
        "",
        GEBIED_A,
        GEBIED_A,
    ),
    "initiatieven:aanvraag": (lambda w: [w.initiatief.pk], "", GEBIED_A, GEBIED_A),
    "initiatieven:besluit": (lambda w: [w.initiatief.pk, w.aanvraag.pk], "", COORD, COORD),
    "initiatieven:verantwoording": (lambda w: [w.initiatief.pk, w.aanvraag.pk], "", COORD, COORD),
    "initiatieven:regeling_lijst": (lambda w: [], "", COORD, None),
    "initiatieven:regeling_nieuw": (lambda w: [], "", COORD, COORD),
    "initiatieven:regeling_bewerken": (lambda w: [w.regeling.pk], "", COORD, COORD),
    "initiatieven:regeling_verwijderen": (lambda w: [w.regeling.pk], "", COORD, COORD),
    "rapportage:index": (lambda w: [], "", ALLE, None),
    "rapportage:laatste": (lambda w: [], "", ALLE, None),
    "rapportage:voorbeeld_tekst": (lambda w: [], "", COORD, COORD),
    "rapportage:nieuw": (lambda w: [], "", COORD, COORD),
    "rapportage:gepubliceerd": (lambda w: [2020], "", ALLE, None),
    "rapportage:bewerken": (lambda w: [2020], "", COORD, COORD),
    "rapportage:concept": (lambda w: [2020], "", COORD, None),
    "rapportage:concept_pdf": (lambda w: [2020], "", COORD, COORD),
    "rapportage:financien": (lambda w: [2021], "", FIN, FIN),
    "rapportage:opdracht": (lambda w: [w.opdracht.pk], "", COORD, COORD),
    "rapportage:opdracht_pdf": (lambda w: [w.opdracht.pk], "", COORD, None),
    "rapportage:publiceren": (lambda w: [2020], "", COORD, COORD),
    "rapportage:verschil": (lambda w: [2020], "?van=1&naar=2", ALLE, None),
    "rapportage:versie": (lambda w: [2020, 1], "", ALLE, None),
    "rapportage:pdf": (lambda w: [2020, 1], "", ALLE, None),
    "rapportage:open_data": (lambda w: [2020, 1, "json"], "", ALLE, None),
}
# checked separately below and in tests/gebieden/test_accounts.py
ZONDER_ROLCONTROLE = {
    "login",
    "logout",
    "gezond",
    "gereed",
    "wachtwoord_instellen",
    "gebieden:gemeente_logo",
    "gebieden:gemeente_huisstijl",
    "gebieden:toegankelijkheid",
}


def test_every_url_has_a_rule():
    zonder = [naam for naam in alle_url_namen() if naam not in R]
    assert zonder == [], f"Views zonder regel in de permissiematrix: {zonder}"


def verwacht(rol: str, toegestaan: set | None) -> set[int]:
    if rol == "anoniem":
        return {302}
    if toegestaan is None:
        return {403, 405}  # method not offered: refused by role, or not allowed at all
    if rol in toegestaan:
        return {200, 302, 400, 409}  # allowed: shown, done, or a Dutch validation answer
    return {403}


@pytest.mark.parametrize("naam", sorted(set(R) - ZONDER_ROLCONTROLE))
def test_every_role_gets_the_expected_answer(client, naam):
    wereld = Wereld()
    args, query, get_rollen, post_rollen = R[naam]
    url = reverse(naam, args=args(wereld)) + query
    for rol in ROLLEN:
        client.logout()
        if rol != "anoniem":
            client.force_login(wereld.gebruikers[rol])
        for methode, toegestaan in (("get", get_rollen), ("post", post_rollen)):
            with transaction.atomic():  # what one role's POST changes, the next does not see
                response = getattr(client, methode)(url)
                transaction.set_rollback(True)
            assert response.status_code in verwacht(rol, toegestaan), (
                naam,
                rol,
                methode,
                response.status_code,
            )
            if rol == "anoniem":
                assert reverse("login") in response["Location"]


def test_health_check_is_public_and_get_only(client):
    assert client.get(reverse("gezond")).content == b"ok"
    assert client.post(reverse("gezond")).status_code == 405


def test_login_and_logout(client):
    wereld = Wereld()
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("logout")).status_code == 405
    client.force_login(wereld.gebruikers["raadslid"])
    assert client.get(reverse("login")).status_code == 302  # already logged in
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("gebieden:start")).status_code == 302


def test_every_address_that_takes_a_form_also_answers_a_get():
    """Post/redirect/get: a refused submit is shown again at an address that also answers GET
    (its form, or its confirmation page), so a reload or Enter in the address bar never gives
    the browser's 405 page."""
    alleen_post = sorted(naam for naam, (_a, _q, get, post) in R.items() if post and not get)
    assert alleen_post == []
