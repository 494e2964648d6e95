"""The map and the key figures in the published PDF of the demo, read back: the map a tagged
figure with its text alternative, the table of its areas beside it, the figures per area."""

import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from rapportage.models import Publicatie
from tests.rapportage.test_pdf_hoofdstuk import paginas

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    """The Woerden demo, with its figures and schematic map, and its published 2020 paragraph."""
    call_command("demo", stdout=io.StringIO())


def figuren(pdf: bytes) -> list[str]:
    """The text alternative of every figure in the PDF's structure tree."""
    gevonden, te_doen = [], [PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]]
    while te_doen:
        element = te_doen.pop().get_object()
        if not hasattr(element, "get"):
            continue
        if element.get("/S") == "/Figure":
            gevonden.append(str(element.get("/Alt")))
        kinderen = element.get("/K", [])
        te_doen.extend(kinderen if isinstance(kinderen, list) else [kinderen])
    return gevonden


def test_the_map_is_a_tagged_figure_backed_by_a_table_of_its_areas(demo):
    publicatie = Publicatie.objects.get()
    pdf = publicatie.lees_pdf()
    assert "Kaart van de gebieden" in figuren(pdf)
    overzicht = next(p for p in paginas(pdf) if "Overzicht" in p and "Kerncijfers" in p)
    assert "Gebieden op de kaart en hun aantal buurten" in overzicht
    for vlak in publicatie.data["kaart"]["vlakken"]:
        assert re.search(rf"{re.escape(vlak['naam'])} {vlak['buurten']}\b", overzicht)
    assert "Gebied (een link naar zijn pagina)" in overzicht  # the legend, in words


def test_each_area_has_its_key_figures_with_the_change_in_the_pdf(demo):
    publicatie = Publicatie.objects.get()
    tekst = " ".join(paginas(publicatie.lees_pdf())).replace("\xa0", " ")
    # Molenvliet's figures are summed from three buurten of two CBS wijken (tests/wijkprofiel/
    # test_demo.py); the change is against 2019.
    assert "Molenvliet In cijfers (CBS 2020): inwoners 11.501 (−43);" in tekst
    met_cijfers = [g for g in publicatie.data["gebieden"] if g["cijfers"]]
    assert len(met_cijfers) >= 8
    for g in met_cijfers:
        regels = [f"{c['kort']} {c['waarde']} ({c['verandering']})" for c in g["cijfers"]]
        assert (
            f"{g['naam']} In cijfers (CBS 2020): {'; '.join(regels)}.".replace("\xa0", " ") in tekst
        )
