import datetime

import pytest

from gebieden.constants import GebiedSoort, Rol
from gebieden.models import Gebied
from gebieden.overzicht import gebied_overzicht
from tests.gebieden.factories import (
    GebiedFactory,
    PersoonFactory,
    PlatformFactory,
    ToewijzingFactory,
    VisieFactory,
)

d = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def harmelen():
    """Harmelen as in the seed: the dorpsambtenaar left for the corona crisis team in March
    2020 and an acting dorpsambtenaar took over from April."""
    dorp = GebiedFactory(naam="Harmelen", soort=GebiedSoort.DORP)
    ToewijzingFactory(
        gebied=dorp,
        persoon=PersoonFactory(naam="Kees de Wit"),
        rol=Rol.DORPSAMBTENAAR,
        geldig_van=d(2019, 1, 1),
        geldig_tot=d(2020, 3, 15),
    )
    ToewijzingFactory(
        gebied=dorp,
        persoon=PersoonFactory(naam="Thomas Kok"),
        rol=Rol.DORPSAMBTENAAR,
        geldig_van=d(2020, 4, 1),
        waarnemend=True,
    )
    return dorp


def overzicht(gebied, datum):
    return gebied_overzicht(Gebied.objects.met_omgeving().get(pk=gebied.pk), datum)


def bezetting(gebied, datum, rol):
    return next(b for b in overzicht(gebied, datum).bezetting if b.rol == rol)


def test_role_is_filled_while_the_official_is_assigned(harmelen):
    rol = bezetting(harmelen, d(2020, 1, 1), Rol.DORPSAMBTENAAR)
    assert [p.naam for p in rol.personen] == ["Kees de Wit"]
    assert not rol.vacant


def test_vacancy_starts_the_day_after_the_official_left(harmelen):
    rol = bezetting(harmelen, d(2020, 3, 20), Rol.DORPSAMBTENAAR)
    assert rol.vacant
    assert rol.vacant_sinds == d(2020, 3, 16)
    assert rol.waarnemers == []


def test_acting_official_is_shown_and_the_role_stays_vacant(harmelen):
    rol = bezetting(harmelen, d(2020, 12, 31), Rol.DORPSAMBTENAAR)
    assert rol.vacant and rol.vacant_sinds == d(2020, 3, 16)
    assert [p.naam for p in rol.waarnemers] == ["Thomas Kok"]


def test_expected_role_never_filled_is_vacant_without_date():
    wijk = GebiedFactory(soort=GebiedSoort.WIJK)
    rol = bezetting(wijk, d(2020, 6, 1), Rol.WIJKAMBTENAAR)
    assert rol.vacant and rol.vacant_sinds is None


def test_assignments_that_start_later_do_not_count_yet():
    wijk = GebiedFactory(soort=GebiedSoort.WIJK)
    ToewijzingFactory(gebied=wijk, rol=Rol.BUURTVERBINDER, geldig_van=d(2021, 1, 1))
    rollen = {b.rol for b in overzicht(wijk, d(2020, 6, 1)).bezetting}
    assert rollen == {Rol.WIJKAMBTENAAR}


def test_platform_support_and_vision_as_they_stood_on_the_day():
    wijk = GebiedFactory()
    PlatformFactory(gebied=wijk, naam="Wijkraad", ondersteund_tot=d(2019, 12, 31))
    VisieFactory(gebied=wijk, vastgesteld_op=d(2020, 5, 1))
    in_2019 = overzicht(wijk, d(2019, 6, 1))
    in_2020 = overzicht(wijk, d(2020, 6, 1))
    assert [p.naam for p in in_2019.platforms] == ["Wijkraad"]
    assert in_2020.platforms == []
    assert not in_2019.heeft_vastgestelde_visie
    assert in_2020.heeft_vastgestelde_visie
