"""The figures of a year per area, with the reserve ledger where a spending term applies.

Plain functions returning dataclasses; the pages (and later the annual paragraph) render them.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from gebieden.instellingen import gemeente
from gebieden.models.gemeente import AlgemeenPositie
from gebieden.volgorde import sorteersleutel

from .models import Begrotingspost, Openingsreserve
from .reserve import Jaarresultaat, Opening, Reservejaar, reserve_verloop

NUL = Decimal("0.00")


class Optelling:
    """Budget, realisation and result as the sum of the parts named by `onderdelen`."""

    onderdelen: ClassVar[str]

    def _som(self, veld: str) -> Decimal:
        return sum((getattr(deel, veld) for deel in getattr(self, self.onderdelen)), NUL)

    @property
    def primitieve_begroting(self) -> Decimal:
        return self._som("primitieve_begroting")

    @property
    def begroting_na_wijziging(self) -> Decimal:
        return self._som("begroting_na_wijziging")

    @property
    def realisatie(self) -> Decimal:
        return self._som("realisatie")

    @property
    def resultaat(self) -> Decimal:
        return self.begroting_na_wijziging - self.realisatie


@dataclass
class Gebiedsregel(Optelling):
    """The lines of one area (or Algemeen) in one year, summed, and its reserve that year."""

    onderdelen: ClassVar[str] = "posten"
    gebied_id: int | None = None
    gebied_naam: str = ""
    posten: list[Begrotingspost] = field(default_factory=list)
    reserve: Reservejaar | None = None

    @property
    def overschreden(self) -> list[Begrotingspost]:
        return [p for p in self.posten if p.resultaat < 0]


@dataclass
class Jaaroverzicht(Optelling):
    onderdelen: ClassVar[str] = "gebieden"
    jaar: int = 0
    gebieden: list[Gebiedsregel] = field(default_factory=list)


ALGEMEEN = "Algemeen"


def jaaroverzicht(jaar: int) -> Jaaroverzicht:
    """All lines of `jaar` per area, with each area's reserve as it stands at the end of `jaar`
    (its opening reserve included when that counts from `jaar` or earlier).

    Two queries whatever the number of areas: the lines of the year, each with its area and the
    area's opening reserve, and the earlier lines as plain rows (for the reserve ledgers).
    """
    instellingen = gemeente()
    standaardtermijn = instellingen.bestedingstermijn_jaren
    regels: dict[int | None, Gebiedsregel] = {}
    gebieden = {}
    reeksen: dict[int | None, list[Jaarresultaat]] = defaultdict(list)
    openingen: dict[int, list[Opening]] = {}

    def termijn(bestedingstermijn):
        return standaardtermijn if bestedingstermijn is None else bestedingstermijn

    # The earlier years only feed the reserve ledgers: plain rows, not model instances.
    eerder = (
        Begrotingspost.objects.filter(jaar__jaar__lt=jaar)
        .order_by("jaar__jaar", "gebied__naam", "naam")
        .values_list(
            "gebied_id", "jaar__jaar", "begroting_na_wijziging", "realisatie", "bestedingstermijn"
        )
    )
    for gebied_id, post_jaar, begroting, realisatie, bestedingstermijn in eerder:
        reeksen[gebied_id].append(
            Jaarresultaat(post_jaar, begroting - realisatie, termijn(bestedingstermijn))
        )
    for post in (
        Begrotingspost.objects.filter(jaar__jaar=jaar)
        .select_related("jaar", "gebied__openingsreserve")
        .order_by("gebied__naam", "naam")
    ):
        reeksen[post.gebied_id].append(
            Jaarresultaat(jaar, post.resultaat, termijn(post.bestedingstermijn))
        )
        if post.gebied_id and post.gebied_id not in openingen:
            openingen[post.gebied_id] = _opening(post.gebied, jaar)
        regel = regels.setdefault(
            post.gebied_id,
            Gebiedsregel(post.gebied_id, post.gebied.naam if post.gebied else ALGEMEEN),
        )
        regel.posten.append(post)
        gebieden[post.gebied_id] = post.gebied
    for gebied_id, regel in regels.items():
        verloop = reserve_verloop(reeksen[gebied_id], openingen.get(gebied_id, []))
        regel.reserve = next((r for r in verloop if r.jaar == jaar), None)
    sleutel = sorteersleutel()
    gesorteerd = sorted(
        (r for r in regels.values() if r.gebied_id is not None),
        key=lambda r: sleutel(gebieden[r.gebied_id]),
    )
    if None in regels:  # the general line, where the municipality puts it
        bovenaan = instellingen.algemeen_positie == AlgemeenPositie.BOVEN
        gesorteerd.insert(0 if bovenaan else len(gesorteerd), regels[None])
    return Jaaroverzicht(jaar=jaar, gebieden=gesorteerd)


def _opening(gebied, jaar: int) -> list[Opening]:
    """The area's opening reserve for the ledger up to `jaar` (none if it counts from later)."""
    try:
        reserve = gebied.openingsreserve
    except Openingsreserve.DoesNotExist:
        return []
    if reserve.ingangsjaar > jaar:
        return []
    return [Opening(reserve.bedrag, reserve.ingangsjaar, reserve.vrij_na)]
