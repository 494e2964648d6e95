"""Writing the paragraph's texts: Markdown rendered safely, the live preview, and the editor
with the generated part of each area beside its text."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from rapportage.models import Gebiedstekst, Paragraaf
from rapportage.opmaak import platte_tekst, veilige_html
from tests.gebieden.factories import GebiedFactory
from tests.rapportage.factories import ParagraafFactory

pytestmark = pytest.mark.django_db

VOORBEELD = reverse("rapportage:voorbeeld_tekst")


def test_markdown_lists_bold_italics_and_headings():
    html = veilige_html(
        "Wat nodig was:\n\n- **signaleren**;\n- *verbinding*.\n\n1. eerst\n2. dan\n\n### Kop"
    )
    assert "<p>Wat nodig was:</p>" in html
    assert "<ul>\n<li><strong>signaleren</strong>;</li>\n<li><em>verbinding</em>.</li>" in html
    assert "<ol>\n<li>eerst</li>\n<li>dan</li>\n</ol>" in html
    assert "<h3>Kop</h3>" in html


def test_headings_stay_under_the_areas_heading():
    assert veilige_html("# Groot\n\n#### Klein\n\n###### Kleinst") == (
        "<h3>Groot</h3>\n<h4>Klein</h4>\n<h4>Kleinst</h4>"
    )


def test_paragraphs_and_line_breaks_as_typed():
    assert veilige_html("Eerste alinea\nnieuwe regel\n\nTweede") == (
        "<p>Eerste alinea<br>\nnieuwe regel</p>\n<p>Tweede</p>"
    )


@pytest.mark.parametrize(
    ("link", "adres"),
    [
        ("[site](https://www.woerden.nl)", "https://www.woerden.nl"),
        ("[oud](http://www.woerden.nl)", "http://www.woerden.nl"),
        ("[mail](mailto:gebiedsgericht@woerden.nl)", "mailto:gebiedsgericht@woerden.nl"),
        ("<https://www.woerden.nl>", "https://www.woerden.nl"),
    ],
)
def test_links_to_web_and_mail(link, adres):
    assert f'<a href="{adres}" rel="noopener noreferrer">' in veilige_html(link)


@pytest.mark.parametrize(
    "link",
    [
        "[klik](javascript:alert(1))",
        "[klik](JAVASCRIPT:alert(1))",
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
        "[klik](vbscript:msgbox)",
        "[klik](ftp://example.com/x)",
        "[klik](file:///etc/passwd)",
    ],
)
def test_links_of_other_schemes_lose_their_address(link):
    assert "href" not in veilige_html(link)


@pytest.mark.parametrize(
    "kwaad",
    [
        "Tekst met <script>alert(1)</script> erin",
        "Een <img src=x onerror=alert(1)> plaatje",
        'Een <a href="javascript:alert(1)">link</a>',
        "Een <iframe src=https://example.com></iframe>",
    ],
)
def test_raw_html_in_markdown_is_shown_as_text(kwaad):
    html = veilige_html(kwaad)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "<a " not in html
    assert "&lt;" in html  # the reader sees what was typed, harmlessly


def test_image_shows_its_description_and_fetches_nothing():
    html = veilige_html("![kaart van de wijk](http://169.254.169.254/x.png)")
    assert html == "<p>kaart van de wijk</p>"


def test_text_saved_as_html_before_markdown_keeps_working():
    oud = "<p>Een <strong>bijzonder</strong> jaar.</p><ul><li>een</li></ul><script>x</script>"
    assert veilige_html(oud) == "<p>Een <strong>bijzonder</strong> jaar.</p><ul><li>een</li></ul>"


def test_plain_text_of_html_has_no_tags_and_reads_entities_back():
    assert platte_tekst(veilige_html("Snel & Polanen\n\n- **vet** <p>")) == (
        "Snel & Polanen\nvet <p>"
    )


def test_coordinator_gets_the_preview_fragment(client, coordinator):
    client.force_login(coordinator)
    response = client.post(VOORBEELD, {"tekst": "- **een**\n- twee <script>x</script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<li><strong>een</strong></li>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<html" not in html and "<form" not in html  # a fragment, not a page


def test_empty_text_previews_as_a_hint(client, coordinator):
    client.force_login(coordinator)
    html = client.post(VOORBEELD, {"tekst": "   "}).content.decode()
    assert "(Nog) geen tekst." in html


def test_too_long_text_is_refused(client, coordinator):
    client.force_login(coordinator)
    assert client.post(VOORBEELD, {"tekst": "x" * 50_001}).status_code == 400


def test_get_shows_the_preview_of_the_text_on_a_page(client, coordinator):
    client.force_login(coordinator)
    response = client.get(VOORBEELD, {"tekst": "Een **vet** woord"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "<p>Een <strong>vet</strong> woord</p>" in html
    assert client.get(VOORBEELD).status_code == 200


@pytest.mark.parametrize("rol", ["raadslid", "financien", "wijkambtenaar_a"])
def test_others_may_not_use_the_preview(client, request, rol):
    client.force_login(request.getfixturevalue(rol))
    assert client.post(VOORBEELD, {"tekst": "x"}).status_code == 403
    assert client.get(VOORBEELD, {"tekst": "x"}).status_code == 403


def test_anonymous_goes_to_login(client):
    response = client.post(VOORBEELD, {"tekst": "x"})
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_preview_needs_the_csrf_token(coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert client.post(VOORBEELD, {"tekst": "x"}).status_code == 403
    pagina = client.get(reverse("rapportage:bewerken", args=[2020]))
    # the editor (for a year without a paragraph yet) carries the token the script sends
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina.content.decode())[1]
    response = client.post(VOORBEELD, {"tekst": "**x**"}, headers={"X-CSRFToken": token})
    assert response.status_code == 200 and "<strong>x</strong>" in response.content.decode()


@pytest.fixture
def wereld(db):
    paragraaf = ParagraafFactory(jaar=2020, inleiding="Het **jaar**.")
    a = GebiedFactory(naam="Schilderskwartier")
    b = GebiedFactory(naam="Molenvliet")
    Gebiedstekst.objects.create(paragraaf=paragraaf, gebied=a, tekst="- Veel **gedaan**")
    return paragraaf, a, b


def test_editor_shows_each_areas_generated_part_beside_its_field(client, coordinator, wereld):
    _paragraaf, a, b = wereld
    client.force_login(coordinator)
    response = client.get(reverse("rapportage:bewerken", args=[2020]))
    assert response.status_code == 200
    html = response.content.decode()
    for gebied in (a, b):
        sectie = re.search(
            rf'<section class="schrijven-gebied" aria-labelledby="kop-schrijven-{gebied.pk}">'
            r"(.*?)\n    </section>",
            html,
            re.S,
        )[1]
        assert f">{gebied.naam}</h3>" in sectie
        assert f'name="gebied_{gebied.pk}"' in sectie
        gegenereerd = sectie.split("schrijven-gebied__gegenereerd", 1)[1]
        assert "Wat wilden we bereiken" in gegenereerd and "Wat heeft het gekost" in gegenereerd
        assert f">{gebied.naam}</h4>" in gegenereerd  # its headings under the editor's
        assert "<h2" not in gegenereerd
    # the saved text in the field, its preview under it
    assert "- Veel **gedaan**</textarea>" in html
    assert "<ul>\n<li>Veel <strong>gedaan</strong></li>\n</ul>" in html
    assert "<p>Het <strong>jaar</strong>.</p>" in html
    for naam in ("inleiding", "goed", "beter", "slottekst", f"gebied_{a.pk}"):
        assert f'id="voorbeeld-{naam}"' in html
        assert f'data-voorbeeld="voorbeeld-{naam}"' in html
    assert "Zo maakt u de tekst op" in html
    assert "js/schrijven.js" in html and "css/schrijven.css" in html
    assert "aria-live" not in html


def test_editor_assembles_the_paragraph_once(client, coordinator, wereld, monkeypatch):
    from rapportage import views

    aanroepen = []
    echt = views.samenstellen
    monkeypatch.setattr(views, "samenstellen", lambda p: aanroepen.append(p) or echt(p))
    client.force_login(coordinator)
    client.get(reverse("rapportage:bewerken", args=[2020]))
    assert len(aanroepen) == 1


def test_coordinator_saves_markdown_what_went_well_and_better(client, coordinator, wereld):
    paragraaf, a, b = wereld
    client.force_login(coordinator)
    response = client.post(
        reverse("rapportage:bewerken", args=[2020]),
        {
            "versie": paragraaf.versie,
            "nummer": "5",
            "titel": "Gebiedsgericht werken",
            "inleiding": "Een **bijzonder** jaar.",
            "goed": "- samenwerking",
            "beter": "- borging",
            "slottekst": "",
            f"gebied_{a.pk}": "",
            f"gebied_{b.pk}": "Pilot *afgerond*.",
        },
    )
    assert response.status_code == 302
    paragraaf.refresh_from_db()
    assert (paragraaf.inleiding, paragraaf.goed, paragraaf.beter) == (
        "Een **bijzonder** jaar.",
        "- samenwerking",
        "- borging",
    )
    assert dict(paragraaf.gebiedsteksten.values_list("gebied__naam", "tekst")) == {
        "Molenvliet": "Pilot *afgerond*."
    }
    concept = client.get(reverse("rapportage:concept", args=[2020])).content.decode()
    assert "Een <strong>bijzonder</strong> jaar." in concept
    assert "Pilot <em>afgerond</em>." in concept


def test_refused_save_previews_what_was_typed(client, coordinator, wereld):
    paragraaf, _a, _b = wereld
    client.force_login(coordinator)
    response = client.post(
        reverse("rapportage:bewerken", args=[2020]),
        {"versie": paragraaf.versie + 5, "nummer": "5", "titel": "T", "inleiding": "**Nu**"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "<strong>Nu</strong>" in html  # under the field, as typed
    assert Paragraaf.objects.get(jaar=2020).inleiding == "Het **jaar**."


def test_new_years_editor_explains_the_generated_part_comes_after_saving(client, coordinator):
    GebiedFactory(naam="Zegveld")
    client.force_login(coordinator)
    response = client.get(reverse("rapportage:nieuw"), {"jaar": 2030})
    assert response.status_code == 200
    assert "Dit ziet u na het opslaan." in response.content.decode()


def test_wijkambtenaar_cannot_open_the_editor(client, wijkambtenaar_a):
    client.force_login(wijkambtenaar_a)
    assert client.get(reverse("rapportage:bewerken", args=[2020])).status_code == 403
