from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from begroting.reserve import OPENING, Jaarresultaat, Opening, reserve_verloop

D = Decimal


def jr(jaar, bedrag, termijn=2):
    return Jaarresultaat(jaar, D(bedrag), termijn)


def test_unspent_budget_is_used_within_the_term_and_the_rest_falls_free():
    verloop = reserve_verloop([jr(2019, "100"), jr(2020, "-30"), jr(2021, "0")])
    assert [(r.jaar, r.toegevoegd, r.gebruikt, r.vervallen, r.saldo) for r in verloop] == [
        (2019, D("100"), D("0"), D("0"), D("100")),
        (2020, D("0"), D("30"), D("0"), D("70")),
        (2021, D("0"), D("0"), D("70"), D("0")),
    ]


def test_overspend_uses_the_oldest_tranche_first_and_the_rest_is_a_shortfall():
    verloop = reserve_verloop([jr(2018, "50"), jr(2019, "40"), jr(2020, "-120")])
    laatste = verloop[-1]
    assert [(g.herkomstjaar, g.bedrag) for g in laatste.gebruik] == [
        (2018, D("50")),
        (2019, D("40")),
    ]
    assert laatste.tekort == D("30") and laatste.saldo == D("0")


def test_result_of_this_year_cannot_cover_this_years_overspend_of_another_line():
    verloop = reserve_verloop([jr(2020, "100"), jr(2020, "-40")])
    assert verloop[0].tekort == D("40") and verloop[0].saldo == D("100")


def test_expired_tranche_is_not_used():
    verloop = reserve_verloop([jr(2017, "100", termijn=2), jr(2020, "-50")])
    assert verloop[2].vervallen == D("100")  # end of 2019
    assert verloop[3].gebruikt == D("0") and verloop[3].tekort == D("50")


def test_without_a_term_a_positive_result_falls_free_at_once():
    verloop = reserve_verloop([jr(2020, "80", termijn=0), jr(2021, "-10", termijn=0)])
    assert verloop[0].vervallen == D("80") and verloop[0].saldo == D("0")
    assert verloop[1].tekort == D("10")


def test_what_expires_this_year_is_known_for_the_signal():
    verloop = reserve_verloop([jr(2019, "100"), jr(2020, "-30"), jr(2021, "0")])
    assert verloop[2].vervalt_dit_jaar == D("70")
    assert verloop[1].vervalt_dit_jaar == D("0")


def test_an_overspend_is_covered_from_the_opening_reserve_in_its_first_year():
    verloop = reserve_verloop([jr(2021, "-300")], [Opening(D("1000"), 2021, 2022)])
    eerste = verloop[0]
    assert (eerste.toegevoegd, eerste.opening, eerste.gebruikt, eerste.tekort) == (
        D("1000"),
        D("1000"),
        D("300"),
        D("0"),
    )
    assert eerste.gebruikt_uit_opening == D("300") and eerste.saldo_uit_opening == D("700")
    assert [(g.herkomst, g.bedrag) for g in eerste.gebruik] == [(OPENING, D("300"))]


def test_the_opening_reserve_falls_free_after_its_last_year():
    verloop = reserve_verloop(
        [jr(2020, "0"), jr(2021, "0"), jr(2022, "-50")], [Opening(D("500"), 2020, 2021)]
    )
    assert verloop[1].vervalt_dit_jaar == D("500")
    assert verloop[1].vervallen == D("500") and verloop[1].vervallen_uit_opening == D("500")
    assert verloop[2].gebruikt == D("0") and verloop[2].tekort == D("50")


def test_the_opening_reserve_is_not_used_before_its_first_year():
    verloop = reserve_verloop([jr(2020, "-80"), jr(2021, "-20")], [Opening(D("100"), 2021, 2023)])
    assert verloop[0].tekort == D("80") and verloop[0].saldo == D("0")
    assert verloop[1].gebruikt_uit_opening == D("20") and verloop[1].saldo == D("80")


