import uuid
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from kern.csvexport import csv_antwoord
from kern.historie import regels as historie_regels
from kern.mixins import CoordinatorVereistMixin, FinancienMixin
from kern.rollen import is_coordinator, mag_cijfers_wijzigen
from kern.versie import GelijktijdigGewijzigd

from .forms import posten_formset
from .importeren import EXPORT_KOPPEN, OnleesbaarBestand, exporteer, lees_bestand, plan_import
from .models import Begrotingsjaar, Begrotingspost
from .overzicht import jaaroverzicht
from .services import (
    ImportVerouderd,
    bewaar_posten,
    heropen_jaar,
    importeer,
    maak_volgend_jaar,
    sluit_jaar,
)


class JaarListView(LoginRequiredMixin, ListView):
    model = Begrotingsjaar
    template_name = "begroting/jaar_list.html"


class JaarDetailView(LoginRequiredMixin, TemplateView):
    """Budget, realisation and result per area for one year, with the reserve and signals."""

    template_name = "begroting/jaar_detail.html"

    def get_context_data(self, **kwargs):
        jaar = get_object_or_404(Begrotingsjaar, jaar=self.kwargs["jaar"])
        overzicht = jaaroverzicht(jaar.jaar)
        return super().get_context_data(
            begrotingsjaar=jaar,
            overzicht=overzicht,
            overschreden=[p for g in overzicht.gebieden for p in g.overschreden],
            vervalt=[g for g in overzicht.gebieden if g.reserve and g.reserve.vervalt_dit_jaar],
            mag_wijzigen=mag_cijfers_wijzigen(self.request.user),
            mag_heropenen=is_coordinator(self.request.user),
            **kwargs,
        )


