"""The data of the area page, shared by the page itself and the werkplek forms posted from it
(an invalid form is shown again on the same page, with what was typed)."""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kern.rollen import is_coordinator, is_werkplek_gebruiker

from .forms import ActiviteitForm, FocuspuntForm
from .models import Activiteit, Focuspunt, FocuspuntUpdate, Gebied
from .overzicht import gebied_overzicht
from .query import kan_gebied_bewerken
from .signalen import signalen


def focuspunten_met_tijdlijn():
    """Focus points with what their rows and timelines show, in a fixed number of queries."""
    return Focuspunt.objects.select_related(
        "thema", "eigenaar", "partner", "visie"
    ).prefetch_related(
        Prefetch("updates", queryset=FocuspuntUpdate.objects.select_related("auteur"))
    )


def gebied_pagina_context(request, gebied_pk: int, **formulieren) -> dict:
    gebied = get_object_or_404(
        Gebied.objects.met_omgeving().prefetch_related("kinderen"), pk=gebied_pk
    )
    vandaag = timezone.localdate()
    user = request.user
    overzicht = gebied_overzicht(gebied, vandaag)
    focuspunten = list(
        focuspunten_met_tijdlijn().filter(gebied=gebied).in_jaar(vandaag.year).order_by("titel")
    )
    for punt in focuspunten:
        # the page shows the newest entry; the whole timeline is on the focus point's own page
        updates = list(punt.updates.all())
        punt.laatste_updates, punt.aantal_updates = updates[-1:], len(updates)
    mag_bewerken = kan_gebied_bewerken(user, gebied)
    context = {
        "object": gebied,
        "gebied": gebied,
        "overzicht": overzicht,
        "focuspunten": focuspunten,
        "toewijzingen": sorted(
            gebied.toewijzingen.all(), key=lambda t: (t.geldig_tot is not None, t.rol)
        ),
        "mag_bewerken": mag_bewerken,
        "is_coordinator": is_coordinator(user),
        "werkplek": is_werkplek_gebruiker(user),
    }
    if context["werkplek"]:
        context["signalen"] = signalen(
            overzicht, focuspunten, settings.SIGNAAL_MAANDEN_ZONDER_UPDATE
        )
        context["activiteiten"] = Activiteit.objects.filter(
            gebied=gebied, datum__year=vandaag.year
        ).select_related("door", "focuspunt")
    if mag_bewerken:
        context["focuspunt_form"] = formulieren.get("focuspunt_form") or FocuspuntForm(
            gebied=gebied
        )
        context["activiteit_form"] = formulieren.get("activiteit_form") or ActiviteitForm(
            gebied=gebied
        )
    return context
