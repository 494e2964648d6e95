"""Importing a municipality's areas from a file (gebieden.gebiedsimport, gebieden.inlezen): the
CBS list of wijken and buurten in the forms a user downloads, and a CSV of its own areas. The
file is read in a task; the coordinator sees the plan and every problem; nothing is written
before the confirmation, and then all or nothing."""

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gebieden import inlezen
from gebieden.models import Gebied, Gebiedsimport, Gemeente
from tests.gebieden.factories import GebiedFactory

pytestmark = pytest.mark.django_db

VOORBEELDEN = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden"
KWB = VOORBEELDEN / "cbs-kwb-voorbeeld.csv"
STATLINE = VOORBEELDEN / "cbs-statline-wijken-en-buurten.csv"
EIGEN = VOORBEELDEN / "gebieden-eigen.csv"
URL = "/beheer/gemeente/gebieden-inlezen/"


@pytest.fixture
def voorbeeldwaard(db):
    return Gemeente.objects.create(naam="Gemeente Voorbeeldwaard", cbs_code="GM9901")


def tekst(response) -> str:
    return " ".join(response.content.decode().split())


def upload(client, inhoud: bytes, naam: str, **velden):
    """Upload a file and follow to the import's page (the task has read it by then)."""
    data = {"bron": "cbs", "wijken_als": "wijk", **velden}
    data["bestand"] = SimpleUploadedFile(naam, inhoud)
    return client.post(URL, data, follow=True)


def bevestig(client, antwoord):
    return client.post(antwoord.redirect_chain[-1][0], follow=True)


def als_xlsx(csv_pad: Path) -> bytes:
    """The kwb file as CBS also publishes it: the same rows in an Excel workbook."""
    boek = openpyxl.Workbook()
    blad = boek.active
    for regel in csv_pad.read_text(encoding="utf-8").splitlines():
        blad.append(regel.split(";"))
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def codes() -> dict[str, tuple[str, str, str | None]]:
    return {
        g.cbs_code: (g.naam, g.soort, g.ouder.cbs_code if g.ouder else None)
        for g in Gebied.objects.select_related("ouder").exclude(cbs_code="")
    }


VOORBEELDWAARD = {
    "WK990100": ("Centrum", "wijk", None),
    "BU99010000": ("Centrum-Noord", "buurt", "WK990100"),
    "BU99010001": ("Centrum-Zuid", "buurt", "WK990100"),
    "WK990101": ("Rijnzicht", "wijk", None),
    "BU99010100": ("Rijnzicht-Oost", "buurt", "WK990101"),
    "BU99010101": ("Rijnzicht-West", "buurt", "WK990101"),
}


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("kwb-2024.csv", lambda: KWB.read_bytes()),
        ("kwb-2024.xlsx", lambda: als_xlsx(KWB)),
        ("statline-85984NED.csv", lambda: STATLINE.read_bytes()),
    ],
)
def test_cbs_wijken_and_buurten_of_the_municipality_are_shown_then_created(
    client, coordinator, voorbeeldwaard, naam, inhoud
):
    client.force_login(coordinator)
    antwoord = upload(client, inhoud(), naam)
    pagina = tekst(antwoord)
    assert "6 nieuwe gebieden" in pagina and "Centrum-Noord" in pagina
    assert "Buurgemeente" not in pagina and "Overkant" not in pagina  # other municipalities
    assert not Gebied.objects.exists()  # nothing before the confirmation

    antwoord = bevestig(client, antwoord)
    assert "6 gebieden zijn aangemaakt." in tekst(antwoord)
    assert codes() == VOORBEELDWAARD  # "Wijk 00 Centrum" became Centrum, buurten in their wijk
    assert Gebiedsimport.objects.get().status == Gebiedsimport.Status.INGELEZEN


def test_cbs_wijken_can_become_dorpen_and_get_a_start_date(client, coordinator, voorbeeldwaard):
    client.force_login(coordinator)
    bevestig(
        client,
        upload(client, KWB.read_bytes(), "kwb.csv", wijken_als="dorp", geldig_van="2025-01-01"),
    )
    centrum = Gebied.objects.get(cbs_code="WK990100")
    assert centrum.soort == "dorp" and str(centrum.geldig_van) == "2025-01-01"


def test_a_second_import_adds_only_what_is_new(client, coordinator, voorbeeldwaard):
    GebiedFactory(naam="Centrum (eigen naam)", soort="wijk", cbs_code="WK990100")
    client.force_login(coordinator)
    antwoord = upload(client, KWB.read_bytes(), "kwb.csv")
    assert "5 nieuwe gebieden; 1 bestaat al en wordt overgeslagen" in tekst(antwoord)
    bevestig(client, antwoord)
    assert Gebied.objects.get(cbs_code="WK990100").naam == "Centrum (eigen naam)"
    assert Gebied.objects.get(cbs_code="BU99010000").ouder.naam == "Centrum (eigen naam)"