class GridView(FinancienMixin, TemplateView):
    """All lines of a year in one grid; saved all-or-nothing, with a version check."""

    template_name = "begroting/grid.html"

    def dispatch(self, request, *args, **kwargs):
        self.jaar = get_object_or_404(Begrotingsjaar, jaar=kwargs["jaar"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.toon(posten_formset(self.jaar) if not self.jaar.gesloten else None)

    def post(self, request, *args, **kwargs):
        if self.jaar.gesloten:
            raise PermissionDenied(
                _("Dit jaar is gesloten; de cijfers kunnen niet meer veranderen.")
            )
        formset = posten_formset(self.jaar, request.POST)
        if not formset.is_valid():
            messages.error(request, _("Er is niets opgeslagen. Verbeter de gemarkeerde cellen."))
            return self.toon(formset, status=400)
        try:
            bewaar_posten(
                jaar=self.jaar, formset=formset, versie=int(request.POST.get("versie", 0))
            )
        except GelijktijdigGewijzigd:
            messages.error(
                request,
                _(
                    "Iemand anders heeft de cijfers van %(jaar)s intussen opgeslagen. Uw "
                    "wijzigingen zijn niet opgeslagen; hieronder staan de opgeslagen cijfers en "
                    "wat u invulde."
                )
                % {"jaar": self.jaar.jaar},
            )
            self.jaar.refresh_from_db()
            return self.toon(formset, status=409, huidige=jaaroverzicht(self.jaar.jaar))
        messages.success(
            request, _("De cijfers van %(jaar)s zijn opgeslagen.") % {"jaar": self.jaar.jaar}
        )
        return redirect("begroting:jaar", jaar=self.jaar.jaar)

    def toon(self, formset, status=200, huidige=None):
        context = self.get_context_data(begrotingsjaar=self.jaar, formset=formset, huidige=huidige)
        return self.render_to_response(context, status=status)


class JaarSluitenView(FinancienMixin, View):
    def post(self, request, jaar):
        sluit_jaar(jaar=get_object_or_404(Begrotingsjaar, jaar=jaar))
        messages.success(
            request, _("%(jaar)s is gesloten; de cijfers liggen nu vast.") % {"jaar": jaar}
        )
        return redirect("begroting:jaar", jaar=jaar)


class JaarHeropenenView(CoordinatorVereistMixin, View):
    def post(self, request, jaar):
        heropen_jaar(jaar=get_object_or_404(Begrotingsjaar, jaar=jaar))
        messages.success(
            request,
            _("%(jaar)s is heropend; dat is vastgelegd in de geschiedenis.") % {"jaar": jaar},
        )
        return redirect("begroting:jaar", jaar=jaar)


class VolgendJaarView(FinancienMixin, View):
    def post(self, request, jaar):
        try:
            nieuw, aantal = maak_volgend_jaar(jaar=get_object_or_404(Begrotingsjaar, jaar=jaar))
        except GelijktijdigGewijzigd:
            messages.error(
                request,
                _("%(jaar)s is gesloten; er zijn geen posten aangemaakt.") % {"jaar": jaar + 1},
            )
            return redirect("begroting:jaar", jaar=jaar)
        messages.success(
            request,
            _("%(aantal)s posten aangemaakt voor %(jaar)s.")
            % {"aantal": aantal, "jaar": nieuw.jaar},
        )
        return redirect("begroting:grid", jaar=nieuw.jaar)


IMPORT_SESSIE = "begroting_import"
MAX_IMPORTBESTAND = 10 * 1024 * 1024


class ImportView(FinancienMixin, TemplateView):
    """Upload → preview (nothing written) → confirm (everything or nothing)."""

    template_name = "begroting/import.html"

    def dispatch(self, request, *args, **kwargs):
        self.jaar = get_object_or_404(Begrotingsjaar, jaar=kwargs["jaar"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(begrotingsjaar=self.jaar, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.jaar.gesloten:
            raise PermissionDenied(_("Dit jaar is gesloten; importeren kan niet."))
        if "bevestig" in request.POST:
            return self.bevestig(request)
        bestand = request.FILES.get("bestand")
        if bestand is None:
            return self.fout(_("Kies een bestand."))
        if bestand.size > MAX_IMPORTBESTAND:
            return self.fout(_("Het bestand is groter dan 10 MB."))
        inhoud = bestand.read()
        try:
            rijen = lees_bestand(bestand.name, inhoud)
        except OnleesbaarBestand as fout:
            return self.fout(str(fout))
        plan = plan_import(self.jaar, rijen)
        if plan.geldig:
            opslag = default_storage.save(
                f"imports/{uuid.uuid4().hex}{Path(bestand.name).suffix.lower()}",
                ContentFile(inhoud),
            )
            request.session[IMPORT_SESSIE] = {
                "jaar": self.jaar.jaar,
                "versie": plan.versie,
                "bestand": opslag,
                "naam": bestand.name,
            }
        return self.render_to_response(
            self.get_context_data(plan=plan, bestandsnaam=bestand.name),
            status=200 if plan.geldig else 400,
        )

    def bevestig(self, request):
        sessie = request.session.get(IMPORT_SESSIE) or {}
        if sessie.get("jaar") != self.jaar.jaar or not default_storage.exists(
            sessie.get("bestand", "")
        ):
            return self.fout(
                _("Er is geen voorbeeld om te bevestigen; lees het bestand opnieuw in.")
            )
        with default_storage.open(sessie["bestand"], "rb") as f:
            rijen = lees_bestand(sessie["naam"], f.read())
        plan = plan_import(self.jaar, rijen)
        plan.versie = sessie["versie"]
        try:
            importeer(plan=plan, door=request.user)
        except ImportVerouderd:
            return self.fout(
                _(
                    "De cijfers van %(jaar)s zijn na het voorbeeld veranderd. Er is niets "
                    "ingelezen; lees het bestand opnieuw in."
                )
                % {"jaar": self.jaar.jaar},
                status=409,
            )
        finally:
            default_storage.delete(sessie["bestand"])
            request.session.pop(IMPORT_SESSIE, None)
        messages.success(
            request,
            _("Ingelezen: %(nieuw)s nieuwe en %(gewijzigd)s gewijzigde posten.")
            % {"nieuw": len(plan.nieuw), "gewijzigd": len(plan.gewijzigd)},
        )
        return redirect("begroting:jaar", jaar=self.jaar.jaar)

    def fout(self, melding, status=400):
        return self.render_to_response(self.get_context_data(bestandsfout=melding), status=status)


class ExportView(LoginRequiredMixin, View):
    def get(self, request, jaar):
        begrotingsjaar = get_object_or_404(Begrotingsjaar, jaar=jaar)
        return csv_antwoord(f"begroting-{jaar}.csv", EXPORT_KOPPEN, exporteer(begrotingsjaar))


class JaarGeschiedenisView(FinancienMixin, TemplateView):
    """Every change to a figure of the year: who, when, old → new."""

    template_name = "begroting/geschiedenis.html"

    def get_context_data(self, **kwargs):
        jaar = get_object_or_404(Begrotingsjaar, jaar=self.kwargs["jaar"])
        posten = Begrotingspost.history.filter(jaar_id=jaar.pk).select_related("history_user")
        jaren = Begrotingsjaar.history.filter(id=jaar.pk).select_related("history_user")
        lijst = sorted(
            [
                *historie_regels(Begrotingspost, posten, ["gebied", "naam"]),
                *historie_regels(Begrotingsjaar, jaren, ["jaar"]),
            ],
            key=lambda r: r.datum,
            reverse=True,
        )
        return super().get_context_data(begrotingsjaar=jaar, regels=lijst[:500], **kwargs)
