"""The initiative's page, and the pages of what is done from it: a status change, an
application, a decision and the accountability.

Each of those four has a page of its own, opened from a button on the initiative's page: GET
shows the form, a refused post shows the same page again with what was typed (and the error
summary on top), a saved one goes back to the initiative (post/redirect/get), so a reload never
meets a page that cannot be shown."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from kern.versie import GelijktijdigGewijzigd

from .. import services
from ..constants import TOEGEKENDE_BESLUITEN, Besluit
from ..forms import AanvraagForm, BesluitForm, StatusForm, VerantwoordingForm
from ..models import Aanvraag, Initiatief, StatusOvergang
from ..query import met_details
from ..waarschuwingen import aanvraag_waarschuwingen
from .toegang import InitiatiefMixin


def fouten_op_formulier(form, fout: ValidationError) -> None:
    """Show a service's Dutch refusal on the form, at the field it names (or on top)."""
    per_veld = fout.message_dict if hasattr(fout, "error_dict") else {None: fout.messages}
    for veld, meldingen in per_veld.items():
        for melding in meldingen:
            form.add_error(veld if veld in form.fields else None, melding)


class InitiatiefDetailView(InitiatiefMixin, View):
    """What is known of the initiative, with buttons to the pages of what the reader may do."""

    def get(self, request, pk):
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
        }
        return render(request, "initiatieven/initiatief_detail.html", context)


class FormulierPaginaView(InitiatiefMixin, View):
    """One form of the initiative on a page of its own (initiatieven/formulier.html)."""

    schrijfpagina = True
    titel = knoptekst = ""
    anker = ""  # the part of the initiative's page to go back to (none: the top, by the message)
    aanvraag = None

    def get(self, request, *args, **kwargs):
        return self.toon(self.leeg_formulier())

    def leeg_formulier(self):
        raise NotImplementedError

    def toon(self, form, status=200, *, zonder_formulier: str = ""):
        """The page; `zonder_formulier` says why there is nothing to fill in (instead of a form)."""
        context = {
            "initiatief": self.initiatief,
            "aanvraag": self.aanvraag,
            "form": None if zonder_formulier else form,
            "zonder_formulier": zonder_formulier,
            "titel": self.titel,
            "knoptekst": self.knoptekst,
            "terug_url": self.terug_url(),
        }
        return render(self.request, "initiatieven/formulier.html", context, status=status)

    def terug_url(self) -> str:
        return self.initiatief.get_absolute_url() + self.anker

    def klaar(self, melding: str):
        messages.success(self.request, melding)
        return HttpResponseRedirect(self.terug_url())


class StatusView(FormulierPaginaView):
    titel = gettext_lazy("Status bijwerken")
    knoptekst = gettext_lazy("Status opslaan")

    def leeg_formulier(self):
        return StatusForm()

    def post(self, request, pk):
        form = StatusForm(request.POST, instance=StatusOvergang(initiatief=self.initiatief))
        if not form.is_valid():
            return self.toon(form, status=400)
        services.wijzig_status(initiatief=self.initiatief, door=request.user, **form.cleaned_data)
        return self.klaar(_("De status is vastgelegd."))


class AanvraagView(FormulierPaginaView):
    titel = gettext_lazy("Aanvraag vastleggen")
    knoptekst = gettext_lazy("Aanvraag opslaan")
    anker = "#aanvragen"

    def leeg_formulier(self):
        return AanvraagForm()

    def post(self, request, pk):
        form = AanvraagForm(request.POST, instance=Aanvraag(initiatief=self.initiatief))
        if not form.is_valid():
            return self.toon(form, status=400)
        data = form.cleaned_data
        services.vraag_aan(
            initiatief=self.initiatief,
            regeling=data["regeling"],
            bedrag_gevraagd=data["bedrag_gevraagd"],
            ontvangen_op=data["ontvangen_op"],
        )
        return self.klaar(_("De aanvraag is vastgelegd."))


