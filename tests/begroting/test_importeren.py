import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import Workbook

from begroting.importeren import OnleesbaarBestand, lees_bestand, plan_import
from begroting.models import Begrotingsjaar, Begrotingspost
from begroting.services import importeer
from tests.gebieden.factories import GebiedFactory

D = Decimal
pytestmark = pytest.mark.django_db
KOP = "jaar;gebied;naam;taakveld;primitieve begroting;begroting na wijziging;realisatie\n"


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def jaar():
    jaar = Begrotingsjaar.objects.create(jaar=2021)
    binnenstad = GebiedFactory(naam="Binnenstad", cbs_code="WK063201")
    GebiedFactory(naam="Harmelen", soort="dorp")
    Begrotingspost.objects.create(
        jaar=jaar,
        gebied=binnenstad,
        naam="Wijkbudget",
        primitieve_begroting=D("20000"),
        begroting_na_wijziging=D("20000"),
        realisatie=D("1000"),
    )
    return jaar


def plan(jaar, csv_tekst):
    return plan_import(jaar, lees_bestand("cijfers.csv", csv_tekst.encode("utf-8")))


def test_preview_shows_new_changed_and_unchanged_lines(jaar):
    resultaat = plan(
        jaar,
        KOP
        + "2021;Binnenstad;Wijkbudget;0.1;20.000,00;20.000,00;18.950,25\n"
        + "2021;WK063201;Extra budget;;;5.000;0\n"
        + "2021;Algemeen;Algemeen;;50000;52500;49750\n",
    )
    assert resultaat.geldig
    assert [p.naam for p in resultaat.nieuw] == ["Extra budget", "Algemeen"]
    wijziging = resultaat.gewijzigd[0]
    assert ("realisatie", "€ 1.000,00", "€ 18.950,25") in wijziging.velden
    assert jaar.posten.get().realisatie == D("1000")  # nothing written yet


@pytest.mark.parametrize(
    ("regel", "kolom", "melding"),
    [
        ("2021;Atlantis;Wijkbudget X;;1;1;1", "gebied", "Onbekend gebied „Atlantis”."),
        ("2021;Binnenstad;" + "x" * 201 + ";;1;1;1", "naam", "langer dan 200 tekens"),
        ("2021;Binnenstad;Post;;1;abc;1", "begroting na wijziging", "„abc” is geen bedrag"),
        (
            "2021;Binnenstad;Post;;1;1;12,345",
            "realisatie",
            "„12,345” heeft meer dan twee cijfers achter de komma; staan de bedragen in "
            "duizenden? Kies dan x € 1.000.",
        ),
        ("2020;Binnenstad;Post;;1;1;1", "jaar", "Deze regel is voor 2020, niet voor 2021."),
    ],
)
def test_every_problem_is_named_by_row_and_column(jaar, regel, kolom, melding):
    resultaat = plan(jaar, KOP + "2021;Harmelen;Goed;;1;1;1\n" + regel + "\n")
    assert not resultaat.geldig
    probleem = resultaat.problemen[0]
    assert (probleem.rij, probleem.kolom) == (3, kolom)
    assert melding in probleem.melding


def test_duplicate_lines_in_the_file_are_refused(jaar):
    resultaat = plan(jaar, KOP + "2021;Harmelen;Post;;1;1;1\n2021;harmelen;post;;2;2;2\n")
    assert [(p.rij, p.melding) for p in resultaat.problemen] == [
        (3, "Deze post staat ook op regel 2.")
    ]


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("cijfers.txt", b"x", "Kies een CSV- of Excel-bestand"),
        ("cijfers.csv", b"", "Het bestand is leeg."),
        (
            "cijfers.csv",
            b"gebied;naam\nA;B\n",
            "mist de kolom(men): begroting na wijziging, realisatie",
        ),
        ("cijfers.xlsx", b"geen excel", "kan niet worden gelezen"),
    ],
)
def test_unreadable_files_are_explained(naam, inhoud, melding):
    with pytest.raises(OnleesbaarBestand, match=melding.replace("(", r"\(").replace(")", r"\)")):
        lees_bestand(naam, inhoud)


def test_excel_and_windows_csv_are_read(jaar):
    boek = Workbook()
    blad = boek.active
    blad.append(["Gebied", "Naam", "Begroting na wijziging", "Realisatie"])
    blad.append(["Harmelen", "Dorpsbudget", 30000, 31500.5])
    uitvoer = io.BytesIO()
    boek.save(uitvoer)
    rijen = lees_bestand("cijfers.xlsx", uitvoer.getvalue())
    assert plan_import(jaar, rijen).nieuw[0].realisatie == D("31500.50")
    windows = "gebied;naam;begroting;realisatie\nHarmelen;Café;1;1\n".encode("cp1252")
    assert plan_import(jaar, lees_bestand("c.csv", windows)).nieuw[0].naam == "Café"


