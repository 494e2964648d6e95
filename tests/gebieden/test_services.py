import datetime

import pytest

from gebieden import services
from gebieden.constants import FocuspuntStatus
from gebieden.models import Focuspunt
from kern.versie import GelijktijdigGewijzigd
from tests.gebieden.factories import FocuspuntFactory, GebiedFactory
from tests.kern.factories import UserFactory

d = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def punt():
    return services.maak_focuspunt(
        gebied=GebiedFactory(),
        titel="Brug over de Rijn",
        status=FocuspuntStatus.LOOPT,
        toelichting="Locatie wordt onderzocht.",
        door=UserFactory(),
        datum=d(2020, 5, 1),
    )


def test_new_focus_point_starts_its_timeline(punt):
    assert punt.startjaar == 2020
    assert [(u.datum, u.status) for u in punt.updates.all()] == [(d(2020, 5, 1), "loopt")]


def test_update_sets_status_and_explanation_and_keeps_the_timeline(punt):
    services.log_update(
        focuspunt=punt, status="afgerond", datum=d(2021, 3, 1), notitie="Locatie bekend.", door=None
    )
    punt.refresh_from_db()
    assert punt.status == "afgerond" and punt.toelichting == "Locatie bekend."
    assert punt.updates.count() == 2 and punt.versie == 2


def test_backdated_update_does_not_change_the_current_status(punt):
    services.log_update(
        focuspunt=punt, status="gepland", datum=d(2020, 1, 1), notitie="Eerder", door=None
    )
    punt.refresh_from_db()
    assert punt.status == "loopt"
    assert punt.status_op(d(2020, 2, 1)) == "gepland"


def test_second_editor_with_an_old_version_is_refused_and_nothing_is_overwritten(punt):
    gezien = punt.versie
    services.wijzig_focuspunt(focuspunt=punt, versie=gezien, titel="Brug (eerste)")
    oud = Focuspunt.objects.get(pk=punt.pk)
    with pytest.raises(GelijktijdigGewijzigd) as conflict:
        services.wijzig_focuspunt(focuspunt=oud, versie=gezien, titel="Brug (tweede)")
    assert conflict.value.huidig.titel == "Brug (eerste)"
    assert "Iemand anders heeft" in str(conflict.value)
    assert Focuspunt.objects.get(pk=punt.pk).titel == "Brug (eerste)"


def test_every_change_is_in_the_audit_history(punt):
    services.wijzig_focuspunt(focuspunt=punt, versie=punt.versie, titel="Nieuwe titel")
    titels = [h.titel for h in punt.history.order_by("history_date")]
    assert titels[0] == "Brug over de Rijn" and titels[-1] == "Nieuwe titel"


def test_update_after_an_edit_form_was_opened_makes_that_form_stale(punt):
    geopend_met = punt.versie
    services.log_update(
        focuspunt=punt, status="afgerond", datum=d(2021, 1, 1), notitie="x", door=None
    )
    with pytest.raises(GelijktijdigGewijzigd):
        services.wijzig_focuspunt(
            focuspunt=Focuspunt.objects.get(pk=punt.pk), versie=geopend_met, titel="y"
        )


def test_in_jaar_carries_a_running_point_into_the_next_year_without_retyping():
    punt = FocuspuntFactory(startjaar=2019)
    services.log_update(focuspunt=punt, status="loopt", datum=d(2019, 6, 1), notitie="", door=None)
    assert list(Focuspunt.objects.in_jaar(2022)) == [punt]
