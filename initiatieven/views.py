"""Screens for initiatives and subsidies. Officials manage initiatives in their own areas,
coordinators in all; decisions and accountability need the coordinator role."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from django_filters.views import FilterView

from gebieden.models import Gebied
from gebieden.query import kan_gebied_bewerken
from kern.beheer import BeheerLijstView, beheer_views
from kern.csvexport import csv_antwoord
from kern.mixins import WerkplekMixin
from kern.paginering import IdsEerstPaginator
from kern.rollen import is_coordinator
from kern.versie import GelijktijdigGewijzigd

from . import services
from .filters import InitiatiefFilter, RegelingFilter
from .forms import (
    AanvraagForm,
    BesluitForm,
    InitiatiefForm,
    NieuwInitiatiefForm,
    RegelingForm,
    StatusForm,
    VerantwoordingForm,
)
from .models import Aanvraag, Initiatief, Regeling, StatusOvergang
from .overzicht import cijfers_per_gebied, uitgegeven_per_regeling
from .waarschuwingen import (
    aanvraag_waarschuwingen,
    aanvragen_met_waarschuwing,
    regeling_waarschuwingen,
)


def met_details(queryset):
    return queryset.select_related("gebied", "thema").prefetch_related(
        "doelgroepen",
        "hulp",
        "begeleiders",
        "overgangen",
        Prefetch("aanvragen", queryset=Aanvraag.objects.select_related("regeling", "initiatief")),
    )


WAARSCHUWINGEN_OP_LIJST = 10


class InitiatiefListView(WerkplekMixin, FilterView):
    filterset_class = InitiatiefFilter
    template_name = "initiatieven/initiatief_list.html"
    paginate_by = 25
    paginator_class = IdsEerstPaginator

    def get_queryset(self):
        return met_details(Initiatief.objects.all()).order_by("-aangemaakt_op", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        regelingen = regeling_waarschuwingen(
            list(Regeling.objects.all()), vandaag.year, uitgegeven_per_regeling(vandaag.year)
        )
        aanvragen = (
            aanvragen_met_waarschuwing(vandaag)
            .select_related("initiatief")
            .order_by("ontvangen_op", "pk")
        )
        # A large municipality can have thousands; the oldest come first, the rest on request.
        if self.request.GET.get("waarschuwingen") == "alle":
            context["waarschuwingen"] = regelingen + aanvraag_waarschuwingen(aanvragen, vandaag)
        else:
            eerste = aanvragen[:WAARSCHUWINGEN_OP_LIJST]
            context["waarschuwingen"] = (regelingen + aanvraag_waarschuwingen(eerste, vandaag))[
                :WAARSCHUWINGEN_OP_LIJST
            ]
        context["aantal_waarschuwingen"] = len(regelingen) + aanvragen.count()
        return context

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("export") == "csv":
            return self.csv(self.object_list)
        return super().render_to_response(context, **kwargs)

    def csv(self, initiatieven):
        """Without personal data: initiators' names and contacts stay in the application."""
        return csv_antwoord(
            f"initiatieven-{timezone.localdate().isoformat()}.csv",
            CSV_KOPPEN,
            (csv_rij(i) for i in initiatieven),
        )


CSV_KOPPEN = [
    "Gebied",
    "Titel",
    "Thema",
    "Status",
    "Jaar",
    "Deelnemers",
    "Doelgroepen",
    "Gevraagd",
    "Toegekend",
    "Vastgesteld",
]


def csv_rij(initiatief) -> list:
    aanvragen = list(initiatief.aanvragen.all())
    return [
        initiatief.gebied.naam,
        initiatief.titel,
        initiatief.thema and str(initiatief.thema),
        initiatief.get_status_display(),
        initiatief.jaar,
        initiatief.deelnemers,
        ", ".join(str(d) for d in initiatief.doelgroepen.all()),
        sum((a.bedrag_gevraagd for a in aanvragen), Decimal("0.00")),
        sum((a.bedrag_toegekend or 0 for a in aanvragen), Decimal("0.00")),
        sum((a.bedrag_vastgesteld or 0 for a in aanvragen), Decimal("0.00")),
    ]


def weiger_ander_gebied(request, gebieden) -> None:
    """A posted area the user may not change is refused outright (403), not as a form error."""
    gekozen = request.POST.get("gebied", "")
    if gekozen.isdigit() and not gebieden.filter(pk=int(gekozen)).exists():
        raise PermissionDenied(_("U mag geen initiatieven in dit gebied vastleggen."))


