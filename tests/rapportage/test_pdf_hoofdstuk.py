"""The PDF as a chapter of the annual report, read back page by page: a cover without the
provenance, a colophon with it, a running header and page numbers on the body pages only,
tables that never leave their total row alone on a page, PDF/UA kept."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from pypdf import PdfReader

from gebieden.models import Gemeente
from rapportage.gegevens import Bedragen
from rapportage.grafiek import begroting_realisatie
from rapportage.models import Publicatie
from rapportage.pdf import maak_pdf
from rapportage.samenstellen import samenstellen
from tests.rapportage.test_pdf_opbouw import structuur_labels

pytestmark = pytest.mark.django_db

HOOFDSTUK = "Paragraaf 5 Gebiedsgericht werken 2020"  # the demo's running header
BIJLAGE = "Bijlage: alle focuspunten"
TABELKOP = "Gebied Begroting Realisatie Resultaat Reserve"
PAGINA = re.compile(r"Pagina (\d+) van (\d+)")
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'
)


def paginas(pdf: bytes) -> list[str]:
    """The text of each page, whitespace as one space (page 1 first)."""
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _koppen(reader: PdfReader, items) -> list[tuple[str, int]]:
    gevonden = []
    for item in items:
        if isinstance(item, list):
            gevonden += _koppen(reader, item)
        else:
            gevonden.append((str(item.title), reader.get_destination_page_number(item) + 1))
    return gevonden


def koppen(pdf: bytes) -> list[tuple[str, int]]:
    """Every heading of the PDF with its page (1-based), from the outline WeasyPrint builds
    from h1–h6: an entry in the contents or a running header is not a heading."""
    reader = PdfReader(io.BytesIO(pdf))
    return _koppen(reader, reader.outline)


def bijlage_begint_op(pdf: bytes) -> int | None:
    """The page (1-based) on which the heading "Bijlage: alle focuspunten …" stands, None when
    the PDF has no appendix."""
    for titel, pagina in koppen(pdf):
        if " ".join(titel.split()).startswith(BIJLAGE):
            return pagina
    return None


def financieel_deel(aantal: int) -> dict:
    """The financial part of a municipality with `aantal` areas (for pdf_financien.html); its
    chart without bars, whose labels would read like table rows."""
    rijen = [Bedragen(f"Gebied {i:03d}", 20 + i, 18 + i, 2, 1) for i in range(aantal)]
    som = {k: sum(getattr(r, k) for r in rijen) for k in ("begroting", "realisatie", "reserve")}
    totaal = Bedragen("Totaal", som["begroting"], som["realisatie"], 2 * aantal, som["reserve"])
    return {
        "jaar": 2020,
        "gemeente": "Gemeente Proef",
        "financien": rijen,
        "totaal": totaal,
        "grafiek": begroting_realisatie([]),
    }


def tabelregels(tekst: str) -> list[str]:
    """The lines of a page's table below each repeated header, in order."""
    regels = [" ".join(r.split()) for r in tekst.splitlines()]
    return [r for r in regels if r.startswith(("Gebied ", "Totaal")) and r != TABELKOP]


def test_cover_colophon_running_header_and_page_numbers(demo):
    pdf = Publicatie.objects.get().lees_pdf()
    tekst = paginas(pdf)
    omslag, colofon, lijf = tekst[0], tekst[-1], tekst[1:-1]

    # The cover: municipality, title and year, not where the data came from.
    assert "Gemeente Woerden" in omslag
    assert "Paragraaf 5 Gebiedsgericht werken" in omslag and "Jaarverslag 2020" in omslag
    assert "gebouwd op" not in omslag
    # The colophon, on the last page: the provenance, the municipality and the year.
    assert colofon.startswith("Colofon")
    assert "Deze pagina is gebouwd op" in colofon and "met de export van" in colofon
    assert "Gemeente Woerden" in colofon and "jaarverslag 2020" in colofon
    assert "gebouwd op" not in " ".join(lijf)
    # Cover and colophon carry neither the running header nor a page number.
    for pagina in (omslag, colofon):
        assert HOOFDSTUK not in pagina and not PAGINA.search(pagina)
    # Every other page has both, numbered as the PDF viewer counts.
    for nummer, pagina in enumerate(lijf, start=2):
        assert HOOFDSTUK in pagina, nummer
        assert PAGINA.search(pagina).groups() == (str(nummer), str(len(tekst))), nummer
    # The contents, on the cover page, give the page of each area's heading.
    gebiedskoppen = {}
    for titel, pagina in koppen(pdf):  # the first: the appendix names the areas again
        gebiedskoppen.setdefault(titel, pagina)
    for g in Publicatie.objects.get().data["gebieden"]:
        assert re.search(rf"{re.escape(g['naam'])} ?\.+ ?{gebiedskoppen[g['naam']]}\b", omslag)


