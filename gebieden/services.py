"""Writes of the werkplek: focus points, their updates and the officials' activities.

Every function is atomic; changing a focus point takes the version the user saw, so two people
editing the same focus point never silently overwrite each other: the second gets
`kern.versie.GelijktijdigGewijzigd`.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from kern.versie import claim_versie

from .doelen import controleer_doel_van_gebied
from .models import Activiteit, Focuspunt, FocuspuntUpdate


@transaction.atomic
def maak_focuspunt(
    *,
    gebied,
    titel: str,
    status: str,
    door,
    datum: datetime.date | None = None,
    thema=None,
    toelichting: str = "",
    eigenaar=None,
    partner=None,
    visie=None,
    doel=None,
    in_paragraaf: bool = False,
    startjaar: int | None = None,
) -> Focuspunt:
    """Create a focus point with its first timeline entry (its status on `datum`). A goal
    must be one of a vision of the same area (else ValidationError)."""
    controleer_doel_van_gebied(doel, gebied)
    datum = datum or timezone.localdate()
    focuspunt = Focuspunt.objects.create(
        gebied=gebied,
        titel=titel,
        status=status,
        thema=thema,
        toelichting=toelichting,
        eigenaar=eigenaar,
        partner=partner,
        visie=visie,
        doel=doel,
        in_paragraaf=in_paragraaf,
        startjaar=startjaar or datum.year,
    )
    FocuspuntUpdate.objects.create(
        focuspunt=focuspunt, datum=datum, status=status, notitie=toelichting, auteur=door
    )
    return focuspunt


def _verhoog_versie(focuspunt: Focuspunt, versie: int | None, **velden) -> None:
    """Save `velden` only if nobody changed the focus point since `versie` was read
    (`None`: append-only changes that cannot overwrite anything, still counted as a version).

    The version is claimed first (kern.versie, which locks the row until commit); the save
    after it writes the fields through the ORM so the audit history records them.
    """
    claim_versie(focuspunt, versie)
    focuspunt.refresh_from_db()
    for veld, waarde in velden.items():
        setattr(focuspunt, veld, waarde)
    focuspunt.save()


@transaction.atomic
def log_update(
    *,
    focuspunt: Focuspunt,
    status: str,
    datum: datetime.date,
    notitie: str,
    door,
) -> FocuspuntUpdate:
    """Add a dated status change to the timeline; the current status follows the latest date.

    Appending never overwrites another person's entry, so no version is asked; it does count
    as a new version, so an edit form opened before it will be told.
    """
    update = FocuspuntUpdate.objects.create(
        focuspunt=focuspunt, datum=datum, status=status, notitie=notitie, auteur=door
    )
    laatste = focuspunt.updates.order_by("-datum", "-aangemaakt_op", "-pk").first()
    velden = {"status": laatste.status}
    if laatste.pk == update.pk and notitie:
        velden["toelichting"] = notitie
    _verhoog_versie(focuspunt, None, **velden)
    return update


@transaction.atomic
def wijzig_focuspunt(*, focuspunt: Focuspunt, versie: int, **velden) -> Focuspunt:
    """Change a focus point's fields (not its status: that goes through `log_update`). A goal
    must be one of a vision of the focus point's area (else ValidationError)."""
    if "doel" in velden:
        controleer_doel_van_gebied(velden["doel"], focuspunt.gebied)
    _verhoog_versie(focuspunt, versie, **velden)
    return focuspunt


@transaction.atomic
def log_activiteit(*, gebied, datum, soort: str, omschrijving: str, door, focuspunt=None):
    return Activiteit.objects.create(
        gebied=gebied,
        datum=datum,
        soort=soort,
        omschrijving=omschrijving,
        focuspunt=focuspunt,
        door=door,
    )


@transaction.atomic
def wijzig_activiteit(*, activiteit: Activiteit, versie: int | None, **velden) -> Activiteit:
    """Correct a logged activity (date, kind, description, focus point), if it is still at
    `versie` (else GelijktijdigGewijzigd)."""
    claim_versie(activiteit, versie)
    for veld, waarde in velden.items():
        setattr(activiteit, veld, waarde)
    activiteit.save()
    return activiteit


@transaction.atomic
def verwijder_activiteit(*, activiteit: Activiteit, versie: int | None) -> None:
    """Remove an activity logged by mistake (its history keeps what it was)."""
    claim_versie(activiteit, versie)
    activiteit.delete()
