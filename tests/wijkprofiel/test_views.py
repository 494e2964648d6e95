"""Setting up the wijkprofiel as a coordinator: reading in figures and boundaries (preview,
then all or nothing), linking buurten to own areas, choosing the indicators; and what the area
page then shows."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gebieden.models import Gebied, Gemeente
from tests.gebieden.factories import GebiedFactory
from wijkprofiel.buurten import lopende_indeling, vingerafdruk
from wijkprofiel.models import Buurtgrens, Buurtindeling, Cijfer, Cijfertabel, Profielkeuze

from .cbsbestanden import WOERDEN_2023, kwb_csv, statline_csv
from .factories import cbs_tabel, koppel
from .grensbestanden_maken import maak_geopackage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def gemeente_code():
    Gemeente.objects.update_or_create(pk=1, defaults={"cbs_code": "GM0632"})


@pytest.fixture
def coord_client(client, coordinator):
    client.force_login(coordinator)
    return client


def lees_in(client, naam, inhoud, **velden):
    bestand = SimpleUploadedFile(naam, inhoud)
    antwoord = client.post(reverse("wijkprofiel:import"), {"bestand": bestand, **velden})
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    return client.get(antwoord["Location"]), antwoord["Location"]


@pytest.mark.parametrize("gebruiker", ["raadslid", "financien", "wijkambtenaar_a"])
def test_only_a_coordinator_sets_up_the_wijkprofiel(client, request, gebruiker):
    client.force_login(request.getfixturevalue(gebruiker))
    for naam in ("start", "import", "buurten", "keuze"):
        assert client.get(reverse(f"wijkprofiel:{naam}")).status_code == 403
        assert client.post(reverse(f"wijkprofiel:{naam}")).status_code == 403


def test_figures_are_previewed_then_stored_and_a_second_read_replaces_them(coord_client):
    GebiedFactory(naam="Woerden-Midden", cbs_code="WK063201")
    pagina, stand = lees_in(coord_client, "kwb-2024.csv", kwb_csv(), soort="cijfers")
    tekst = pagina.content.decode()
    assert "Tabel kwb-2024, 2024" in tekst
    assert "een eigen gebied heeft deze code" in tekst  # WK063201
    assert "niet gekoppeld" in tekst  # the buurten, not yet linked
    assert "GM0344" not in tekst and "Utrecht" not in tekst
    assert Cijfer.objects.count() == 0  # nothing before the confirmation
    assert coord_client.post(stand).status_code == 302
    aantal = Cijfer.objects.count()
    assert aantal > 0
    assert Cijfer.objects.get(regiocode="BU06320201", indicator="a_soz_wb").waarde is None
    _pagina, stand = lees_in(coord_client, "kwb-2024.csv", kwb_csv(), soort="cijfers")
    coord_client.post(stand)
    assert Cijfer.objects.count() == aantal  # updated, never duplicated
    assert Cijfertabel.objects.count() == 1


def test_a_statline_download_needs_no_year_when_its_title_names_it(coord_client):
    pagina, stand = lees_in(
        coord_client, "download.csv", statline_csv(WOERDEN_2023), soort="cijfers"
    )
    assert "2023" in pagina.content.decode()
    coord_client.post(stand)
    assert Cijfertabel.objects.get().jaar == 2023


def test_a_file_that_is_not_cbs_is_refused_in_dutch_and_nothing_is_stored(coord_client):
    pagina, _stand = lees_in(coord_client, "lijst.csv", b"naam;bedrag\nA;1\n", soort="cijfers")
    assert "Niet te lezen" in pagina.content.decode()
    assert Cijfer.objects.count() == 0


def test_a_wrong_kind_of_file_is_refused_on_the_form(coord_client):
    bestand = SimpleUploadedFile("kaart.gpkg", b"x")
    antwoord = coord_client.post(
        reverse("wijkprofiel:import"), {"bestand": bestand, "soort": "cijfers"}
    )
    assert antwoord.status_code == 400
    assert "Kies voor dit soort bestand" in antwoord.content.decode()


def test_boundaries_are_read_with_the_system_they_are_in(coord_client, tmp_path):
    pad = maak_geopackage(tmp_path)
    pagina, stand = lees_in(coord_client, pad.name, pad.read_bytes(), soort="grenzen")
    tekst = pagina.content.decode()
    assert "28992" in tekst
    assert Buurtgrens.objects.count() == 0
    coord_client.post(stand)
    assert Buurtgrens.objects.filter(buurtcode__startswith="BU0632").count() > 0
    assert not Buurtgrens.objects.filter(buurtcode__startswith="BU0344").exists()


def test_buurten_are_proposed_from_cbs_codes_and_linked_from_a_date(coord_client):
    cbs_tabel(2024, {"BU06320101": {"a_inw": 1}, "BU06320201": {"a_inw": 2}})
    midden = GebiedFactory(naam="Woerden-Midden", cbs_code="WK063201")
    molenvliet = GebiedFactory(naam="Molenvliet")
    pagina = coord_client.get(reverse("wijkprofiel:buurten")).content.decode()
    assert "voorgesteld" in pagina
    assert f'<option value="{midden.pk}" selected>' in pagina
    data = {
        "gezien": vingerafdruk(lopende_indeling()),
        "per": "2024-01-01",
        "buurt_BU06320101": midden.pk,
        "buurt_BU06320201": molenvliet.pk,
    }
    assert coord_client.post(reverse("wijkprofiel:buurten"), data).status_code == 302
    assert lopende_indeling() == {"BU06320101": midden.pk, "BU06320201": molenvliet.pk}
    # moved a year later: the earlier period is kept for earlier years
    data.update(gezien=vingerafdruk(lopende_indeling()), per="2025-01-01")
    data["buurt_BU06320201"] = midden.pk
    coord_client.post(reverse("wijkprofiel:buurten"), data)
    oud = Buurtindeling.objects.get(buurtcode="BU06320201", gebied=molenvliet)
    assert str(oud.geldig_tot) == "2024-12-31"


def test_a_link_saved_meanwhile_by_someone_else_is_not_overwritten(coord_client):
    cbs_tabel(2024, {"BU06320101": {"a_inw": 1}})
    a, b = GebiedFactory(), GebiedFactory()
    gezien = vingerafdruk(lopende_indeling())
    koppel(a, "BU06320101")  # someone else, after the page was opened
    antwoord = coord_client.post(
        reverse("wijkprofiel:buurten"), {"gezien": gezien, "buurt_BU06320101": b.pk}
    )
    assert antwoord.status_code == 409
    assert "Iemand anders" in antwoord.content.decode()
    assert lopende_indeling() == {"BU06320101": a.pk}


def test_the_choice_of_indicators_needs_three_to_five_key_figures(coord_client):
    url = reverse("wijkprofiel:keuze")
    data = {"indicatoren": ["a_inw", "a_hh"], "kerncijfers": ["a_inw"]}
    antwoord = coord_client.post(url, data)
    assert antwoord.status_code == 400
    assert "Kies 3 tot 5 kerncijfers" in antwoord.content.decode()
    data["kerncijfers"] = ["a_hh", "a_inw", "g_wozbag"]
    assert coord_client.post(url, data).status_code == 302  # the first choice saves the row
    keuze = Profielkeuze.objects.get()
    assert keuze.kerncijfers == ["a_inw", "a_hh", "g_wozbag"]  # in the list's order
    antwoord = coord_client.post(url, {**data, "versie": keuze.versie - 1})
    assert antwoord.status_code == 409


def test_the_area_page_shows_its_figures_beside_the_municipality_and_the_source(
    coord_client,
):
    cbs_tabel(2023, {"GM0632": {"a_inw": 17800}, "WK063202": {"a_inw": 8000}})
    cbs_tabel(2024, {"GM0632": {"a_inw": 17910}, "WK063202": {"a_inw": 8160}}, tabel="kwb-2024")
    wijk = GebiedFactory(naam="Molenvliet", cbs_code="WK063202")
    pagina = coord_client.get(wijk.get_absolute_url()).content.decode()
    assert "Wijkprofiel" in pagina
    assert "8.160" in pagina and "17.910" in pagina
    assert "+160 t.o.v. vorig jaar" in pagina
    assert "CBS kwb-2024, 2024" in pagina
    assert "samen met CBS-gebied WK063202" in pagina
    assert 'aria-label="Inwoners: 2023: 8.000; 2024: 8.160"' in pagina  # the trend's name


def test_an_area_without_buurten_says_so(coord_client):
    cbs_tabel(2024, {"GM0632": {"a_inw": 17910}})
    wijk = GebiedFactory(naam="Nieuwbouw")
    pagina = coord_client.get(wijk.get_absolute_url()).content.decode()
    assert "nog geen CBS-buurten gekoppeld" in pagina


def test_the_area_page_with_figures_and_map_takes_a_fixed_number_of_queries(
    coord_client, django_assert_max_num_queries
):
    """However many buurten, years and areas: the figures and the map are read in a fixed
    number of queries (the map's drawing comes from the cache the second time)."""
    from gebieden import demo as gebieden_demo
    from wijkprofiel import demo

    gebieden_demo.laad()
    demo.laad()
    molenvliet = Gebied.objects.get(naam="Molenvliet")
    eerste = coord_client.get(molenvliet.get_absolute_url()).content.decode()
    assert "Molenvliet-Noord" not in eerste  # buurten are not areas of their own on the map
    assert 'aria-current="page"' in eerste  # Molenvliet highlighted on its own page
    with django_assert_max_num_queries(24):
        pagina = coord_client.get(molenvliet.get_absolute_url()).content.decode()
    assert "Berekend uit 3 CBS-buurten" in pagina


def test_a_first_link_without_a_date_holds_for_every_year_a_change_from_today(coord_client):
    cbs_tabel(2023, {"BU06320101": {"a_inw": 100}})
    a, b = GebiedFactory(), GebiedFactory()
    url = reverse("wijkprofiel:buurten")
    coord_client.post(url, {"gezien": vingerafdruk({}), "buurt_BU06320101": a.pk})
    eerste = Buurtindeling.objects.get()
    assert eerste.geldig_van is None  # so the figures of 2023 count for area a
    coord_client.post(url, {"gezien": vingerafdruk(lopende_indeling()), "buurt_BU06320101": b.pk})
    eerste.refresh_from_db()
    nieuw = Buurtindeling.objects.get(gebied=b)
    assert nieuw.geldig_van == timezone.localdate()
    assert eerste.geldig_tot == timezone.localdate() - datetime.timedelta(days=1)
