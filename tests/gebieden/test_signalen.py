import datetime

import pytest

from gebieden.constants import GebiedSoort, Rol
from gebieden.models import Gebied
from gebieden.signalen import kort_samengevat, maanden_terug, signalen
from gebieden.stand import Selectie, standen
from tests.gebieden.factories import (
    FocuspuntFactory,
    FocuspuntUpdateFactory,
    GebiedFactory,
    PlatformFactory,
    ToewijzingFactory,
    VisieFactory,
)

d = datetime.date
pytestmark = pytest.mark.django_db
VANDAAG = d(2021, 6, 30)


def teksten(gebied, maanden=3):
    """The signals of the area as the dashboard reads it (gebieden.stand) on VANDAAG."""
    (stand,) = standen(
        Gebied.objects.filter(pk=gebied.pk), VANDAAG, selectie=Selectie.OPEN, tijdlijn=True
    )
    return [s.tekst for s in signalen(stand.overzicht, stand.focuspunten, maanden)]


@pytest.fixture
def wijk_op_orde():
    wijk = GebiedFactory(naam="Binnenstad", soort=GebiedSoort.WIJK)
    PlatformFactory(gebied=wijk)
    VisieFactory(gebied=wijk, titel="Visie Binnenstad", vastgesteld_op=d(2019, 1, 1))
    ToewijzingFactory(gebied=wijk, rol=Rol.WIJKAMBTENAAR)
    return wijk


def test_area_in_order_has_no_signals(wijk_op_orde):
    assert teksten(wijk_op_orde) == []


def test_missing_platform_vision_and_official_are_signalled():
    wijk = GebiedFactory(soort=GebiedSoort.WIJK)
    assert teksten(wijk) == ["Geen platform.", "Geen visie of agenda.", "Geen wijkambtenaar."]


def test_expired_and_unadopted_visions_are_signalled(wijk_op_orde):
    wijk_op_orde.visies.update(geldig_tot=d(2020, 12, 31))
    assert teksten(wijk_op_orde) == ["De wijkvisie „Visie Binnenstad” is verlopen."]
    wijk_op_orde.visies.update(status="in_voorbereiding", vastgesteld_op=None, geldig_tot=None)
    assert teksten(wijk_op_orde) == ["De wijkvisie „Visie Binnenstad” is nog niet vastgesteld."]
    wijk_op_orde.visies.update(status="vastgesteld", vastgesteld_op=d(2019, 1, 1), compleet=False)
    assert teksten(wijk_op_orde) == ["De wijkvisie „Visie Binnenstad” is nog niet compleet."]


def test_vacancy_and_acting_official_are_signalled(wijk_op_orde):
    wijk_op_orde.toewijzingen.update(geldig_tot=d(2021, 2, 28))
    ToewijzingFactory(gebied=wijk_op_orde, rol=Rol.WIJKAMBTENAAR, waarnemend=True)
    signaal = teksten(wijk_op_orde)
    assert "Geen wijkambtenaar sinds 1 maart 2021." in signaal
    assert any(t.endswith("is waarnemend wijkambtenaar.") for t in signaal)


def test_focus_point_without_recent_update_is_signalled_until_updated(wijk_op_orde):
    punt = FocuspuntFactory(gebied=wijk_op_orde, titel="Speeltuin")
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2021, 3, 29))
    assert teksten(wijk_op_orde, maanden=3) == [
        "„Speeltuin” heeft sinds 29 maart 2021 geen update gehad."
    ]
    assert teksten(wijk_op_orde, maanden=4) == []
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2021, 6, 1))
    assert teksten(wijk_op_orde, maanden=3) == []


def test_finished_focus_points_are_not_watched(wijk_op_orde):
    punt = FocuspuntFactory(gebied=wijk_op_orde, status="afgerond")
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2019, 1, 1), status="afgerond")
    assert teksten(wijk_op_orde) == []


def test_stays_a_concern_for_more_than_a_year_is_signalled(wijk_op_orde):
    punt = FocuspuntFactory(gebied=wijk_op_orde, titel="Overlast", status="blijft_aandachtspunt")
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2019, 5, 1), status="loopt")
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2020, 6, 1), status="blijft_aandachtspunt")
    FocuspuntUpdateFactory(focuspunt=punt, datum=d(2021, 6, 1), status="blijft_aandachtspunt")
    assert teksten(wijk_op_orde) == ["„Overlast” blijft al sinds 1 juni 2020 aandachtspunt."]


def test_in_a_few_words_each_kind_once_with_its_number():
    wijk = GebiedFactory(soort=GebiedSoort.WIJK)
    VisieFactory(gebied=wijk, status="in_voorbereiding", vastgesteld_op=None)
    for titel in ["Brug", "Bankjes", "Speeltuin"]:
        FocuspuntUpdateFactory(focuspunt=FocuspuntFactory(gebied=wijk, titel=titel))
    (stand,) = standen(
        Gebied.objects.filter(pk=wijk.pk), VANDAAG, selectie=Selectie.OPEN, tijdlijn=True
    )
    assert kort_samengevat(signalen(stand.overzicht, stand.focuspunten, 3)) == [
        "geen platform",
        "wijkvisie niet vastgesteld",
        "geen wijkambtenaar",
        "geen recente update (3)",
    ]


@pytest.mark.parametrize(
    ("datum", "maanden", "verwacht"),
    [
        (d(2021, 5, 31), 3, d(2021, 2, 28)),
        (d(2021, 1, 15), 1, d(2020, 12, 15)),
        (d(2020, 3, 1), 12, d(2019, 3, 1)),
    ],
)
def test_maanden_terug(datum, maanden, verwacht):
    assert maanden_terug(datum, maanden) == verwacht
