"""Financial staff check the draft paragraph's financial part before publication: the table and
chart as they would be published now, read-only, and as a PDF made by a worker."""

import re

import pytest
from django.urls import reverse

from rapportage import opdrachten
from rapportage.models import Opdracht
from rapportage.samenstellen import samenstellen

from .test_paragraaf import pdf_tekst, tekst

pytestmark = pytest.mark.django_db

URL = reverse("rapportage:financien", args=[2020])


def test_finance_reads_the_financial_part_as_it_would_be_published(client, financien, demo):
    client.force_login(financien)
    index = tekst(client.get(reverse("rapportage:index")))
    assert "Concept financieel deel 2020" in index

    pagina = tekst(client.get(URL))
    totaal = samenstellen(demo).totaal
    assert "Concept financieel deel 2020" in pagina and "Alleen lezen" in pagina
    assert "Begroting en realisatie 2020 per gebied, bedragen x € 1.000" in pagina
    zichtbaar = " ".join(re.sub(r"<[^>]+>", " ", pagina).split())
    assert f"Totaal {totaal.begroting:,}".replace(",", ".") in zichtbaar
    assert "Harmelen" in pagina  # a row of the table
    assert 'name="inleiding"' not in pagina and "Publiceren" not in pagina


def test_finance_makes_the_pdf_of_the_financial_part_and_reads_it_back(client, financien, demo):
    client.force_login(financien)
    antwoord = client.post(URL, follow=True)
    pagina = tekst(antwoord)
    assert "PDF van het financiële deel van 2020" in pagina and "Status: Klaar" in pagina
    opdracht = antwoord.context["opdracht"]
    pdf = client.get(reverse("rapportage:opdracht_pdf", args=[opdracht.pk]))
    inhoud = pdf_tekst(b"".join(pdf.streaming_content))
    assert "Financieel deel paragraaf gebiedsgericht werken 2020" in inhoud
    assert "Concept, niet gepubliceerd" in inhoud and "Totaal" in inhoud
    assert (
        "concept-financieel-deel-paragraaf-gebiedsgericht-werken-2020.pdf"
        in pdf["Content-Disposition"]
    )


def test_finance_sees_no_publication_jobs(client, financien, demo):
    publicatie = opdrachten.vraag_aan(paragraaf=demo, soort=Opdracht.Soort.PUBLICEREN, door=None)
    client.force_login(financien)
    assert client.get(publicatie.get_absolute_url()).status_code == 403


@pytest.mark.parametrize("rol", ["raadslid", "wijkambtenaar_a"])
def test_others_do_not_read_the_draft_financial_part(client, request, rol, demo):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(URL).status_code == 403
    assert client.post(URL).status_code == 403


def test_a_year_without_figures_is_not_found(client, financien, demo):
    client.force_login(financien)
    assert client.get(reverse("rapportage:financien", args=[2031])).status_code == 404
