"""Signals: what needs attention in an area, computed from the data (nothing is stored).

Plain functions over an area's overview and its focus points as they stood on the day
(gebieden.stand), so a dashboard of many areas computes them without extra queries.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kern import notatie

from .constants import VERWACHTE_ROL, VisieStatus
from .overzicht import GebiedOverzicht
from .stand import FocuspuntStand


@dataclass(frozen=True)
class Signaal:
    soort: str
    tekst: str
    focuspunt: FocuspuntStand | None = None
    kort: str = ""  # a few words, for a table row of many areas ("geen platform")


def maanden_terug(datum: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(datum.month - 1 - maanden, 12)
    jaar, maand = datum.year + jaar, maand + 1
    return datum.replace(
        year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1])
    )


def signalen(
    overzicht: GebiedOverzicht, focuspunten: list[FocuspuntStand], maanden_zonder_update: int
) -> list[Signaal]:
    """All signals of one area on `overzicht.datum`, most structural first."""
    resultaat = _omgeving_signalen(overzicht) if overzicht.gebied.soort in VERWACHTE_ROL else []
    resultaat += _bezetting_signalen(overzicht)
    resultaat += _focuspunt_signalen(overzicht.datum, focuspunten, maanden_zonder_update)
    return resultaat


def _omgeving_signalen(overzicht: GebiedOverzicht) -> list[Signaal]:
    resultaat = []
    if not overzicht.platforms:
        resultaat.append(Signaal("geen_platform", _("Geen platform."), kort=_("geen platform")))
    if not overzicht.visies:
        resultaat.append(
            Signaal("geen_visie", _("Geen visie of agenda."), kort=_("geen visie of agenda"))
        )
    elif not overzicht.heeft_vastgestelde_visie:
        for visie, status in overzicht.visies:
            if status == VisieStatus.VERLOPEN:
                tekst = _("De %(soort)s „%(titel)s” is verlopen.")
                kort = _("%(soort)s verlopen")
            else:
                tekst = _("De %(soort)s „%(titel)s” is nog niet vastgesteld.")
                kort = _("%(soort)s niet vastgesteld")
            resultaat.append(_visie_signaal(visie, tekst, kort))
    for visie, status in overzicht.visies:
        if status == VisieStatus.VASTGESTELD and not visie.compleet:
            tekst = _("De %(soort)s „%(titel)s” is nog niet compleet.")
            resultaat.append(_visie_signaal(visie, tekst, _("%(soort)s niet compleet")))
    return resultaat


def _visie_signaal(visie, tekst: str, kort: str) -> Signaal:
    soort = visie.get_soort_display()
    return Signaal(
        "visie", tekst % {"soort": soort, "titel": visie.titel}, kort=kort % {"soort": soort}
    )


def _bezetting_signalen(overzicht: GebiedOverzicht) -> list[Signaal]:
    resultaat = []
    for bezetting in overzicht.bezetting:
        if bezetting.vacant:
            if bezetting.vacant_sinds:
                tekst = _("Geen %(rol)s sinds %(datum)s.") % {
                    "rol": bezetting.rol_label,
                    "datum": notatie.datum(bezetting.vacant_sinds),
                }
            else:
                tekst = _("Geen %(rol)s.") % {"rol": bezetting.rol_label}
            kort = _("geen %(rol)s") % {"rol": bezetting.rol_label}
            resultaat.append(Signaal("vacature", tekst, kort=kort))
        if bezetting.waarnemers:
            tekst = _("%(namen)s is waarnemend %(rol)s.") % {
                "namen": ", ".join(p.naam for p in bezetting.waarnemers),
                "rol": bezetting.rol_label,
            }
            kort = _("waarnemend %(rol)s") % {"rol": bezetting.rol_label}
            resultaat.append(Signaal("waarnemend", tekst, kort=kort))
    return resultaat


def _focuspunt_signalen(
    vandaag: datetime.date, focuspunten: list[FocuspuntStand], maanden: int
) -> list[Signaal]:
    resultaat = []
    grens_update = maanden_terug(vandaag, maanden)
    grens_aandacht = maanden_terug(vandaag, 12)
    for punt in focuspunten:
        if punt.laatste_update is None or not punt.is_open:
            continue
        if punt.laatste_update < grens_update:
            tekst = _("„%(titel)s” heeft sinds %(datum)s geen update gehad.")
            datum = notatie.datum(punt.laatste_update)
            resultaat.append(
                Signaal(
                    "geen_update",
                    tekst % {"titel": punt.titel, "datum": datum},
                    punt,
                    kort=_("geen recente update"),
                )
            )
        if punt.blijft_sinds and punt.blijft_sinds <= grens_aandacht:
            tekst = _("„%(titel)s” blijft al sinds %(datum)s aandachtspunt.")
            datum = notatie.datum(punt.blijft_sinds)
            resultaat.append(
                Signaal(
                    "blijft_aandachtspunt",
                    tekst % {"titel": punt.titel, "datum": datum},
                    punt,
                    kort=_("een jaar of langer aandachtspunt"),
                )
            )
    return resultaat


def ingekort(signalen_lijst: list[Signaal], maximum: int) -> tuple[list[Signaal], int]:
    """All signals about the area itself and at most `maximum` about its focus points (the
    first, most urgent ones), with how many of the latter were left out."""
    getoond, over_punten = [], 0
    for signaal in signalen_lijst:
        if signaal.focuspunt is not None:
            over_punten += 1
            if over_punten > maximum:
                continue
        getoond.append(signaal)
    return getoond, max(0, over_punten - maximum)


def kort_samengevat(signalen_lijst: list[Signaal]) -> list[str]:
    """The signals in a few words each, the same words once with their number, in the order
    they first come ("geen platform", "geen recente update (3)"): for one row of a table."""
    aantallen: dict[str, int] = {}
    for signaal in signalen_lijst:
        woorden = signaal.kort or signaal.tekst
        aantallen[woorden] = aantallen.get(woorden, 0) + 1
    return [
        f"{woorden} ({aantal})" if aantal > 1 else woorden for woorden, aantal in aantallen.items()
    ]
