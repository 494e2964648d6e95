import uuid
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import CreateView, DeleteView, ListView, TemplateView, UpdateView

from kern.csvexport import csv_antwoord
from kern.historie import regels as historie_regels
from kern.mixins import BeheerFormMixin, CoordinatorVereistMixin, FinancienMixin
from kern.rollen import is_coordinator, mag_cijfers_wijzigen
from kern.versie import GelijktijdigGewijzigd

from .forms import (
    ImportForm,
    JaarOpenenForm,
    OpeningsreserveForm,
    gesloten_melding,
    posten_formset,
)
from .importeren import EXPORT_KOPPEN, OnleesbaarBestand, exporteer, lees_bestand, plan_import
from .models import Begrotingsjaar, Begrotingspost, Openingsreserve
from .overzicht import jaaroverzicht
from .services import (
    AlEenOpeningsreserve,
    Begin,
    Geopend,
    GeslotenJaren,
    ImportVerouderd,
    JaarBestaatAl,
    bewaar_openingsreserve,
    bewaar_posten,
    heropen_jaar,
    importeer,
    maak_volgend_jaar,
    open_jaar,
    sluit_jaar,
    verwijder_openingsreserve,
)


class DitJaarView(LoginRequiredMixin, View):
    """Where financial staff land: this year's budget, else the latest year, else the list of
    years (where the first one is opened)."""

    def get(self, request):
        jaren = Begrotingsjaar.objects.values_list("jaar", flat=True)
        dit_jaar = timezone.localdate().year
        if dit_jaar in jaren:
            return redirect("begroting:jaar", jaar=dit_jaar)
        if laatste := jaren.order_by("-jaar").first():
            return redirect("begroting:jaar", jaar=laatste)
        return redirect("begroting:jaren")


class JaarListView(LoginRequiredMixin, ListView):
    """The years; financial staff and coordinators open a new one here (the form posts to
    JaarOpenenView) and reach the opening reserves."""

    model = Begrotingsjaar
    template_name = "begroting/jaar_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if mag_cijfers_wijzigen(self.request.user):
            jaren = {j.jaar: j.gesloten for j in context["object_list"]}
            context.update(mag_wijzigen=True, form=JaarOpenenForm(jaren=jaren))
        return context


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
            # the page's error summary says that nothing was saved, and what to correct
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


