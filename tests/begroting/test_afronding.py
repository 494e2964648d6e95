from decimal import Decimal

import pytest

from begroting.afronding import in_duizenden, totaal_in_duizenden


@pytest.mark.parametrize(
    ("euro", "duizenden"),
    [("1782000", 1782), ("1499.99", 1), ("1500", 2), ("-1500", -2), ("-48400", -48), ("0", 0)],
)
def test_in_duizenden(euro, duizenden):
    assert in_duizenden(Decimal(euro)) == duizenden


def test_total_adds_up_as_printed():
    bedragen = [Decimal("1400"), Decimal("1400"), Decimal("1400")]
    assert [in_duizenden(b) for b in bedragen] == [1, 1, 1]
    assert totaal_in_duizenden(bedragen) == 3  # not round(4.2) == 4
