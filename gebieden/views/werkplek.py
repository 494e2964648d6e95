"""The werkplek of area officials: dashboard, focus points, updates, activities, history."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
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
from ..pagina import focuspunten_met_tijdlijn
from ..query import kan_gebied_bewerken
from ..signalen import Signaal, ingekort, kort_samengevat, signalen
from ..stand import FocuspuntStand, Selectie, geen_update_sinds, standen
from ..volgorde import _naam as naam_sleutel

FOCUSPUNTEN_PER_KAART = 10
SIGNALEN_PER_KAART = 5
RECENT = 10


def langst_zonder_update(focuspunten: list[FocuspuntStand]) -> list[FocuspuntStand]:
    """Those that waited longest for an update first (none at all first of all), then by title."""
    return sorted(focuspunten, key=lambda punt: (geen_update_sinds(punt), punt.titel))


def veilig_terug(request) -> str | None:
    """Where the user came from (`?terug=`), when it is an address of this site; else None."""
    terug = request.GET.get("terug")
    if terug and url_has_allowed_host_and_scheme(
        terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return terug
    return None


@dataclass
class GebiedRij:
    """One area in the coordinator's overview table."""

    gebied: Gebied
    signalen: list[Signaal]
    aantal_open: int
    laatste_update: datetime.date | None

    @property
    def aantal_signalen(self) -> int:
        return len(self.signalen)

    @cached_property
    def signalen_kort(self) -> list[str]:
        return kort_samengevat(self.signalen)


@dataclass(frozen=True)
class Kolom:
    """A sortable column: `sleutel` sorts the rows ascending; `eerst_aflopend` when the first
    click on its header should put the most (signals, open points, the newest date) on top."""

    naam: str
    label: str
    sleutel: Callable[[GebiedRij], object]
    eerst_aflopend: bool = True


KOLOMMEN = [
    Kolom("gebied", _lazy("Gebied"), lambda r: (naam_sleutel(r.gebied.naam), r.gebied.pk), False),
    Kolom("signalen", _lazy("Signalen"), lambda r: r.aantal_signalen),
    Kolom("open", _lazy("Open focuspunten"), lambda r: r.aantal_open),
    Kolom(
        "laatste_update",
        _lazy("Laatste update"),
        lambda r: r.laatste_update or datetime.date.min,  # none at all: the oldest
    ),
]
STANDAARD_SORTERING = "gebied"


def gesorteerd(rijen: list[GebiedRij], sorteer: str) -> tuple[list[GebiedRij], str, bool]:
    """The rows sorted by `sorteer` (a column name, `-` in front for descending; an unknown
    one sorts by area), ties by area name; returns the rows, the column and whether descending."""
    aflopend = sorteer.startswith("-")
    kolom = next((k for k in KOLOMMEN if k.naam == sorteer.lstrip("-")), None)
    if kolom is None:
        kolom, aflopend = KOLOMMEN[0], False
    rijen = sorted(rijen, key=KOLOMMEN[0].sleutel)  # ties stay in name order (stable sort)
    return sorted(rijen, key=kolom.sleutel, reverse=aflopend), kolom.naam, aflopend


def kolomkoppen(gekozen: str, aflopend: bool) -> list[dict]:
    """Per column: its label, the `sorteer=` value its header link asks for, and the aria-sort
    of the column sorted now."""
    koppen = []
    for kolom in KOLOMMEN:
        if kolom.naam == gekozen:
            naar_aflopend = not aflopend
            aria_sort = "descending" if aflopend else "ascending"
        else:
            naar_aflopend, aria_sort = kolom.eerst_aflopend, None
        koppen.append(
            {
                "naam": kolom.naam,
                "label": kolom.label,
                "sorteer": f"-{kolom.naam}" if naar_aflopend else kolom.naam,
                "naar_aflopend": naar_aflopend,
                "aria_sort": aria_sort,
            }
        )
    return koppen