def test_the_opening_reserve_goes_first_among_tranches_that_fall_free_together():
    # the 2020 result may be used through 2022, as may the opening reserve: the opening first
    verloop = reserve_verloop([jr(2020, "100"), jr(2021, "-150")], [Opening(D("100"), 2020, 2022)])
    assert [(g.herkomst, g.bedrag) for g in verloop[1].gebruik] == [
        (OPENING, D("100")),
        ("resultaat", D("50")),
    ]
    # what expires sooner is still used first: a term of 1 year for the 2020 result
    verloop = reserve_verloop(
        [jr(2020, "100", termijn=1), jr(2021, "-150")], [Opening(D("100"), 2020, 2022)]
    )
    assert [(g.herkomst, g.bedrag) for g in verloop[1].gebruik] == [
        ("resultaat", D("100")),
        (OPENING, D("50")),
    ]


def test_an_opening_reserve_alone_makes_a_ledger():
    verloop = reserve_verloop([], [Opening(D("250"), 2022, 2024)])
    assert [(r.jaar, r.saldo) for r in verloop] == [(2022, D("250"))]


bedragen = st.decimals(min_value=-100_000, max_value=100_000, places=2, allow_nan=False)
reeksen = st.lists(
    st.tuples(st.integers(2010, 2025), bedragen, st.integers(0, 4)), min_size=1, max_size=30
)
openingsreeksen = st.lists(
    st.tuples(
        st.decimals(min_value="0.01", max_value=100_000, places=2, allow_nan=False),
        st.integers(2008, 2027),
        st.integers(0, 4),
    ),
    max_size=3,
)


@given(reeksen, openingsreeksen)
def test_money_is_conserved(reeks, openingsreeks):
    resultaten = [Jaarresultaat(j, b, t) for j, b, t in reeks]
    openingen = [Opening(b, j, j + duur) for b, j, duur in openingsreeks]
    verloop = reserve_verloop(resultaten, openingen)
    totaal_resultaat = sum((r.resultaat for r in resultaten), D(0))
    totaal_opening = sum((o.bedrag for o in openingen), D(0))
    vervallen = sum((r.vervallen for r in verloop), D(0))
    tekort = sum((r.tekort for r in verloop), D(0))
    # every euro budgeted or carried in is realised, held in reserve, or fallen free
    assert totaal_resultaat + totaal_opening == vervallen + verloop[-1].saldo - tekort
    assert sum((r.opening for r in verloop), D(0)) == totaal_opening
    # each year: the balance moves by what was added, used and fell free
    vorig = D(0)
    for r in verloop:
        assert r.saldo == vorig + r.toegevoegd - r.gebruikt - r.vervallen
        assert r.saldo >= 0 and r.tekort >= 0
        vorig = r.saldo


@given(reeksen, openingsreeksen)
def test_nothing_is_used_after_it_expired_or_before_it_was_added(reeks, openingsreeks):
    resultaten = [Jaarresultaat(j, b, t) for j, b, t in reeks]
    openingen = [Opening(b, j, j + duur) for b, j, duur in openingsreeks]
    verloop = reserve_verloop(resultaten, openingen)
    looptijd, opening_looptijd = {}, {}
    for r in resultaten:
        if r.resultaat > 0:
            looptijd.setdefault(r.jaar, set()).add(r.jaar + r.termijn)
    for o in openingen:
        opening_looptijd.setdefault(o.eerste_jaar, set()).add(o.laatste_jaar)
    for jaar in verloop:
        for gebruik in jaar.gebruik:
            if gebruik.herkomst == OPENING:
                assert gebruik.herkomstjaar <= gebruik.jaar
                assert gebruik.jaar <= max(opening_looptijd[gebruik.herkomstjaar])
            else:
                assert gebruik.herkomstjaar < gebruik.jaar
                assert gebruik.jaar <= max(looptijd[gebruik.herkomstjaar])
