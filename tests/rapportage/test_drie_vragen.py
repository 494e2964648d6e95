"""Per area the three questions of a council: what did we want to achieve, what did we do, what
did it cost; the overview beside the year before; and the typed data with its schema."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse

from begroting.models import Begrotingsjaar, Begrotingspost
from gebieden.constants import FocuspuntStatus, Rol
from rapportage.gegevens import SCHEMA_VERSIE, lees, naar_json
from rapportage.models import Paragraaf, Publicatie
from rapportage.samenstellen import samenstellen
from rapportage.services import publiceer
from tests.gebieden.factories import (
    DoelFactory,
    DoeloordeelFactory,
    FocuspuntFactory,
    FocuspuntUpdateFactory,
    GebiedFactory,
    PersoonFactory,
    PlatformFactory,
    ToewijzingFactory,
    VisieFactory,
)
from tests.initiatieven.factories import AanvraagFactory, InitiatiefFactory, RegelingFactory
from tests.rapportage.test_paragraaf import alleen_tekst

pytestmark = pytest.mark.django_db
S = FocuspuntStatus


def punt(gebied, titel, status, *, notitie="", doel=None, mee=False, datum=None):
    datum = datum or datetime.date(2020, 5, 1)
    focuspunt = FocuspuntFactory(
        gebied=gebied, titel=titel, status=status, doel=doel, in_paragraaf=mee, startjaar=datum.year
    )
    FocuspuntUpdateFactory(
        focuspunt=focuspunt,
        datum=datum,
        status=status,
        notitie=notitie,
    )
    return focuspunt


def deel(naam: str, jaar: int = 2020):
    data = samenstellen(Paragraaf.objects.get_or_create(jaar=jaar)[0])
    gebied = next(g for g in data.gebieden if g.naam == naam)
    return gebied, alleen_tekst(
        render_to_string("rapportage/gebied.html", {"g": gebied, "p": data})
    )


def test_goals_in_force_show_their_judgement_as_a_word_and_their_focus_points():
    wijk = GebiedFactory(naam="Noord")
    visie = VisieFactory(gebied=wijk, titel="Wijkvisie Noord")
    groen = DoelFactory(visie=visie, titel="Meer groen in de straat", van_jaar=2019, tot_jaar=2022)
    DoeloordeelFactory(doel=groen, jaar=2020, oordeel="aandacht_nodig", toelichting="Traag.")
    DoeloordeelFactory(doel=groen, jaar=2019, oordeel="op_koers")
    DoelFactory(visie=visie, titel="Een buurthuis", van_jaar=2020)
    DoelFactory(visie=visie, titel="Pas vanaf 2022", van_jaar=2022)
    punt(wijk, "Geveltuinen", S.AFGEROND, doel=groen)
    punt(wijk, "Bomen planten", S.LOOPT, doel=groen)

    gebied, tekst = deel("Noord")
    assert [(d.titel, d.oordeel_tekst, d.punten, d.afgerond) for d in gebied.doelen] == [
        ("Meer groen in de straat", "aandacht nodig", 2, 1),
        ("Een buurthuis", "nog niet beoordeeld", 0, 0),
    ]
    assert "Meer groen in de straat: aandacht nodig (1 van 2 focuspunten afgerond): Traag." in tekst
    html = render_to_string("rapportage/gebied.html", {"g": gebied, "p": None})
    assert '<span class="app-oordeel app-oordeel--aandacht_nodig">aandacht nodig</span>' in html
    assert "Pas vanaf 2022" not in tekst


def test_an_area_without_an_adopted_vision_says_so():
    GebiedFactory(naam="Zuid")
    assert "Geen wijkplatform en geen wijkvisie." in deel("Zuid")[1]
    oost = GebiedFactory(naam="Oost")
    PlatformFactory(gebied=oost, naam="Wijkraad Oost")
    VisieFactory(gebied=oost, titel="Concept", status="in_voorbereiding", vastgesteld_op=None)
    tekst = deel("Oost")[1]
    assert "De gemeente ondersteunt Wijkraad Oost." in tekst
    assert "De wijkvisie „Concept” is in voorbereiding." in tekst
    assert "Er is geen vastgestelde wijkvisie." in tekst


def test_marked_focus_points_are_told_by_result_and_the_rest_is_counted():
    wijk = GebiedFactory(naam="West")
    punt(wijk, "Speeltuin", S.LOOPT, notitie="De aanleg is begonnen.", mee=True)
    punt(wijk, "Bouwweg", S.AFGEROND, mee=True)
    punt(wijk, "Parkeren", S.BLIJFT_AANDACHTSPUNT, mee=True, notitie="Parkeren blijft lastig.")
    for i in range(3):
        punt(wijk, f"Klein {i}", S.AFGEROND if i == 0 else S.LOOPT)

    gebied, tekst = deel("West")
    assert [g.kop for g in gebied.groepen] == ["Afgerond", "Loopt", "Blijft een aandachtspunt"]
    assert "Afgerond. Bouwweg. Loopt. Speeltuin: de aanleg is begonnen." in tekst
    assert "Blijft een aandachtspunt. Parkeren blijft lastig." in tekst  # no "Parkeren: parkeren"
    assert "Daarnaast 3 kleinere aandachtspunten, waarvan 1 afgerond." in tekst
    assert "Klein 1" not in tekst
    assert {f.titel for f in gebied.register} >= {"Klein 0", "Klein 1", "Speeltuin"}


def test_counting_speaks_proper_dutch_in_the_singular():
    wijk = GebiedFactory(naam="Klein")
    punt(wijk, "Eén punt", S.AFGEROND)
    initiatief = InitiatiefFactory(gebied=wijk, deelnemers=1)
    initiatief.overgangen.create(datum=datetime.date(2020, 3, 1), status="aangemeld")
    tekst = deel("Klein")[1]
    assert "1 aandachtspunt, dat is afgerond." in tekst
    assert "1 initiatief van inwoners aangemeld; 1 deelnemer." in tekst


def test_no_sentence_is_printed_twice_in_an_area():
    wijk = GebiedFactory(naam="Dubbel")
    punt(wijk, "Speeltuin", S.LOOPT, mee=True)
    punt(wijk, "speeltuin", S.LOOPT, mee=True)
    _gebied, tekst = deel("Dubbel")
    assert tekst.count("Speeltuin.") + tekst.count("speeltuin.") == 1


def test_everyone_assigned_is_named_with_their_role_the_welzijncoordinator_too():
    dorp = GebiedFactory(naam="Zegveld", soort="dorp")
    ToewijzingFactory(gebied=dorp, rol=Rol.DORPSAMBTENAAR, persoon=PersoonFactory(naam="Thomas"))
    ToewijzingFactory(gebied=dorp, rol=Rol.WELZIJNSCOORDINATOR, persoon=PersoonFactory(naam="Bram"))
    tekst = deel("Zegveld")[1]
    assert "Dorpsambtenaar: Thomas." in tekst and "Welzijncoördinator: Bram." in tekst


def test_work_of_the_officials_is_summarised_by_kind_with_a_count():
    from gebieden.models import Activiteit

    wijk = GebiedFactory(naam="Werk")
    for soort in ["signaleren", "signaleren", "communicatie"]:
        Activiteit.objects.create(
            gebied=wijk, datum=datetime.date(2020, 4, 1), soort=soort, omschrijving="x"
        )
    tekst = deel("Werk")[1]
    assert "Vastgelegd werk van de gemeente: signaleren (2 keer) en communicatie (1 keer)." in tekst


def posten(gebied, jaar, *regels):
    jaarrij, _ = Begrotingsjaar.objects.get_or_create(jaar=jaar)
    for naam, begroting, realisatie in regels:
        Begrotingspost.objects.create(
            jaar=jaarrij,
            gebied=gebied,
            naam=naam,
            begroting_na_wijziging=Decimal(begroting),
            realisatie=Decimal(realisatie),
        )


def test_subsidies_stand_beside_the_line_they_are_paid_from():
    wijk = GebiedFactory(naam="Geld")
    posten(wijk, 2020, ("Wijkbudget Geld", 20000, 18000), ("Leefbaarheid Geld", 10000, 9000))
    regeling = RegelingFactory(naam="Buurtideeën", begrotingspost_naam="Leefbaarheid Geld")
    for toegekend, vastgesteld in [("1500", "1200"), ("500", None)]:
        AanvraagFactory(
            initiatief=InitiatiefFactory(gebied=wijk),
            regeling=regeling,
            besluit="toegekend",
            besluit_op=datetime.date(2020, 4, 1),
            bedrag_toegekend=Decimal(toegekend),
            bedrag_vastgesteld=Decimal(vastgesteld) if vastgesteld else None,
        )
    gebied, tekst = deel("Geld")
    assert [(p.naam, p.begroting, p.realisatie, p.resultaat) for p in gebied.posten] == [
        ("Leefbaarheid Geld", 10, 9, 1),
        ("Wijkbudget Geld", 20, 18, 2),
    ]
    assert (gebied.totaal.begroting, gebied.totaal.resultaat) == (30, 3)
    assert (
        "Uit Leefbaarheid Geld, regeling Buurtideeën: 2 aanvragen, € 2.000 toegekend en € 1.200 "
        "vastgesteld." in tekst
    )


@pytest.mark.parametrize(
    "vorig_resultaat, zin",
    [
        (5000, "De overschrijding van € 2.000 is helemaal uit de reserve gedekt"),
        (
            1000,
            "Van de overschrijding van € 2.000 is € 1.000 uit de reserve gedekt; € 1.000 kon de "
            "reserve niet dekken; de reserve is eind 2020 leeg.",
        ),
        (0, "De overschrijding van € 2.000 kon de reserve niet dekken"),
    ],
)
def test_the_reserve_tells_in_one_sentence_how_far_it_covered_an_overspend(vorig_resultaat, zin):
    wijk = GebiedFactory(naam="Reserve")
    posten(wijk, 2019, ("Wijkbudget", 10000 + vorig_resultaat, 10000))
    posten(wijk, 2020, ("Wijkbudget", 10000, 12000))
    gebied, tekst = deel("Reserve")
    assert zin in tekst
    assert not re.search(r"\.\s", gebied.reserve.zin)  # one sentence


def test_an_underspend_goes_into_the_reserve():
    wijk = GebiedFactory(naam="Over")
    posten(wijk, 2020, ("Wijkbudget", 10000, 7000))
    assert (
        "€ 3.000 is aan de reserve toegevoegd; eind 2020 staat er € 3.000 in de reserve."
        in (deel("Over")[1])
    )


def test_the_overview_compares_with_last_year_computed_when_it_was_not_published():
    wijk = GebiedFactory(naam="Vergelijk")
    punt(wijk, "Oud", S.AFGEROND, datum=datetime.date(2019, 6, 1))
    punt(wijk, "Nieuw", S.AFGEROND)
    posten(wijk, 2019, ("Wijkbudget", 10000, 10000))
    posten(wijk, 2020, ("Wijkbudget", 12000, 12000))
    data = samenstellen(Paragraaf.objects.create(jaar=2020))
    assert data.vergelijking.bron == "berekend" and data.vergelijking.jaar == 2019
    assert (data.kerncijfers.focus_afgerond, data.vergelijking.cijfers.focus_afgerond) == (1, 1)
    assert (data.kerncijfers.begroting, data.vergelijking.cijfers.begroting) == (12, 10)
    assert "hoger in Vergelijk (+2)" in data.vergelijking.budgetzin
    html = alleen_tekst(render_to_string("rapportage/overzicht.html", {"p": data}))
    assert "Kerncijfers 2020 en 2019" in html and "berekend uit de gegevens" in html


def test_the_overview_takes_last_years_figures_as_published():
    wijk = GebiedFactory(naam="Gepubliceerd")
    posten(wijk, 2019, ("Wijkbudget", 10000, 10000))
    publiceer(paragraaf=Paragraaf.objects.create(jaar=2019), door=None)
    Begrotingspost.objects.filter(jaar__jaar=2019).update(begroting_na_wijziging=99000)
    data = samenstellen(Paragraaf.objects.create(jaar=2020))
    assert data.vergelijking.bron == "gepubliceerd" and data.vergelijking.versie == 1
    assert data.vergelijking.cijfers.begroting == 10  # as the council read it, not as now


def test_a_publication_stores_typed_data_with_its_schema_that_reads_back():
    call_command("demo", stdout=io.StringIO())
    publicatie = Publicatie.objects.get(paragraaf__jaar=2020)
    assert publicatie.data["schema"] == SCHEMA_VERSIE
    gegevens = lees(publicatie.data)
    assert naar_json(gegevens) == publicatie.data
    assert gegevens.gebieden[0].naam == "Schilderskwartier"


def test_an_earlier_publication_keeps_its_page_and_open_data(client, raadslid):
    """A version of schema 1 (before the three questions) is served as it was published."""
    from tests.rapportage.factories import PublicatieFactory

    oud = {
        "jaar": 2019,
        "gebieden": [{"naam": "Noord", "focus": [], "omgeving": ["Geen wijkplatform."]}],
        "financien": [{"naam": "Noord", "begroting": 1, "realisatie": 1, "resultaat": 0,
                       "reserve": 0}],
        "totaal": {"naam": "Totaal", "begroting": 1, "realisatie": 1, "resultaat": 0,
                   "reserve": 0},
    }  # fmt: skip
    publicatie = PublicatieFactory(
        paragraaf=Paragraaf.objects.create(jaar=2019),
        versie=1,
        data=oud,
        html_bestand__data=b'<article class="paragraaf"><h1>Oud 2019</h1></article>',
    )
    client.force_login(raadslid)
    pagina = client.get(reverse("rapportage:versie", args=[2019, publicatie.versie]))
    assert b"Oud 2019" in b"".join(pagina.streaming_content) if pagina.streaming else pagina.content
    data = client.get(reverse("rapportage:open_data", args=[2019, 1, "json"])).json()
    assert data["gebieden"][0]["omgeving"] == ["Geen wijkplatform."]
    csv = client.get(reverse("rapportage:open_data", args=[2019, 1, "csv"])).content.decode()
    assert "Noord;1;1;0;0" in csv


def test_last_years_figures_read_lightly_are_those_of_its_whole_assembly():
    call_command("demo", stdout=io.StringIO())
    from rapportage.samenstellen import cijfers_van_jaar, kerncijfers, lees_jaar

    for jaar in (2019, 2020):
        cijfers, tabel = cijfers_van_jaar(jaar)
        volledig = lees_jaar(jaar)
        assert cijfers == kerncijfers(volledig)
        assert {r.naam: r.begroting for r in tabel} == {
            r.naam: r.begroting for r in volledig.financien["tabel"]
        }


def test_the_reserve_sentence_adds_up_when_one_line_overspends_and_another_does_not():
    """The reserve covers each line's overspend, whatever another line left: the sentence
    names that overspend, not the area's net result."""
    wijk = GebiedFactory(naam="Twee")
    posten(wijk, 2020, ("Wijkbudget", 10000, 20000), ("Leefbaarheid", 12000, 0))
    gebied, tekst = deel("Twee")
    assert "de overschrijding van € 10.000 kon de reserve niet dekken" in tekst
    assert "€ 12.000 is aan de reserve toegevoegd" in tekst
    assert (gebied.reserve.tekort_euro, gebied.reserve.toegevoegd_euro) == (10000, 12000)


def test_names_in_a_note_keep_their_capital_after_the_title():
    wijk = GebiedFactory(naam="Namen")
    punt(wijk, "Buurtkamer", S.LOOPT, notitie="GGD en Utrecht Zorg denken mee.", mee=True)
    punt(wijk, "Bouwweg", S.LOOPT, notitie="De weg is verlegd.", mee=True)
    tekst = deel("Namen")[1]
    assert "Buurtkamer: GGD en Utrecht Zorg denken mee." in tekst
    assert "Bouwweg: de weg is verlegd." in tekst


def test_the_help_given_is_named_in_words_that_fit_the_sentence():
    wijk = GebiedFactory(naam="Hulp")
    initiatief = InitiatiefFactory(gebied=wijk, deelnemers=10)
    initiatief.overgangen.create(datum=datetime.date(2020, 3, 1), status="aangemeld")
    for hulpvorm in ("vergunningen", "initiatiefbegeleiding"):
        initiatief.hulp.create(hulpvorm=hulpvorm)
    tekst = deel("Hulp")[1]
    assert "geholpen met" in tekst and "hulp bij" not in tekst
    assert "vergunningen (1)" in tekst and "initiatiefbegeleiding (1)" in tekst
