"""Goals of a vision or agenda and their judgement per year, each form on a page of its own
(/gebieden/<gebied_pk>/…), for whoever may change the area."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from kern.formulieren import opgeslagen_stand
from kern.versie import GelijktijdigGewijzigd

from .. import doelen
from ..forms import DoelForm, OordeelForm
from ..mixins import GebiedBewerkenMixin
from ..models import Doel, Doeloordeel, Visie
from .werkplek import veilig_terug


class DoelPaginaMixin(GebiedBewerkenMixin):
    """What the goal pages share: the way back (`?terug=`, else the goal's place on the area
    page) and rendering with the area in the context."""

    template_name = "gebieden/doel_form.html"

    def terug_url(self, doel_pk: int | None = None) -> str:
        anker = f"#doel-{doel_pk}" if doel_pk else "#visies"
        return veilig_terug(self.request) or f"{self.gebied.get_absolute_url()}{anker}"

    def toon(self, context: dict, status: int = 200):
        context = {"gebied": self.gebied, "terug": veilig_terug(self.request), **context}
        return render(self.request, self.template_name, context, status=status)


class BestaandDoelMixin(DoelPaginaMixin):
    @cached_property
    def doel(self) -> Doel:
        """Looked up after the area check, within the area: another area's goal gives 404."""
        return get_object_or_404(
            Doel.objects.select_related("visie"), pk=self.kwargs["pk"], visie__gebied=self.gebied
        )


class DoelToevoegenView(DoelPaginaMixin, View):
    @cached_property
    def visie(self) -> Visie:
        return get_object_or_404(Visie, pk=self.kwargs["visie_pk"], gebied=self.gebied)

    def get(self, request, gebied_pk, visie_pk):
        return self.formulier(DoelForm(visie=self.visie))

    def post(self, request, gebied_pk, visie_pk):
        form = DoelForm(request.POST, visie=self.visie)
        if not form.is_valid():
            return self.formulier(form, status=400)
        doel = doelen.maak_doel(visie=self.visie, **form.cleaned_data)
        messages.success(request, _("Doel „%(titel)s” is toegevoegd.") % {"titel": doel.titel})
        return HttpResponseRedirect(self.terug_url(doel.pk))

    def formulier(self, form, status=200):
        return self.toon(
            {
                "form": form,
                "visie": self.visie,
                "titel": _("Doel toevoegen"),
                "knoptekst": _("Doel toevoegen"),
                "annuleer_url": self.terug_url(),
            },
            status,
        )


class DoelWijzigenView(BestaandDoelMixin, View):
    def get(self, request, gebied_pk, pk):
        return self.formulier(DoelForm(instance=self.doel, visie=self.doel.visie))

    def post(self, request, gebied_pk, pk):
        form = DoelForm(request.POST, instance=self.doel, visie=self.doel.visie)
        if not form.is_valid():
            return self.formulier(form, status=400)
        velden = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
        try:
            doelen.wijzig_doel(doel=self.doel, versie=form.cleaned_data.get("versie"), **velden)
        except GelijktijdigGewijzigd as conflict:
            huidig = conflict.huidig
            if huidig is None:
                messages.error(request, _("Dit doel is intussen verwijderd."))
                return HttpResponseRedirect(self.terug_url())
            messages.error(
                request,
                _(
                    "Iemand anders heeft het doel „%(titel)s” intussen gewijzigd. Uw wijziging "
                    "is niet opgeslagen; hieronder staat de opgeslagen stand naast wat u invulde."
                )
                % {"titel": huidig.titel},
            )
            data = request.POST.copy()
            data["versie"] = huidig.versie  # saving again is now a deliberate choice
            nieuw = DoelForm(data, instance=huidig, visie=huidig.visie)
            return self.formulier(nieuw, status=409, huidige_stand=opgeslagen_stand(nieuw, huidig))
        messages.success(request, _("Doel „%(titel)s” is opgeslagen.") % {"titel": self.doel})
        return HttpResponseRedirect(self.terug_url(self.doel.pk))

    def formulier(self, form, status=200, huidige_stand=None):
        return self.toon(
            {
                "form": form,
                "visie": self.doel.visie,
                "doel": self.doel,
                "titel": _("Doel wijzigen"),
                "knoptekst": _("Opslaan"),
                "annuleer_url": self.terug_url(self.doel.pk),
                "huidige_stand": huidige_stand,
                "verwijder_url": reverse(
                    "gebieden:doel_verwijderen", args=[self.gebied.pk, self.doel.pk]
                ),
            },
            status,
        )


