"""The reserve of an area under a spending term (bestedingstermijn): a pure computation.

A positive result (budget − realisation) in year Y goes into the reserve as a tranche that may
be used in the years Y+1 … Y+term; what is left of it at the end of year Y+term falls free
(vrijval). An overspend is covered from the reserve, oldest tranche first; what the reserve
cannot cover stays a shortfall (tekort). With a term of 0 a positive result falls free at once.

Money is conserved: over all years, results = fallen free + balance − shortfall, i.e. every
euro budgeted is realised, held in reserve, or fallen free (tested with hypothesis).
"""

from dataclasses import dataclass, field
from decimal import Decimal

NUL = Decimal("0.00")


@dataclass(frozen=True)
class Jaarresultaat:
    jaar: int
    resultaat: Decimal
    termijn: int  # years the positive result of this year may be spent afterwards


@dataclass
class Tranche:
    herkomstjaar: int
    bedrag: Decimal  # what is left of it
    laatste_jaar: int  # the last year it may be used; it falls free at the end of that year


@dataclass(frozen=True)
class Gebruik:
    jaar: int
    herkomstjaar: int
    bedrag: Decimal


@dataclass
class Reservejaar:
    jaar: int
    resultaat: Decimal = NUL
    toegevoegd: Decimal = NUL
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


def reserve_verloop(resultaten: list[Jaarresultaat]) -> list[Reservejaar]:
    """The reserve ledger, one entry per year from the first to the last result."""
    if not resultaten:
        return []
    per_jaar: dict[int, list[Jaarresultaat]] = {}
    for r in resultaten:
        per_jaar.setdefault(r.jaar, []).append(r)
    tranches: list[Tranche] = []
    verloop = []
    for jaar in range(min(per_jaar), max(per_jaar) + 1):
        regel = Reservejaar(jaar=jaar)
        for r in per_jaar.get(jaar, []):
            regel.resultaat += r.resultaat
            if r.resultaat < 0:
                _dek_tekort(regel, tranches, -r.resultaat)
            elif r.resultaat > 0:
                # with a term of 0 the tranche's last year is this year: it falls free at once
                tranches.append(Tranche(jaar, r.resultaat, jaar + r.termijn))
                regel.toegevoegd += r.resultaat
        for tranche in [t for t in tranches if t.laatste_jaar == jaar]:
            regel.vervallen += tranche.bedrag
        regel.tranches = [Tranche(t.herkomstjaar, t.bedrag, t.laatste_jaar) for t in tranches]
        tranches = [t for t in tranches if t.laatste_jaar > jaar]
        regel.saldo = sum((t.bedrag for t in tranches), NUL)
        verloop.append(regel)
    return verloop


def _dek_tekort(regel: Reservejaar, tranches: list[Tranche], tekort: Decimal) -> None:
    """Cover an overspend from the tranches usable this year (added in an earlier year and not
    yet expired), oldest first."""
    for tranche in sorted(tranches, key=lambda t: (t.laatste_jaar, t.herkomstjaar)):
        if tekort == 0:
            break
        if tranche.herkomstjaar >= regel.jaar or tranche.bedrag == 0:
            continue
        bedrag = min(tranche.bedrag, tekort)
        tranche.bedrag -= bedrag
        tekort -= bedrag
        regel.gebruikt += bedrag
        regel.gebruik.append(Gebruik(regel.jaar, tranche.herkomstjaar, bedrag))
    regel.tekort += tekort
