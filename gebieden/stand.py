"""The one reader of "an area as it stood on a date": its platforms, visions, who held which
role, and its focus points with their status then. The area page, the dashboard and the
paragraph all read areas through `standen`.

Focus points come as plain rows (`FocuspuntStand`), not model instances: a dashboard of all
areas has thousands, a paragraph of a large municipality some 4,000, with 12,000 timeline
entries behind them. What a caller needs decides what is read:

- `tijdlijn`: the date and status of every update up to the date, for when the point was last
  updated, since when it has been "blijft aandachtspunt" and how many updates it has (signals,
  the dashboard's "waiting longest");
- `toelichting`: the note of the last update up to the date (the paragraph's sentence), read
  with DISTINCT ON where the database has it;
- `details`: theme, owner and partner names and the last update's author and moment (the area
  page).
"""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import connection

from .constants import OPEN_STATUSSEN, FocuspuntStatus
from .models import Focuspunt, FocuspuntUpdate, Gebied
from .models.focuspunt import status_label
from .overzicht import GebiedOverzicht, gebied_overzicht


class Selectie(StrEnum):
    JAAR = "jaar"  # the focus points that had attention in the date's year
    OPEN = "open"  # the focus points that are open (planned, running, a lasting concern)


@dataclass
class FocuspuntStand:
    """A focus point as it stood on a date (`status` and `toelichting` as of then)."""

    pk: int
    gebied_id: int
    titel: str
    status: str
    toelichting: str
    startjaar: int
    laatste_update: datetime.date | None = None
    blijft_sinds: datetime.date | None = None  # start of the unbroken "blijft aandachtspunt"
    aantal_updates: int = 0
    thema: str = ""
    eigenaar: str = ""
    partner: str = ""
    laatste_door: str = ""
    laatste_vastgelegd: datetime.datetime | None = None
    doel_id: int | None = None
    in_paragraaf: bool = False

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN

    def get_status_display(self) -> str:
        return status_label(self.status)


@dataclass
class GebiedStand:
    gebied: Gebied
    datum: datetime.date
    overzicht: GebiedOverzicht
    focuspunten: list[FocuspuntStand] = field(default_factory=list)


def standen(
    gebieden,
    datum: datetime.date,
    *,
    selectie: Selectie = Selectie.JAAR,
    tijdlijn: bool = False,
    toelichting: bool = False,
    details: bool = False,
) -> list[GebiedStand]:
    """Each area of `gebieden` (a queryset, in its order) as it stood on `datum`, with the
    focus points of `selectie` sorted by title; a fixed number of queries however many.

    A focus point's status and note are those on `datum` only when the timeline is read
    (`tijdlijn`, `toelichting` or `details`); without, they are today's."""
    gebieden = list(gebieden.met_omgeving())
    punten = focuspunten_op(
        [g.pk for g in gebieden],
        datum,
        selectie=selectie,
        tijdlijn=tijdlijn,
        toelichting=toelichting,
        details=details,
    )
    return [
        GebiedStand(g, datum, gebied_overzicht(g, datum), punten.get(g.pk, [])) for g in gebieden
    ]


def focuspunten_op(
    gebied_ids: list[int],
    datum: datetime.date,
    *,
    selectie: Selectie,
    tijdlijn: bool,
    toelichting: bool,
    details: bool,
) -> dict[int, list[FocuspuntStand]]:
    """Per area id the focus points of `selectie` as they stood on `datum`."""
    punten = Focuspunt.objects.filter(gebied_id__in=gebied_ids)
    if selectie == Selectie.JAAR:
        punten = punten.in_jaar(datum.year)
    else:
        punten = punten.filter(status__in=OPEN_STATUSSEN)
    kolommen = [
        "pk", "gebied_id", "titel", "status", "toelichting", "startjaar", "doel_id", "in_paragraaf",
    ]  # fmt: skip
    if details:
        kolommen += ["thema__naam", "eigenaar__naam", "partner__naam"]
    standen_per_punt = {}
    for rij in punten.order_by("titel", "pk").values_list(*kolommen):
        pk, gebied_id, titel, status, tekst, startjaar, doel_id, mee, *namen = rij
        thema, eigenaar, partner = (n or "" for n in namen) if namen else ("", "", "")
        standen_per_punt[pk] = FocuspuntStand(
            pk, gebied_id, titel, status, tekst, startjaar,
            thema=thema, eigenaar=eigenaar, partner=partner, doel_id=doel_id, in_paragraaf=mee,
        )  # fmt: skip
    updates = FocuspuntUpdate.objects.filter(focuspunt__in=punten.values("pk"), datum__lte=datum)
    if tijdlijn or details:
        _lees_tijdlijnen(standen_per_punt, updates, details)
    if toelichting:
        _lees_laatste_toelichting(standen_per_punt, updates)
    if selectie == Selectie.OPEN:
        standen_per_punt = {pk: s for pk, s in standen_per_punt.items() if s.is_open}
    per_gebied: dict[int, list[FocuspuntStand]] = {}
    for stand in standen_per_punt.values():
        per_gebied.setdefault(stand.gebied_id, []).append(stand)
    return per_gebied


def _lees_tijdlijnen(standen_per_punt: dict, updates, details: bool) -> None:
    """Status, last date, count and the trailing run of "blijft aandachtspunt" from the dates
    and statuses of every update up to the date, read in timeline order (with `details` also
    the last update's note, author and moment)."""
    kolommen = ["focuspunt_id", "datum", "status"]
    if details:
        kolommen += [
            "notitie",
            "aangemaakt_op",
            "auteur__first_name",
            "auteur__last_name",
            "auteur__username",
        ]
    rijen = updates.order_by("focuspunt_id", "datum", "aangemaakt_op", "pk").values_list(*kolommen)
    for punt, update_datum, status, *wie in rijen:
        stand = standen_per_punt[punt]
        stand.status, stand.laatste_update = status, update_datum
        stand.aantal_updates += 1
        if status != FocuspuntStatus.BLIJFT_AANDACHTSPUNT:
            stand.blijft_sinds = None
        elif stand.blijft_sinds is None:
            stand.blijft_sinds = update_datum
        if wie:
            notitie, moment, voornaam, achternaam, gebruikersnaam = wie
            stand.toelichting, stand.laatste_vastgelegd = notitie, moment
            naam = f"{voornaam or ''} {achternaam or ''}".strip()  # no author: all None
            stand.laatste_door = naam or gebruikersnaam or ""


def _lees_laatste_toelichting(standen_per_punt: dict, updates) -> None:
    """Status and note of the last update up to the date: one row per focus point (DISTINCT
    ON) where the database has it, otherwise the last row per focus point wins."""
    if connection.features.can_distinct_on_fields:
        laatste = updates.order_by("focuspunt_id", "-datum", "-aangemaakt_op", "-pk").distinct(
            "focuspunt_id"
        )
    else:
        laatste = updates.order_by("datum", "aangemaakt_op", "pk")
    for punt, status, notitie in laatste.values_list("focuspunt_id", "status", "notitie"):
        stand = standen_per_punt[punt]
        stand.status, stand.toelichting = status, notitie


def geen_update_sinds(stand: FocuspuntStand) -> datetime.date:
    """For sorting by the wait for an update: none at all has waited longest."""
    return stand.laatste_update or datetime.date.min