class InitiatiefCreateView(WerkplekMixin, View):
    template_name = "initiatieven/initiatief_form.html"

    def gebieden(self):
        return (
            Gebied.objects.bewerkbaar_voor(self.request.user)
            .exclude(soort="buurt")
            .order_by("naam")
        )

    def get(self, request):
        form = NieuwInitiatiefForm(
            gebieden=self.gebieden(), initial={"gebied": request.GET.get("gebied")}
        )
        return render(
            request, self.template_name, {"form": form, "titel": _("Initiatief registreren")}
        )

    def post(self, request):
        weiger_ander_gebied(request, self.gebieden())
        form = NieuwInitiatiefForm(request.POST, gebieden=self.gebieden())
        if not form.is_valid():
            return render(
                request,
                self.template_name,
                {"form": form, "titel": _("Initiatief registreren")},
                status=400,
            )
        data = form.cleaned_data
        nemers = [(data["initiatiefnemer"], data["contact"])] if data["initiatiefnemer"] else []
        initiatief = services.registreer(
            gebied=data["gebied"],
            titel=data["titel"],
            status=data["status"],
            datum=data["datum"],
            door=request.user,
            thema=data["thema"],
            omschrijving=data["omschrijving"],
            deelnemers=data["deelnemers"],
            begeleiders=data["begeleiders"],
            doelgroepen=data["doelgroepen"],
            hulpvormen=data["hulpvormen"],
            initiatiefnemers=nemers,
        )
        messages.success(
            request, _("Initiatief „%(titel)s” is geregistreerd.") % {"titel": initiatief.titel}
        )
        return HttpResponseRedirect(initiatief.get_absolute_url())


class InitiatiefMixin(WerkplekMixin):
    """Loads the initiative; writes need its area, or the coordinator role where
    `alleen_coordinator` (decisions and accountability)."""

    alleen_coordinator = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.initiatief = get_object_or_404(met_details(Initiatief.objects.all()), pk=kwargs["pk"])
        self.mag_bewerken = kan_gebied_bewerken(request.user, self.initiatief.gebied)
        self.mag_beslissen = is_coordinator(request.user)
        if request.method == "POST":
            toegestaan = self.mag_beslissen if self.alleen_coordinator else self.mag_bewerken
            if not toegestaan:
                raise PermissionDenied(_("U mag dit initiatief niet wijzigen."))
        return super().dispatch(request, *args, **kwargs)

    def toon(self, status=200, **formulieren):
        i = self.initiatief
        aanvragen = list(i.aanvragen.all())
        context = {
            "initiatief": i,
            "aanvragen": aanvragen,
            "overgangen": list(i.overgangen.all()),
            "initiatiefnemers": list(i.initiatiefnemers.all()) if self.mag_bewerken else [],
            "waarschuwingen": aanvraag_waarschuwingen(aanvragen, timezone.localdate()),
            "mag_bewerken": self.mag_bewerken,
            "mag_beslissen": self.mag_beslissen,
            "status_form": formulieren.get("status_form")
            or (StatusForm() if self.mag_bewerken else None),
            "aanvraag_form": formulieren.get("aanvraag_form")
            or (AanvraagForm() if self.mag_bewerken else None),
            "bound_besluit": formulieren.get("besluit_form"),
            "bound_verantwoording": formulieren.get("verantwoording_form"),
            "budget_waarschuwing": formulieren.get("budget_waarschuwing"),
        }
        for a in aanvragen:
            if self.mag_beslissen:
                bound = formulieren.get("besluit_form")
                a.besluit_form = (
                    bound
                    if bound is not None and bound.aanvraag_pk == a.pk
                    else BesluitForm(
                        prefix=f"besluit-{a.pk}",
                        initial={"versie": a.versie, "bedrag_toegekend": a.bedrag_gevraagd},
                    )
                )
                bound = formulieren.get("verantwoording_form")
                a.verantwoording_form = (
                    bound
                    if bound is not None and bound.aanvraag_pk == a.pk
                    else VerantwoordingForm(
                        prefix=f"verantwoording-{a.pk}",
                        initial={"versie": a.versie, "bedrag_vastgesteld": a.bedrag_toegekend},
                    )
                )
        return render(self.request, "initiatieven/initiatief_detail.html", context, status=status)


class InitiatiefDetailView(InitiatiefMixin, View):
    def get(self, request, pk):
        return self.toon()


class InitiatiefUpdateView(InitiatiefMixin, View):
    template_name = "initiatieven/initiatief_form.html"

    def form(self, data=None):
        gebieden = Gebied.objects.bewerkbaar_voor(self.request.user).exclude(soort="buurt")
        return InitiatiefForm(data, instance=self.initiatief, gebieden=gebieden)

    def get(self, request, pk):
        if not self.mag_bewerken:
            raise PermissionDenied
        return render(
            request,
            self.template_name,
            {"form": self.form(), "titel": _("Initiatief bewerken"), "initiatief": self.initiatief},
        )

    def post(self, request, pk):
        weiger_ander_gebied(request, Gebied.objects.bewerkbaar_voor(request.user))
        form = self.form(request.POST)
        if not form.is_valid():
            return render(
                request,
                self.template_name,
                {"form": form, "titel": _("Initiatief bewerken"), "initiatief": self.initiatief},
                status=400,
            )
        initiatief = form.save()
        services.zet_kenmerken(
            initiatief=initiatief,
            doelgroepen=form.cleaned_data["doelgroepen"],
            hulpvormen=form.cleaned_data["hulpvormen"],
        )
        messages.success(request, _("„%(titel)s” is opgeslagen.") % {"titel": initiatief.titel})
        return HttpResponseRedirect(initiatief.get_absolute_url())


