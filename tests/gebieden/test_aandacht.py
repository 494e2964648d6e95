"""The stored runs of years with attention follow the rule, and stay in step with the timeline."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from gebieden.aandacht import heeft_aandacht, herbereken, perioden
from gebieden.constants import FocuspuntStatus
from gebieden.models import Aandachtsperiode, Focuspunt
from tests.gebieden.factories import FocuspuntFactory, FocuspuntUpdateFactory

d = datetime.date
S = FocuspuntStatus


def update(datum, status, n=0):
    return SimpleNamespace(
        datum=datum,
        status=status,
        aangemaakt_op=datetime.datetime(2000, 1, 1) + datetime.timedelta(seconds=n),
        pk=n + 1,
    )


tijdlijnen = st.lists(
    st.tuples(st.dates(d(2015, 1, 1), d(2025, 12, 31)), st.sampled_from(list(S.values))),
    max_size=6,
)


@given(startjaar=st.integers(2014, 2026), tijdlijn=tijdlijnen)
def test_runs_hold_exactly_the_years_the_rule_gives(startjaar, tijdlijn):
    updates = sorted(
        (update(datum, status, n) for n, (datum, status) in enumerate(tijdlijn)),
        key=lambda u: (u.datum, u.aangemaakt_op, u.pk),
    )
    runs = perioden(startjaar, updates)
    for jaar in range(2010, 2035):
        in_run = any(van <= jaar and (tot is None or jaar <= tot) for van, tot in runs)
        assert in_run == heeft_aandacht(startjaar, updates, jaar), jaar


def test_a_reopened_point_has_two_runs():
    updates = [
        update(d(2018, 3, 1), S.LOOPT, 0),
        update(d(2018, 9, 1), S.AFGEROND, 1),
        update(d(2021, 2, 1), S.LOOPT, 2),
    ]
    assert perioden(2018, updates) == [(2018, 2018), (2021, None)]


def test_without_a_timeline_it_runs_from_its_start_year():
    assert perioden(2021, []) == [(2021, None)]


@pytest.mark.django_db
class TestKeptInStep:
    def test_logging_an_update_closes_the_run(self):
        punt = FocuspuntFactory(startjaar=2019)
        FocuspuntUpdateFactory(focuspunt=punt, datum=d(2019, 5, 1), status=S.LOOPT)
        assert list(Focuspunt.objects.in_jaar(2023)) == [punt]
        FocuspuntUpdateFactory(focuspunt=punt, datum=d(2020, 6, 1), status=S.AFGEROND)
        assert list(Focuspunt.objects.in_jaar(2020)) == [punt]
        assert list(Focuspunt.objects.in_jaar(2021)) == []

    def test_changing_the_start_year_moves_the_run(self):
        punt = FocuspuntFactory(startjaar=2021)
        punt.startjaar = 2019
        punt.save()
        assert list(Focuspunt.objects.in_jaar(2019)) == [punt]

    def test_deleting_an_update_recomputes_after_the_commit(
        self, django_capture_on_commit_callbacks
    ):
        punt = FocuspuntFactory(startjaar=2019)
        FocuspuntUpdateFactory(focuspunt=punt, datum=d(2019, 5, 1), status=S.LOOPT)
        afgerond = FocuspuntUpdateFactory(focuspunt=punt, datum=d(2019, 8, 1), status=S.AFGEROND)
        assert list(Focuspunt.objects.in_jaar(2021)) == []
        with django_capture_on_commit_callbacks(execute=True):
            afgerond.delete()
        assert list(Focuspunt.objects.in_jaar(2021)) == [punt]

    def test_deleting_a_focus_point_leaves_no_runs(self, django_capture_on_commit_callbacks):
        punt = FocuspuntFactory(startjaar=2019)
        FocuspuntUpdateFactory(focuspunt=punt, datum=d(2019, 5, 1), status=S.LOOPT)
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            punt.delete()
        assert not Aandachtsperiode.objects.exists()

    def test_bulk_recompute_matches_what_the_signals_made(self):
        punten = [FocuspuntFactory(startjaar=2018 + i) for i in range(3)]
        for i, punt in enumerate(punten):
            FocuspuntUpdateFactory(focuspunt=punt, datum=d(2019, 1 + i, 1), status=S.AFGEROND)
        voor = sorted(Aandachtsperiode.objects.values_list("focuspunt_id", "van", "tot"))
        Aandachtsperiode.objects.all().delete()
        herbereken(p.pk for p in punten)
        assert sorted(Aandachtsperiode.objects.values_list("focuspunt_id", "van", "tot")) == voor