def test_without_the_municipalitys_cbs_code_the_cbs_file_is_not_read(client, coordinator):
    client.force_login(coordinator)
    antwoord = upload(client, KWB.read_bytes(), "kwb.csv")
    assert antwoord.status_code == 400 and not Gebiedsimport.objects.exists()
    assert "Vul eerst de CBS-code van de gemeente in bij de gemeente-instellingen" in tekst(
        antwoord
    )


def test_a_code_removed_before_the_file_is_read_stops_the_reading(voorbeeldwaard, coordinator):
    from django.core.files.base import ContentFile

    gebiedsimport = Gebiedsimport.objects.create(
        bron="cbs", bestand=ContentFile(KWB.read_bytes(), "kwb.csv"), bestandsnaam="kwb.csv"
    )
    voorbeeldwaard.cbs_code = ""  # emptied after the upload, before a worker reads it
    voorbeeldwaard.save()
    inlezen.lees(gebiedsimport.pk)
    gebiedsimport.refresh_from_db()
    assert gebiedsimport.status == Gebiedsimport.Status.MISLUKT
    assert "De CBS-code van de gemeente is nog niet ingesteld" in gebiedsimport.fout


def test_a_file_that_is_no_cbs_file_says_so(client, coordinator, voorbeeldwaard):
    client.force_login(coordinator)
    pagina = tekst(upload(client, EIGEN.read_bytes(), "gebieden.csv"))
    assert "Dit is geen bestand van het CBS met wijken en buurten" in pagina


def test_a_cbs_file_of_another_municipality_says_which_code_was_looked_for(client, coordinator):
    Gemeente.objects.create(naam="Gemeente Elders", cbs_code="GM0001")
    client.force_login(coordinator)
    pagina = tekst(upload(client, KWB.read_bytes(), "kwb.csv"))
    assert "geen wijken of buurten van de gemeente met code GM0001" in pagina
    assert "Inlezen</button>" not in pagina


def test_own_areas_are_created_in_the_municipalitys_words_with_parents_and_periods(
    client, coordinator, voorbeeldwaard
):
    client.force_login(coordinator)
    antwoord = upload(client, EIGEN.read_bytes(), "gebieden.csv", bron="eigen")
    pagina = tekst(antwoord)
    assert "7 nieuwe gebieden" in pagina and "Er is" not in pagina.split("Status")[1][:80]
    bevestig(client, antwoord)
    gebieden = {g.naam: g for g in Gebied.objects.select_related("ouder")}
    assert gebieden["Kernen"].soort == "gebied"  # "stadsdeel"
    assert gebieden["Achterdijk"].soort == "dorp" and gebieden["Achterdijk"].ouder.naam == "Kernen"
    assert gebieden["Centrum"].ouder.naam == "Stad" and gebieden["Centrum"].cbs_code == "WK990100"
    oud = gebieden["Oud-Benedenbroek"]
    assert (str(oud.geldig_van), str(oud.geldig_tot)) == ("2000-01-01", "2018-12-31")
    assert gebieden["Achterdijk"].history.first().history_user == coordinator


def test_own_areas_file_groups_wijken_the_cbs_import_made(client, coordinator, voorbeeldwaard):
    client.force_login(coordinator)
    bevestig(client, upload(client, KWB.read_bytes(), "kwb.csv"))
    antwoord = upload(client, EIGEN.read_bytes(), "gebieden.csv", bron="eigen")
    pagina = tekst(antwoord)
    assert "5 nieuwe gebieden" in pagina and "Centrum ligt dan in Stad" in pagina
    assert "2 bestaande gebieden liggen nu in een ander gebied." in tekst(
        bevestig(client, antwoord)
    )
    assert Gebied.objects.get(cbs_code="WK990101").ouder.naam == "Stad"


def test_the_municipalitys_own_word_for_a_kind_is_understood(client, coordinator, voorbeeldwaard):
    voorbeeldwaard.woorden = {"soort": {"dorp": "dorpskern"}, "meervoud": {"gebied": "regio's"}}
    voorbeeldwaard.save()
    client.force_login(coordinator)
    inhoud = b"naam;soort;ligt in\nNoord;regio's;\nHoeve;Dorpskern;Noord\n"
    bevestig(client, upload(client, inhoud, "eigen.csv", bron="eigen"))
    assert Gebied.objects.get(naam="Hoeve").soort == "dorp"