def test_bad_row_in_the_middle_leaves_the_database_unchanged(client, financien, jaar):
    client.force_login(financien)
    bestand = io.BytesIO(
        (
            KOP
            + "2021;Binnenstad;Wijkbudget;;20000;20000;5000\n"
            + "2021;Harmelen;Dorpsbudget;;1;één;1\n"
            + "2021;Algemeen;Algemeen;;1;1;1\n"
        ).encode()
    )
    bestand.name = "cijfers.csv"
    response = client.post(reverse("begroting:importeren", args=[2021]), {"bestand": bestand})
    pagina = tekst(response)
    assert response.status_code == 400
    assert "Er is 1 probleem in cijfers.csv; er is niets ingelezen." in pagina
    assert jaar.posten.count() == 1 and jaar.posten.get().realisatie == D("1000")


def test_preview_then_confirm_writes_everything_with_history(client, financien, jaar):
    client.force_login(financien)
    bestand = io.BytesIO(
        (
            KOP + "2021;Binnenstad;Wijkbudget;;20000;20000;5000\n2021;Algemeen;Algemeen;;1;1;1\n"
        ).encode()
    )
    bestand.name = "cijfers.csv"
    url = reverse("begroting:importeren", args=[2021])
    voorbeeld = tekst(client.post(url, {"bestand": bestand}))
    assert "1 nieuwe posten, 1 gewijzigde posten, 0 ongewijzigd." in voorbeeld
    assert "Realisatie € 1.000,00 → € 5.000,00" in voorbeeld
    assert jaar.posten.get().realisatie == D("1000")
    response = client.post(url, {"bevestig": "1"}, follow=True)
    assert "Ingelezen: 1 nieuwe en 1 gewijzigde posten." in tekst(response)
    assert jaar.posten.get(naam="Wijkbudget").realisatie == D("5000")
    laatste = jaar.posten.get(naam="Wijkbudget").history.first()
    assert laatste.realisatie == D("5000") and laatste.history_user == financien


def test_confirm_after_someone_else_changed_the_year_is_refused(client, financien, jaar):
    client.force_login(financien)
    bestand = io.BytesIO((KOP + "2021;Binnenstad;Wijkbudget;;20000;20000;5000\n").encode())
    bestand.name = "cijfers.csv"
    url = reverse("begroting:importeren", args=[2021])
    client.post(url, {"bestand": bestand})
    Begrotingsjaar.objects.filter(pk=jaar.pk).update(versie=jaar.versie + 1)
    response = client.post(url, {"bevestig": "1"})
    assert response.status_code == 409
    assert "na het voorbeeld veranderd" in tekst(response)
    assert jaar.posten.get().realisatie == D("1000")


def test_interrupted_import_leaves_no_partial_data(jaar, monkeypatch):
    resultaat = plan(jaar, KOP + "".join(f"2021;Algemeen;Post {i};;1;1;1\n" for i in range(50)))
    import begroting.importeren as module
    import begroting.services

    def breekt_af(*args, **kwargs):
        raise ConnectionError("verbinding verbroken")

    monkeypatch.setattr(begroting.services, "bulk_update_with_history", breekt_af)
    resultaat.gewijzigd.append(module.Wijziging(jaar.posten.get(), []))
    with pytest.raises(ConnectionError):
        importeer(plan=resultaat)
    assert jaar.posten.count() == 1
    jaar.refresh_from_db()
    assert jaar.versie == 1


def test_export_reads_back_as_an_unchanged_import(client, raadslid, jaar):
    client.force_login(raadslid)
    response = client.get(reverse("begroting:export", args=[2021]))
    inhoud = response.content.decode("utf-8-sig")
    assert inhoud.splitlines()[1] == "2021;Binnenstad;Wijkbudget;;20000,00;20000,00;1000,00;"
    terug = plan_import(jaar, lees_bestand("begroting-2021.csv", inhoud.encode()))
    assert terug.geldig and terug.ongewijzigd == 1 and not terug.nieuw and not terug.gewijzigd


def test_a_name_a_spreadsheet_would_run_is_defused_and_reads_back_unchanged(client, raadslid, jaar):
    jaar.posten.update(naam="=HYPERLINK(1)", taakveld="-7")
    client.force_login(raadslid)
    inhoud = client.get(reverse("begroting:export", args=[2021])).content.decode("utf-8-sig")
    assert "Binnenstad;'=HYPERLINK(1);'-7;" in inhoud
    terug = plan_import(jaar, lees_bestand("begroting-2021.csv", inhoud.encode()))
    assert terug.geldig and terug.ongewijzigd == 1 and not terug.nieuw and not terug.gewijzigd


def test_example_file_imports(jaar):
    from pathlib import Path

    voorbeeld = (
        Path(__file__).resolve().parents[2] / "docs/voorbeelden/begroting-import-voorbeeld.csv"
    )
    resultaat = plan_import(jaar, lees_bestand(voorbeeld.name, voorbeeld.read_bytes()))
    assert resultaat.geldig, resultaat.problemen
    assert len(resultaat.nieuw) == 3


def test_closed_year_refuses_imports(client, financien, jaar):
    Begrotingsjaar.objects.filter(pk=jaar.pk).update(gesloten=True)
    client.force_login(financien)
    bestand = io.BytesIO(KOP.encode())
    bestand.name = "cijfers.csv"
    assert (
        client.post(reverse("begroting:importeren", args=[2021]), {"bestand": bestand}).status_code
        == 403
    )
