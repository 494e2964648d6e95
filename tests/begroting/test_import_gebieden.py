"""Which area a row of the budget import belongs to (CBS code first, then a name that is
unique among the areas valid in the year), and the default name of a line without one."""

import datetime
import html
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from begroting.importeren import lees_bestand, plan_import
from begroting.models import Begrotingsjaar, Begrotingspost
from tests.gebieden.factories import GebiedFactory

D = Decimal
pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    main = response.content.decode().split("<main", 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


@pytest.fixture
def jaar():
    return Begrotingsjaar.objects.create(jaar=2021)


@pytest.fixture
def haren():
    """Haren joined Groningen in 2019: the old municipality ended, an area of Groningen with
    the same name began."""
    oud = GebiedFactory(
        naam="Haren", soort="gebied", cbs_code="GM0017", geldig_tot=datetime.date(2018, 12, 31)
    )
    nieuw = GebiedFactory(
        naam="Haren", soort="gebied", cbs_code="", geldig_van=datetime.date(2019, 1, 1)
    )
    return oud, nieuw


def plan(jaar, regels: str, kop="gebied;naam;begroting;realisatie"):
    return plan_import(jaar, lees_bestand("c.csv", (kop + "\n" + regels).encode()))


def problemen(resultaat):
    return [(p.rij, p.kolom, p.melding) for p in resultaat.problemen]


def test_a_known_cbs_code_decides_whatever_name_the_export_uses(jaar):
    binnenstad = GebiedFactory(naam="Binnenstad", cbs_code="WK063201")
    GebiedFactory(naam="Woerden-Centrum")  # the export's name is another area of ours
    resultaat = plan(
        jaar,
        "wk063201;Woerden-Centrum;Post;1;1",
        kop="gebiedscode;gebied;naam;begroting;realisatie",
    )
    assert resultaat.geldig, problemen(resultaat)
    assert resultaat.nieuw[0].gebied == binnenstad


@pytest.mark.parametrize("kop", ["cbs_code", "CBS-code", "Gebiedscode", "wijkcode"])
def test_the_code_column_goes_by_the_names_exports_give_it(jaar, kop):
    binnenstad = GebiedFactory(naam="Binnenstad", cbs_code="WK063201")
    resultaat = plan(jaar, "WK063201;Post;1;1", kop=f"{kop};naam;begroting;realisatie")
    assert resultaat.nieuw[0].gebied == binnenstad


def test_an_unknown_code_falls_back_to_the_name(jaar):
    harmelen = GebiedFactory(naam="Harmelen", soort="dorp")  # no CBS code entered (yet)
    resultaat = plan(
        jaar, "WK063208;Harmelen;Post;1;1", kop="gebiedscode;gebied;naam;begroting;realisatie"
    )
    assert resultaat.nieuw[0].gebied == harmelen
    niets = plan(
        jaar, "WK063299;Atlantis;Post;1;1", kop="gebiedscode;gebied;naam;begroting;realisatie"
    )
    assert problemen(niets) == [
        (2, "gebied", "Onbekend gebied „Atlantis”. De CBS-code „WK063299” is ook onbekend.")
    ]


def test_a_name_is_found_among_the_areas_valid_in_the_year(jaar, haren):
    oud, nieuw = haren
    resultaat = plan(jaar, "Haren;Gebiedsbudget;1;1")
    assert resultaat.geldig and resultaat.nieuw[0].gebied == nieuw
    vroeger = plan(Begrotingsjaar.objects.create(jaar=2018), "Haren;Gebiedsbudget;1;1")
    assert vroeger.nieuw[0].gebied == oud


def test_a_name_two_valid_areas_share_names_the_candidates(jaar):
    GebiedFactory(naam="Centrum", soort="wijk", cbs_code="WK063201")
    GebiedFactory(naam="Centrum", soort="gebied", geldig_van=datetime.date(2019, 1, 1))
    assert problemen(plan(jaar, "centrum;Post;1;1")) == [
        (
            2,
            "gebied",
            "In 2021 zijn er 2 gebieden met de naam „centrum”: Centrum (wijk, WK063201, altijd "
            "geldig); Centrum (gebied, zonder CBS-code, geldig vanaf 1 januari "
            "2019). Zet de CBS-code in een kolom gebiedscode om te kiezen.",
        )
    ]
    # the code chooses
    resultaat = plan(
        jaar, "WK063201;Centrum;Post;1;1", kop="gebiedscode;gebied;naam;begroting;realisatie"
    )
    assert resultaat.geldig and resultaat.nieuw[0].gebied.soort == "wijk"


def test_an_area_not_valid_in_the_year_says_when_it_was(jaar):
    GebiedFactory(
        naam="Ten Boer",
        soort="gebied",
        cbs_code="GM0009",
        geldig_van=datetime.date(2000, 1, 1),
        geldig_tot=datetime.date(2018, 12, 31),
    )
    melding = (
        "Gebied „Ten Boer” was in 2021 niet geldig: Ten Boer (gebied, GM0009, "
        "geldig van 1 januari 2000 tot en met 31 december 2018)."
    )
    assert problemen(plan(jaar, "Ten Boer;Post;1;1")) == [(2, "gebied", melding)]
    assert problemen(
        plan(jaar, "GM0009;Post;1;1", kop="gebiedscode;naam;begroting;realisatie")
    ) == [(2, "gebiedscode", melding)]


def test_a_buurt_takes_no_budget_lines(jaar):
    wijk = GebiedFactory(naam="Schilderskwartier", cbs_code="WK063203")
    GebiedFactory(naam="Rembrandtbuurt", soort="buurt", ouder=wijk, cbs_code="BU06320301")
    assert problemen(plan(jaar, "Rembrandtbuurt;Post;1;1")) == [
        (
            2,
            "gebied",
            "Rembrandtbuurt (buurt, BU06320301, altijd geldig) is een buurt; een "
            "begrotingspost hoort bij een wijk, dorp of gebied.",
        )
    ]


def test_a_file_without_line_names_gives_each_area_its_budget_line(jaar):
    binnenstad = GebiedFactory(naam="Binnenstad")
    harmelen = GebiedFactory(naam="Harmelen", soort="dorp")
    Begrotingspost.objects.create(jaar=jaar, gebied=binnenstad, naam="Gebiedsbudget")
    resultaat = plan(
        jaar, "Binnenstad;1000;900\nHarmelen;2000;0", kop="gebied;begroting;realisatie"
    )
    assert resultaat.geldig, problemen(resultaat)
    assert [(w.post.gebied, w.post.naam) for w in resultaat.gewijzigd] == [
        (binnenstad, "Gebiedsbudget")
    ]
    assert [(p.gebied, p.naam) for p in resultaat.nieuw] == [(harmelen, "Gebiedsbudget")]
    assert resultaat.standaardnamen == 2


def test_an_empty_name_cell_gets_the_default_name_too(jaar):
    GebiedFactory(naam="Binnenstad")
    resultaat = plan(jaar, "Binnenstad;;1;1\nBinnenstad;Extra;1;1")
    assert sorted(p.naam for p in resultaat.nieuw) == ["Extra", "Gebiedsbudget"]


def test_two_unnamed_lines_of_one_area_are_refused(jaar):
    GebiedFactory(naam="Binnenstad")
    assert problemen(
        plan(jaar, "Binnenstad;1;1\nBinnenstad;2;2", kop="gebied;begroting;realisatie")
    ) == [
        (
            3,
            "naam",
            "Deze regel en regel 2 hebben geen naam en horen allebei bij Binnenstad; ze zouden "
            "allebei „Gebiedsbudget” heten. Geef ze een naam in een kolom naam.",
        )
    ]


def test_an_unnamed_line_beside_one_named_like_the_default_is_refused(jaar):
    GebiedFactory(naam="Binnenstad")
    resultaat = plan(jaar, "Binnenstad;Gebiedsbudget;1;1\nBinnenstad;;2;2")
    assert [(p.rij, p.kolom) for p in resultaat.problemen] == [(3, "naam")]
    assert "heten allebei „Gebiedsbudget” bij Binnenstad" in resultaat.problemen[0].melding


def test_every_area_problem_reaches_the_page_and_nothing_is_written(client, financien, jaar):
    GebiedFactory(naam="Binnenstad")
    GebiedFactory(naam="Ten Boer", soort="gebied", geldig_tot=datetime.date(2018, 12, 31))
    client.force_login(financien)
    bestand = io.BytesIO(
        b"gebied;naam;begroting;realisatie\n"
        b"Binnenstad;Wijkbudget;1000;900\n"
        b"Ten Boer;Gebiedsbudget;1000;900\n"
        b"Atlantis;Gebiedsbudget;1000;900\n"
    )
    bestand.name = "cijfers.csv"
    response = client.post(reverse("begroting:importeren", args=[2021]), {"bestand": bestand})
    pagina = tekst(response)
    assert response.status_code == 400
    assert "Er zijn 2 problemen in cijfers.csv; er is niets ingelezen." in pagina
    assert "3 gebied Gebied „Ten Boer” was in 2021 niet geldig" in pagina
    assert "4 gebied Onbekend gebied „Atlantis”." in pagina
    assert not Begrotingspost.objects.exists()
