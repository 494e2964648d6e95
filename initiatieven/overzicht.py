"""Per area and per year: counts and amounts of initiatives and subsidies, and their reach.

The figures the annual paragraph uses. Built from two queries, whatever the number of areas.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .constants import AFGESLOTEN, Besluit
from .models import Aanvraag, Initiatief

NUL = Decimal("0.00")


@dataclass
class GebiedCijfers:
    gebied_id: int
    gebied_naam: str
    initiatieven: int = 0
    afgerond: int = 0
    aanvragen: int = 0
    gevraagd: Decimal = NUL
    toegekend: Decimal = NUL
    vastgesteld: Decimal = NUL
    deelnemers: int = 0
    doelgroepen: Counter = field(default_factory=Counter)

    @property
    def bereik(self) -> list[tuple[str, int]]:
        """Target groups with how many initiatives reached them, most first."""
        return self.doelgroepen.most_common()


def cijfers_per_gebied(jaar: int) -> list[GebiedCijfers]:
    """Initiatives registered in `jaar` (their first status date) and applications received in
    `jaar`, per area, sorted by area name."""
    per_gebied: dict[int, GebiedCijfers] = {}

    def regel(gebied) -> GebiedCijfers:
        return per_gebied.setdefault(gebied.pk, GebiedCijfers(gebied.pk, gebied.naam))

    initiatieven = (
        Initiatief.objects.filter(overgangen__datum__year=jaar)
        .distinct()
        .select_related("gebied")
        .prefetch_related("overgangen", "doelgroepen")
    )
    for initiatief in initiatieven:
        if initiatief.jaar != jaar:
            continue  # registered earlier; a later status change does not count it again
        cijfers = regel(initiatief.gebied)
        cijfers.initiatieven += 1
        cijfers.afgerond += initiatief.status in AFGESLOTEN
        cijfers.deelnemers += initiatief.deelnemers or 0
        cijfers.doelgroepen.update(d.get_doelgroep_display() for d in initiatief.doelgroepen.all())
    aanvragen = Aanvraag.objects.filter(ontvangen_op__year=jaar).select_related(
        "initiatief__gebied"
    )
    for aanvraag in aanvragen:
        cijfers = regel(aanvraag.initiatief.gebied)
        cijfers.aanvragen += 1
        cijfers.gevraagd += aanvraag.bedrag_gevraagd
        if aanvraag.besluit in (Besluit.TOEGEKEND, Besluit.DEELS_TOEGEKEND):
            cijfers.toegekend += aanvraag.bedrag_toegekend or NUL
        cijfers.vastgesteld += aanvraag.bedrag_vastgesteld or NUL
    return sorted(per_gebied.values(), key=lambda c: c.gebied_naam)


def uitgegeven_per_regeling(jaar: int) -> dict[int, Decimal]:
    """What each scheme spent in `jaar` (decisions of that year), in one query."""
    besteed: dict[int, Decimal] = defaultdict(lambda: NUL)
    for aanvraag in Aanvraag.objects.filter(
        besluit__in=[Besluit.TOEGEKEND, Besluit.DEELS_TOEGEKEND], besluit_op__year=jaar
    ):
        besteed[aanvraag.regeling_id] += aanvraag.uitgegeven
    return dict(besteed)
