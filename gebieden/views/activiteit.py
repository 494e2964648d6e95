"""Correcting or removing an activity logged for an area (by whoever may change the area)."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from kern.versie import GelijktijdigGewijzigd

from .. import services
from ..forms import ActiviteitForm
from ..mixins import GebiedBewerkenMixin
from ..models import Activiteit

GEWIJZIGD = _(
    "Iemand anders heeft deze activiteit intussen gewijzigd of verwijderd. Er is niets "
    "opgeslagen; hieronder staat de stand van nu, met wat u invulde."
)


class ActiviteitWijzigenView(GebiedBewerkenMixin, View):
    template_name = "gebieden/werkplek/activiteit_form.html"

    @cached_property
    def activiteit(self) -> Activiteit:
        return get_object_or_404(Activiteit, pk=self.kwargs["pk"], gebied=self.gebied)

    def toon(self, form, status=200):
        context = {"gebied": self.gebied, "activiteit": self.activiteit, "form": form}
        return render(self.request, self.template_name, context, status=status)

    def terug(self):
        return HttpResponseRedirect(f"{self.gebied.get_absolute_url()}#activiteiten")

    def get(self, request, gebied_pk, pk):
        return self.toon(ActiviteitForm(instance=self.activiteit, gebied=self.gebied))

    def post(self, request, gebied_pk, pk):
        versie = request.POST.get("versie")
        versie = int(versie) if versie and versie.isdigit() else None
        if "verwijderen" in request.POST:
            try:
                services.verwijder_activiteit(activiteit=self.activiteit, versie=versie)
            except GelijktijdigGewijzigd:
                return self.opnieuw()
            messages.success(request, _("De activiteit is verwijderd."))
            return self.terug()
        form = ActiviteitForm(request.POST, instance=self.activiteit, gebied=self.gebied)
        if not form.is_valid():
            return self.toon(form, status=400)
        velden = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
        try:
            services.wijzig_activiteit(activiteit=self.activiteit, versie=versie, **velden)
        except GelijktijdigGewijzigd:
            return self.opnieuw()
        messages.success(request, _("De activiteit is opgeslagen."))
        return self.terug()

    def opnieuw(self):
        messages.error(self.request, GEWIJZIGD)
        huidig = Activiteit.objects.filter(pk=self.activiteit.pk).first()
        if huidig is None:
            return self.terug()
        data = self.request.POST.copy()
        data["versie"] = huidig.versie
        return self.toon(ActiviteitForm(data, instance=huidig, gebied=self.gebied), status=409)
