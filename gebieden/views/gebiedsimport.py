"""Importing areas from a file (coordinators): upload, follow the reading, check the plan, and
confirm; nothing is written before the confirmation, and then all or nothing."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from kern.mixins import CoordinatorVereistMixin

from ..gebiedsimport import Bron, Plan
from ..inlezen import PlanVerouderd, importeer_gebieden, start_import
from ..inrichtformulieren import GebiedsimportForm
from ..models import Gebiedsimport

VERVERS_SECONDEN = 5  # as the publication's page
TOON_MAXIMAAL = 500  # new areas and problems listed in the preview; the rest are counted


class GebiedsimportView(CoordinatorVereistMixin, View):
    template_name = "gebieden/gebiedsimport.html"

    def toon(self, form, status=200):
        context = {
            "form": form,
            "titel": _("Gebieden inlezen uit een bestand"),
            "eerdere": Gebiedsimport.objects.select_related("door")[:10],
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.toon(GebiedsimportForm())

    def post(self, request):
        form = GebiedsimportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.toon(form, status=400)
        data = form.cleaned_data
        cbs = data["bron"] == Bron.CBS
        gebiedsimport = start_import(
            bestand=data["bestand"],
            bron=data["bron"],
            door=request.user,
            wijken_als=data["wijken_als"] if cbs else "",
            geldig_van=data["geldig_van"] if cbs else None,
        )
        return HttpResponseRedirect(
            reverse("gebieden:gebiedsimport_stand", args=[gebiedsimport.pk])
        )


class GebiedsimportStandView(CoordinatorVereistMixin, View):
    """How far the reading is (the page refreshes itself while it runs, unless asked not to),
    then the plan: what would be created, what exists already, every problem by row."""

    template_name = "gebieden/gebiedsimport_stand.html"

    def get(self, request, pk):
        gebiedsimport = get_object_or_404(Gebiedsimport.objects.select_related("door"), pk=pk)
        plan = Plan.uit_json(gebiedsimport.plan) if gebiedsimport.plan else None
        verversen = gebiedsimport.loopt and request.GET.get("verversen") != "nee"
        context = {
            "titel": _("Gebieden inlezen: %(bestand)s") % {"bestand": gebiedsimport.bestandsnaam},
            "gebiedsimport": gebiedsimport,
            "plan": plan,
            "getoond": plan.nieuw[:TOON_MAXIMAAL] if plan else [],
            "niet_getoond": max(len(plan.nieuw) - TOON_MAXIMAAL, 0) if plan else 0,
            "problemen": plan.problemen[:TOON_MAXIMAAL] if plan else [],
            "problemen_niet_getoond": max(len(plan.problemen) - TOON_MAXIMAAL, 0) if plan else 0,
            "verversen": VERVERS_SECONDEN if verversen else None,
        }
        return render(request, self.template_name, context)

    def post(self, request, pk):
        gebiedsimport = get_object_or_404(Gebiedsimport, pk=pk)
        terug = HttpResponseRedirect(reverse("gebieden:gebiedsimport_stand", args=[pk]))
        if gebiedsimport.status != Gebiedsimport.Status.KLAAR:
            messages.error(request, _("Deze import kan niet (meer) worden ingelezen."))
            return terug
        try:
            aantal, verplaatst = importeer_gebieden(gebiedsimport=gebiedsimport, door=request.user)
        except PlanVerouderd:
            messages.error(
                request,
                _(
                    "Er is niets ingelezen: intussen is een gebied aangemaakt met een CBS-code "
                    "uit dit bestand, of een gebied uit het bestand gewijzigd. Lees het bestand "
                    "opnieuw in; wat er al is, wordt dan overgeslagen."
                ),
            )
            return terug
        except ValueError:
            messages.error(request, _("Er is niets ingelezen: het bestand heeft nog fouten."))
            return terug
        melding = ngettext(
            "%(aantal)s gebied is aangemaakt.", "%(aantal)s gebieden zijn aangemaakt.", aantal
        ) % {"aantal": aantal}
        if verplaatst:
            melding += " " + ngettext(
                "%(aantal)s bestaand gebied ligt nu in een ander gebied.",
                "%(aantal)s bestaande gebieden liggen nu in een ander gebied.",
                verplaatst,
            ) % {"aantal": verplaatst}
        messages.success(request, melding)
        return HttpResponseRedirect(reverse("gebieden:lijst"))
