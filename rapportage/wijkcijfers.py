"""The wijkprofiel in the paragraph: per area its three to five key figures from CBS with the
change against the year before, and the map of the municipality with each area linking to its
part of the paragraph."""

import dataclasses

from wijkprofiel.kaart import kaart
from wijkprofiel.profiel import herkomst, keuze, profielen, tekst, verandering

from .gegevens import Gebiedscijfer


def gebiedscijfers(gebieden, jaar: int) -> dict[int, tuple[Gebiedscijfer, ...]]:
    """Per area (pk) the chosen key figures of the newest year up to `jaar` that has them."""
    uit = {}
    for pk, profiel in profielen(gebieden, keuze().kerncijfers, tot_jaar=jaar).items():
        regels = []
        for reeks in profiel.reeksen:
            nu, vorig = reeks.stand(jaar)
            if nu is None:
                continue
            regels.append(
                Gebiedscijfer(
                    naam=str(reeks.indicator.naam),
                    waarde=tekst(reeks.indicator, nu.waarde),
                    verandering=verandering(
                        reeks.indicator, nu.waarde, vorig.waarde if vorig else None
                    ),
                    jaar=nu.jaar,
                    bron=herkomst(nu),
                    kort=reeks.indicator.in_zin,
                )
            )
        uit[pk] = tuple(regels)
    return uit


def kaart_van_paragraaf(gebieden, ankers: dict[int, str], jaar: int) -> dict:
    """The map as plain data for the paragraph (stored with a publication), {} without
    boundaries."""
    getekend = kaart(gebieden=gebieden, jaar=jaar, url_van=lambda g: f"#{ankers[g.pk]}")
    return dataclasses.asdict(getekend) if getekend else {}