def test_pdf_ua_identification_language_title_and_tagged_structure(demo):
    pdf = Publicatie.objects.get().lees_pdf()
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfuaid:part(>|=\")1", xmp)
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title == HOOFDSTUK
    labels = structuur_labels(pdf)
    assert "/H1" in labels and "/H2" in labels and "/Table" in labels
    # The running header and page numbers are artifacts, not text a screen reader reads out:
    # no structure element holds them (the cover's title has no year, the header has).
    assert HOOFDSTUK not in str([t for t, _ in koppen(pdf)])


def test_cover_logo_has_alt_text_and_a_draft_says_so(demo):
    rij = Gemeente.objects.get()
    rij.logo.save("logo.svg", ContentFile(SVG))
    cache.clear()
    pdf = maak_pdf(samenstellen(demo), "Concept, niet gepubliceerd", versie=3, concept=True)
    reader = PdfReader(io.BytesIO(pdf))

    figuren, te_doen = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while te_doen:
        element = te_doen.pop().get_object()
        if not hasattr(element, "get"):
            continue
        if element.get("/S") == "/Figure":
            figuren.append(str(element.get("/Alt")))
        kinderen = element.get("/K", [])
        te_doen.extend(kinderen if isinstance(kinderen, list) else [kinderen])
    assert "Logo Gemeente Woerden" in figuren

    tekst = paginas(pdf)
    assert "Concept, niet gepubliceerd" in tekst[0]
    assert f"Concept – {HOOFDSTUK}" in tekst[1]
    assert "Versie 3." in tekst[-1]


def test_bijlage_begint_op_finds_the_heading_not_the_contents_entry(demo):
    pdf = Publicatie.objects.get().lees_pdf()
    pagina = bijlage_begint_op(pdf)
    tekst = paginas(pdf)
    assert pagina is not None and pagina > 2  # not the contents' entry on the cover
    assert BIJLAGE in tekst[pagina - 1] and BIJLAGE not in " ".join(tekst[: pagina - 1])
    assert (
        bijlage_begint_op(maak_pdf(financieel_deel(3), "", "rapportage/pdf_financien.html")) is None
    )


def test_a_table_over_pages_repeats_its_header_splits_no_row_and_keeps_the_total_with_a_row():
    sjabloon = "rapportage/pdf_financien.html"
    lang = maak_pdf(financieel_deel(60), "", sjabloon)
    tekst = [p.extract_text() for p in PdfReader(io.BytesIO(lang)).pages]
    met_tabel = [t for t in tekst if TABELKOP in " ".join(t.split())]
    assert len(met_tabel) >= 2  # the header repeats on the next page
    # As many areas as fill the first page exactly: the total row would be alone on page 2.
    op_eerste = sum(1 for r in tabelregels(tekst[0]) if r.startswith("Gebied "))
    precies = maak_pdf(financieel_deel(op_eerste), "", sjabloon)
    for pdf, aantal in ((lang, 60), (precies, op_eerste)):
        regels_per_pagina = [
            tabelregels(t.extract_text()) for t in PdfReader(io.BytesIO(pdf)).pages
        ]
        alle = [r for regels in regels_per_pagina for r in regels]
        # every row once and whole (its name and its four figures on one line)
        assert [r.split()[1] for r in alle[:-1]] == [f"{i:03d}" for i in range(aantal)]
        assert all(len(r.split()) == 6 for r in alle[:-1])
        assert alle[-1].startswith("Totaal")
        for regels in regels_per_pagina:
            if regels:
                assert not regels[0].startswith("Totaal"), regels


def test_each_published_version_names_itself_in_its_colophon(demo):
    from rapportage.services import publiceer

    tweede = publiceer(paragraaf=demo, door=None, toelichting="Correctie")
    assert "Versie 1." in paginas(Publicatie.objects.get(versie=1).lees_pdf())[-1]
    assert "Versie 2." in paginas(tweede.lees_pdf())[-1]


def test_the_draft_pdf_made_in_the_background_says_it_is_a_draft(demo):
    from rapportage.models import Opdracht
    from rapportage.opdrachten import maak_concept_pdf

    opdracht = Opdracht.objects.create(
        jaar=2020, paragraaf=demo, soort=Opdracht.Soort.CONCEPT_PDF, status="bezig"
    )
    maak_concept_pdf(opdracht)
    with opdracht.bestand.open("rb") as bestand:
        eerste, *_rest = paginas(bestand.read())
    assert "Concept, niet gepubliceerd" in eerste
