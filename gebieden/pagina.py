"""The data of the area page. Its main actions (a focus point, an activity, an update) open
their forms on pages of their own (gebieden.views.werkplek)."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from kern.rollen import is_coordinator, is_werkplek_gebruiker

from .doelen import doelen_per_visie
from .instellingen import gemeente
from .models import Activiteit, Focuspunt, FocuspuntUpdate, Gebied
from .query import kan_gebied_bewerken
from .signalen import signalen
from .stand import Selectie, standen


def focuspunten_met_tijdlijn():
    """Focus points with what their rows and timelines show, in a fixed number of queries."""
    return Focuspunt.objects.select_related(
        "thema", "eigenaar", "partner", "visie"
    ).prefetch_related(
        Prefetch("updates", queryset=FocuspuntUpdate.objects.select_related("auteur"))
    )


def gebied_pagina_context(request, gebied_pk: int) -> dict:
    """The area as it stands today (gebieden.stand) with what the user may do there. Per focus
    point the page shows the newest timeline entry; the whole timeline is on its own page."""
    vandaag = timezone.localdate()
    gevonden = standen(
        Gebied.objects.filter(pk=gebied_pk).prefetch_related("kinderen"),
        vandaag,
        selectie=Selectie.JAAR,
        details=True,
    )
    if not gevonden:
        raise Http404
    stand = gevonden[0]
    gebied, overzicht, focuspunten = stand.gebied, stand.overzicht, stand.focuspunten
    user = request.user
    mag_bewerken = kan_gebied_bewerken(user, gebied)
    doelen = doelen_per_visie(visie.pk for visie, _status in overzicht.visies)
    context = {
        "object": gebied,
        "gebied": gebied,
        "overzicht": overzicht,
        "focuspunten": focuspunten,
        # (vision, its status today, its goals) for the list of visions and agendas
        "visies": [(v, status, doelen.get(v.pk, [])) for v, status in overzicht.visies],
        "toewijzingen": sorted(
            gebied.toewijzingen.all(), key=lambda t: (t.geldig_tot is not None, t.rol)
        ),
        "mag_bewerken": mag_bewerken,
        "is_coordinator": is_coordinator(user),
        "werkplek": is_werkplek_gebruiker(user),
    }
    if context["werkplek"]:
        context["signalen"] = signalen(
            overzicht, focuspunten, gemeente().signaal_maanden_zonder_update
        )
        context["activiteiten"] = Activiteit.objects.filter(
            gebied=gebied, datum__year=vandaag.year
        ).select_related("door", "focuspunt")
    return context
