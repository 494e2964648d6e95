"""The wijkprofiel and map as the area page and the areas overview show them."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from gebieden.instellingen import gemeente
from gebieden.models import Gebied
from gebieden.volgorde import in_volgorde

from . import kaart as kaarten
from .profiel import Profiel, bron_kort, keuze, profielen, tekst, verandering
from .trend import trend


@dataclass(frozen=True)
class Profielrij:
    naam: str
    nu: str  # the newest figure
    jaar: int | None
    herkomst: str
    gemeente: str  # the municipality's figure of that year
    verandering: str  # against the year before
    trend: dict | None
    jaren: tuple[tuple[int, str], ...]  # every year read in, for the table
    gewijzigd: bool  # CBS marks a changed boundary in the newest year


def rijen(profiel: Profiel, *, tot_jaar: int | None = None) -> list[Profielrij]:
    uit = []
    for reeks in profiel.reeksen:
        nu, vorig = reeks.stand(tot_jaar)
        gm = reeks.gemeente_in(nu.jaar) if nu else None
        uit.append(
            Profielrij(
                naam=str(reeks.indicator.naam),
                nu=tekst(reeks.indicator, nu.waarde if nu else None),
                jaar=nu.jaar if nu else None,
                herkomst=bron_kort(nu) if nu else "",
                gemeente=tekst(reeks.indicator, gm.waarde) if gm else "",
                verandering=verandering(
                    reeks.indicator, nu.waarde if nu else None, vorig.waarde if vorig else None
                ),
                trend=trend(reeks, tot_jaar=tot_jaar),
                jaren=tuple(
                    (m.jaar, tekst(reeks.indicator, m.waarde))
                    for m in reeks.metingen
                    if tot_jaar is None or m.jaar <= tot_jaar
                ),
                gewijzigd=bool(nu and nu.gewijzigd),
            )
        )
    return uit


def gebieden_op_kaart(datum: datetime.date | None = None):
    """The areas the map shows: those of the kinds with a part of their own in the paragraph,
    valid on the date, in the municipality's order."""
    datum = datum or timezone.localdate()
    return list(
        in_volgorde(Gebied.objects.geldig_op(datum).filter(soort__in=gemeente().rapportsoorten))
    )


def gebied_profiel(gebied: Gebied) -> dict:
    """The area page's wijkprofiel and map."""
    profiel = profielen([gebied], keuze().indicatoren)[gebied.pk]
    return {
        "gebied": gebied,
        "profiel": profiel,
        "rijen": rijen(profiel) if profiel.heeft_cijfers else [],
        "kaart": kaarten.kaart(gebieden=gebieden_op_kaart(), gemarkeerd=gebied),
    }
