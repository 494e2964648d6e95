"""Per area and per year: counts and amounts of initiatives and subsidies, and their reach.

The figures the annual paragraph uses. Built from four queries of plain rows, whatever the
number of areas.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Min, Q

from .constants import AFGESLOTEN, TOEGEKENDE_BESLUITEN, Doelgroep
from .models import Aanvraag, Initiatief, InitiatiefDoelgroep, InitiatiefHulp

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
    hulp: Counter = field(default_factory=Counter)  # Hulpvorm code -> initiatives given it

    @property
    def bereik(self) -> list[tuple[str, int]]:
        """Target groups with how many initiatives reached them, most first."""
        return self.doelgroepen.most_common()


def aangemeld_in(jaar: int):
    """Initiatives registered in `jaar`: the first status falls in it (a later change does not
    count it again). Initiatives without any status count by their creation date, as
    `Initiatief.jaar`."""
    begin, eind = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    return Initiatief.objects.annotate(eerste=Min("overgangen__datum")).filter(
        Q(eerste__range=(begin, eind)) | Q(eerste__isnull=True, aangemaakt_op__year=jaar)
    )


def totalen_in_jaar(jaar: int, gebied_ids) -> tuple[int, int]:
    """How many initiatives were registered in `jaar` in these areas, and their participants:
    the two figures of the year before beside the paragraph's, in one query."""
    rijen = aangemeld_in(jaar).filter(gebied_id__in=gebied_ids).values_list("deelnemers", flat=True)
    deelnemers = list(rijen)
    return len(deelnemers), sum(d or 0 for d in deelnemers)


def cijfers_per_gebied(jaar: int) -> list[GebiedCijfers]:
    """Initiatives registered in `jaar` (their first status date) and applications received in
    `jaar`, per area, sorted by area name."""
    per_gebied: dict[int, GebiedCijfers] = {}

    def regel(gebied_id, gebied_naam) -> GebiedCijfers:
        return per_gebied.setdefault(gebied_id, GebiedCijfers(gebied_id, gebied_naam))

    initiatieven = aangemeld_in(jaar).values_list(
        "pk", "gebied_id", "gebied__naam", "status", "deelnemers"
    )
    gebied_van: dict[int, int] = {}
    for pk, gebied_id, gebied_naam, status, deelnemers in initiatieven:
        gebied_van[pk] = gebied_id
        cijfers = regel(gebied_id, gebied_naam)
        cijfers.initiatieven += 1
        cijfers.afgerond += status in AFGESLOTEN
        cijfers.deelnemers += deelnemers or 0
    namen = dict(Doelgroep.choices)
    for initiatief_id, doelgroep in InitiatiefDoelgroep.objects.filter(
        initiatief_id__in=list(gebied_van)
    ).values_list("initiatief_id", "doelgroep"):
        per_gebied[gebied_van[initiatief_id]].doelgroepen[str(namen.get(doelgroep, doelgroep))] += 1
    for initiatief_id, hulpvorm in InitiatiefHulp.objects.filter(
        initiatief_id__in=list(gebied_van)
    ).values_list("initiatief_id", "hulpvorm"):
        per_gebied[gebied_van[initiatief_id]].hulp[hulpvorm] += 1
    aanvragen = Aanvraag.objects.filter(ontvangen_op__year=jaar).values_list(
        "initiatief__gebied_id",
        "initiatief__gebied__naam",
        "bedrag_gevraagd",
        "besluit",
        "bedrag_toegekend",
        "bedrag_vastgesteld",
    )
    for gebied_id, gebied_naam, gevraagd, besluit, toegekend, vastgesteld in aanvragen:
        cijfers = regel(gebied_id, gebied_naam)
        cijfers.aanvragen += 1
        cijfers.gevraagd += gevraagd
        if besluit in TOEGEKENDE_BESLUITEN:
            cijfers.toegekend += toegekend or NUL
        cijfers.vastgesteld += vastgesteld or NUL
    return sorted(per_gebied.values(), key=lambda c: c.gebied_naam)


def uitgegeven_per_regeling(jaar: int) -> dict[int, Decimal]:
    """What each scheme spent in `jaar` (decisions of that year), in one query."""
    besteed: dict[int, Decimal] = defaultdict(lambda: NUL)
    for aanvraag in Aanvraag.objects.filter(
        besluit__in=TOEGEKENDE_BESLUITEN, besluit_op__year=jaar
    ):
        besteed[aanvraag.regeling_id] += aanvraag.uitgegeven
    return dict(besteed)
