"""Comparing two published versions: the changed words marked, never the stored HTML's tags."""

import re

import pytest
from django.urls import reverse

from rapportage.gegevens import naar_json
from rapportage.models import Gebiedstekst
from rapportage.samenstellen import samenstellen
from rapportage.verschil import verschillen, woordverschil
from tests.gebieden.factories import GebiedFactory
from tests.rapportage.factories import LEGE_DATA, ParagraafFactory, PublicatieFactory

pytestmark = pytest.mark.django_db


def versie(paragraaf, nummer):
    return PublicatieFactory(
        paragraaf=paragraaf, versie=nummer, data=naar_json(samenstellen(paragraaf))
    )


def verschilpagina(client, van=1, naar=2) -> str:
    response = client.get(reverse("rapportage:verschil", args=[2020]), {"van": van, "naar": naar})
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def inhoud(html: str) -> str:
    return html.split('<ul class="verschil">', 1)[1].split("</ul>", 1)[0]


@pytest.fixture
def twee_versies(db):
    """Version 1 and 2 of 2020; in 2 one word of the introduction and of an area's text changed,
    and what went well got a line."""
    paragraaf = ParagraafFactory(
        jaar=2020,
        inleiding="Een **bijzonder** jaar.\n\n- signaleren;\n- verbinden.",
        goed="- samenwerking",
    )
    molenvliet = GebiedFactory(naam="Molenvliet")
    GebiedFactory(naam="Zegveld")
    tekst = Gebiedstekst.objects.create(
        paragraaf=paragraaf, gebied=molenvliet, tekst="Veel in gang gezet tijdens de pilot."
    )
    versie(paragraaf, 1)
    paragraaf.inleiding = "Een **moeilijk** jaar.\n\n- signaleren;\n- verbinden."
    paragraaf.goed = "- samenwerking\n- borging"
    paragraaf.save()
    tekst.tekst = "Veel in gang gezet tijdens de *eerste* pilot."
    tekst.save()
    versie(paragraaf, 2)
    return paragraaf


def test_changed_words_are_marked_inside_ins_and_del(client, raadslid, twee_versies):
    client.force_login(raadslid)
    html = inhoud(verschilpagina(client))
    assert re.search(r"<ins><span[^>]*>begin toegevoegd: </span>moeilijk<span", html)
    assert re.search(r"<del><span[^>]*>begin verwijderd: </span>bijzonder<span", html)
    assert "Een <del>" in html and "</ins> jaar." in html  # the unchanged words around them
    assert re.search(r"<ins><span[^>]*>begin toegevoegd: </span>eerste<span", html)
    assert "Molenvliet" in html
    assert re.search(r"Wat ging goed \(nieuw\)</span> <ins>.*?borging", html)
    # unchanged lines are not listed
    assert "signaleren" not in html and "Zegveld" not in html


def test_no_tag_of_the_stored_html_is_shown_or_rendered(client, raadslid, twee_versies):
    client.force_login(raadslid)
    html = inhoud(verschilpagina(client))
    assert "&lt;" not in html and "&gt;" not in html
    assert "<p>" not in html and "<strong>" not in html and "<em>" not in html
    assert "**" not in html


def test_a_change_is_named_for_screen_readers_not_by_colour_alone(client, raadslid, twee_versies):
    client.force_login(raadslid)
    pagina = verschilpagina(client)
    assert pagina.count('class="app-visually-hidden">begin toegevoegd: ') >= 3
    assert 'class="app-visually-hidden"> einde verwijderd' in pagina
    assert "css/schrijven.css" in pagina


def test_equal_versions_say_so(client, raadslid, twee_versies):
    versie(twee_versies, 3)
    client.force_login(raadslid)
    assert "De inhoud van deze versies is gelijk." in verschilpagina(client, 2, 3)