class AanvraagPaginaView(FormulierPaginaView):
    """A form on one of the initiative's applications, shown with how the application stands.
    Someone else changing it meanwhile is caught by its version: nothing is saved."""

    alleen_coordinator = True
    anker = "#aanvragen"

    def dispatch(self, request, *args, **kwargs):
        self.aanvraag_pk = kwargs["aanvraag_pk"]
        return super().dispatch(request, *args, **kwargs)

    def kies_aanvraag(self):
        """The application among the initiative's (loaded with it), or 404."""
        self.aanvraag = next(
            (a for a in self.initiatief.aanvragen.all() if a.pk == self.aanvraag_pk), None
        )
        if self.aanvraag is None:
            raise Http404(_("Deze aanvraag hoort niet bij dit initiatief."))

    def get(self, request, *args, **kwargs):
        self.kies_aanvraag()
        return super().get(request, *args, **kwargs)

    def gewijzigd(self, form, huidig):
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
            return HttpResponseRedirect(self.terug_url())
        data = self.request.POST.copy()
        data[form.add_prefix("versie")] = huidig.versie
        opnieuw = type(form)(data, prefix=form.prefix)
        opnieuw.is_valid()
        self.initiatief = get_object_or_404(
            met_details(Initiatief.objects.all()), pk=huidig.initiatief_id
        )
        self.kies_aanvraag()
        return self.toon(opnieuw, status=409)


class BesluitView(AanvraagPaginaView):
    titel = gettext_lazy("Besluiten over de aanvraag")
    knoptekst = gettext_lazy("Besluit vastleggen")

    def leeg_formulier(self):
        a = self.aanvraag
        eerder = (
            {"besluit": a.besluit, "besluit_op": a.besluit_op, "reden": a.besluit_reden}
            if a.besluit
            else {}
        )
        bedrag = a.bedrag_toegekend if a.besluit else a.bedrag_gevraagd
        return BesluitForm(
            prefix=f"besluit-{a.pk}",
            initial={"versie": a.versie, "bedrag_toegekend": bedrag, **eerder},
        )

    def post(self, request, pk, aanvraag_pk):
        self.kies_aanvraag()
        form = BesluitForm(request.POST, prefix=f"besluit-{self.aanvraag.pk}")
        if not form.is_valid():
            return self.toon(form, status=400)
        data = form.cleaned_data
        try:
            services.beslis(
                aanvraag=self.aanvraag,
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
            return self.toon(form, status=400)
        except services.BudgetWaarschuwing as waarschuwing:
            form.add_error("budget_bevestigd", str(waarschuwing))
            return self.toon(form, status=400)
        except GelijktijdigGewijzigd as conflict:
            return self.gewijzigd(form, conflict.huidig)
        return self.klaar(_("Het besluit is vastgelegd."))


class VerantwoordingView(AanvraagPaginaView):
    titel = gettext_lazy("Verantwoording vastleggen")
    knoptekst = gettext_lazy("Verantwoording opslaan")

    def leeg_formulier(self):
        a = self.aanvraag
        return VerantwoordingForm(
            prefix=f"verantwoording-{a.pk}",
            initial={"versie": a.versie, "bedrag_vastgesteld": a.bedrag_toegekend},
        )

    def toon(self, form, status=200, **kwargs):
        if self.aanvraag.besluit not in TOEGEKENDE_BESLUITEN:
            kwargs["zonder_formulier"] = (
                _("Deze aanvraag is afgewezen; er is niets te verantwoorden.")
                if self.aanvraag.besluit == Besluit.AFGEWEZEN
                else _(
                    "Over deze aanvraag is nog niet besloten. Een verantwoording legt u vast "
                    "nadat de subsidie is toegekend."
                )
            )
        return super().toon(form, status, **kwargs)

    def post(self, request, pk, aanvraag_pk):
        self.kies_aanvraag()
        form = VerantwoordingForm(request.POST, prefix=f"verantwoording-{self.aanvraag.pk}")
        if not form.is_valid():
            return self.toon(form, status=400)
        try:
            services.verantwoord(aanvraag=self.aanvraag, **form.cleaned_data)
        except ValidationError as fout:
            fouten_op_formulier(form, fout)
            return self.toon(form, status=400)
        except GelijktijdigGewijzigd as conflict:
            return self.gewijzigd(form, conflict.huidig)
        return self.klaar(_("De verantwoording is vastgelegd."))
