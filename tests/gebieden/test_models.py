import datetime

import pytest
from django.core.exceptions import ValidationError

from gebieden.constants import FocuspuntStatus, GebiedSoort, VisieStatus
from gebieden.models import Focuspunt, Gebied
from tests.gebieden.factories import (
    FocuspuntFactory,
    FocuspuntUpdateFactory,
    GebiedFactory,
    VisieFactory,
)

d = datetime.date
pytestmark = pytest.mark.django_db


def fouten(gebied: Gebied) -> dict:
    with pytest.raises(ValidationError) as info:
        gebied.full_clean()
    return info.value.message_dict


class TestBoom:
    def test_wijk_in_gebied_and_buurt_in_wijk_are_accepted(self):
        stad = GebiedFactory(naam="Stad", soort=GebiedSoort.GEBIED)
        wijk = GebiedFactory(naam="Wijk", soort=GebiedSoort.WIJK, ouder=stad)
        buurt = Gebied(naam="Buurt", soort=GebiedSoort.BUURT, ouder=wijk)
        buurt.full_clean()
        assert [g.naam for g in buurt.voorouders()] == ["Wijk", "Stad"]

    def test_buurt_without_wijk_is_refused(self):
        assert "ouder" in fouten(Gebied(naam="Buurt", soort=GebiedSoort.BUURT))

    def test_wijk_in_buurt_is_refused_in_dutch(self):
        wijk = GebiedFactory(soort=GebiedSoort.WIJK)
        buurt = GebiedFactory(soort=GebiedSoort.BUURT, ouder=wijk)
        melding = fouten(Gebied(naam="X", soort=GebiedSoort.WIJK, ouder=buurt))["ouder"][0]
        assert melding == "Een wijk ligt in een gebied, niet in een buurt."

    def test_gebied_cannot_lie_in_another_gebied(self):
        stad = GebiedFactory(soort=GebiedSoort.GEBIED)
        assert "ouder" in fouten(Gebied(naam="X", soort=GebiedSoort.GEBIED, ouder=stad))


class TestGeldigheid:
    def test_end_before_start_is_refused(self):
        gebied = Gebied(naam="X", soort="wijk", geldig_van=d(2020, 1, 1), geldig_tot=d(2019, 1, 1))
        assert "geldig_tot" in fouten(gebied)

    def test_areas_valid_in_a_year_follow_merger(self):
        oud = GebiedFactory(naam="Haren (oud)", geldig_tot=d(2018, 12, 31))
        nieuw = GebiedFactory(naam="Haren", geldig_van=d(2019, 1, 1))
        altijd = GebiedFactory(naam="Centrum")
        assert set(Gebied.objects.geldig_in_jaar(2018)) == {oud, altijd}
        assert set(Gebied.objects.geldig_in_jaar(2019)) == {nieuw, altijd}
        assert set(Gebied.objects.geldig_op(d(2018, 12, 31))) == {oud, altijd}
        assert oud.is_geldig_in_jaar(2018) and not oud.is_geldig_in_jaar(2019)


class TestCbsCode:
    @pytest.mark.parametrize(
        ("soort", "code"),
        [("wijk", "WK063201"), ("dorp", "wk063202"), ("gebied", "GM0017")],
    )
    def test_valid_codes_are_accepted_and_uppercased(self, soort, code):
        gebied = Gebied(naam="X", soort=soort, cbs_code=code)
        gebied.full_clean()
        assert gebied.cbs_code == code.upper()

    @pytest.mark.parametrize("code", ["WK0632", "BU0632010", "XX063201", "WK06320A", "GM 0632"])
    def test_malformed_codes_are_refused(self, code):
        melding = fouten(Gebied(naam="X", soort="wijk", cbs_code=code))["cbs_code"][0]
        assert "GM met 4 cijfers, WK met 6 cijfers of BU met 8 cijfers" in melding

    def test_code_must_fit_the_kind_of_area(self):
        melding = fouten(Gebied(naam="X", soort="wijk", cbs_code="BU06320101"))["cbs_code"][0]
        assert melding == "Een wijk heeft een CBS-code die begint met WK."

    def test_buurt_code_must_extend_its_wijk_code(self):
        wijk = GebiedFactory(soort="wijk", cbs_code="WK063201")
        Gebied(naam="Goed", soort="buurt", ouder=wijk, cbs_code="BU06320105").full_clean()
        melding = fouten(Gebied(naam="Fout", soort="buurt", ouder=wijk, cbs_code="BU06329905"))
        assert "cijfers van de wijk (WK063201)" in melding["cbs_code"][0]

    def test_code_is_unique(self):
        GebiedFactory(cbs_code="WK063201")
        meldingen = fouten(Gebied(naam="X", soort="wijk", cbs_code="WK063201"))
        assert meldingen["__all__"] == ["Er is al een gebied met deze CBS-code."]


class TestVisieStatus:
    def test_status_follows_adoption_and_expiry(self):
        visie = VisieFactory(vastgesteld_op=d(2018, 6, 14), geldig_tot=d(2020, 12, 31))
        assert visie.status_op(d(2018, 1, 1)) == VisieStatus.IN_VOORBEREIDING
        assert visie.status_op(d(2020, 12, 31)) == VisieStatus.VASTGESTELD
        assert visie.status_op(d(2021, 1, 1)) == VisieStatus.VERLOPEN

    def test_adopted_vision_needs_a_date(self):
        visie = VisieFactory.build(gebied=GebiedFactory(), vastgesteld_op=None)
        with pytest.raises(ValidationError) as info:
            visie.full_clean()
        assert "vastgesteld_op" in info.value.message_dict


class TestFocuspuntStatusOpDatum:
    @pytest.fixture
    def bouwweg(self):
        punt = FocuspuntFactory(titel="Bouwweg Oasen", startjaar=2019)
        FocuspuntUpdateFactory(focuspunt=punt, datum=d(2019, 5, 2), status=FocuspuntStatus.LOOPT)
        FocuspuntUpdateFactory(
            focuspunt=punt, datum=d(2020, 10, 1), status=FocuspuntStatus.AFGEROND
        )
        return punt

    def test_status_at_end_of_each_year(self, bouwweg):
        assert bouwweg.status_eind_jaar(2018) is None
        assert bouwweg.status_eind_jaar(2019) == FocuspuntStatus.LOOPT
        assert bouwweg.status_eind_jaar(2020) == FocuspuntStatus.AFGEROND

    def test_in_jaar_carries_running_points_and_drops_finished_ones(self, bouwweg):
        def titels(jaar):
            return {p.titel: p.status_eind_jaar(jaar) for p in Focuspunt.objects.in_jaar(jaar)}

        assert titels(2019) == {"Bouwweg Oasen": FocuspuntStatus.LOOPT}
        assert titels(2020) == {"Bouwweg Oasen": FocuspuntStatus.AFGEROND}
        assert titels(2021) == {}


def test_focus_point_without_timeline_yet_counts_from_its_start_year():
    punt = FocuspuntFactory(startjaar=2021)
    assert list(Focuspunt.objects.in_jaar(2020)) == []
    assert list(Focuspunt.objects.in_jaar(2021)) == [punt]