def test_an_old_schema_1_publication_still_compares(client, raadslid):
    paragraaf = ParagraafFactory(jaar=2020)

    def oud(inleiding, status):
        return {
            **LEGE_DATA,
            "inleiding": inleiding,
            "gebieden": [
                {
                    "naam": "Snel & Polanen",
                    "tekst": "",
                    "focus": [
                        {"titel": "Snellerpoort", "status_tekst": status, "toelichting": "Bouw."}
                    ],
                    "omgeving": ["Geen wijkplatform."],
                    "functionarissen": [],
                    "initiatieven": "",
                }
            ],
        }

    PublicatieFactory(paragraaf=paragraaf, versie=1, data=oud("<p>Een jaar.</p>", "loopt"))
    PublicatieFactory(paragraaf=paragraaf, versie=2, data=oud("<p>Een goed jaar.</p>", "afgerond"))
    client.force_login(raadslid)
    html = inhoud(verschilpagina(client))
    assert re.search(r"Een <ins><span[^>]*>begin toegevoegd: </span>goed<span", html)
    assert "Snel &amp; Polanen" in html
    assert re.search(r"<del><span[^>]*>begin verwijderd: </span>\(loopt\):<span", html)
    assert "&lt;p&gt;" not in html and "<p>" not in html


def test_a_schema_1_version_compares_with_a_schema_2_version(client, raadslid):
    paragraaf = ParagraafFactory(jaar=2020, inleiding="Een jaar.")
    PublicatieFactory(
        paragraaf=paragraaf, versie=1, data={**LEGE_DATA, "inleiding": "<p>Een jaar.</p>"}
    )
    versie(paragraaf, 2)
    client.force_login(raadslid)
    pagina = verschilpagina(client)
    # the same introduction, once stored as HTML and once from Markdown, is no change
    assert "Een jaar." not in (inhoud(pagina) if '<ul class="verschil">' in pagina else "")


def test_word_pieces():
    assert woordverschil("een mooi jaar", "een lelijk jaar") == (
        ("gelijk", "een"),
        ("weg", "mooi"),
        ("bij", "lelijk"),
        ("gelijk", "jaar"),
    )


def test_lines_pair_by_subject_and_the_rest_is_added_or_removed():
    oud = [("A", "een twee"), ("B", "drie")]
    nieuw = [("A", "een vier"), ("C", "vijf")]
    wijzigingen = verschillen(oud, nieuw)
    assert [(w.onderwerp, w.soort) for w in wijzigingen] == [
        ("A", "gewijzigd"),
        ("B", "verwijderd"),
        ("C", "toegevoegd"),
    ]
    assert wijzigingen[0].stukken == (("gelijk", "een"), ("weg", "twee"), ("bij", "vier"))


def test_unknown_versions_are_not_found(client, raadslid, twee_versies):
    client.force_login(raadslid)
    url = reverse("rapportage:verschil", args=[2020])
    assert client.get(url, {"van": 1, "naar": 9}).status_code == 404
    assert client.get(url, {"van": "x", "naar": 2}).status_code == 404


@pytest.mark.django_db
def test_the_comparison_sees_goals_subsidies_key_figures_and_the_appendix(demo):
    """Every statement of a version counts: a changed judgement note, a register entry of the
    appendix and a key figure each show as a change."""
    import copy

    from rapportage.models import Publicatie
    from rapportage.verschil import als_regels, verschillen

    oud = Publicatie.objects.get().data
    nieuw = copy.deepcopy(oud)
    gebied = next(g for g in nieuw["gebieden"] if g["doelen"])
    gebied["doelen"][0]["toelichting"] = "Een nieuwe toelichting."
    gebied["register"][0]["toelichting"] = "Aangepast in de bijlage."
    nieuw["kerncijfers"]["deelnemers"] += 1
    onderwerpen = {w.onderwerp for w in verschillen(als_regels(oud), als_regels(nieuw))}
    assert f"{gebied['naam']}, doel" in onderwerpen
    assert f"Bijlage, {gebied['naam']}" in onderwerpen
    assert "Overzicht" in onderwerpen
