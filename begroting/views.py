from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from gebieden.mixins import CoordinatorVereistMixin
from gebieden.permissions import is_coordinator, is_financien

from .forms import posten_formset
from .models import Begrotingsjaar
from .overzicht import jaaroverzicht
from .services import (
    GelijktijdigOpgeslagen,
    bewaar_posten,
    heropen_jaar,
    maak_volgend_jaar,
    sluit_jaar,
)


def mag_cijfers_wijzigen(user) -> bool:
    return is_coordinator(user) or is_financien(user)


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


class FinancienMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Only financial staff and coordinators change figures."""

    def test_func(self):
        return mag_cijfers_wijzigen(self.request.user)


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
        except GelijktijdigOpgeslagen:
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
        nieuw, aantal = maak_volgend_jaar(jaar=get_object_or_404(Begrotingsjaar, jaar=jaar))
        messages.success(
            request,
            _("%(aantal)s posten aangemaakt voor %(jaar)s.")
            % {"aantal": aantal, "jaar": nieuw.jaar},
        )
        return redirect("begroting:grid", jaar=nieuw.jaar)
