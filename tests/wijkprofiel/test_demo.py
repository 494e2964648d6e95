"""The demo municipality's wijkprofiel: figures for two years, a schematic map, and areas that
show CBS's own figures beside one whose figures are computed from buurten of two CBS wijken."""

import pytest

from gebieden import demo as gebieden_demo
from gebieden.models import Gebied
from wijkprofiel import demo
from wijkprofiel.models import Buurtgrens, Cijfertabel
from wijkprofiel.profiel import profielen

pytestmark = pytest.mark.django_db


def test_demo_areas_get_figures_the_way_their_buurten_allow():
    gebieden_demo.laad()
    demo.laad()
    demo.laad()  # safe to run again
    assert Cijfertabel.objects.count() == 2
    assert Buurtgrens.objects.filter(water=True).count() == 1
    binnenstad = Gebied.objects.get(naam="Binnenstad")
    molenvliet = Gebied.objects.get(naam="Molenvliet")
    gevonden = profielen([binnenstad, molenvliet], ["a_inw"])
    stad = gevonden[binnenstad.pk].reeksen[0].stand()[0]
    vliet = gevonden[molenvliet.pk].reeksen[0].stand()[0]
    assert stad.regio == "WK063203" and stad.jaar == 2020
    assert vliet.regio == "" and vliet.buurten == 3 and vliet.waarde > 0
    assert vliet.gewijzigd  # Molenvliet-Noord's boundary changed in 2020