def test_every_problem_of_an_own_file_is_named_by_row_and_nothing_is_written(
    client, coordinator, voorbeeldwaard
):
    GebiedFactory(naam="Dubbel", soort="gebied")
    GebiedFactory(naam="Dubbel", soort="gebied", cbs_code="GM9902")
    inhoud = (
        b"naam;soort;ligt in;cbs-code;geldig van;geldig tot\n"
        b"Goed;wijk;;;;\n"  # row 2: fine, but the file as a whole has problems
        b";wijk;;;;\n"  # 3: no name
        b"Vijver;vijver;;;;\n"  # 4: no kind of area
        b"Noord;wijk;Nergens;;;\n"  # 5: unknown parent
        b"Zuid;wijk;Dubbel;;;\n"  # 6: ambiguous parent
        b"Oost;wijk;;;31-02-2020;\n"  # 7: no date
        b"West;buurt;;;;\n"  # 8: a buurt lies in a wijk or dorp
        b"Wijkje;wijk;;BU99010000;;\n"  # 9: a wijk's code starts with WK
        b"Eerste;wijk;;WK990150;;\n"  # 10
        b"Tweede;wijk;;WK990150;;\n"  # 11: the same code twice
        b"Later;wijk;;;01-01-2022;31-12-2020\n"  # 12: ends before it starts
    )
    client.force_login(coordinator)
    antwoord = upload(client, inhoud, "eigen.csv", bron="eigen")
    pagina = tekst(antwoord)
    fouten = [
        "Geef het gebied een naam.",
        "„vijver” is geen soort gebied; kies uit gebied, wijk, dorp, buurt.",
        "Er is geen gebied „Nergens”, in het bestand of in de toepassing.",
        "Er zijn 2 gebieden „Dubbel”; noem het gebied met zijn CBS-code.",
        "„31-02-2020” is geen datum (schrijf 31-12-2021).",
        "Een buurt ligt altijd in een wijk of dorp.",
        "Een wijk heeft een CBS-code die begint met WK.",
        "De CBS-code WK990150 staat ook op regel 10.",
    ]
    for fout in fouten:
        assert fout in pagina, fout
    assert "Er zijn 9 fouten" in pagina
    assert "Inlezen</button>" not in antwoord.content.decode()
    bevestig(client, antwoord)
    assert Gebied.objects.count() == 2  # only the two made above


def test_a_cbs_code_taken_after_the_preview_refuses_the_whole_import(
    client, coordinator, voorbeeldwaard
):
    client.force_login(coordinator)
    antwoord = upload(client, KWB.read_bytes(), "kwb.csv")
    GebiedFactory(naam="Snel gemaakt", soort="wijk", cbs_code="WK990101")
    pagina = tekst(bevestig(client, antwoord))
    assert "Er is niets ingelezen: intussen is een gebied aangemaakt" in pagina
    assert Gebied.objects.count() == 1


def test_a_file_over_the_row_limit_is_refused_whole(
    client, coordinator, voorbeeldwaard, monkeypatch
):
    monkeypatch.setattr(inlezen, "MAX_RIJEN", 5)
    client.force_login(coordinator)
    pagina = tekst(upload(client, KWB.read_bytes(), "kwb.csv"))
    assert "Status: Niet te lezen" in pagina and "5 rijen" in pagina
    assert not Gebied.objects.exists()


def test_the_form_refuses_other_files_in_dutch(client, coordinator, voorbeeldwaard):
    client.force_login(coordinator)
    antwoord = client.post(
        URL, {"bron": "cbs", "bestand": SimpleUploadedFile("kaart.pdf", b"%PDF")}
    )
    assert antwoord.status_code == 400
    assert "Kies een CSV- of Excel-bestand (.csv of .xlsx)." in tekst(antwoord)
    assert not Gebiedsimport.objects.exists()


def test_a_task_delivered_twice_reads_once(voorbeeldwaard, coordinator, client):
    client.force_login(coordinator)
    upload(client, KWB.read_bytes(), "kwb.csv")
    gebiedsimport = Gebiedsimport.objects.get()
    inlezen.lees(gebiedsimport.pk)  # again: found read, left alone
    gebiedsimport.refresh_from_db()
    assert (
        gebiedsimport.status == Gebiedsimport.Status.KLAAR and len(gebiedsimport.plan["nieuw"]) == 6
    )


def test_the_page_refreshes_itself_while_the_file_is_read(client, coordinator, voorbeeldwaard):
    gebiedsimport = Gebiedsimport.objects.create(
        bron="cbs", bestand="imports/gebieden/x.csv", bestandsnaam="kwb.csv", door=coordinator
    )
    client.force_login(coordinator)
    url = reverse("gebieden:gebiedsimport_stand", args=[gebiedsimport.pk])
    assert 'http-equiv="refresh"' in client.get(url).content.decode()
    assert 'http-equiv="refresh"' not in client.get(url + "?verversen=nee").content.decode()


