"""The reserve of an area under a spending term (bestedingstermijn): a pure computation.

A positive result (budget − realisation) in year Y goes into the reserve as a tranche that may
be used in the years Y+1 … Y+term; what is left of it at the end of year Y+term falls free
(vrijval). An overspend is covered from the reserve, the tranche that falls free first first
(with equal terms: the oldest first); what the reserve cannot cover stays a shortfall
(tekort). With a term of 0 a positive result falls free at once.

The opening reserve (the reserve an area had before its figures were kept here) is a tranche
of its own (herkomst "opening"): added at the start of its first year, so usable in that year
already, through its last year, and used in the same order as the others (of two tranches
falling free in the same year, the opening reserve first: it is the oldest).

Money is conserved: over all years, results + opening reserves = fallen free + balance −
shortfall, i.e. every euro budgeted or carried in is realised, held in reserve, or fallen free
(tested with hypothesis).
"""

from dataclasses import dataclass, field
from decimal import Decimal

NUL = Decimal("0.00")
RESULTAAT = "resultaat"
OPENING = "opening"


@dataclass(frozen=True)
class Jaarresultaat:
    jaar: int
    resultaat: Decimal
    termijn: int  # years the positive result of this year may be spent afterwards


@dataclass(frozen=True)
class Opening:
    """An opening reserve: `bedrag`, usable from `eerste_jaar` through `laatste_jaar`."""

    bedrag: Decimal
    eerste_jaar: int
    laatste_jaar: int


@dataclass
class Tranche:
    herkomstjaar: int  # the year of the result; of an opening reserve, its first year
    bedrag: Decimal  # what is left of it
    laatste_jaar: int  # the last year it may be used; it falls free at the end of that year
    herkomst: str = RESULTAAT

    @property
    def is_opening(self) -> bool:
        return self.herkomst == OPENING

    @property
    def eerste_jaar(self) -> int:
        """A result can be used from the next year on, an opening reserve in its first year."""
        return self.herkomstjaar if self.is_opening else self.herkomstjaar + 1


@dataclass(frozen=True)
class Gebruik:
    jaar: int
    herkomstjaar: int
    bedrag: Decimal
    herkomst: str = RESULTAAT


@dataclass
class Reservejaar:
    jaar: int
    resultaat: Decimal = NUL
    toegevoegd: Decimal = NUL  # positive results of this year and an opening reserve
    opening: Decimal = NUL  # of which: the opening reserve carried in at the start of the year
    gebruikt: Decimal = NUL
    vervallen: Decimal = NUL
    tekort: Decimal = NUL
    saldo: Decimal = NUL
    tranches: list[Tranche] = field(default_factory=list)  # the balance, by expiry
    gebruik: list[Gebruik] = field(default_factory=list)

    @property
    def vervalt_dit_jaar(self) -> Decimal:
        """What falls free at the end of this year unless it is used (a signal)."""
        return sum((t.bedrag for t in self.tranches if t.laatste_jaar == self.jaar), NUL)

    @property
    def gebruikt_uit_opening(self) -> Decimal:
        return sum((g.bedrag for g in self.gebruik if g.herkomst == OPENING), NUL)

    @property
    def vervallen_uit_opening(self) -> Decimal:
        return sum(
            (t.bedrag for t in self.tranches if t.is_opening and t.laatste_jaar <= self.jaar), NUL
        )

    @property
    def saldo_uit_opening(self) -> Decimal:
        """Of the balance at the end of the year: what is left of the opening reserve."""
        return sum(
            (t.bedrag for t in self.tranches if t.is_opening and t.laatste_jaar > self.jaar), NUL
        )


def reserve_verloop(
    resultaten: list[Jaarresultaat], openingen: list[Opening] | tuple = ()
) -> list[Reservejaar]:
    """The reserve ledger, one entry per year from the first to the last result or opening."""
    jaren = [r.jaar for r in resultaten] + [o.eerste_jaar for o in openingen]
    if not jaren:
        return []
    per_jaar: dict[int, list[Jaarresultaat]] = {}
    for r in resultaten:
        per_jaar.setdefault(r.jaar, []).append(r)
    tranches: list[Tranche] = []
    verloop = []
    for jaar in range(min(jaren), max(jaren) + 1):
        regel = Reservejaar(jaar=jaar)
        for o in openingen:
            if o.eerste_jaar == jaar:
                tranches.append(Tranche(jaar, o.bedrag, o.laatste_jaar, OPENING))
                regel.toegevoegd += o.bedrag
                regel.opening += o.bedrag
        for r in per_jaar.get(jaar, []):
            regel.resultaat += r.resultaat
            if r.resultaat < 0:
                _dek_tekort(regel, tranches, -r.resultaat)
            elif r.resultaat > 0:
                # with a term of 0 the tranche's last year is this year: it falls free at once
                tranches.append(Tranche(jaar, r.resultaat, jaar + r.termijn))
                regel.toegevoegd += r.resultaat
        for tranche in [t for t in tranches if t.laatste_jaar <= jaar]:
            regel.vervallen += tranche.bedrag
        regel.tranches = [
            Tranche(t.herkomstjaar, t.bedrag, t.laatste_jaar, t.herkomst) for t in tranches
        ]
        tranches = [t for t in tranches if t.laatste_jaar > jaar]
        regel.saldo = sum((t.bedrag for t in tranches), NUL)
        verloop.append(regel)
    return verloop


def _dek_tekort(regel: Reservejaar, tranches: list[Tranche], tekort: Decimal) -> None:
    """Cover an overspend from the tranches usable this year (from an earlier year's result or
    the opening reserve, not yet expired), the one expiring first first; of two expiring
    together the older, and the opening reserve before a result."""
    for tranche in sorted(
        tranches, key=lambda t: (t.laatste_jaar, t.eerste_jaar, not t.is_opening)
    ):
        if tekort == 0:
            break
        if tranche.eerste_jaar > regel.jaar or tranche.bedrag == 0:
            continue
        bedrag = min(tranche.bedrag, tekort)
        tranche.bedrag -= bedrag
        tekort -= bedrag
        regel.gebruikt += bedrag
        regel.gebruik.append(Gebruik(regel.jaar, tranche.herkomstjaar, bedrag, tranche.herkomst))
    regel.tekort += tekort
