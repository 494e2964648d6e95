"""The budget import as finance staff have it: amounts in euros or in thousands, a total row,
and the example export in docs/voorbeelden/ read through the page."""

import html
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from begroting.models import Begrotingsjaar, Begrotingspost
from tests.gebieden.factories import GebiedFactory

D = Decimal
pytestmark = pytest.mark.django_db
VOORBEELD = Path(__file__).resolve().parents[2] / "docs/voorbeelden/begroting-import-duizenden.csv"


def tekst(response) -> str:
    """The page as a reader gets it: the text without tags, spaces collapsed."""
    main = response.content.decode().split("<main", 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def csv_bestand(inhoud: str, naam="cijfers.csv"):
    bestand = io.BytesIO(inhoud.encode())
    bestand.name = naam
    return bestand


@pytest.fixture
def jaar():
    jaar = Begrotingsjaar.objects.create(jaar=2021)
    GebiedFactory(naam="Binnenstad", cbs_code="WK063201")
    GebiedFactory(naam="Harmelen", soort="dorp", cbs_code="WK063208")
    return jaar


@pytest.fixture
def pagina(client, financien, jaar):
    client.force_login(financien)
    url = reverse("begroting:importeren", args=[2021])

    def stuur(inhoud, eenheid=None, naam="cijfers.csv"):
        gegevens = {"bestand": csv_bestand(inhoud, naam) if isinstance(inhoud, str) else inhoud}
        if eenheid:
            gegevens["eenheid"] = eenheid
        return client.post(url, gegevens)

    stuur.bevestig = lambda: client.post(url, {"bevestig": "1"}, follow=True)
    stuur.url = url
    return stuur


def test_the_form_offers_euro_or_thousands_as_a_group_with_a_legend(client, financien, jaar):
    client.force_login(financien)
    html = client.get(reverse("begroting:importeren", args=[2021])).content.decode()
    fieldset = html[html.index("<fieldset") : html.index("</fieldset>")]
    assert "Bedragen in het bestand</legend>" in fieldset
    assert 'value="euro"' in fieldset and 'value="duizend"' in fieldset
    assert ">in euro</label>" in fieldset and ">x € 1.000</label>" in fieldset
    euro = fieldset[fieldset.index('value="euro"') :].split(">", 1)[0]
    assert "checked" in euro  # euro unless chosen otherwise


def test_amounts_in_thousands_are_shown_and_stored_times_1000(pagina, jaar):
    response = pagina(
        "gebied;naam;begroting na wijziging;realisatie\n"
        "Binnenstad;Wijkbudget;22,5;19,85\n"
        "Harmelen;Dorpsbudget;30;12,345\n",
        eenheid="duizend",
    )
    voorbeeld = tekst(response)
    assert response.status_code == 200
    assert "Bedragen gelezen als x € 1.000" in voorbeeld
    assert "Binnenstad – Wijkbudget: begroting € 22.500,00, realisatie € 19.850,00" in voorbeeld
    assert "Harmelen – Dorpsbudget: begroting € 30.000,00, realisatie € 12.345,00" in voorbeeld
    assert "Let op:" not in voorbeeld
    assert not Begrotingspost.objects.exists()

    # the choice travels with the waiting file: the confirmation stores what the preview showed
    assert "Ingelezen: 2 nieuwe en 0 gewijzigde posten." in tekst(pagina.bevestig())
    assert {
        p.naam: (p.primitieve_begroting, p.begroting_na_wijziging, p.realisatie)
        for p in jaar.posten.all()
    } == {
        "Wijkbudget": (D("22500.00"), D("22500.00"), D("19850.00")),
        "Dorpsbudget": (D("30000.00"), D("30000.00"), D("12345.00")),
    }


def test_euro_is_read_as_written_and_said_so(pagina, jaar):
    voorbeeld = tekst(
        pagina("gebied;naam;begroting;realisatie\nBinnenstad;Wijkbudget;22.500;19.850,25\n")
    )
    assert "Bedragen gelezen in euro." in voorbeeld
    assert "begroting € 22.500,00, realisatie € 19.850,25" in voorbeeld
    assert "Let op:" not in voorbeeld


def test_euros_that_all_look_like_thousands_get_a_warning_not_an_error(pagina, jaar):
    response = pagina(
        "gebied;naam;begroting;realisatie\n"
        "Binnenstad;Wijkbudget;22,5;19,85\n"
        "Harmelen;Dorpsbudget;30;0\n"
    )
    voorbeeld = tekst(response)
    assert response.status_code == 200 and "Ja, deze cijfers inlezen" in voorbeeld
    assert (
        "Let op: Alle bedragen zijn kleiner dan € 1.000; staan ze misschien in duizenden? "
        "Kies dan x € 1.000."
    ) in voorbeeld
    # chosen as thousands, the same file gives no warning
    assert "Let op:" not in tekst(
        pagina(
            "gebied;naam;begroting;realisatie\nBinnenstad;Wijkbudget;22,5;19,85\n",
            eenheid="duizend",
        )
    )


def test_column_names_in_thousands_read_as_euros_get_a_warning(pagina, jaar):
    voorbeeld = tekst(
        pagina(
            "gebied;naam;begroting (x € 1.000);realisatie (x € 1.000)\n"
            "Binnenstad;Wijkbudget;1.250;1.300\n"
        )
    )
    assert "De kolomnamen noemen x € 1.000, maar de bedragen zijn gelezen in euro." in voorbeeld
    assert "begroting € 1.250,00" in voorbeeld


def test_more_decimals_than_cents_in_thousands_are_refused_by_row_and_column(pagina, jaar):
    response = pagina(
        "gebied;naam;begroting;realisatie\nBinnenstad;Wijkbudget;22,5;19,123456\n",
        eenheid="duizend",
    )
    assert response.status_code == 400
    assert "2 realisatie „19,123456” × € 1.000 geeft geen hele centen" in tekst(response)


def test_a_total_row_that_adds_up_is_checked_and_not_imported(pagina, jaar):
    voorbeeld = tekst(
        pagina(
            "gebied;naam;begroting;realisatie\n"
            "Binnenstad;Wijkbudget;22,5;19,85\n"
            "Harmelen;Dorpsbudget;30;31,5\n"
            "Totaal;;52,5;51,35\n",
            eenheid="duizend",
        )
    )
    assert "2 nieuwe posten" in voorbeeld
    assert (
        "Totaalregel klopt met de som van de regels (regel 4); de totaalregel zelf wordt niet "
        "ingelezen."
    ) in voorbeeld
    pagina.bevestig()
    assert sorted(jaar.posten.values_list("naam", flat=True)) == ["Dorpsbudget", "Wijkbudget"]


@pytest.mark.parametrize(
    "totaalregel",
    [
        "EINDTOTAAL;;52,5;51,35",  # Excel's pivot table, any capitals
        "Grand Total:;;52,5;51,35",
        ";Totaal;52,5;51,35",  # the label in the name column, the area cell empty
    ],
)
def test_total_rows_as_exports_write_them_are_recognised(pagina, jaar, totaalregel):
    response = pagina(
        "gebied;naam;begroting;realisatie\n"
        "Binnenstad;Wijkbudget;22,5;19,85\n"
        "Harmelen;Dorpsbudget;30;31,5\n" + totaalregel + "\n",
        eenheid="duizend",
    )
    assert response.status_code == 200
    assert "Totaalregel klopt met de som van de regels (regel 4)" in tekst(response)


def test_a_total_row_that_does_not_add_up_names_the_column_the_total_and_the_sum(pagina, jaar):
    response = pagina(
        "jaar;gebied;naam;begroting;realisatie\n"
        "2021;Binnenstad;Wijkbudget;22,5;19,85\n"
        "2021;Harmelen;Dorpsbudget;30;31,5\n"
        "Totaal;;;52,5;51\n",
        eenheid="duizend",
    )
    pagina_tekst = tekst(response)
    assert response.status_code == 400
    assert "Er is 1 probleem in cijfers.csv; er is niets ingelezen." in pagina_tekst
    assert (
        "4 realisatie De totaalregel geeft € 51.000,00, maar de regels tellen op tot "
        "€ 51.350,00 (verschil € −350,00)."
    ) in pagina_tekst
    assert "Onbekend gebied" not in pagina_tekst
    assert not Begrotingspost.objects.exists()


def test_the_example_export_in_thousands_imports_through_the_page(pagina, jaar):
    """docs/voorbeelden/begroting-import-duizenden.csv: x € 1.000, a CBS-code column whose
    names differ from ours, no line-name column, a total row."""
    with VOORBEELD.open("rb") as bestand:
        response = pagina(bestand, eenheid="duizend")
    voorbeeld = tekst(response)
    assert response.status_code == 200, voorbeeld
    assert "Bedragen gelezen als x € 1.000" in voorbeeld
    assert "Totaalregel klopt met de som van de regels" in voorbeeld
    assert "2 posten zonder naam in het bestand heten „Gebiedsbudget”." in voorbeeld
    assert "Let op:" not in voorbeeld
    assert "Ingelezen: 2 nieuwe en 0 gewijzigde posten." in tekst(pagina.bevestig())
    opgeslagen = {
        (p.gebied.naam, p.naam): (
            p.taakveld,
            p.primitieve_begroting,
            p.begroting_na_wijziging,
            p.realisatie,
        )
        for p in jaar.posten.select_related("gebied")
    }
    assert opgeslagen == {
        ("Binnenstad", "Gebiedsbudget"): ("6720101", D("20000"), D("22500"), D("19850")),
        ("Harmelen", "Gebiedsbudget"): ("6720108", D("30000"), D("30000"), D("31512.34")),
    }


def test_the_example_read_as_euros_warns_about_the_column_names(pagina, jaar):
    with VOORBEELD.open("rb") as bestand:
        voorbeeld = tekst(pagina(bestand))
    assert "De kolomnamen noemen x € 1.000" in voorbeeld
