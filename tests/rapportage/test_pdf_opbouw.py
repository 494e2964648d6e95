"""How the PDF is built: focus points as tagged list items, fonts and page references that
WeasyPrint would otherwise recompute for every PDF or every element."""

import io

import pydyf
import pytest
from django.urls import reverse
from pypdf import PdfReader

from rapportage import paginaverwijzingen
from rapportage.models import Publicatie
from rapportage.pdf import GeweigerdeURL, lettertype_als_truetype
from tests.rapportage.test_paragraaf import pdf_tekst

TRUETYPE = b"\x00\x01\x00\x00"
NOTO = "http://static.invalid/static/vendor/noto-sans/files/noto-sans-latin-400-normal.woff2"


def structuur_labels(pdf: bytes) -> list[str]:
    """The role of every element of the PDF's structure tree (what a screen reader follows)."""
    labels, te_doen = [], [PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]]
    while te_doen:
        element = te_doen.pop().get_object()
        if not hasattr(element, "get"):
            continue
        if "/S" in element:
            labels.append(str(element["/S"]))
        kinderen = element.get("/K", [])
        te_doen.extend(kinderen if isinstance(kinderen, list) else [kinderen])
    return labels


@pytest.mark.django_db
def test_focus_points_are_tagged_list_items_with_a_bullet_in_the_pdf_only(
    client, coordinator, demo
):
    pdf = Publicatie.objects.get().lees_pdf()
    assert "• Bouwweg Oasen (afgerond)" in pdf_tekst(pdf)
    gebieden = Publicatie.objects.get().data["gebieden"]
    aantal_focuspunten = sum(len(g["register"]) for g in gebieden)  # the appendix's register
    assert structuur_labels(pdf).count("/LI") >= aantal_focuspunten

    client.force_login(coordinator)
    pagina = client.get(reverse("rapportage:concept", args=[2020])).content.decode()
    assert "Bouwweg Oasen (afgerond)" in pagina and "• Bouwweg" not in pagina


def test_fonts_reach_weasyprint_decompressed_once_per_process():
    lettertype = lettertype_als_truetype(NOTO)
    assert lettertype.startswith(TRUETYPE)
    assert lettertype_als_truetype(NOTO) is lettertype
    with pytest.raises(GeweigerdeURL):
        lettertype_als_truetype("http://example.com/kwaad.woff2")


def test_remembered_page_references_follow_every_added_page():
    pdf = pydyf.PDF()
    for _ in range(5):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert pdf.page_references == paginaverwijzingen._ORIGINEEL.fget(pdf)
    assert len(pdf.page_references) == 5


def test_the_page_reference_speed_up_is_checked_against_the_installed_pydyf():
    assert pydyf.__version__ in paginaverwijzingen.GECONTROLEERDE_VERSIES, (
        "pydyf changed: check whether PDF.page_references is still rebuilt per access and "
        "whether rapportage/paginaverwijzingen.py is still right (or still needed)"
    )
    assert pydyf.PDF.page_references.fget is paginaverwijzingen._page_references
