"""Warnings computed from the data (nothing stored): late decisions, overdue accountability,
schemes over their yearly budget."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from kern import notatie

from .constants import BESLISTERMIJN_WEKEN, TOEGEKENDE_BESLUITEN
from .models import Aanvraag, Regeling


@dataclass(frozen=True)
class Waarschuwing:
    soort: str
    tekst: str
    aanvraag: Aanvraag | None = None


def aanvragen_met_waarschuwing(vandaag: datetime.date):
    """The applications `aanvraag_waarschuwingen` warns about, chosen by the database: a large
    municipality has thousands of open applications, and the list page shows the oldest few
    warnings and their number (a test holds both rules to the same answer)."""
    termijn_verstreken = vandaag - datetime.timedelta(weeks=BESLISTERMIJN_WEKEN)
    return Aanvraag.objects.filter(
        Q(besluit="", ontvangen_op__lt=termijn_verstreken)
        | Q(
            besluit__in=TOEGEKENDE_BESLUITEN,
            verantwoording_ontvangen_op__isnull=True,
            verantwoording_uiterlijk__lt=vandaag,
        )
    )


def aanvraag_waarschuwingen(aanvragen, vandaag: datetime.date) -> list[Waarschuwing]:
    resultaat = []
    for a in aanvragen:
        if not a.besluit and vandaag > a.beslistermijn():
            tekst = _(
                "Over de aanvraag van „%(initiatief)s” (ontvangen %(datum)s) is na 8 weken "
                "nog niet besloten."
            )
            resultaat.append(
                Waarschuwing(
                    "besluit_te_laat",
                    tekst
                    % {"initiatief": a.initiatief.titel, "datum": notatie.datum(a.ontvangen_op)},
                    a,
                )
            )
        toegekend = a.besluit in TOEGEKENDE_BESLUITEN
        if (
            toegekend
            and not a.verantwoording_ontvangen_op
            and a.verantwoording_uiterlijk
            and vandaag > a.verantwoording_uiterlijk
        ):
            tekst = _("De verantwoording van „%(initiatief)s” had er op %(datum)s moeten zijn.")
            resultaat.append(
                Waarschuwing(
                    "verantwoording_te_laat",
                    tekst
                    % {
                        "initiatief": a.initiatief.titel,
                        "datum": notatie.datum(a.verantwoording_uiterlijk),
                    },
                    a,
                )
            )
    return resultaat


def regeling_waarschuwingen(
    regelingen: list[Regeling], jaar: int, uitgegeven: dict[int, object]
) -> list[Waarschuwing]:
    resultaat = []
    for regeling in regelingen:
        besteed = uitgegeven.get(regeling.pk)
        if besteed is not None and besteed > regeling.jaarbudget:
            tekst = _(
                "„%(regeling)s” heeft in %(jaar)s %(besteed)s uitgegeven, meer dan het "
                "jaarbudget van %(budget)s."
            )
            resultaat.append(
                Waarschuwing(
                    "regeling_over_budget",
                    tekst
                    % {
                        "regeling": regeling.naam,
                        "jaar": jaar,
                        "besteed": notatie.euro(besteed),
                        "budget": notatie.euro(regeling.jaarbudget),
                    },
                )
            )
    return resultaat