class DashboardView(WerkplekMixin, TemplateView):
    """The werkplek. A coordinator sees every wijk and dorp in one sortable table (signals,
    open focus points, last update); a wijkambtenaar sees a card per area of their own with
    its signals, the open focus points waiting longest and links to log what was done. Both
    see what changed lately. A fixed number of queries however many areas."""

    template_name = "gebieden/werkplek/dashboard.html"

    def get_context_data(self, **kwargs):
        user, vandaag = self.request.user, timezone.localdate()
        alle_gebieden = is_coordinator(user)
        if alle_gebieden:
            gebieden = Gebied.objects.geldig_op(vandaag).filter(
                soort__in=[GebiedSoort.WIJK, GebiedSoort.DORP]
            )
        else:
            gebieden = Gebied.objects.mijn_gebieden(user)
        maanden = gemeente().signaal_maanden_zonder_update
        per_gebied = []
        for stand in standen(
            gebieden.order_by("naam"), vandaag, selectie=Selectie.OPEN, tijdlijn=True
        ):
            punten = langst_zonder_update(stand.focuspunten)
            per_gebied.append((stand, punten, signalen(stand.overzicht, punten, maanden)))
        ids = [stand.gebied.pk for stand, _punten, _signalen in per_gebied]
        context = {
            "alle_gebieden": alle_gebieden,
            "aantal_gebieden": len(per_gebied),
            "aantal_signalen": sum(len(s) for _stand, _punten, s in per_gebied),
            "recent": self.recent(ids),
        }
        if alle_gebieden:
            context.update(self.tabel(per_gebied, ids, vandaag))
        else:
            context["kaarten"] = self.kaarten(per_gebied, ids)
        return super().get_context_data(**context, **kwargs)

    def tabel(self, per_gebied, ids: list[int], vandaag: datetime.date) -> dict:
        laatste = dict(
            FocuspuntUpdate.objects.filter(focuspunt__gebied__in=ids, datum__lte=vandaag)
            .order_by()
            .values_list("focuspunt__gebied")
            .annotate(Max("datum"))
        )
        rijen = [
            GebiedRij(stand.gebied, alle, len(punten), laatste.get(stand.gebied.pk))
            for stand, punten, alle in per_gebied
        ]
        rijen, kolom, aflopend = gesorteerd(
            rijen, self.request.GET.get("sorteer", STANDAARD_SORTERING)
        )
        return {
            "rijen": rijen,
            "koppen": kolomkoppen(kolom, aflopend),
            "gesorteerd_op": next(k.label for k in KOLOMMEN if k.naam == kolom),
            "aflopend": aflopend,
        }

    def kaarten(self, per_gebied, ids: list[int]) -> list[dict]:
        bewerkbaar = set(
            Gebied.objects.bewerkbaar_voor(self.request.user)
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
        kaarten = []
        for stand, punten, alle_signalen in per_gebied:
            getoond, meer = ingekort(alle_signalen, SIGNALEN_PER_KAART)
            kaarten.append(
                {
                    "gebied": stand.gebied,
                    "focuspunten": punten[:FOCUSPUNTEN_PER_KAART],
                    "aantal_open": len(punten),
                    "signalen": getoond,
                    "aantal_signalen": len(alle_signalen),
                    "meer_signalen": meer,
                    "mag_bewerken": stand.gebied.pk in bewerkbaar,
                }
            )
        return kaarten

    def recent(self, ids: list[int]):
        """The newest updates by the date they are about (the date shown), then by when they
        were logged."""
        return (
            FocuspuntUpdate.objects.filter(focuspunt__gebied__in=ids)
            .select_related("focuspunt__gebied", "auteur")
            .order_by("-datum", "-aangemaakt_op", "-pk")[:RECENT]
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


class NieuwOpEigenPaginaMixin(GebiedBewerkenMixin):
    """A form of the area page on a page of its own: GET shows it, a refused POST shows it
    again (error summary on top, what was typed kept) at the same address, which a reload
    shows again; a saved one goes back to the area page, or to where the user came from
    (`?terug=`, an address of this site only)."""

    template_name: str
    titel: str

    def get(self, request, gebied_pk):
        return self.toon(self.maak_form())

    def post(self, request, gebied_pk):
        form = self.maak_form(request.POST)
        if not form.is_valid():
            return self.toon(form, status=400)
        terug_op_gebied = self.opgeslagen(form)
        return HttpResponseRedirect(veilig_terug(request) or terug_op_gebied)

    def maak_form(self, data=None):
        raise NotImplementedError

    def opgeslagen(self, form) -> str:
        """Save the valid form; return the address on the area page to go back to."""
        raise NotImplementedError

    def toon(self, form, status=200):
        context = {
            "gebied": self.gebied,
            "form": form,
            "titel": self.titel,
            "terug": veilig_terug(self.request),
        }
        return render(self.request, self.template_name, context, status=status)


class FocuspuntToevoegenView(NieuwOpEigenPaginaMixin, View):
    template_name = "gebieden/werkplek/focuspunt_nieuw.html"
    titel = _lazy("Focuspunt toevoegen")

    def maak_form(self, data=None):
        return FocuspuntForm(data, gebied=self.gebied)

    def opgeslagen(self, form) -> str:
        punt = services.maak_focuspunt(
            gebied=self.gebied, door=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request, _("Focuspunt „%(titel)s” is toegevoegd.") % {"titel": punt.titel}
        )
        return f"{self.gebied.get_absolute_url()}#focuspunt-{punt.pk}"


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
        return HttpResponseRedirect(
            veilig_terug(request) or f"{self.gebied.get_absolute_url()}#focuspunt-{self.punt.pk}"
        )

    def toon(self, form, status=200):
        context = {
            "gebied": self.gebied,
            "punt": self.punt,
            "laatste": self.punt.updates.select_related("auteur").order_by(
                "-datum", "-aangemaakt_op", "-pk"
            )[:1],
            "form": form,
            "terug": veilig_terug(self.request),
        }
        return render(self.request, self.template_name, context, status=status)


class ActiviteitToevoegenView(NieuwOpEigenPaginaMixin, View):
    template_name = "gebieden/werkplek/activiteit_nieuw.html"
    titel = _lazy("Activiteit vastleggen")

    def maak_form(self, data=None):
        return ActiviteitForm(data, gebied=self.gebied)

    def opgeslagen(self, form) -> str:
        services.log_activiteit(gebied=self.gebied, door=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("De activiteit is vastgelegd."))
        return f"{self.gebied.get_absolute_url()}#activiteiten"


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
