"""Setting up the wijkprofiel (coordinators): reading in figures and boundaries, linking buurten
to own areas, and choosing the indicators. Reading runs in the background; nothing is stored
before the coordinator confirms the preview, and then all or nothing."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from kern.mixins import CoordinatorVereistMixin
from kern.versie import GelijktijdigGewijzigd

from .buurten import buurten, lopende_indeling, vingerafdruk
from .forms import BuurtenForm, ProfielimportForm, ProfielkeuzeForm
from .indicatoren import PER_CODE
from .inlezen import importeer, start_import
from .models import Cijfertabel, Grensversie, Profielimport
from .pagina import gebieden_op_kaart
from .profiel import keuze
from .services import kies_indicatoren, koppel_buurten

VERVERS_SECONDEN = 5
TOON_MAXIMAAL = 500


class StartView(CoordinatorVereistMixin, View):
    """What has been read in, and the three steps of setting up."""

    def get(self, request):
        indeling = lopende_indeling()
        context = {
            "titel": _("Wijkprofiel inrichten"),
            "tabellen": Cijfertabel.objects.all()[:20],
            "grenzen": Grensversie.objects.all()[:10],
            "gekoppeld": len(indeling),
            "gebieden_gekoppeld": len(set(indeling.values())),
            "keuze": [PER_CODE[c].naam for c in keuze().indicatoren if c in PER_CODE],
            "eerdere": Profielimport.objects.select_related("door")[:10],
        }
        return render(request, "wijkprofiel/start.html", context)


class ImportView(CoordinatorVereistMixin, View):
    template_name = "wijkprofiel/import.html"

    def toon(self, form, status=200):
        context = {"form": form, "titel": _("Cijfers of buurtgrenzen inlezen")}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.toon(ProfielimportForm())

    def post(self, request):
        form = ProfielimportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.toon(form, status=400)
        data = form.cleaned_data
        profielimport = start_import(
            soort=data["soort"],
            bestand=data["bestand"],
            door=request.user,
            tabel=data["tabel"].strip().upper(),
            jaar=data["jaar"],
        )
        return HttpResponseRedirect(reverse("wijkprofiel:import_stand", args=[profielimport.pk]))


class ImportStandView(CoordinatorVereistMixin, View):
    """How far the reading is (refreshing itself while it runs), then the preview: years,
    regions matched by code and not, columns recognised and left out, the coordinate system."""

    template_name = "wijkprofiel/import_stand.html"

    def get(self, request, pk):
        profielimport = get_object_or_404(Profielimport.objects.select_related("door"), pk=pk)
        plan = profielimport.plan or {}
        verversen = profielimport.loopt and request.GET.get("verversen") != "nee"
        regios = plan.get("regios") or [[b[0], b[1], b[5]] for b in plan.get("buurten", [])]
        context = {
            "titel": _("Inlezen: %(bestand)s") % {"bestand": profielimport.bestandsnaam},
            "i": profielimport,
            "plan": plan,
            "regios": regios[:TOON_MAXIMAAL],
            "niet_getoond": max(len(regios) - TOON_MAXIMAAL, 0),
            "niet_gekoppeld": sum(1 for r in regios if not r[2]),
            "herkend": [PER_CODE[c].naam for c in plan.get("herkend", []) if c in PER_CODE],
            "water": sum(1 for b in plan.get("buurten", []) if b[3]),
            "verversen": VERVERS_SECONDEN if verversen else None,
        }
        return render(request, self.template_name, context)

    def post(self, request, pk):
        profielimport = get_object_or_404(Profielimport, pk=pk)
        if profielimport.status != Profielimport.Status.KLAAR:
            messages.error(request, _("Deze import kan niet (meer) worden ingelezen."))
            return HttpResponseRedirect(reverse("wijkprofiel:import_stand", args=[pk]))
        aantal = importeer(profielimport=profielimport, door=request.user)
        if profielimport.soort == Profielimport.Soort.CIJFERS:
            melding = ngettext(
                "%(aantal)s cijfer is opgeslagen.", "%(aantal)s cijfers zijn opgeslagen.", aantal
            )
        else:
            melding = ngettext(
                "De grens van %(aantal)s buurt is opgeslagen.",
                "De grenzen van %(aantal)s buurten zijn opgeslagen.",
                aantal,
            )
        messages.success(request, melding % {"aantal": aantal})
        return HttpResponseRedirect(reverse("wijkprofiel:start"))


class BuurtenView(CoordinatorVereistMixin, View):
    """Which own area each CBS buurt belongs to, from a date on (earlier years keep theirs)."""

    template_name = "wijkprofiel/buurten.html"

    def formulier(self, data=None):
        gebieden = gebieden_op_kaart()
        return BuurtenForm(
            data,
            buurten=buurten(gebieden),
            gebieden=gebieden,
            initial={"gezien": vingerafdruk(lopende_indeling())},
        )

    def toon(self, form, status=200):
        context = {"form": form, "titel": _("Buurten van de gebieden")}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.toon(self.formulier())

    def post(self, request):
        form = self.formulier(request.POST)
        if not form.is_valid():
            return self.toon(form, status=400)
        try:
            aantal = koppel_buurten(
                indeling=form.indeling(),
                gezien=form.cleaned_data["gezien"],
                per=form.cleaned_data["per"],
            )
        except GelijktijdigGewijzigd:
            messages.error(
                request,
                _(
                    "Iemand anders heeft de buurten intussen anders ingedeeld. Er is niets "
                    "opgeslagen; hieronder staat de indeling zoals die nu is."
                ),
            )
            return self.toon(self.formulier(), status=409)
        messages.success(
            request,
            ngettext(
                "%(aantal)s buurt is anders ingedeeld.",
                "%(aantal)s buurten zijn anders ingedeeld.",
                aantal,
            )
            % {"aantal": aantal},
        )
        return HttpResponseRedirect(reverse("wijkprofiel:start"))


class KeuzeView(CoordinatorVereistMixin, View):
    template_name = "wijkprofiel/keuze.html"

    def toon(self, form, status=200):
        context = {"form": form, "titel": _("Cijfers in het wijkprofiel")}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.toon(ProfielkeuzeForm(instance=keuze()))

    def post(self, request):
        huidig = keuze()
        form = ProfielkeuzeForm(request.POST, instance=huidig)
        if not form.is_valid():
            return self.toon(form, status=400)
        try:
            kies_indicatoren(
                keuze=huidig,
                versie=form.cleaned_data.get("versie"),
                indicatoren=form.cleaned_data["indicatoren"],
                kerncijfers=form.cleaned_data["kerncijfers"],
            )
        except GelijktijdigGewijzigd:
            messages.error(
                request,
                _(
                    "Iemand anders heeft de keuze intussen gewijzigd. Uw keuze is niet "
                    "opgeslagen; hieronder staat de opgeslagen keuze."
                ),
            )
            return self.toon(ProfielkeuzeForm(instance=keuze()), status=409)
        messages.success(request, _("De keuze van de cijfers is opgeslagen."))
        return HttpResponseRedirect(reverse("wijkprofiel:start"))
