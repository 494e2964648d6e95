"""The initiators of an initiative (officials of its area and coordinators): add one, correct
a name or contact, remove one. Personal data: only those who may change the initiative see it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from kern.versie import GelijktijdigGewijzigd

from .. import services
from ..forms import InitiatiefnemerForm
from .toegang import InitiatiefMixin

GEWIJZIGD = _(
    "Iemand anders heeft dit initiatief intussen gewijzigd. Er is niets opgeslagen; hieronder "
    "staat de stand van nu, met wat u invulde. Sla opnieuw op als het nog nodig is."
)


class NemersMixin(InitiatiefMixin):
    template_name = "initiatieven/initiatiefnemers.html"

    def get(self, request, *args, **kwargs):
        return self.toon(self.leeg_formulier())

    def toon(self, form, status=200, nemer=None):
        if not self.mag_bewerken:
            raise PermissionDenied(_("U mag de initiatiefnemers van dit initiatief niet zien."))
        context = {
            "initiatief": self.initiatief,
            "initiatiefnemers": list(self.initiatief.initiatiefnemers.order_by("pk")),
            "form": form,
            "nemer": nemer,
        }
        return render(self.request, self.template_name, context, status=status)

    def terug(self):
        return HttpResponseRedirect(
            reverse("initiatieven:initiatiefnemers", args=[self.initiatief.pk])
        )

    def opnieuw(self, nemer=None, *, getypt: bool = True):
        """After a refused save: the page as it is now, the form with what was typed (or, after
        a refused removal, as saved) and the version of now."""
        messages.error(self.request, GEWIJZIGD)
        self.initiatief.refresh_from_db()
        if not getypt:
            return self.toon(self.leeg_formulier(), status=409, nemer=nemer)
        data = self.request.POST.copy()
        data["versie"] = self.initiatief.versie
        return self.toon(InitiatiefnemerForm(data), status=409, nemer=nemer)


class InitiatiefnemersView(NemersMixin, View):
    """The list of initiators and the form to add one."""

    def leeg_formulier(self):
        return InitiatiefnemerForm(initial={"versie": self.initiatief.versie})

    def post(self, request, pk):
        form = InitiatiefnemerForm(request.POST)
        if not form.is_valid():
            return self.toon(form, status=400)
        data = form.cleaned_data
        try:
            nemer = services.bewaar_initiatiefnemer(
                initiatief=self.initiatief,
                versie=data["versie"],
                naam=data["naam"],
                contact=data["contact"],
            )
        except GelijktijdigGewijzigd:
            return self.opnieuw()
        messages.success(request, _("%(naam)s is toegevoegd.") % {"naam": nemer.naam})
        return self.terug()


class InitiatiefnemerView(NemersMixin, View):
    """One initiator: change the name or contact, or remove."""

    def nemer(self):
        if not self.mag_bewerken:  # before the lookup: a 404 would tell which ids exist
            raise PermissionDenied(_("U mag de initiatiefnemers van dit initiatief niet zien."))
        return get_object_or_404(self.initiatief.initiatiefnemers, pk=self.kwargs["nemer_pk"])

    def leeg_formulier(self):
        nemer = self.nemer()
        return InitiatiefnemerForm(
            initial={"naam": nemer.naam, "contact": nemer.contact, "versie": self.initiatief.versie}
        )

    def get(self, request, *args, **kwargs):
        return self.toon(self.leeg_formulier(), nemer=self.nemer())

    def post(self, request, pk, nemer_pk):
        nemer = self.nemer()
        form = InitiatiefnemerForm(request.POST)
        if "verwijderen" in request.POST:
            try:
                versie = int(request.POST.get("versie", ""))
            except ValueError:
                versie = None
            try:
                services.verwijder_initiatiefnemer(
                    initiatief=self.initiatief, versie=versie, nemer=nemer
                )
            except GelijktijdigGewijzigd:
                return self.opnieuw(nemer, getypt=False)
            messages.success(request, _("%(naam)s is verwijderd.") % {"naam": nemer.naam})
            return self.terug()
        if not form.is_valid():
            return self.toon(form, status=400, nemer=nemer)
        data = form.cleaned_data
        try:
            services.bewaar_initiatiefnemer(
                initiatief=self.initiatief,
                versie=data["versie"],
                naam=data["naam"],
                contact=data["contact"],
                nemer=nemer,
            )
        except GelijktijdigGewijzigd:
            return self.opnieuw(nemer)
        messages.success(request, _("%(naam)s is opgeslagen.") % {"naam": data["naam"]})
        return self.terug()
