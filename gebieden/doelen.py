"""Goals (doelen / ambities) of a vision or agenda: the writes, and what the area page reads.

Every write is atomic and keyword-only, and a change takes the version the user saw
(kern.versie), so two people never silently overwrite each other's goal or judgement: the
second gets `GelijktijdigGewijzigd` with the row as it is now.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kern.versie import GelijktijdigGewijzigd, claim_versie

from .constants import DoelOordeel, FocuspuntStatus
from .models import Doel, Doeloordeel, Gebied, Visie

OORDEEL_LABELS = dict(DoelOordeel.choices)


class DoelInGebruik(Exception):
    """The goal still has focus points linked to it; the message says so in Dutch."""


def standaard_oordeeljaar(vandaag: datetime.date | None = None) -> int:
    """The year a judgement is usually given for: in January and February the year that just
    ended (the annual report is written then), later in the year the current one."""
    vandaag = vandaag or timezone.localdate()
    return vandaag.year - 1 if vandaag.month <= 2 else vandaag.year


def controleer_doel_van_gebied(doel: Doel | None, gebied: Gebied, veld: str = "doel") -> None:
    """A focus point may only be linked to a goal of a vision of its own area."""
    if doel is not None and doel.visie.gebied_id != gebied.pk:
        raise ValidationError(
            {veld: _("Kies een doel van een visie of agenda van %(naam)s.") % {"naam": gebied}}
        )


def controleer_oordeeljaar(doel: Doel, jaar: int, veld: str = "jaar") -> None:
    """A judgement is for a year the goal holds in, and not for a year still to come."""
    if jaar > timezone.localdate().year:
        raise ValidationError({veld: _("Een oordeel kan niet over een komend jaar gaan.")})
    if not doel.geldt_in(jaar):
        raise ValidationError(
            {
                veld: _("Het doel geldt in %(jaar)s niet; het geldt %(periode)s.")
                % {"jaar": jaar, "periode": doel.periode}
            }
        )


@transaction.atomic
def maak_doel(
    *,
    visie: Visie,
    titel: str,
    van_jaar: int,
    tot_jaar: int | None = None,
    omschrijving: str = "",
) -> Doel:
    doel = Doel(
        visie=visie, titel=titel, van_jaar=van_jaar, tot_jaar=tot_jaar, omschrijving=omschrijving
    )
    doel.full_clean()
    doel.save()
    return doel


@transaction.atomic
def wijzig_doel(*, doel: Doel, versie: int | None, **velden) -> Doel:
    """Change a goal's title, description or period, if it is still at `versie`. The vision
    it belongs to does not change: a goal of another vision is a new goal."""
    onbekend = set(velden) - {"titel", "omschrijving", "van_jaar", "tot_jaar"}
    if onbekend:
        raise TypeError(f"Unknown fields: {sorted(onbekend)}")
    if versie is None:
        raise GelijktijdigGewijzigd(Doel.objects.filter(pk=doel.pk).first())
    claim_versie(doel, versie)
    doel.refresh_from_db()
    for veld, waarde in velden.items():
        setattr(doel, veld, waarde)
    doel.full_clean()
    doel.save()
    return doel


@transaction.atomic
def verwijder_doel(*, doel: Doel, versie: int | None) -> None:
    """Delete a goal entered by mistake, with its judgements; refused while focus points are
    linked to it (they would lose what they contribute to)."""
    if versie is None:
        raise GelijktijdigGewijzigd(Doel.objects.filter(pk=doel.pk).first())
    claim_versie(doel, versie)  # also locks the row, so no focus point is linked meanwhile
    aantal = doel.focuspunten.count()
    if aantal:
        raise DoelInGebruik(
            ngettext(
                "Het doel „%(titel)s” kan niet worden verwijderd: er is nog %(aantal)s "
                "focuspunt aan gekoppeld. Koppel dat eerst los van het doel.",
                "Het doel „%(titel)s” kan niet worden verwijderd: er zijn nog %(aantal)s "
                "focuspunten aan gekoppeld. Koppel die eerst los van het doel.",
                aantal,
            )
            % {"titel": doel.titel, "aantal": aantal}
        )
    doel.delete()


@transaction.atomic
def geef_oordeel(
    *,
    doel: Doel,
    jaar: int,
    oordeel: str,
    toelichting: str = "",
    versie: int | None,
) -> Doeloordeel:
    """Set the judgement of `doel` for `jaar`, or change it. `versie` is the version of that
    year's judgement the user saw, None when they saw none: a judgement someone else gave for
    that year in the meantime is never overwritten (GelijktijdigGewijzigd with it)."""
    if oordeel not in OORDEEL_LABELS:
        raise ValidationError({"oordeel": _("Kies een van de oordelen.")})
    controleer_oordeeljaar(doel, jaar)
    if not Doel.objects.select_for_update().filter(pk=doel.pk).exists():
        raise GelijktijdigGewijzigd(None)
    bestaand = Doeloordeel.objects.filter(doel=doel, jaar=jaar).first()
    if bestaand is None:
        try:
            with transaction.atomic():
                return Doeloordeel.objects.create(
                    doel=doel, jaar=jaar, oordeel=oordeel, toelichting=toelichting
                )
        except IntegrityError:  # given at the same moment by someone else
            raise GelijktijdigGewijzigd(
                Doeloordeel.objects.filter(doel=doel, jaar=jaar).first()
            ) from None
    if versie is None:
        raise GelijktijdigGewijzigd(bestaand)
    claim_versie(bestaand, versie)
    bestaand.refresh_from_db()
    bestaand.oordeel, bestaand.toelichting = oordeel, toelichting
    bestaand.save()
    return bestaand


# Reads ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DoelRij:
    """A goal as the area page lists it: its period, its focus points (how many, how many
    finished) and the judgement of the latest year that has one."""

    pk: int
    visie_id: int
    titel: str
    periode: str
    aantal_focuspunten: int
    aantal_afgerond: int
    oordeel: str | None  # a DoelOordeel code
    oordeel_jaar: int | None

    @property
    def oordeel_label(self) -> str:
        return str(OORDEEL_LABELS.get(self.oordeel, "")) if self.oordeel else ""


def doelen_per_visie(visie_ids) -> dict[int, list[DoelRij]]:
    """Per vision id its goals in their order, in one query however many goals there are."""
    laatste = Doeloordeel.objects.filter(doel=OuterRef("pk")).order_by("-jaar")
    rijen = (
        Doel.objects.filter(visie_id__in=list(visie_ids))
        .annotate(
            aantal_focuspunten=Count("focuspunten", distinct=True),
            aantal_afgerond=Count(
                "focuspunten",
                filter=Q(focuspunten__status=FocuspuntStatus.AFGEROND),
                distinct=True,
            ),
            laatste_oordeel=Subquery(laatste.values("oordeel")[:1]),
            laatste_jaar=Subquery(laatste.values("jaar")[:1]),
        )
        .order_by("visie_id", "van_jaar", "titel", "pk")
    )
    per_visie: dict[int, list[DoelRij]] = {}
    for doel in rijen:
        per_visie.setdefault(doel.visie_id, []).append(
            DoelRij(
                pk=doel.pk,
                visie_id=doel.visie_id,
                titel=doel.titel,
                periode=str(doel.periode),
                aantal_focuspunten=doel.aantal_focuspunten,
                aantal_afgerond=doel.aantal_afgerond,
                oordeel=doel.laatste_oordeel,
                oordeel_jaar=doel.laatste_jaar,
            )
        )
    return per_visie
