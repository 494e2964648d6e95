"""The figures of own areas from their CBS buurten: sums, weighted figures, CBS's own figure
where an area is one CBS region, missing values, validity periods and trends."""

import datetime
from decimal import Decimal

import pytest

from gebieden.models import Gemeente
from tests.gebieden.factories import GebiedFactory
from wijkprofiel.indicatoren import PER_CODE
from wijkprofiel.profiel import TOLERANTIE, profielen, tekst, verandering

from .factories import cbs_tabel, koppel

pytestmark = pytest.mark.django_db

# Two wijken of Woerden: WK063201 with three buurten, WK063202 with two.
BUURTEN_2024 = {
    "GM0632": {"a_inw": 52000, "a_woning": 22000, "g_wozbag": 350, "g_ink_pi": 33.1},
    "WK063201": {"a_inw": 6010, "a_woning": 2800, "g_wozbag": 300, "g_ink_pi": 30.2},
    "BU06320101": {"a_inw": 2000, "a_woning": 1000, "g_wozbag": 250, "g_ink_pi": 29.0},
    "BU06320102": {"a_inw": 3000, "a_woning": 1300, "g_wozbag": 320, "g_ink_pi": 31.0},
    "BU06320103": {"a_inw": 1005, "a_woning": 500, "g_wozbag": 340, "g_ink_pi": None},
    "WK063202": {"a_inw": 4000, "a_woning": 1600, "g_wozbag": 410, "g_ink_pi": 36.0},
    "BU06320201": {"a_inw": 3990, "a_woning": 1580, "g_wozbag": 412, "g_ink_pi": 36.1},
    "BU06320202": {"a_inw": None, "a_woning": 20, "g_wozbag": None, "g_ink_pi": None},
}


@pytest.fixture(autouse=True)
def gemeente_code():
    Gemeente.objects.update_or_create(pk=1, defaults={"cbs_code": "GM0632"})


def reeks(profiel, code):
    return next(r for r in profiel.reeksen if r.indicator.code == code)


def nu(gebied, code, jaar=None):
    profiel = profielen([gebied], [code])[gebied.pk]
    return reeks(profiel, code).stand(jaar)[0]


def test_counts_of_an_own_area_are_summed_over_its_buurten():
    cbs_tabel(2024, BUURTEN_2024)
    eigen = GebiedFactory(naam="Centrum-Oost")
    koppel(eigen, "BU06320101", "BU06320102")
    meting = nu(eigen, "a_inw")
    assert meting.waarde == 5000
    assert meting.buurten == 2 and meting.berekend


def test_an_average_is_weighted_by_its_own_denominator():
    cbs_tabel(2024, BUURTEN_2024)
    eigen = GebiedFactory()
    koppel(eigen, "BU06320101", "BU06320102")
    # WOZ weighted by woningen: (250*1000 + 320*1300) / 2300, not the plain mean 285
    verwacht = Decimal(250 * 1000 + 320 * 1300) / 2300
    assert nu(eigen, "g_wozbag").waarde == verwacht
    assert tekst(PER_CODE["g_wozbag"], verwacht) == "€\u00a0290.000"


def test_an_area_that_is_exactly_one_cbs_wijk_shows_the_figure_cbs_publishes():
    cbs_tabel(2024, BUURTEN_2024)
    eigen = GebiedFactory(naam="Woerden-Midden")  # no CBS code of its own, but its buurten
    koppel(eigen, "BU06320101", "BU06320102", "BU06320103")
    meting = nu(eigen, "a_inw")
    assert meting.waarde == 6010  # CBS's own (rounded) figure, not 2000 + 3000 + 1005
    assert meting.regio == "WK063201"


def test_an_area_with_a_cbs_code_shows_cbs_figures_even_for_what_cannot_be_aggregated():
    cbs_tabel(2024, BUURTEN_2024)
    wijk = GebiedFactory(cbs_code="WK063202")
    assert nu(wijk, "g_ink_pi").waarde == Decimal("36.0")


def test_an_indicator_that_cannot_be_aggregated_stays_empty_for_an_own_set_of_buurten():
    cbs_tabel(2024, BUURTEN_2024)
    eigen = GebiedFactory()
    koppel(eigen, "BU06320101", "BU06320102")
    profiel = profielen([eigen], ["g_ink_pi"])[eigen.pk]
    assert reeks(profiel, "g_ink_pi").stand() == (None, None)


def test_a_missing_buurt_count_makes_the_sum_missing_never_zero():
    cbs_tabel(2024, BUURTEN_2024)
    eigen = GebiedFactory()
    koppel(eigen, "BU06320101", "BU06320202")  # BU06320202's count is secret
    meting = nu(eigen, "a_inw")
    assert meting is None  # no year with a figure
    profiel = profielen([eigen], ["a_inw"])[eigen.pk]
    assert reeks(profiel, "a_inw").metingen[-1].waarde is None
    assert tekst(PER_CODE["a_inw"], None) == "onbekend"


