"""The budget import page refuses a file over the row limit as a whole, with a clear message,
and keeps nothing of it (kern.bestanden reads it as a stream and stops at the limit)."""

import html
import io
import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from openpyxl import Workbook

from begroting.importeren import MAX_RIJEN
from begroting.models import Begrotingsjaar, Begrotingspost
from tests.gebieden.factories import GebiedFactory

pytestmark = pytest.mark.django_db
MELDING = (
    "Het bestand heeft meer dan 50.000 rijen; er is niets ingelezen. Splits het bestand, of "
    "verwijder de lege rijen onder de cijfers."
)


def tekst(response) -> str:
    main = response.content.decode().split("<main", 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


@pytest.fixture
def pagina(client, financien):
    Begrotingsjaar.objects.create(jaar=2021)
    GebiedFactory(naam="Binnenstad")
    client.force_login(financien)
    return reverse("begroting:importeren", args=[2021])


def bewaarde_imports() -> list[str]:
    return default_storage.listdir("imports")[1] if default_storage.exists("imports") else []


def test_an_excel_file_over_the_row_limit_is_refused_whole(client, pagina, tmp_path):
    boek = Workbook(write_only=True)
    blad = boek.create_sheet()
    blad.append(["begroting", "realisatie"])  # each line "Gebiedsbudget" of Algemeen
    for i in range(MAX_RIJEN + 2000):
        blad.append([100, i])
    boek.save(tmp_path / "groot.xlsx")
    voor = bewaarde_imports()
    with open(tmp_path / "groot.xlsx", "rb") as bestand:
        response = client.post(pagina, {"bestand": bestand, "eenheid": "euro"})
    assert response.status_code == 400
    assert MELDING in tekst(response)
    assert not Begrotingspost.objects.exists()
    assert bewaarde_imports() == voor  # nothing waits for a confirmation
    assert 'value="euro" id="id_eenheid_0" checked' in response.content.decode()


def test_a_csv_over_the_row_limit_is_refused_whole(client, pagina):
    regels = "".join(f"Binnenstad;Post {i};100;90\n" for i in range(MAX_RIJEN + 1))
    bestand = io.BytesIO(("gebied;naam;begroting;realisatie\n" + regels).encode())
    bestand.name = "groot.csv"
    response = client.post(pagina, {"bestand": bestand})
    assert response.status_code == 400
    assert MELDING in tekst(response)
    assert not Begrotingspost.objects.exists()


def test_a_csv_at_the_row_limit_is_read(client, pagina):
    regels = "".join(f"Binnenstad;Post {i};100;90\n" for i in range(MAX_RIJEN))
    bestand = io.BytesIO(("gebied;naam;begroting;realisatie\n" + regels).encode())
    bestand.name = "precies.csv"
    response = client.post(pagina, {"bestand": bestand})
    assert response.status_code == 200
    assert "50000 nieuwe posten" in tekst(response)


def test_a_post_without_a_file_is_explained_in_the_error_summary(client, pagina):
    response = client.post(pagina, {"eenheid": "euro"})
    pagina_html = response.content.decode()
    assert response.status_code == 400
    assert (
        '<a class="utrecht-link" href="#id_bestand">Bestand (CSV of Excel): Kies een bestand.'
        in (pagina_html)
    )
    assert 'aria-invalid="true"' in pagina_html
