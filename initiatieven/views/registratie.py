"""Registering an initiative and editing it. An edit someone else saved in the meantime is not
overwritten: the form comes back (409) with what was typed and the saved state beside it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from gebieden.models import Gebied
from kern.formulieren import opgeslagen_stand
from kern.mixins import WerkplekMixin
from kern.versie import GelijktijdigGewijzigd

from .. import services
from ..forms import InitiatiefForm, NieuwInitiatiefForm
from .toegang import InitiatiefMixin, weiger_ander_gebied

TEMPLATE = "initiatieven/initiatief_form.html"

# Form fields whose saved value the initiative keeps under another name.
OPGESLAGEN_ALS = {"hulpvormen": "hulp"}

# What registering and editing both write, as the form's fields name it.
VELDEN = [
    "titel",
    "gebied",
    "thema",
    "omschrijving",
    "deelnemers",
    "begeleiders",
    "doelgroepen",
    "hulpvormen",
]


def velden(data: dict) -> dict:
    return {naam: data[naam] for naam in VELDEN}


class InitiatiefCreateView(WerkplekMixin, View):
    template_name = TEMPLATE

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
            **velden(data),
            status=data["status"],
            datum=data["datum"],
            door=request.user,
            initiatiefnemers=nemers,
        )
        messages.success(
            request, _("Initiatief „%(titel)s” is geregistreerd.") % {"titel": initiatief.titel}
        )
        return HttpResponseRedirect(initiatief.get_absolute_url())


class InitiatiefUpdateView(InitiatiefMixin, View):
    template_name = TEMPLATE

    def form(self, data=None, instance=None):
        gebieden = Gebied.objects.bewerkbaar_voor(self.request.user).exclude(soort="buurt")
        return InitiatiefForm(data, instance=instance or self.initiatief, gebieden=gebieden)

    def toon(self, form, status=200, huidige_stand=None):
        context = {
            "form": form,
            "titel": _("Initiatief bewerken"),
            "initiatief": self.initiatief,
            "huidige_stand": huidige_stand,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        if not self.mag_bewerken:
            raise PermissionDenied
        return self.toon(self.form())

    def post(self, request, pk):
        weiger_ander_gebied(request, Gebied.objects.bewerkbaar_voor(request.user))
        form = self.form(request.POST)
        if not form.is_valid():
            return self.toon(form, status=400)
        data = form.cleaned_data
        try:
            initiatief = services.wijzig_initiatief(
                initiatief=self.initiatief, versie=data["versie"], **velden(data)
            )
        except GelijktijdigGewijzigd as conflict:
            return self.gelijktijdig(conflict.huidig)
        messages.success(request, _("„%(titel)s” is opgeslagen.") % {"titel": initiatief.titel})
        return HttpResponseRedirect(initiatief.get_absolute_url())

    def gelijktijdig(self, huidig):
        """Nothing was saved: the form again with what was typed, the saved state beside it,
        and the current version, so that saving again is a deliberate choice."""
        if huidig is None:
            messages.error(self.request, _("Dit initiatief is intussen verwijderd."))
            return HttpResponseRedirect(reverse("initiatieven:lijst"))
        messages.error(
            self.request,
            _(
                "Iemand anders heeft „%(titel)s” intussen gewijzigd. Uw wijziging is niet "
                "opgeslagen; hieronder staat de opgeslagen stand naast wat u invulde."
            )
            % {"titel": huidig.titel},
        )
        data = self.request.POST.copy()
        data["versie"] = huidig.versie
        form = self.form(data, instance=huidig)
        # Read before the form is validated, which puts what was typed on its instance.
        stand = opgeslagen_stand(form, huidig, OPGESLAGEN_ALS)
        return self.toon(form, status=409, huidige_stand=stand)