def test_uploads_never_read_in_are_removed_after_a_week(client, coordinator, voorbeeldwaard):
    import datetime

    from django.core.files.storage import default_storage
    from django.utils import timezone

    client.force_login(coordinator)
    upload(client, KWB.read_bytes(), "kwb.csv")
    gebiedsimport = Gebiedsimport.objects.get()
    pad = gebiedsimport.bestand.name
    assert default_storage.exists(pad)
    assert inlezen.ruim_imports_op() == 0
    Gebiedsimport.objects.update(aangemaakt_op=timezone.now() - datetime.timedelta(days=8))
    assert inlezen.ruim_imports_op() == 1
    assert not default_storage.exists(pad)


@pytest.mark.parametrize("gebruiker", ["financien", "raadslid", "wijkambtenaar_a"])
def test_only_coordinators_import_areas(client, request, gebruiker, voorbeeldwaard):
    client.force_login(request.getfixturevalue(gebruiker))
    assert client.get(URL).status_code == 403
    antwoord = client.post(
        URL, {"bron": "cbs", "bestand": SimpleUploadedFile("k.csv", KWB.read_bytes())}
    )
    assert antwoord.status_code == 403 and not Gebiedsimport.objects.exists()


def test_without_a_code_an_area_is_the_same_only_in_the_same_place(
    client, coordinator, voorbeeldwaard
):
    harmelen = GebiedFactory(naam="Harmelen", soort="dorp")
    kamerik = GebiedFactory(naam="Kamerik", soort="dorp")
    GebiedFactory(naam="Centrum", soort="buurt", ouder=harmelen)
    client.force_login(coordinator)
    inhoud = b"naam;soort;ligt in\nCentrum;buurt;Harmelen\nCentrum;buurt;Kamerik\n"
    antwoord = upload(client, inhoud, "eigen.csv", bron="eigen")
    assert "1 nieuw gebied; 1 bestaat al en wordt overgeslagen" in tekst(antwoord)
    bevestig(client, antwoord)
    assert Gebied.objects.get(naam="Centrum", ouder=harmelen)  # not moved to Kamerik
    assert Gebied.objects.get(naam="Centrum", ouder=kamerik)
    antwoord = upload(client, inhoud, "eigen.csv", bron="eigen")  # the same file again
    assert "0 nieuwe gebieden; 2 bestaan al" in tekst(antwoord)


def test_one_existing_area_named_twice_in_a_file_is_a_problem_not_a_dead_end(
    client, coordinator, voorbeeldwaard
):
    GebiedFactory(naam="Stad", soort="gebied")
    GebiedFactory(naam="Kernen", soort="gebied")
    GebiedFactory(naam="Centrum", soort="wijk", cbs_code="WK990100")
    inhoud = (
        "naam;soort;ligt in;cbs-code\nCentrum;wijk;Stad;WK990100\nCentrum;wijk;Kernen;WK990100\n"
    )
    client.force_login(coordinator)
    pagina = tekst(upload(client, inhoud.encode(), "eigen.csv", bron="eigen"))
    assert "Centrum staat ook op regel 2." in pagina and "Inlezen</button>" not in pagina


def test_an_area_moved_by_the_plan_and_deleted_since_the_preview_refuses_it(
    client, coordinator, voorbeeldwaard
):
    stad = GebiedFactory(naam="Stad", soort="gebied")
    centrum = GebiedFactory(naam="Centrum", soort="wijk", cbs_code="WK990100")
    client.force_login(coordinator)
    inhoud = "naam;soort;ligt in;cbs-code\nCentrum;wijk;Stad;WK990100\nNoord;wijk;Stad;\n"
    antwoord = upload(client, inhoud.encode(), "eigen.csv", bron="eigen")
    assert "Centrum ligt dan in Stad" in tekst(antwoord)
    centrum.delete()
    assert "Er is niets ingelezen" in tekst(bevestig(client, antwoord))
    assert list(Gebied.objects.all()) == [stad]


def test_an_import_confirmed_after_its_upload_was_cleaned_up_still_reads_in(
    client, coordinator, voorbeeldwaard
):
    client.force_login(coordinator)
    antwoord = upload(client, KWB.read_bytes(), "kwb.csv")
    Gebiedsimport.objects.update(bestand="")  # as the nightly clean-up leaves it
    assert "6 gebieden zijn aangemaakt." in tekst(bevestig(client, antwoord))


def test_a_cbs_area_beside_one_of_that_name_without_a_code_gets_a_warning(
    client, coordinator, voorbeeldwaard
):
    GebiedFactory(naam="Rijnzicht", soort="wijk")
    client.force_login(coordinator)
    pagina = tekst(upload(client, KWB.read_bytes(), "kwb.csv"))
    assert "Er is al een wijk „Rijnzicht” zonder CBS-code; na het inlezen zijn er twee." in pagina
