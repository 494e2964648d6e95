"""The werkplek of area officials: dashboard, focus points, updates, activities, history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from django_filters.views import FilterView

from kern.csvexport import csv_antwoord
from kern.mixins import CoordinatorVereistMixin, WerkplekMixin
from kern.paginering import IdsEerstPaginator
from kern.rollen import is_coordinator
from kern.versie import GelijktijdigGewijzigd

from .. import services
from ..constants import GebiedSoort
from ..filters import FocuspuntFilter
from ..forms import ActiviteitForm, FocuspuntForm, FocuspuntUpdateForm, FocuspuntWijzigForm
from ..historie import gebied_historie, object_historie
from ..instellingen import gemeente
from ..mixins import GebiedBewerkenMixin
from ..models import Focuspunt, FocuspuntUpdate, Gebied
from ..pagina import focuspunten_met_tijdlijn, gebied_pagina_context
from ..query import kan_gebied_bewerken
from ..signalen import ingekort, signalen
from ..stand import FocuspuntStand, Selectie, geen_update_sinds, standen

FOCUSPUNTEN_PER_KAART = 10
SIGNALEN_PER_KAART = 5


def langst_zonder_update(focuspunten: list[FocuspuntStand]) -> list[FocuspuntStand]:
    """Those that waited longest for an update first (none at all first of all), then by title."""
    return sorted(focuspunten, key=lambda punt: (geen_update_sinds(punt), punt.titel))


class DashboardView(WerkplekMixin, TemplateView):
    """Mijn gebieden: per area its signals and open focus points, and what changed lately."""

    template_name = "gebieden/werkplek/dashboard.html"

    def get_context_data(self, **kwargs):
        user, vandaag = self.request.user, timezone.localdate()
        if is_coordinator(user):
            gebieden = Gebied.objects.geldig_op(vandaag).filter(
                soort__in=[GebiedSoort.WIJK, GebiedSoort.DORP]
            )
        else:
            gebieden = Gebied.objects.mijn_gebieden(user)
        kaarten = []
        for stand in standen(
            gebieden.order_by("naam"), vandaag, selectie=Selectie.OPEN, tijdlijn=True
        ):
            punten = langst_zonder_update(stand.focuspunten)
            alle_signalen = signalen(
                stand.overzicht, punten, gemeente().signaal_maanden_zonder_update
            )
            getoond, meer = ingekort(alle_signalen, SIGNALEN_PER_KAART)
            kaarten.append(
                {
                    "gebied": stand.gebied,
                    "focuspunten": punten[:FOCUSPUNTEN_PER_KAART],
                    "aantal_open": len(punten),
                    "signalen": getoond,
                    "aantal_signalen": len(alle_signalen),
                    "meer_signalen": meer,
                }
            )
        recent = (
            FocuspuntUpdate.objects.filter(focuspunt__gebied__in=[k["gebied"].pk for k in kaarten])
            .select_related("focuspunt__gebied", "auteur")
            .order_by("-aangemaakt_op", "-pk")[:10]
        )
        return super().get_context_data(
            kaarten=kaarten,
            recent=recent,
            alle_gebieden=is_coordinator(user),
            aantal_signalen=sum(k["aantal_signalen"] for k in kaarten),
            **kwargs,
        )


CSV_KOPPEN = [
    "Gebied",
    "Titel",
    "Thema",
    "Status",
    "Startjaar",
    "Eigenaar",
    "Partner",
    "Laatste update",
    "Toelichting",
]


class FocuspuntListView(WerkplekMixin, FilterView):
    """All focus points the user may see, filtered, sorted, paginated; `?export=csv` for CSV."""

    filterset_class = FocuspuntFilter
    template_name = "gebieden/werkplek/focuspunt_list.html"
    paginate_by = 25
    paginator_class = IdsEerstPaginator

    def get_queryset(self):
        # A correlated subquery rather than Max() over a join: the database then looks up the
        # last update only for the rows of the page (index update_punt_datum), not for all.
        laatste = FocuspuntUpdate.objects.filter(focuspunt=OuterRef("pk")).order_by("-datum")
        return (
            Focuspunt.objects.select_related("gebied", "thema", "eigenaar", "partner")
            .annotate(laatste_update=Subquery(laatste.values("datum")[:1]))
            .order_by("gebied__naam", "titel")
        )

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("export") == "csv":
            return self.csv(self.object_list)
        return super().render_to_response(context, **kwargs)

    def csv(self, focuspunten):
        rijen = (
            [
                punt.gebied.naam,
                punt.titel,
                punt.thema and str(punt.thema),
                punt.get_status_display(),
                punt.startjaar,
                punt.eigenaar and str(punt.eigenaar),
                punt.partner and str(punt.partner),
                punt.laatste_update,
                punt.toelichting,
            ]
            for punt in focuspunten
        )
        naam = f"focuspunten-{timezone.localdate().isoformat()}.csv"
        return csv_antwoord(naam, CSV_KOPPEN, rijen)


def toon_gebied_pagina(request, gebied: Gebied, **formulieren):
    """Show the area page again with the invalid form (and what was typed) in place."""
    context = gebied_pagina_context(request, gebied.pk, **formulieren)
    return render(request, "gebieden/gebied_detail.html", context, status=400)


class FocuspuntToevoegenView(GebiedBewerkenMixin, View):
    http_method_names = ["post"]

    def post(self, request, gebied_pk):
        form = FocuspuntForm(request.POST, gebied=self.gebied)
        if not form.is_valid():
            return toon_gebied_pagina(request, self.gebied, focuspunt_form=form)
        punt = services.maak_focuspunt(gebied=self.gebied, door=request.user, **form.cleaned_data)
        messages.success(request, _("Focuspunt „%(titel)s” is toegevoegd.") % {"titel": punt.titel})
        return HttpResponseRedirect(f"{self.gebied.get_absolute_url()}#focuspunt-{punt.pk}")


class UpdateLoggenView(GebiedBewerkenMixin, View):
    """A new status with a dated note, on a page of its own: the area page links each focus
    point here, and a reload or a failed save never leaves the user on a POST-only address."""

    template_name = "gebieden/werkplek/update_form.html"

    @cached_property
    def punt(self) -> Focuspunt:
        """Loaded after the area check of GebiedBewerkenMixin, within that area."""
        return get_object_or_404(Focuspunt, pk=self.kwargs["pk"], gebied=self.gebied)

    def get(self, request, gebied_pk, pk):
        return self.toon(FocuspuntUpdateForm())

    def post(self, request, gebied_pk, pk):
        form = FocuspuntUpdateForm(request.POST, instance=FocuspuntUpdate(focuspunt=self.punt))
        if not form.is_valid():
            return self.toon(form, status=400)
        services.log_update(focuspunt=self.punt, door=request.user, **form.cleaned_data)
        messages.success(
            request, _("De update van „%(titel)s” is vastgelegd.") % {"titel": self.punt.titel}
        )
        return HttpResponseRedirect(f"{self.gebied.get_absolute_url()}#focuspunt-{self.punt.pk}")

    def toon(self, form, status=200):
        context = {
            "gebied": self.gebied,
            "punt": self.punt,
            "laatste": self.punt.updates.select_related("auteur").order_by(
                "-datum", "-aangemaakt_op", "-pk"
            )[:1],
            "form": form,
        }
        return render(self.request, self.template_name, context, status=status)


class ActiviteitToevoegenView(GebiedBewerkenMixin, View):
    http_method_names = ["post"]

    def post(self, request, gebied_pk):
        form = ActiviteitForm(request.POST, gebied=self.gebied)
        if not form.is_valid():
            return toon_gebied_pagina(request, self.gebied, activiteit_form=form)
        services.log_activiteit(gebied=self.gebied, door=request.user, **form.cleaned_data)
        messages.success(request, _("De activiteit is vastgelegd."))
        return HttpResponseRedirect(f"{self.gebied.get_absolute_url()}#activiteiten")


class FocuspuntDetailView(WerkplekMixin, View):
    """One focus point: its timeline, the form to change it, and (coordinators) its history."""

    template_name = "gebieden/werkplek/focuspunt_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.punt = get_object_or_404(
            focuspunten_met_tijdlijn().select_related("gebied"),
            pk=kwargs["pk"],
            gebied_id=kwargs["gebied_pk"],
        )
        self.mag_bewerken = request.user.is_authenticated and kan_gebied_bewerken(
            request.user, self.punt.gebied
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, gebied_pk, pk):
        form = FocuspuntWijzigForm(instance=self.punt) if self.mag_bewerken else None
        return self.toon(form)

    def post(self, request, gebied_pk, pk):
        if not self.mag_bewerken:
            raise PermissionDenied(_("U mag dit gebied niet wijzigen."))
        form = FocuspuntWijzigForm(request.POST, instance=Focuspunt.objects.get(pk=pk))
        if not form.is_valid():
            return self.toon(form, status=400)
        velden = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
        try:
            services.wijzig_focuspunt(
                focuspunt=self.punt, versie=form.cleaned_data["versie"], **velden
            )
        except GelijktijdigGewijzigd as conflict:
            huidig = conflict.huidig
            if huidig is None:
                messages.error(request, _("Dit focuspunt is intussen verwijderd."))
                return HttpResponseRedirect(self.punt.gebied.get_absolute_url())
            messages.error(
                request,
                _(
                    "Iemand anders heeft „%(titel)s” intussen gewijzigd. Uw wijziging is niet "
                    "opgeslagen; bekijk hieronder de nieuwe stand en probeer het opnieuw."
                )
                % {"titel": huidig.titel},
            )
            data = request.POST.copy()
            data["versie"] = huidig.versie  # saving again is now a deliberate choice
            nieuw = FocuspuntWijzigForm(data, instance=huidig)
            return self.toon(nieuw, status=409, huidige_stand=huidig)
        messages.success(request, _("„%(titel)s” is opgeslagen.") % {"titel": self.punt.titel})
        return HttpResponseRedirect(request.path)

    def toon(self, form, status=200, huidige_stand=None):
        context = {
            "punt": self.punt,
            "gebied": self.punt.gebied,
            "form": form,
            "huidige_stand": huidige_stand,
            "historie": object_historie(self.punt) if is_coordinator(self.request.user) else None,
        }
        return render(self.request, self.template_name, context, status=status)


class GebiedHistorieView(CoordinatorVereistMixin, TemplateView):
    """Every change in an area: who changed what when, old and new value."""

    template_name = "gebieden/werkplek/historie.html"

    def get_context_data(self, **kwargs):
        gebied = get_object_or_404(Gebied, pk=self.kwargs["gebied_pk"])
        return super().get_context_data(
            gebied=gebied, regels=gebied_historie(gebied, limiet=200), **kwargs
        )
