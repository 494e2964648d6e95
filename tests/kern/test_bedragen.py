from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kern.bedragen import OngeldigBedrag, lees_bedrag, schrijf_bedrag

D = Decimal


@pytest.mark.parametrize(
    ("tekst", "bedrag"),
    [
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1.234", "1234"),
        ("1.234.567", "1234567"),
        ("€ 25.000", "25000"),
        ("-48,40", "-48.40"),
        ("−1.500,00", "-1500"),
        ("0", "0"),
        (" 12 ", "12"),
    ],
)
def test_reads_dutch_and_international_notation(tekst, bedrag):
    assert lees_bedrag(tekst) == D(bedrag)


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("", "Vul een bedrag in."),
        ("abc", "is geen bedrag"),
        ("12,345", "hoogstens twee cijfers achter de komma"),
        ("1.2.3,4,5", "is geen bedrag"),
        ("1e5", "is geen bedrag"),
        ("NaN", "is geen bedrag"),
        ("9" * 20, "te groot"),
        ("9" * 400, "te groot"),
    ],
)
def test_refuses_what_is_not_an_amount_in_dutch(tekst, melding):
    with pytest.raises(OngeldigBedrag, match=melding):
        lees_bedrag(tekst)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_what_the_form_shows_reads_back_the_same(bedrag):
    assert lees_bedrag(schrijf_bedrag(bedrag)) == bedrag
