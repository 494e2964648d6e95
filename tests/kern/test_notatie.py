"""Dutch notation, the one place every page, report and export takes it from."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from gebieden.constants import FocuspuntStatus
from kern import notatie


@pytest.mark.parametrize(
    ("getal", "tekst"), [(1782, "1.782"), (-48, "−48"), (1234567, "1.234.567"), (0, "0")]
)
def test_whole_numbers_as_councils_read_them(getal, tekst):
    assert notatie.getal(getal) == tekst


@pytest.mark.parametrize(
    ("bedrag", "tekst"),
    [("1234.5", "1.234,50"), ("-48", "−48,00"), ("0", "0,00"), ("1000000.01", "1.000.000,01")],
)
def test_amounts_with_cents_and_a_real_minus_sign(bedrag, tekst):
    assert notatie.bedrag(Decimal(bedrag)) == tekst
    assert notatie.euro(Decimal(bedrag)) == f"€ {tekst}"


def test_whole_euros_for_the_paragraphs_sentences():
    assert notatie.euro_heel(Decimal("1234.56")) == "€\u00a01.235"  # never split over two lines
    assert notatie.euro_heel(Decimal("-48.40")) == "€\u00a0−48"
    assert notatie.euro_heel(Decimal("2.50")) == "€\u00a03"  # half away from zero, as the tables


def test_dates_in_words_and_short():
    assert notatie.datum(datetime.date(2026, 3, 5)) == "5 maart 2026"
    assert notatie.datum_kort(datetime.date(2026, 3, 5)) == "05-03-2026"


def test_moments_in_the_local_time_zone():
    utc = datetime.datetime(2026, 7, 1, 12, 5, tzinfo=datetime.UTC)
    assert notatie.moment(utc) == "1 juli 2026 14:05"  # summer time in Amsterdam
    assert timezone.is_aware(utc)


def test_choice_labels_by_value():
    woorden = notatie.keuzes(FocuspuntStatus)
    assert woorden["blijft_aandachtspunt"] == "blijft aandachtspunt"
    assert woorden["afgerond"] == "afgerond"
