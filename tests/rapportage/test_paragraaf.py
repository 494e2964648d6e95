import dataclasses
import io
import re
from html import unescape

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from gebieden.models import Focuspunt
from rapportage.models import Paragraaf, Publicatie
from rapportage.opmaak import veilige_html
from rapportage.pdf import GeweigerdeURL, maak_pdf, statische_bron
from rapportage.samenstellen import samenstellen
from rapportage.services import publiceer
from wijkprofiel.models import Cijfertabel, Grensversie

pytestmark = pytest.mark.django_db

WOERDEN = [  # in the order the seed (the annual report of 2020) treats them
    "Schilderskwartier",
    "Bloemen- en bomenkwartier",
    "Molenvliet",
    "Harmelen",
    "Zegveld",
    "Kamerik",
    "Snel & Polanen inclusief Waterrijk",
    "Binnenstad",
    "Staatsliedenkwartier",
    "Rijnoevers",
]


def tekst(response) -> str:
    inhoud = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )  # the published page is streamed
    return " ".join(inhoud.decode().split())


def pdf_tekst(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def alleen_tekst(html: str) -> str:
    """The text a reader sees, one space between words, no tags."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def gebiedsteksten(data) -> dict[str, str]:
    """Per area the text of its section in the paragraph (not the appendix)."""
    return {
        g.naam: alleen_tekst(render_to_string("rapportage/gebied.html", {"g": g, "p": data}))
        for g in data.gebieden
    }


def zinnen_van(tekst: str) -> list[str]:
    return [z.strip() for z in re.split(r"(?<=[.;:])\s+", tekst) if len(z.strip()) > 3]


# Every statement of the seed (the annual report of 2020), per area, as words the generated
# section must contain.
SEED = {
    "Schilderskwartier": [
        "Afgerond. Bouwweg Oasen",
        "Loopt. ",
        "Duurzaamheid",
        "Energietransitie",
        "Blijft een aandachtspunt. Jongerenoverlast bij Tournoysveld",
        "Huis van ... De Plint",
        "weten elkaar goed te vinden",
    ],
    "Bloemen- en bomenkwartier": [
        "Geen wijkplatform en geen wijkvisie.",
        "contact met bewonerscommissies",
    ],
    "Molenvliet": [
        "afgerond in 2019",
        "pilot",
        "in gang gezet",
        "Geen wijkambtenaar sinds 1 maart 2020.",
        "Waarnemend wijkambtenaar: Joost Hendriks.",
        "Buurtverbinder: Lotte Janssen.",
        "initiatief van inwoners",
    ],
    "Harmelen": [
        "Harmelerwaard",
        "Schuifruimte",
        "Dorpsagenda",
        "Geen dorpsambtenaar sinds 16 maart 2020.",
        "Waarnemend dorpsambtenaar: Thomas Kok.",
        "initiatief van inwoners",
    ],
    "Zegveld": [
        "Afgerond. Groot project Slotenbuurt",
        "speeltuin",
        "Dorpsambtenaar: Thomas Kok.",
        "Welzijncoördinator: Bram Willems.",
    ],
    "Kamerik": ["Groot project De Kanis", "Schulenburch", "is vastgesteld op"],
    "Snel & Polanen inclusief Waterrijk": [
        "Snellerpoort",
        "Recreatieve ontwikkelingen aan de plas",
    ],
    "Binnenstad": ["Stichting wijkplatform Binnenstad", "Vestingraad"],
    "Staatsliedenkwartier": ["nog niet compleet", "initiatief van inwoners"],
    "Rijnoevers": ["Brug over de Rijn", "de locatie daarvan is inmiddels bekend", "Vervallen."],
}


def test_golden_2020_gives_every_area_and_statement_of_the_seed(demo):
    data = samenstellen(demo)
    assert [g.naam for g in data.gebieden] == WOERDEN  # the seed's order, not the alphabet
    teksten = gebiedsteksten(data)
    for naam, uitspraken in SEED.items():
        for uitspraak in uitspraken:
            assert uitspraak in teksten[naam], (naam, uitspraak, teksten[naam])
    # status as it stood on 31 December 2020, not today: Tournoysveld was closed in 2021
    assert "Afgerond. Bouwweg Oasen" in teksten["Schilderskwartier"]
    assert "Tournoysveld" not in teksten["Schilderskwartier"].split("Loopt.")[0]
    # what the seed does not say is counted, not told
    assert "Daarnaast 1 kleiner aandachtspunt." in teksten["Schilderskwartier"]
    assert "Parkeren rond de basisschool" not in teksten["Schilderskwartier"]


def test_golden_2020_repeats_no_sentence_within_an_area(demo):
    for naam, tekst in gebiedsteksten(samenstellen(demo)).items():
        zinnen = [z for z in zinnen_van(tekst) if not z.startswith("Wat ")]
        dubbel = {z for z in zinnen if zinnen.count(z) > 1}
        assert not dubbel, (naam, dubbel)


def _paginas_van_de_paragraaf(pdf: bytes) -> tuple[int, list[str]]:
    paginas = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    begin = next(i for i, t in enumerate(paginas) if "Kerncijfers 2020" in t)
    bijlage = next(
        i
        for i, t in enumerate(paginas)
        if "Bijlage: alle focuspunten en activiteiten per" in t and i > begin
    )
    return bijlage - begin, paginas[bijlage:]


def test_golden_2020_paragraph_without_its_appendix_fits_four_pages(demo):
    """Cover, colophon and contents aside, what the seed says is at most four A4 pages; the
    register of every focus point follows as an appendix. (Without the wijkprofiel: its map
    and figures per area come on top, see the next test.)"""
    Cijfertabel.objects.all().delete()
    Grensversie.objects.all().delete()
    aantal, bijlage = _paginas_van_de_paragraaf(maak_pdf(samenstellen(demo), "Paragraaf"))
    assert aantal <= 4, f"paragraaf beslaat {aantal} pagina's"
    assert "Huis van ... De Plint (loopt)" in " ".join(bijlage)  # the full register


def test_golden_2020_with_map_and_figures_per_area_adds_at_most_a_page(demo):
    aantal, _bijlage = _paginas_van_de_paragraaf(Publicatie.objects.get().lees_pdf())
    assert aantal <= 5, f"paragraaf beslaat {aantal} pagina's"


def test_table_adds_up_as_printed(demo):
    data = samenstellen(demo)
    for kolom in ("begroting", "realisatie", "resultaat", "reserve"):
        assert sum(getattr(r, kolom) for r in data.financien) == getattr(data.totaal, kolom)
    for rij in data.financien:
        assert rij.resultaat == rij.begroting - rij.realisatie
    for deel in data.gebieden:  # an area's own lines add up to its row in the table
        rij = next(r for r in data.financien if r.naam == deel.naam)
        assert (deel.totaal.begroting, deel.totaal.realisatie) == (rij.begroting, rij.realisatie)


# The year: 21 queries; one to look for the year before's publication and, as it was not
# published in this form, 8 to compute its key figures.
# 29 for the paragraph itself; the wijkprofiel adds its choice of figures, the regions, the
# buurten and the figures (wijkprofiel.profiel), and the map's boundary version, assignment
# and, when the cache has not got the drawing, the boundaries (wijkprofiel.kaart).
QUERIES_CONCEPT = 36


def test_draft_query_count_does_not_grow_with_the_areas(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(QUERIES_CONCEPT):
        samenstellen(demo)


def test_pdf_reads_back_with_titles_areas_figures_and_totals(demo):
    publicatie = Publicatie.objects.get()
    inhoud = pdf_tekst(publicatie.lees_pdf())
    assert "Paragraaf 5 Gebiedsgericht werken 2020" in inhoud and "Inhoudsopgave" in inhoud
    assert "Inhoud overslaan" not in inhoud and "Terug naar" not in inhoud  # the page's links
    assert "Deze pagina is gebouwd op" in inhoud
    for naam in WOERDEN:
        assert naam in inhoud
    totaal = publicatie.data["totaal"]
    regel = f"Totaal {totaal['begroting']} {totaal['realisatie']} {totaal['resultaat']}"
    assert regel.replace("-", "−") in inhoud
    assert re.search(r"Pagina 2 van \d+", inhoud)
    assert publicatie.bestandsnaam == "paragraaf-gebiedsgericht-werken-2020.pdf"
    assert PdfReader(io.BytesIO(publicatie.lees_pdf())).pdf_header.startswith("%PDF")


def test_published_version_never_changes_when_the_data_changes(client, raadslid, demo):
    client.force_login(raadslid)
    url = reverse("rapportage:gepubliceerd", args=[2020])

    def artikel():
        return re.search(r"<article class=\"paragraaf\".*</article>", tekst(client.get(url))).group(
            0
        )

    voor = artikel()
    Focuspunt.objects.filter(titel="Duurzaamheid").update(titel="Duurzaamheid (nieuw)")
    assert artikel() == voor
    assert "Duurzaamheid (nieuw)" not in voor and "Duurzaamheid" in voor


def test_correction_is_a_new_version_and_the_difference_is_shown(
    client, raadslid, coordinator, demo
):
    Focuspunt.objects.filter(titel="Snellerpoort").update(titel="Snellerpoort (herontwikkeling)")
    client.force_login(coordinator)
    client.post(reverse("rapportage:publiceren", args=[2020]), {"toelichting": "Titel verbeterd"})
    assert list(Publicatie.objects.values_list("versie", flat=True)) == [2, 1]
    client.force_login(raadslid)
    nieuwste = tekst(client.get(reverse("rapportage:gepubliceerd", args=[2020])))
    assert "Snellerpoort (herontwikkeling)" in nieuwste and "Versie 1" in nieuwste
    oud = tekst(client.get(reverse("rapportage:versie", args=[2020, 1])))
    assert "Snellerpoort (herontwikkeling)" not in oud and "er is een nieuwere versie" in oud
    verschil = tekst(client.get(reverse("rapportage:verschil", args=[2020]), {"van": 1, "naar": 2}))
    assert "Snel &amp; Polanen inclusief Waterrijk, Loopt" in verschil  # where it changed
    assert re.search(
        r"<ins><span[^>]*>begin toegevoegd: </span>Snellerpoort \(herontwikkeling\)", verschil
    )
    assert "&lt;p&gt;" not in verschil


def test_readers_get_pdf_and_open_data(client, raadslid, demo):
    client.force_login(raadslid)
    pdf = client.get(reverse("rapportage:pdf", args=[2020, 1]))
    assert pdf["Content-Type"] == "application/pdf"
    assert 'filename="paragraaf-gebiedsgericht-werken-2020.pdf"' in pdf["Content-Disposition"]
    csv_tekst = client.get(reverse("rapportage:open_data", args=[2020, 1, "csv"])).content.decode(
        "utf-8-sig"
    )
    assert csv_tekst.splitlines()[0].startswith("gebied;begroting x 1000")
    assert "Totaal;" in csv_tekst
    data = client.get(reverse("rapportage:open_data", args=[2020, 1, "json"])).json()
    assert len(data["gebieden"]) == 10


def test_public_reading_is_the_municipalitys_choice(client, demo, settings):
    url = reverse("rapportage:gepubliceerd", args=[2020])
    assert client.get(url).status_code == 302
    settings.RAPPORTAGE_PUBLIEK = True
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("rol", ["raadslid", "financien", "wijkambtenaar_a"])
def test_only_coordinators_write_preview_and_publish(client, request, rol, demo):
    client.force_login(request.getfixturevalue(rol))
    for url in [
        reverse("rapportage:concept", args=[2020]),
        reverse("rapportage:bewerken", args=[2020]),
    ]:
        assert client.get(url).status_code == 403
    assert client.post(reverse("rapportage:publiceren", args=[2020])).status_code == 403
    assert client.post(reverse("rapportage:concept_pdf", args=[2020])).status_code == 403
    assert (
        client.post(reverse("rapportage:bewerken", args=[2020]), {"nummer": "9"}).status_code == 403
    )
    assert Publicatie.objects.count() == 1


def test_coordinator_writes_texts_and_previews_web_and_pdf(client, coordinator, demo):
    client.force_login(coordinator)
    molenvliet = next(
        g
        for g in demo.gebiedsteksten.model._meta.get_field("gebied").related_model.objects.filter(
            naam="Molenvliet"
        )
    )
    response = client.post(
        reverse("rapportage:bewerken", args=[2020]),
        {
            "nummer": "5",
            "titel": "Gebiedsgericht werken",
            "inleiding": "<p>Een <strong>bijzonder</strong> jaar.</p><script>alert(1)</script>",
            "slottekst": "Tot volgend jaar.",
            f"gebied_{molenvliet.pk}": "Veel in gang gezet tijdens de pilot.",
        },
        follow=True,
    )
    pagina = response.content.decode()
    assert "Een <strong>bijzonder</strong> jaar." in pagina and "<script>alert(1)" not in pagina
    assert "Veel in gang gezet tijdens de pilot." in pagina
    opdracht = client.post(reverse("rapportage:concept_pdf", args=[2020]), follow=True)
    assert "Status: Klaar" in tekst(opdracht)
    pdf = client.get(reverse("rapportage:opdracht_pdf", args=[opdracht.context["opdracht"].pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert "Concept, niet gepubliceerd" in pdf_tekst(b"".join(pdf.streaming_content))


@pytest.mark.parametrize(
    "kwaad",
    [
        '<img src="http://169.254.169.254/latest/meta-data">',
        '<img src="file:///etc/passwd">',
        '<link rel="stylesheet" href="http://example.com/x.css">',
        '<p style="background: url(file:///etc/passwd)">x</p>',
        '<a href="javascript:alert(1)">klik</a>',
        "<script>fetch('http://example.com')</script>",
        '<iframe src="http://example.com"></iframe>',
    ],
)
def test_narrative_cannot_fetch_or_execute_anything(kwaad):
    schoon = veilige_html(kwaad)
    for verboden in ("<img", "<link", "style=", "javascript:", "<script", "<iframe", "file://"):
        assert verboden not in schoon


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x.png",
        "https://static.invalid/static/css/app.css",
        "file:///etc/passwd",
        "http://static.invalid/static/../../etc/passwd",
        "http://static.invalid/media/geheim.pdf",
        "data:text/plain,hallo",
    ],
)
def test_pdf_fetcher_serves_only_the_projects_static_files(url):
    with pytest.raises(GeweigerdeURL):
        statische_bron(url)
    inhoud, soort = statische_bron("http://static.invalid/static/css/paragraaf-pdf.css")
    assert soort == "text/css" and b"@page" in inhoud


def test_pdf_with_hostile_markup_in_the_data_renders_without_fetching(demo, monkeypatch):
    import rapportage.pdf as pdf_module

    geleverd = []
    echte_bron = pdf_module.statische_bron

    def bron(url):
        resultaat = echte_bron(url)  # raises for anything but our static files
        geleverd.append(url)
        return resultaat

    monkeypatch.setattr(pdf_module, "statische_bron", bron)
    data = dataclasses.replace(
        samenstellen(demo),
        inleiding='<img src="file:///etc/passwd"><img src="http://example.com/x.png">',
    )
    assert maak_pdf(data).startswith(b"%PDF")
    assert geleverd and all(u.startswith("http://static.invalid/static/") for u in geleverd)


def test_failed_pdf_leaves_the_previous_version_intact(demo, monkeypatch):
    import rapportage.services as services_module

    def kapot(*args, **kwargs):
        raise RuntimeError("PDF mislukt")

    monkeypatch.setattr(services_module, "maak_pdf", kapot)
    with pytest.raises(RuntimeError):
        publiceer(paragraaf=demo, door=None)
    assert list(Publicatie.objects.values_list("versie", flat=True)) == [1]


@pytest.mark.parametrize("aantal", [3, 15])
def test_draft_queries_are_constant_in_the_number_of_areas(aantal, django_assert_max_num_queries):
    import datetime

    from begroting.models import Begrotingsjaar, Begrotingspost
    from gebieden.models import Activiteit
    from tests.gebieden.factories import (
        FocuspuntFactory,
        FocuspuntUpdateFactory,
        GebiedFactory,
        ToewijzingFactory,
    )

    jaar = Begrotingsjaar.objects.create(jaar=2020)
    for i in range(aantal):
        gebied = GebiedFactory(naam=f"Wijk {i:02}")
        ToewijzingFactory(gebied=gebied)
        FocuspuntUpdateFactory(
            focuspunt=FocuspuntFactory(gebied=gebied), datum=datetime.date(2020, 5, 1)
        )
        Activiteit.objects.create(
            gebied=gebied, datum=datetime.date(2020, 6, 1), soort="signaleren", omschrijving="x"
        )
        Begrotingspost.objects.create(
            jaar=jaar, gebied=gebied, naam="Wijkbudget", begroting_na_wijziging=1000
        )
    paragraaf = Paragraaf.objects.create(jaar=2020)
    with django_assert_max_num_queries(QUERIES_CONCEPT):
        data = samenstellen(paragraaf)
    assert len(data.gebieden) == aantal


def test_two_coordinators_never_overwrite_each_others_text(client, coordinator, demo):
    """The second coordinator, who opened the texts before the first saved, gets the saved text
    beside what they wrote (409) and nothing is overwritten; saving again is then deliberate."""
    url = reverse("rapportage:bewerken", args=[2020])
    geopend = demo.versie
    client.force_login(coordinator)
    eerste = {
        "nummer": "5",
        "titel": "Gebiedsgericht werken",
        "inleiding": "Tekst van Ingrid.",
        "slottekst": "",
        "versie": geopend,
    }
    assert client.post(url, eerste).status_code == 302
    tweede = {**eerste, "inleiding": "Tekst van Pieter."}
    response = client.post(url, tweede)
    pagina = " ".join(response.content.decode().split())
    assert response.status_code == 409
    assert "Iemand anders heeft de paragraaf van 2020 intussen opgeslagen." in pagina
    assert "Tekst van Ingrid." in pagina and "Tekst van Pieter." in pagina
    demo.refresh_from_db()
    assert demo.inleiding == "Tekst van Ingrid."
    opnieuw = {**tweede, "versie": demo.versie}
    assert client.post(url, opnieuw).status_code == 302
    demo.refresh_from_db()
    assert demo.inleiding == "Tekst van Pieter."


def test_a_new_years_paragraph_made_meanwhile_by_another_is_not_overwritten(client, coordinator):
    """Both opened 'Paragraaf voor een nieuw jaar' for 2022; the second is shown the first's
    text beside their own (409), on a form that saves to that year's paragraph."""
    client.force_login(coordinator)
    url = reverse("rapportage:nieuw")
    eerste = {"jaar": "2022", "nummer": "5", "titel": "Gebiedsgericht werken", "inleiding": "A"}
    assert client.post(url, {**eerste, "slottekst": ""}).status_code == 302
    response = client.post(url, {**eerste, "inleiding": "B", "slottekst": ""})
    pagina = response.content.decode()
    assert response.status_code == 409
    assert f'action="{reverse("rapportage:bewerken", args=[2022])}"' in pagina
    assert ">\nB</textarea>" in pagina and Paragraaf.objects.get(jaar=2022).inleiding == "A"
