import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from gebieden.constants import Rol
from gebieden.models import Focuspunt, Gebied
from gebieden.overzicht import gebied_overzicht

pytestmark = pytest.mark.django_db

WOERDEN = {
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
}


def tellingen():
    return {m.__name__: m.objects.count() for m in apps.get_app_config("gebieden").get_models()}


def test_demo_loads_woerden_and_running_it_again_duplicates_nothing(capsys):
    call_command("demo")
    eerste = tellingen()
    call_command("demo")
    assert tellingen() == eerste
    wijken_en_dorpen = set(
        Gebied.objects.filter(soort__in=["wijk", "dorp"]).values_list("naam", flat=True)
    )
    assert wijken_en_dorpen == WOERDEN
    uitvoer = capsys.readouterr().out
    for account in ["coordinator", "wijkambtenaar", "financien", "raadslid"]:
        assert account in uitvoer
    assert get_user_model().objects.get(username="raadslid").check_password("demo-gebiedsgericht")


def test_demo_2020_holds_the_seed_statements():
    call_command("demo")
    eind_2020 = datetime.date(2020, 12, 31)

    harmelen = Gebied.objects.met_omgeving().get(naam="Harmelen")
    dorpsambtenaar = next(
        b for b in gebied_overzicht(harmelen, eind_2020).bezetting if b.rol == Rol.DORPSAMBTENAAR
    )
    assert dorpsambtenaar.vacant and dorpsambtenaar.waarnemers

    bloemen = Gebied.objects.met_omgeving().get(naam="Bloemen- en bomenkwartier")
    overzicht = gebied_overzicht(bloemen, eind_2020)
    assert overzicht.platforms == [] and overzicht.visies == []

    schilders_2020 = {
        p.titel: p.status_eind_jaar(2020)
        for p in Focuspunt.objects.filter(gebied__naam="Schilderskwartier").in_jaar(2020)
    }
    assert schilders_2020["Bouwweg Oasen"] == "afgerond"
    assert schilders_2020["Jongerenoverlast bij Tournoysveld"] == "blijft_aandachtspunt"
    assert schilders_2020["Duurzaamheid"] == "loopt"
    schilders_2021 = set(
        Focuspunt.objects.filter(gebied__naam="Schilderskwartier")
        .in_jaar(2021)
        .values_list("titel", flat=True)
    )
    assert "Bouwweg Oasen" not in schilders_2021


def test_demo_has_the_current_year_on_the_werkplek(client):
    """Besides 2019–2021 the demo lives in the current year: recent updates, a focus point that
    started this year and activities, dated relative to today."""
    from django.utils import timezone

    from gebieden.models import Activiteit, FocuspuntUpdate

    call_command("demo")
    vandaag = timezone.localdate()
    dit_jaar = FocuspuntUpdate.objects.filter(datum__year=vandaag.year, datum__lte=vandaag)
    assert dit_jaar.count() >= 6
    nieuw = Focuspunt.objects.get(titel="Hitte en groen in de wijk")
    assert nieuw.startjaar == vandaag.year
    assert nieuw in Focuspunt.objects.in_jaar(vandaag.year)
    assert Activiteit.objects.filter(datum__year=vandaag.year).count() >= 2

    client.force_login(get_user_model().objects.get(username="wijkambtenaar"))
    werkplek = client.get("/werkplek/").content.decode()
    assert "Hitte en groen in de wijk" in werkplek
    assert "Energietransitie" in werkplek and "Begeleiding inwonersinitiatieven" in werkplek