class DoelVerwijderenView(BestaandDoelMixin, View):
    """Asks first (templates/bevestigen.html); refused with the reason while focus points are
    linked to the goal."""

    template_name = "gebieden/doel_verwijderen.html"

    def get(self, request, gebied_pk, pk):
        return self.vraag()

    def post(self, request, gebied_pk, pk):
        versie = request.POST.get("versie")
        versie = int(versie) if versie and versie.isdigit() else None
        try:
            doelen.verwijder_doel(doel=self.doel, versie=versie)
        except doelen.DoelInGebruik as fout:
            messages.error(request, str(fout))
            return self.vraag(status=400)
        except GelijktijdigGewijzigd as conflict:
            if conflict.huidig is None:
                messages.error(request, _("Dit doel is intussen verwijderd."))
                return HttpResponseRedirect(self.terug_url())
            messages.error(
                request,
                _(
                    "Iemand anders heeft het doel intussen gewijzigd; het is niet verwijderd. "
                    "Bekijk de stand hieronder en bevestig opnieuw."
                ),
            )
            return self.vraag(status=409, doel=conflict.huidig)
        messages.success(request, _("Doel „%(titel)s” is verwijderd.") % {"titel": self.doel})
        return HttpResponseRedirect(self.terug_url())

    def vraag(self, status=200, doel=None):
        doel = doel or self.doel
        aantal = doel.focuspunten.count()
        gevolgen = [
            _("Ook de oordelen over het doel (per jaar) worden verwijderd."),
            _("Het doel verdwijnt uit de paragraaf; een gepubliceerde versie blijft zoals ze is."),
        ]
        if aantal:
            gevolgen.insert(
                0,
                _(
                    "Er zijn nog %(aantal)s focuspunten aan dit doel gekoppeld; zolang dat zo is, "
                    "kan het niet worden verwijderd."
                )
                % {"aantal": aantal},
            )
        return self.toon(
            {
                "doel": doel,
                "titel": _("Doel „%(titel)s” verwijderen") % {"titel": doel.titel},
                "vraag": _(
                    "Weet u zeker dat u het doel „%(titel)s” van „%(visie)s” wilt verwijderen?"
                )
                % {"titel": doel.titel, "visie": doel.visie.titel},
                "gevolgen": gevolgen,
                "knoptekst": _("Ja, doel verwijderen"),
                "annuleer_url": self.terug_url(doel.pk),
            },
            status,
        )


class DoelOordeelView(BestaandDoelMixin, View):
    """The judgement of a goal for a year (`?jaar=`, else the usual year: the one just ended
    in January and February, the current one later), with the judgements given before."""

    template_name = "gebieden/doel_oordeel.html"

    def get(self, request, gebied_pk, pk):
        jaar = request.GET.get("jaar", "")
        if jaar.isdigit():
            jaar = int(jaar)
        else:  # the usual year, within the goal's period
            jaar = doelen.standaard_oordeeljaar()
            if self.doel.tot_jaar is not None:
                jaar = min(jaar, self.doel.tot_jaar)
            jaar = max(jaar, self.doel.van_jaar)
        bestaand = self.doel.oordelen.filter(jaar=jaar).first()
        initial = {"jaar": jaar, "geopend_jaar": jaar, "versie": None}
        if bestaand:
            initial.update(
                oordeel=bestaand.oordeel, toelichting=bestaand.toelichting, versie=bestaand.versie
            )
        return self.formulier(OordeelForm(initial=initial, doel=self.doel))

    def post(self, request, gebied_pk, pk):
        form = OordeelForm(request.POST, doel=self.doel)
        if not form.is_valid():
            return self.formulier(form, status=400)
        jaar = form.cleaned_data["jaar"]
        try:
            oordeel = doelen.geef_oordeel(
                doel=self.doel,
                jaar=jaar,
                oordeel=form.cleaned_data["oordeel"],
                toelichting=form.cleaned_data["toelichting"],
                versie=form.gezien_versie(),
            )
        except ValidationError as fout:  # the form checks the same; kept for a race
            for veld, fouten in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
            return self.formulier(form, status=400)
        except GelijktijdigGewijzigd as conflict:
            return self.gelijktijdig(form, conflict.huidig)
        messages.success(
            request,
            _("Het oordeel over „%(titel)s” in %(jaar)s is opgeslagen: %(oordeel)s.")
            % {"titel": self.doel.titel, "jaar": jaar, "oordeel": oordeel.get_oordeel_display()},
        )
        return HttpResponseRedirect(self.terug_url(self.doel.pk))

    def gelijktijdig(self, form, huidig: Doeloordeel | None):
        request = self.request
        if huidig is None:
            messages.error(request, _("Dit doel is intussen verwijderd."))
            return HttpResponseRedirect(self.terug_url())
        if form.cleaned_data.get("geopend_jaar") != huidig.jaar:  # the user chose that year
            melding = _(
                "Over %(jaar)s is al een oordeel gegeven. Uw oordeel is niet opgeslagen; "
                "hieronder staat het opgeslagen oordeel naast wat u koos. Sla opnieuw op om het "
                "te vervangen."
            )
        else:
            melding = _(
                "Iemand anders heeft intussen een oordeel over %(jaar)s gegeven. Uw oordeel is "
                "niet opgeslagen; hieronder staat het opgeslagen oordeel naast wat u koos. "
                "Sla opnieuw op om het te vervangen."
            )
        messages.error(request, melding % {"jaar": huidig.jaar})
        data = request.POST.copy()
        data["versie"], data["geopend_jaar"] = huidig.versie, huidig.jaar
        nieuw = OordeelForm(data, doel=self.doel)
        stand = [
            (_("Jaar"), huidig.jaar),
            (_("Oordeel"), huidig.get_oordeel_display()),
            (_("Toelichting"), huidig.toelichting),
        ]
        return self.formulier(nieuw, status=409, huidige_stand=stand)

    def formulier(self, form, status=200, huidige_stand=None):
        return self.toon(
            {
                "form": form,
                # a goal that starts in a year still to come cannot be judged yet: say so
                "nog_niet": self.doel.van_jaar > timezone.localdate().year,
                "doel": self.doel,
                "visie": self.doel.visie,
                "oordelen": self.doel.oordelen.order_by("-jaar"),
                "huidige_stand": huidige_stand,
                "annuleer_url": self.terug_url(self.doel.pk),
            },
            status,
        )