class StatusView(InitiatiefMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = StatusForm(request.POST, instance=StatusOvergang(initiatief=self.initiatief))
        if not form.is_valid():
            return self.toon(status=400, status_form=form)
        services.wijzig_status(initiatief=self.initiatief, door=request.user, **form.cleaned_data)
        messages.success(request, _("De status is vastgelegd."))
        return HttpResponseRedirect(self.initiatief.get_absolute_url())


class AanvraagView(InitiatiefMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = AanvraagForm(request.POST, instance=Aanvraag(initiatief=self.initiatief))
        if not form.is_valid():
            return self.toon(status=400, aanvraag_form=form)
        form.save()
        messages.success(request, _("De aanvraag is vastgelegd."))
        return HttpResponseRedirect(self.initiatief.get_absolute_url() + "#aanvragen")


def fouten_op_formulier(form, fout: ValidationError) -> None:
    """Show a service's Dutch refusal on the form, at the field it names (or on top)."""
    per_veld = fout.message_dict if hasattr(fout, "error_dict") else {None: fout.messages}
    for veld, meldingen in per_veld.items():
        for melding in meldingen:
            form.add_error(veld if veld in form.fields else None, melding)


class BesluitView(InitiatiefMixin, View):
    http_method_names = ["post"]
    alleen_coordinator = True

    def post(self, request, pk, aanvraag_pk):
        aanvraag = get_object_or_404(
            Aanvraag.objects.select_related("regeling"), pk=aanvraag_pk, initiatief=self.initiatief
        )
        form = BesluitForm(request.POST, prefix=f"besluit-{aanvraag.pk}")
        form.aanvraag_pk = aanvraag.pk
        if not form.is_valid():
            return self.toon(status=400, besluit_form=form)
        data = form.cleaned_data
        try:
            services.beslis(
                aanvraag=aanvraag,
                besluit=data["besluit"],
                bedrag=data["bedrag_toegekend"],
                datum=data["besluit_op"],
                reden=data["reden"],
                versie=data["versie"],
                meer_dan_gevraagd=data["meer_dan_gevraagd"],
                budget_bevestigd=data["budget_bevestigd"],
            )
        except ValidationError as fout:
            fouten_op_formulier(form, fout)
            return self.toon(status=400, besluit_form=form)
        except services.BudgetWaarschuwing as waarschuwing:
            form.add_error("budget_bevestigd", str(waarschuwing))
            return self.toon(status=400, besluit_form=form)
        except GelijktijdigGewijzigd:
            messages.error(
                request,
                _("Iemand anders heeft deze aanvraag intussen gewijzigd; bekijk de nieuwe stand."),
            )
            return HttpResponseRedirect(self.initiatief.get_absolute_url() + "#aanvragen")
        messages.success(request, _("Het besluit is vastgelegd."))
        return HttpResponseRedirect(self.initiatief.get_absolute_url() + "#aanvragen")


class VerantwoordingView(InitiatiefMixin, View):
    http_method_names = ["post"]
    alleen_coordinator = True

    def post(self, request, pk, aanvraag_pk):
        aanvraag = get_object_or_404(Aanvraag, pk=aanvraag_pk, initiatief=self.initiatief)
        form = VerantwoordingForm(request.POST, prefix=f"verantwoording-{aanvraag.pk}")
        form.aanvraag_pk = aanvraag.pk
        if not form.is_valid():
            return self.toon(status=400, verantwoording_form=form)
        try:
            services.verantwoord(aanvraag=aanvraag, **form.cleaned_data)
        except ValidationError as fout:
            fouten_op_formulier(form, fout)
            return self.toon(status=400, verantwoording_form=form)
        except GelijktijdigGewijzigd:
            messages.error(
                request,
                _("Iemand anders heeft deze aanvraag intussen gewijzigd; bekijk de nieuwe stand."),
            )
            return HttpResponseRedirect(self.initiatief.get_absolute_url() + "#aanvragen")
        messages.success(request, _("De verantwoording is vastgelegd."))
        return HttpResponseRedirect(self.initiatief.get_absolute_url() + "#aanvragen")


class CijfersView(WerkplekMixin, TemplateView):
    """Per area, for a year: initiatives, applications, amounts and reach."""

    template_name = "initiatieven/cijfers.html"

    def get_context_data(self, **kwargs):
        try:
            jaar = int(self.request.GET.get("jaar", timezone.localdate().year))
        except ValueError:
            jaar = timezone.localdate().year
        jaar = min(max(jaar, 2000), 2100)
        return super().get_context_data(jaar=jaar, cijfers=cijfers_per_gebied(jaar), **kwargs)


class RegelingListView(BeheerLijstView):
    model = Regeling
    filterset_class = RegelingFilter
    kolommen = ["naam", "maximum_per_aanvraag", "jaarbudget", "begrotingspost_naam"]
    url_prefix = "initiatieven:regeling"
    queryset = Regeling.objects.all()


RegelingCreateView, RegelingUpdateView, RegelingDeleteView = beheer_views(
    Regeling, RegelingForm, "initiatieven:regeling_lijst"
)
