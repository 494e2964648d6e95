"""The municipality's settings screen (coordinators), and its logo and colours for every page."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView

from kern import historie
from kern.huisstijl import Huisstijl
from kern.mixins import CoordinatorVereistMixin
from kern.versie import GelijktijdigGewijzigd

from ..constants import GebiedSoort
from ..inrichtformulieren import GemeenteForm, VolgordeForm
from ..instellingen import bewaar_gemeente, gemeente, opgeslagen, zet_volgorde
from ..models import Gebied, Gemeente
from ..volgorde import in_volgorde


class GemeenteInstellingenView(CoordinatorVereistMixin, FormView):
    template_name = "gebieden/gemeente.html"
    form_class = GemeenteForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = opgeslagen() or Gemeente()
        return kwargs

    def get_success_url(self):
        return reverse("gebieden:gemeente")

    def get_context_data(self, **kwargs):
        records = Gemeente.history.select_related("history_user")
        return super().get_context_data(
            titel=_("Gemeente-instellingen"),
            regels=historie.regels(Gemeente, records, ["naam"]),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            bewaar_gemeente(formulier=form, versie=form.cleaned_data.get("versie"))
        except GelijktijdigGewijzigd as conflict:
            huidig = conflict.huidig or Gemeente()
            messages.error(
                self.request,
                _(
                    "Iemand anders heeft de gemeente-instellingen intussen gewijzigd. Uw "
                    "wijziging is niet opgeslagen; hieronder staat de opgeslagen stand naast "
                    "wat u invulde."
                ),
            )
            data = self.request.POST.copy()
            data["versie"] = huidig.versie
            nieuw = GemeenteForm(data=data, files=self.request.FILES, instance=huidig)
            context = self.get_context_data(
                form=nieuw, huidige_stand=nieuw.opgeslagen_stand(huidig)
            )
            return self.render_to_response(context, status=409)
        messages.success(self.request, _("De gemeente-instellingen zijn opgeslagen."))
        return HttpResponseRedirect(self.get_success_url())


class GemeenteLogoView(View):
    """The sanitised logo (public: it is in the header of the published paragraph too)."""

    def get(self, request):
        rij = gemeente()
        if not rij.logo:
            raise Http404
        soort = "image/svg+xml" if rij.logo.name.endswith(".svg") else "image/png"
        antwoord = FileResponse(rij.logo.open("rb"), content_type=soort)
        antwoord["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        antwoord["X-Content-Type-Options"] = "nosniff"
        antwoord["Cache-Control"] = "public, max-age=300"
        return antwoord


class VolgordeView(CoordinatorVereistMixin, FormView):
    """The municipality's own order of its areas, as numbers in one table."""

    template_name = "gebieden/volgorde.html"

    def gebieden(self):
        soorten = {
            *gemeente().rapportsoorten,
            GebiedSoort.GEBIED,
            GebiedSoort.WIJK,
            GebiedSoort.DORP,
        }
        vandaag = timezone.localdate()
        return in_volgorde(Gebied.objects.filter(soort__in=soorten).exclude(geldig_tot__lt=vandaag))

    def get_form(self, form_class=None):
        return VolgordeForm(gebieden=self.gebieden(), **self.get_form_kwargs())

    def get_context_data(self, **kwargs):
        return super().get_context_data(titel=_("Volgorde van de gebieden"), **kwargs)

    def form_valid(self, form):
        try:
            aantal = zet_volgorde(plaatsen=form.plaatsen())
        except GelijktijdigGewijzigd as conflict:
            messages.error(
                self.request,
                _(
                    "Iemand anders heeft intussen %(gebied)s gewijzigd. Er is niets opgeslagen; "
                    "hieronder staat de volgorde zoals die nu is, met wat u invulde. Sla "
                    "opnieuw op om uw volgorde te bewaren."
                )
                % {"gebied": conflict.huidig or _("een gebied")},
            )
            data = self.request.POST.copy()
            gebieden = self.gebieden()
            for gebied in gebieden:
                data[f"versie_{gebied.pk}"] = gebied.versie
            nieuw = VolgordeForm(data=data, gebieden=gebieden)
            context = self.get_context_data(form=nieuw, huidige_stand=True)
            return self.render_to_response(context, status=409)
        messages.success(
            self.request,
            ngettext(
                "De volgorde is opgeslagen (%(aantal)s gebied gewijzigd).",
                "De volgorde is opgeslagen (%(aantal)s gebieden gewijzigd).",
                aantal,
            )
            % {"aantal": aantal},
        )
        return HttpResponseRedirect(reverse("gebieden:volgorde"))


class GemeenteHuisstijlView(View):
    """The municipality's colours as design tokens (public, as the logo: the published paragraph
    uses them). Its address carries the colours, so it may be kept for a day."""

    def get(self, request):
        rij = gemeente()
        huisstijl = Huisstijl(rij.hoofdkleur, rij.linkkleur)
        antwoord = render(
            request,
            "gebieden/huisstijl.css",
            {"tokens": huisstijl.tokens().items()},
            content_type="text/css; charset=utf-8",
        )
        antwoord["Cache-Control"] = "public, max-age=86400"
        return antwoord
