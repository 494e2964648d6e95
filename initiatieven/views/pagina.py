"""The initiative's page, and what is posted from it: a status change, an application, a
decision and the accountability. A refused post shows the page again with what was typed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from kern.versie import GelijktijdigGewijzigd

from .. import services
from ..forms import AanvraagForm, BesluitForm, StatusForm, VerantwoordingForm
from ..models import Aanvraag, Initiatief, StatusOvergang
from ..query import met_details
from ..waarschuwingen import aanvraag_waarschuwingen
from .toegang import InitiatiefMixin


class InitiatiefPaginaMixin(InitiatiefMixin):
    """Draws the initiative's page, with the forms the reader may use; a bound form passed in
    (after a refused post) takes the place of its empty one."""

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

    def naar_aanvragen(self):
        return HttpResponseRedirect(self.initiatief.get_absolute_url() + "#aanvragen")

    def aanvraag_gewijzigd(self, soort: str, form, huidig):
        """Someone else changed the application since the page was opened: nothing is saved.
        The page shows it as it is saved now (409) with what was typed still in the form,
        which now carries the new version, so saving again is a deliberate choice."""
        messages.error(
            self.request,
            _(
                "Iemand anders heeft deze aanvraag intussen gewijzigd. Er is niets opgeslagen; "
                "hieronder staat de nieuwe stand en wat u invulde."
            ),
        )
        if huidig is None:
            return self.naar_aanvragen()
        data = self.request.POST.copy()
        data[form.add_prefix("versie")] = huidig.versie
        opnieuw = type(form)(data, prefix=form.prefix)
        opnieuw.aanvraag_pk = form.aanvraag_pk
        opnieuw.is_valid()
        self.initiatief = get_object_or_404(
            met_details(Initiatief.objects.all()), pk=huidig.initiatief_id
        )
        return self.toon(status=409, **{soort: opnieuw})


def fouten_op_formulier(form, fout: ValidationError) -> None:
    """Show a service's Dutch refusal on the form, at the field it names (or on top)."""
    per_veld = fout.message_dict if hasattr(fout, "error_dict") else {None: fout.messages}
    for veld, meldingen in per_veld.items():
        for melding in meldingen:
            form.add_error(veld if veld in form.fields else None, melding)


class InitiatiefDetailView(InitiatiefPaginaMixin, View):
    def get(self, request, pk):
        return self.toon()


class StatusView(InitiatiefPaginaMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = StatusForm(request.POST, instance=StatusOvergang(initiatief=self.initiatief))
        if not form.is_valid():
            return self.toon(status=400, status_form=form)
        services.wijzig_status(initiatief=self.initiatief, door=request.user, **form.cleaned_data)
        messages.success(request, _("De status is vastgelegd."))
        return HttpResponseRedirect(self.initiatief.get_absolute_url())


class AanvraagView(InitiatiefPaginaMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = AanvraagForm(request.POST, instance=Aanvraag(initiatief=self.initiatief))
        if not form.is_valid():
            return self.toon(status=400, aanvraag_form=form)
        data = form.cleaned_data
        services.vraag_aan(
            initiatief=self.initiatief,
            regeling=data["regeling"],
            bedrag_gevraagd=data["bedrag_gevraagd"],
            ontvangen_op=data["ontvangen_op"],
        )
        messages.success(request, _("De aanvraag is vastgelegd."))
        return self.naar_aanvragen()


class BesluitView(InitiatiefPaginaMixin, View):
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
        except GelijktijdigGewijzigd as conflict:
            return self.aanvraag_gewijzigd("besluit_form", form, conflict.huidig)
        messages.success(request, _("Het besluit is vastgelegd."))
        return self.naar_aanvragen()


class VerantwoordingView(InitiatiefPaginaMixin, View):
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
        except GelijktijdigGewijzigd as conflict:
            return self.aanvraag_gewijzigd("verantwoording_form", form, conflict.huidig)
        messages.success(request, _("De verantwoording is vastgelegd."))
        return self.naar_aanvragen()
