"""A small run of the benchmark, so that it keeps working (no timing is asserted)."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_benchmark_smoke_run(tmp_path):
    call_command("bench_data", "--schaal", "klein", stdout=io.StringIO())
    uitvoer = tmp_path / "bench.json"
    tekst = io.StringIO()
    call_command(
        "bench", "--herhalingen", "1", "--import-rijen", "20", "--json", str(uitvoer), stdout=tekst
    )
    metingen = json.loads(uitvoer.read_text())["metingen"]
    namen = [m["naam"] for m in metingen]
    assert namen[:3] == [
        "minimale view (/gezond/)",
        "minimale view, ingelogd",
        "minimale pagina, ingelogd",
    ]
    assert {
        "dashboard wijkambtenaar",
        "gepubliceerde paragraaf",
        "gepubliceerde paragraaf, bezoeker (openbaar)",
        "PDF van de paragraaf",
    } <= set(namen)
    assert all(m["queries"] >= 0 and m["mediaan_ms"] >= 0 for m in metingen)
    assert all(m["verhouding_pagina"] is not None for m in metingen)
    assert "mediaan ms" in tekst.getvalue() and "x pagina" in tekst.getvalue()


def test_benchmark_data_has_the_promised_shape():
    from django.db.models import Count

    from gebieden.models import Focuspunt, FocuspuntUpdate, Gebied

    uitvoer = io.StringIO()
    call_command(
        "bench_data",
        "--schaal",
        "klein",
        "--seed",
        "7",
        "--peildatum",
        "2026-06-30",
        stdout=uitvoer,
    )
    assert "jaar 2025" in uitvoer.getvalue()  # the paragraph of the last whole year
    assert Gebied.objects.filter(soort="gebied").count() == 2
    assert Gebied.objects.filter(soort__in=["wijk", "dorp"]).count() == 4
    assert Gebied.objects.filter(soort="buurt").count() == 8
    assert Focuspunt.objects.count() == 4 * 2 * 3  # wijken x jaren x new focus points a year
    assert set(Focuspunt.objects.values_list("startjaar", flat=True)) == {2025, 2026}
    assert not FocuspuntUpdate.objects.filter(datum__gt=datetime.date(2026, 6, 30)).exists()
    afgelopen = Focuspunt.objects.filter(startjaar=2025).annotate(n=Count("updates"))
    assert {p.n for p in afgelopen} <= {2, 3, 4, 5}


def test_focus_points_run_their_course_so_a_wijk_has_some_twenty_to_forty_a_year():
    import random

    from bench.data import _loop
    from gebieden.constants import AFGESLOTEN_STATUSSEN

    r, eerste, laatste = random.Random(3), 2015, 2024  # noqa: S311 -- test data
    plannen = [
        (jaar, _loop(r, jaar, datetime.date(laatste, 12, 31)))
        for jaar in range(eerste, laatste + 1)
        for _ in range(20)
    ]
    for jaar, plan in plannen:
        data = [datum for datum, _ in plan]
        assert data == sorted(data) and data[0].year == jaar and data[-1].year <= laatste
        if data[-1].year < laatste:  # ended before the last year: finished or dropped
            assert plan[-1][1] in AFGESLOTEN_STATUSSEN
    in_laatste_jaar = sum(
        1
        for jaar, plan in plannen
        if plan[-1][0].year == laatste or plan[-1][1] not in AFGESLOTEN_STATUSSEN
    )
    assert 20 <= in_laatste_jaar <= 40