class JaarBevestigenView(TemplateView):
    """A confirmation page of its own (templates/bevestigen.html) for an action on a year that
    is hard to undo: the year page links here, GET asks, the POST does it and redirects."""

    template_name = "bevestigen.html"

    def dispatch(self, request, *args, **kwargs):
        self.begrotingsjaar = get_object_or_404(Begrotingsjaar, jaar=kwargs["jaar"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if melding := self.niet_nodig():
            messages.info(request, melding)
            return redirect("begroting:jaar", jaar=self.begrotingsjaar.jaar)
        return super().get(request, *args, **kwargs)

    def niet_nodig(self) -> str | None:
        """Why there is nothing to confirm (the year is already as asked), if so."""
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            annuleer_url=reverse("begroting:jaar", args=[self.begrotingsjaar.jaar]),
            **self.vragen(self.begrotingsjaar.jaar),
            **kwargs,
        )

    def vragen(self, jaar: int) -> dict:
        """titel, vraag, gevolgen and knoptekst of the page."""
        raise NotImplementedError


class JaarSluitenView(FinancienMixin, JaarBevestigenView):
    def niet_nodig(self):
        if self.begrotingsjaar.gesloten:
            return _("%(jaar)s is al gesloten.") % {"jaar": self.begrotingsjaar.jaar}
        return None

    def vragen(self, jaar):
        return {
            "titel": _("%(jaar)s sluiten") % {"jaar": jaar},
            "vraag": _("Weet u zeker dat u %(jaar)s wilt sluiten?") % {"jaar": jaar},
            "gevolgen": [
                _(
                    "De cijfers van %(jaar)s worden niet meer gewijzigd: bewerken en inlezen "
                    "kan dan niet meer."
                )
                % {"jaar": jaar},
                _("Daarna kan alleen een coördinator het jaar heropenen."),
            ],
            "knoptekst": _("Ja, %(jaar)s sluiten") % {"jaar": jaar},
        }

    def post(self, request, jaar):
        sluit_jaar(jaar=self.begrotingsjaar)
        messages.success(
            request, _("%(jaar)s is gesloten; de cijfers liggen nu vast.") % {"jaar": jaar}
        )
        return redirect("begroting:jaar", jaar=jaar)


class JaarHeropenenView(CoordinatorVereistMixin, JaarBevestigenView):
    def niet_nodig(self):
        if not self.begrotingsjaar.gesloten:
            return _("%(jaar)s is al open.") % {"jaar": self.begrotingsjaar.jaar}
        return None

    def vragen(self, jaar):
        return {
            "titel": _("%(jaar)s heropenen") % {"jaar": jaar},
            "vraag": _("Weet u zeker dat u %(jaar)s wilt heropenen?") % {"jaar": jaar},
            "gevolgen": [
                _(
                    "De cijfers van %(jaar)s kunnen dan weer worden gewijzigd, door financiën "
                    "en coördinatoren."
                )
                % {"jaar": jaar},
                _("Dat u het jaar heropent, wordt vastgelegd in de geschiedenis."),
                _("Sluit het jaar weer als de cijfers kloppen."),
            ],
            "knoptekst": _("Ja, %(jaar)s heropenen") % {"jaar": jaar},
        }

    def post(self, request, jaar):
        heropen_jaar(jaar=self.begrotingsjaar)
        messages.success(
            request,
            _("%(jaar)s is heropend; dat is vastgelegd in de geschiedenis.") % {"jaar": jaar},
        )
        return redirect("begroting:jaar", jaar=jaar)


class VolgendJaarView(FinancienMixin, JaarBevestigenView):
    """Next year's lines from this year's in one action from the year page; opens the next
    year when needed, as the form on the year list does (services.maak_volgend_jaar)."""

    def niet_nodig(self):
        volgend = self.begrotingsjaar.jaar + 1
        if Begrotingsjaar.objects.filter(jaar=volgend, gesloten=True).exists():
            return _("%(jaar)s is gesloten; er kunnen geen posten bij.") % {"jaar": volgend}
        return None

    def vragen(self, jaar):
        volgend = jaar + 1
        bestaat = Begrotingsjaar.objects.filter(jaar=volgend).exists()
        gevolgen = [
            _(
                "%(volgend)s bestaat al: de posten van %(jaar)s die het nog niet heeft, komen "
                "erbij; de posten die het al heeft, blijven zoals ze zijn."
            )
            if bestaat
            else _("%(volgend)s wordt geopend met de posten van %(jaar)s."),
            _(
                "De begroting na wijziging van %(jaar)s wordt de begroting van %(volgend)s; de "
                "realisatie begint leeg."
            ),
            _("Posten van gebieden die in %(volgend)s niet meer bestaan, worden niet overgenomen."),
        ]
        return {
            "titel": _("Posten voor %(jaar)s aanmaken") % {"jaar": volgend},
            "vraag": _("Wilt u de posten van %(jaar)s overnemen in %(volgend)s?")
            % {"jaar": jaar, "volgend": volgend},
            "gevolgen": [g % {"jaar": jaar, "volgend": volgend} for g in gevolgen],
            "knoptekst": _("Ja, posten voor %(jaar)s aanmaken") % {"jaar": volgend},
            "gewoon": True,  # adds lines, undone by deleting them: no red button
        }

    def post(self, request, jaar):
        try:
            geopend = maak_volgend_jaar(jaar=self.begrotingsjaar, door=request.user)
        except GelijktijdigGewijzigd:
            messages.error(
                request,
                _("%(jaar)s is gesloten; er zijn geen posten aangemaakt.") % {"jaar": jaar + 1},
            )
            return redirect("begroting:jaar", jaar=jaar)
        except GeslotenJaren as fout:
            messages.error(request, gesloten_melding(fout.jaren))
            return redirect("begroting:jaar", jaar=jaar)
        melding = ngettext(
            "%(aantal)s post aangemaakt voor %(jaar)s.",
            "%(aantal)s posten aangemaakt voor %(jaar)s.",
            geopend.aantal,
        ) % {"aantal": geopend.aantal, "jaar": geopend.jaar.jaar}
        messages.success(request, " ".join([melding, *overgeslagen_melding(geopend)]))
        return redirect("begroting:grid", jaar=geopend.jaar.jaar)


IMPORT_SESSIE = "begroting_import"
MAX_IMPORTBESTAND = 10 * 1024 * 1024


class ImportView(FinancienMixin, TemplateView):
    """Upload → preview (nothing written) → confirm (everything or nothing).

    The file is read as a stream and refused as soon as it passes the row limit
    (kern.bestanden); a valid file waits for the confirmation in private storage under a random
    name, with the chosen unit (euro or x € 1.000) in the session, and is read again then."""

    template_name = "begroting/import.html"

    def dispatch(self, request, *args, **kwargs):
        self.jaar = get_object_or_404(Begrotingsjaar, jaar=kwargs["jaar"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ImportForm())
        return super().get_context_data(begrotingsjaar=self.jaar, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.jaar.gesloten:
            raise PermissionDenied(_("Dit jaar is gesloten; importeren kan niet."))
        if "bevestig" in request.POST:
            return self.bevestig(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        bestand, eenheid = form.cleaned_data["bestand"], form.cleaned_data["eenheid"]
        if bestand.size > MAX_IMPORTBESTAND:
            return self.fout(_("Het bestand is groter dan 10 MB."), form=form)
        try:
            rijen = lees_bestand(bestand.name, bestand)
        except OnleesbaarBestand as fout:
            return self.fout(str(fout), form=form)
        plan = plan_import(self.jaar, rijen, eenheid=eenheid)
        if plan.geldig:
            bestand.seek(0)
            opslag = default_storage.save(
                f"imports/{uuid.uuid4().hex}{Path(bestand.name).suffix.lower()}", bestand
            )
            request.session[IMPORT_SESSIE] = {
                "jaar": self.jaar.jaar,
                "versie": plan.versie,
                "bestand": opslag,
                "naam": bestand.name,
                "eenheid": plan.eenheid,
            }
        return self.render_to_response(
            self.get_context_data(plan=plan, bestandsnaam=bestand.name, form=form),
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
        try:
            with default_storage.open(sessie["bestand"], "rb") as f:
                rijen = lees_bestand(sessie["naam"], f)
            plan = plan_import(self.jaar, rijen, eenheid=sessie.get("eenheid"))
            if not plan.geldig:
                # the areas changed since the preview: show what is wrong now
                return self.render_to_response(
                    self.get_context_data(plan=plan, bestandsnaam=sessie["naam"]), status=409
                )
            plan.versie = sessie["versie"]
            importeer(plan=plan, door=request.user)
        except OnleesbaarBestand as fout:
            return self.fout(str(fout))
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

    def fout(self, melding, status=400, form=None):
        context = self.get_context_data(bestandsfout=melding, **({"form": form} if form else {}))
        return self.render_to_response(context, status=status)


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


def overgeslagen_melding(geopend: Geopend) -> list[str]:
    """The sentence about lines not taken over, if any."""
    if not geopend.overgeslagen:
        return []
    return [
        ngettext(
            "%(aantal)s post van een gebied dat in %(jaar)s niet meer bestaat, is niet "
            "overgenomen.",
            "%(aantal)s posten van gebieden die in %(jaar)s niet meer bestaan, zijn niet "
            "overgenomen.",
            geopend.overgeslagen,
        )
        % {"aantal": geopend.overgeslagen, "jaar": geopend.jaar.jaar}
    ]


class JaarOpenenView(FinancienMixin, TemplateView):
    """Open a new year (empty, or with the previous year's lines). The form is on the year
    list; this page shows it again with what was typed when it was not right."""

    template_name = "begroting/jaar_openen.html"

    def formulier(self, data=None) -> JaarOpenenForm:
        jaren = dict(Begrotingsjaar.objects.values_list("jaar", "gesloten"))
        return JaarOpenenForm(data, jaren=jaren)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.formulier())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = self.formulier(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        jaar, begin = form.cleaned_data["jaar"], form.cleaned_data.get("begin", Begin.LEEG)
        try:
            geopend = open_jaar(jaar=jaar, begin=begin, door=request.user)
        except JaarBestaatAl:  # also when someone opened it a moment ago
            form.add_error(
                "jaar",
                _(
                    "%(jaar)s is al geopend (misschien zojuist door iemand anders); er is niets "
                    "veranderd."
                )
                % {"jaar": jaar},
            )
            return self.render_to_response(self.get_context_data(form=form), status=400)
        except GeslotenJaren as fout:
            form.add_error("jaar", gesloten_melding(fout.jaren))
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(request, geopend_melding(geopend, begin))
        return redirect("begroting:jaar", jaar=jaar)


def geopend_melding(geopend: Geopend, begin: str) -> str:
    jaar = geopend.jaar.jaar
    if geopend.van is None:
        return _("%(jaar)s is geopend, zonder posten.") % {"jaar": jaar}
    if begin == Begin.BEDRAGEN:
        zin = ngettext(
            "%(jaar)s is geopend met %(aantal)s post uit %(van)s, met de bedragen.",
            "%(jaar)s is geopend met %(aantal)s posten uit %(van)s, met de bedragen.",
            geopend.aantal,
        )
    else:
        zin = ngettext(
            "%(jaar)s is geopend met %(aantal)s post uit %(van)s, met lege bedragen.",
            "%(jaar)s is geopend met %(aantal)s posten uit %(van)s, met lege bedragen.",
            geopend.aantal,
        )
    zin %= {"jaar": jaar, "aantal": geopend.aantal, "van": geopend.van.jaar}
    return " ".join([zin, *overgeslagen_melding(geopend)])


class OpeningsreserveListView(FinancienMixin, ListView):
    """The opening reserve of every area that has one (at most one per area)."""

    model = Openingsreserve
    template_name = "begroting/openingsreserve_list.html"

    def get_queryset(self):
        return Openingsreserve.objects.select_related("gebied").order_by("gebied__naam")


class OpeningsreserveFormMixin(FinancienMixin, BeheerFormMixin):
    """Create and change an opening reserve through its service: the version check, and no
    change that would alter a closed year's reserve."""

    model = Openingsreserve
    form_class = OpeningsreserveForm
    template_name = "beheer/form.html"
    success_url = reverse_lazy("begroting:openingsreserves")
    verwijder_url_naam = "begroting:openingsreserve_verwijderen"

    def form_valid(self, form):
        try:
            self.object = bewaar_openingsreserve(
                formulier=form, versie=form.cleaned_data.get("versie")
            )
        except GelijktijdigGewijzigd as conflict:
            return self.gelijktijdig(form, conflict.huidig)
        except GeslotenJaren as fout:
            form.add_error(None, gesloten_melding(fout.jaren))
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except AlEenOpeningsreserve:
            form.add_error(
                "gebied", _("Voor dit gebied is intussen al een openingsreserve vastgelegd.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, _("%(naam)s is opgeslagen.") % {"naam": self.object})
        return HttpResponseRedirect(self.get_success_url())


class OpeningsreserveCreateView(OpeningsreserveFormMixin, CreateView):
    pass


class OpeningsreserveUpdateView(OpeningsreserveFormMixin, UpdateView):
    def get_queryset(self):
        return Openingsreserve.objects.select_related("gebied")


class OpeningsreserveDeleteView(FinancienMixin, DeleteView):
    """Delete an opening reserve, unless a closed year counts it (services)."""

    model = Openingsreserve
    template_name = "beheer/bevestig_verwijderen.html"
    success_url = reverse_lazy("begroting:openingsreserves")

    def get_queryset(self):
        return Openingsreserve.objects.select_related("gebied")

    def get_context_data(self, **kwargs):
        return super().get_context_data(annuleer_url=self.success_url, **kwargs)

    def form_valid(self, form):
        naam = str(self.object)
        try:
            verwijder_openingsreserve(reserve=self.object)
        except GeslotenJaren as fout:
            messages.error(self.request, gesloten_melding(fout.jaren))
            return HttpResponseRedirect(self.success_url)
        messages.success(self.request, _("%(naam)s is verwijderd.") % {"naam": naam})
        return HttpResponseRedirect(self.success_url)
