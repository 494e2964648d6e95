"""The change history of an area and of a focus point (lines built by kern.historie)."""

from kern.historie import HistorieRegel, regels, samen

from .models import Activiteit, Focuspunt, FocuspuntUpdate, Gebied, Platform, Toewijzing, Visie

# The fields that name a record in a history line.
LABEL_VELDEN = {
    Gebied: ["naam"],
    Platform: ["naam"],
    Visie: ["titel"],
    Focuspunt: ["titel"],
    Toewijzing: ["persoon", "rol"],
    FocuspuntUpdate: ["focuspunt", "datum"],
    Activiteit: ["datum", "soort"],
}


def gebied_historie(gebied: Gebied, limiet: int | None = None) -> list[HistorieRegel]:
    """Changes to the area and everything in it, newest first."""
    bronnen = [
        (Gebied, Gebied.history.filter(id=gebied.pk)),
        (Platform, Platform.history.filter(gebied_id=gebied.pk)),
        (Visie, Visie.history.filter(gebied_id=gebied.pk)),
        (Toewijzing, Toewijzing.history.filter(gebied_id=gebied.pk)),
        (Focuspunt, Focuspunt.history.filter(gebied_id=gebied.pk)),
        (
            FocuspuntUpdate,
            FocuspuntUpdate.history.filter(
                focuspunt_id__in=Focuspunt.objects.filter(gebied=gebied).values("pk")
            ),
        ),
        (Activiteit, Activiteit.history.filter(gebied_id=gebied.pk)),
    ]
    return _lees(bronnen, limiet)


def object_historie(punt: Focuspunt) -> list[HistorieRegel]:
    """Changes to one focus point and its timeline entries, newest first."""
    bronnen = [
        (Focuspunt, Focuspunt.history.filter(id=punt.pk)),
        (FocuspuntUpdate, FocuspuntUpdate.history.filter(focuspunt_id=punt.pk)),
    ]
    return _lees(bronnen, None)


def _lees(bronnen, limiet: int | None) -> list[HistorieRegel]:
    return samen(
        [
            regels(model, records.select_related("history_user"), LABEL_VELDEN[model])
            for model, records in bronnen
        ],
        limiet,
    )