def test_a_weighted_figure_tolerates_a_small_missing_share_of_its_denominator():
    cbs_tabel(2024, BUURTEN_2024)
    klein = GebiedFactory()
    # 20 of 2600 woningen without a WOZ value (and not exactly one CBS wijk)
    koppel(klein, "BU06320101", "BU06320201", "BU06320202")
    assert TOLERANTIE > 20 / 2600
    assert nu(klein, "g_wozbag").waarde == Decimal(412 * 1580 + 250 * 1000) / 2580
    groot = GebiedFactory()
    cbs_tabel(
        2023,
        {
            "BU06320101": {"a_woning": 100, "g_wozbag": 250},
            "BU06320102": {"a_woning": 100, "g_wozbag": None},
        },
        tabel="ander",
    )
    koppel(groot, "BU06320102", tot=datetime.date(2024, 1, 1))
    koppel(groot, "BU06320101", tot=datetime.date(2024, 1, 1))
    profiel = profielen([groot], ["g_wozbag"])[groot.pk]
    assert reeks(profiel, "g_wozbag").metingen[0].waarde is None  # half the woningen unknown


def test_each_year_uses_the_buurten_the_area_had_at_its_end():
    cbs_tabel(2023, {c: {"a_inw": v["a_inw"]} for c, v in BUURTEN_2024.items()})
    cbs_tabel(2024, BUURTEN_2024, tabel="kwb-2024")
    eigen = GebiedFactory()
    koppel(eigen, "BU06320101", tot=datetime.date(2024, 6, 30))
    koppel(eigen, "BU06320102", "BU06320103")
    profiel = profielen([eigen], ["a_inw"])[eigen.pk]
    per_jaar = {m.jaar: m.waarde for m in reeks(profiel, "a_inw").metingen}
    # 2023: all three buurten of WK063201, so CBS's wijk figure; 2024: two buurten summed
    assert per_jaar == {2023: 6010, 2024: 4005}


def test_a_trend_and_the_change_against_the_year_before():
    cbs_tabel(2023, {"WK063202": {"a_inw": 3900, "p_koopw": Decimal("61.2")}})
    cbs_tabel(2024, {"WK063202": {"a_inw": 4000, "p_koopw": Decimal("60.0")}}, tabel="x")
    wijk = GebiedFactory(cbs_code="WK063202")
    profiel = profielen([wijk], ["a_inw", "p_koopw"])[wijk.pk]
    inwoners, koop = reeks(profiel, "a_inw"), reeks(profiel, "p_koopw")
    laatste, vorige = inwoners.stand()
    assert (laatste.jaar, vorige.jaar) == (2024, 2023)
    assert verandering(inwoners.indicator, laatste.waarde, vorige.waarde) == "+100"
    nu_, toen = koop.stand()
    assert verandering(koop.indicator, nu_.waarde, toen.waarde) == "\u22121,2 procentpunt"
    assert koop.stand(2023)[0].waarde == Decimal("61.2")  # the paragraph of 2023


def test_the_municipality_figure_stands_beside_the_area():
    cbs_tabel(2024, BUURTEN_2024)
    wijk = GebiedFactory(cbs_code="WK063201")
    profiel = profielen([wijk], ["a_inw"])[wijk.pk]
    assert reeks(profiel, "a_inw").gemeente_in(2024).waarde == 52000


def test_an_area_without_buurten_has_no_figures():
    cbs_tabel(2024, BUURTEN_2024)
    leeg = GebiedFactory()
    assert not profielen([leeg], ["a_inw"])[leeg.pk].heeft_cijfers


def test_profiles_of_many_areas_take_a_fixed_number_of_queries(django_assert_max_num_queries):
    cbs_tabel(2023, BUURTEN_2024)
    cbs_tabel(2024, BUURTEN_2024, tabel="kwb-2024")
    gebieden = [GebiedFactory() for _ in range(12)]
    for gebied, code in zip(
        gebieden, [c for c in BUURTEN_2024 if c.startswith("BU")], strict=False
    ):
        koppel(gebied, code)
    with django_assert_max_num_queries(4):
        gevonden = profielen(gebieden, ["a_inw", "g_wozbag", "g_ink_pi"])
    assert len(gevonden) == 12


def test_figures_of_a_boundary_file_give_way_to_a_table_of_figures():
    """The wijk- en buurtkaart carries a few figures with secret codes; the kwb table of the
    same year, read before or after, is what the profile shows."""
    cbs_tabel(2024, {"WK063202": {"a_inw": 8160, "a_hh": 3510}}, tabel="kwb-2024")
    cbs_tabel(2024, {"WK063202": {"a_inw": None, "a_woning": 3570}}, tabel="wijkenbuurtkaart")
    wijk = GebiedFactory(cbs_code="WK063202")
    profiel = profielen([wijk], ["a_inw", "a_woning"])[wijk.pk]
    inwoners, woningen = reeks(profiel, "a_inw").stand()[0], reeks(profiel, "a_woning").stand()[0]
    assert (inwoners.waarde, inwoners.tabel) == (8160, "kwb-2024")
    assert (woningen.waarde, woningen.tabel) == (3570, "wijkenbuurtkaart")
