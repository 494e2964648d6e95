from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404
from django.views.generic import ListView, TemplateView

from gebieden.permissions import is_coordinator, is_financien

from .models import Begrotingsjaar
from .overzicht import jaaroverzicht


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
            **kwargs,
        )
