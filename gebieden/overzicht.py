"""What an area has on a given day: platform, vision, who holds which role, and what is vacant.

Plain functions over an area whose platforms, visions and assignments are prefetched
(`Gebied.objects.met_omgeving()`), returning dataclasses the templates and reports render.
"""

import datetime
from dataclasses import dataclass, field

from .constants import VERWACHTE_ROL, Rol, VisieStatus
from .models import Gebied, Persoon, Platform, Toewijzing, Visie
from .models.woorden import woord


@dataclass(frozen=True)
class Bezetting:
    rol: Rol
    personen: list[Persoon]
    waarnemers: list[Persoon]
    vacant_sinds: datetime.date | None = None
    vacant: bool = False

    @property
    def rol_label(self) -> str:
        return woord("rol", self.rol)


@dataclass
class GebiedOverzicht:
    gebied: Gebied
    datum: datetime.date
    platforms: list[Platform] = field(default_factory=list)
    visies: list[tuple[Visie, str]] = field(default_factory=list)
    bezetting: list[Bezetting] = field(default_factory=list)

    @property
    def vacatures(self) -> list[Bezetting]:
        return [b for b in self.bezetting if b.vacant]

    @property
    def waarnemingen(self) -> list[Bezetting]:
        return [b for b in self.bezetting if b.waarnemers]

    @property
    def heeft_vastgestelde_visie(self) -> bool:
        return any(status == VisieStatus.VASTGESTELD for _, status in self.visies)


def bezetting_op(
    gebied: Gebied, toewijzingen: list[Toewijzing], datum: datetime.date
) -> list[Bezetting]:
    """Per role: who holds it on `datum`, who acts in it, and since when it is vacant.

    A role counts when the area is expected to have it (wijkambtenaar for a wijk,
    dorpsambtenaar for a dorp) or when somebody held it on or before `datum`. It is vacant when
    nobody holds it other than as acting official; `vacant_sinds` is the day after the last
    regular holder left (None when there never was one).
    """
    begonnen = [t for t in toewijzingen if t.geldig_van is None or t.geldig_van <= datum]
    rollen = {t.rol for t in begonnen}
    if gebied.soort in VERWACHTE_ROL:
        rollen.add(VERWACHTE_ROL[gebied.soort])
    volgorde = list(Rol)
    resultaat = []
    for rol in sorted(rollen, key=volgorde.index):
        van_rol = [t for t in begonnen if t.rol == rol]
        actueel = [t for t in van_rol if t.is_geldig_op(datum)]
        vast = [t.persoon for t in actueel if not t.waarnemend]
        waarnemers = [t.persoon for t in actueel if t.waarnemend]
        vertrokken = [
            t.geldig_tot
            for t in van_rol
            if not t.waarnemend and t.geldig_tot and t.geldig_tot < datum
        ]
        sinds = max(vertrokken) + datetime.timedelta(days=1) if vertrokken else None
        resultaat.append(
            Bezetting(
                rol=Rol(rol),
                personen=vast,
                waarnemers=waarnemers,
                vacant=not vast,
                vacant_sinds=sinds if not vast else None,
            )
        )
    return resultaat


def gebied_overzicht(gebied: Gebied, datum: datetime.date) -> GebiedOverzicht:
    return GebiedOverzicht(
        gebied=gebied,
        datum=datum,
        platforms=[p for p in gebied.platforms.all() if p.is_ondersteund_op(datum)],
        visies=[(v, v.status_op(datum)) for v in gebied.visies.all()],
        bezetting=bezetting_op(gebied, list(gebied.toewijzingen.all()), datum),
    )
