from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse, reverse_lazy
from django.views.generic import CreateView, DeleteView, TemplateView, UpdateView
from django_filters.views import FilterView

from kern.mixins import BeheerFormMixin, BeschermdVerwijderenMixin, CoordinatorVereistMixin
from kern.rollen import is_coordinator

from ..filters import GebiedFilter
from ..forms import GebiedForm
from ..models import Gebied
from ..pagina import gebied_pagina_context


class GebiedListView(LoginRequiredMixin, FilterView):
    """All areas as a tree (gebied > wijk/dorp > buurt), filtered by name, kind and validity."""

    filterset_class = GebiedFilter
    template_name = "gebieden/gebied_list.html"

    def get_queryset(self):
        return Gebied.objects.select_related("ouder__ouder").order_by("naam")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boom"] = als_boom(list(context["object_list"]))
        context["mag_toevoegen"] = is_coordinator(self.request.user)
        return context


def als_boom(gebieden: list[Gebied]) -> list[tuple[Gebied, int]]:
    """Order areas depth-first under their parents; returns (area, depth) pairs.

    Areas whose parent is not in the list (filtered out) start a branch of their own.
    """
    aanwezig = {g.pk for g in gebieden}
    kinderen: dict[int | None, list[Gebied]] = {}
    for gebied in gebieden:
        ouder = gebied.ouder_id if gebied.ouder_id in aanwezig else None
        kinderen.setdefault(ouder, []).append(gebied)
    resultaat: list[tuple[Gebied, int]] = []

    def loop(ouder, diepte):
        for gebied in kinderen.get(ouder, []):
            resultaat.append((gebied, diepte))
            loop(gebied.pk, diepte + 1)

    loop(None, 0)
    return resultaat


class GebiedDetailView(LoginRequiredMixin, TemplateView):
    """The area page: what the area has today, in Dutch; for officials also the werkplek
    (signals, focus points with their timeline and update forms, activities)."""

    template_name = "gebieden/gebied_detail.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **gebied_pagina_context(self.request, self.kwargs["pk"]),
        }


class GebiedCreateView(CoordinatorVereistMixin, BeheerFormMixin, CreateView):
    model = Gebied
    form_class = GebiedForm
    template_name = "beheer/form.html"
    annuleer_url = reverse_lazy("gebieden:lijst")

    def get_initial(self):
        return {"ouder": self.request.GET.get("ouder")}


class GebiedUpdateView(CoordinatorVereistMixin, BeheerFormMixin, UpdateView):
    model = Gebied
    verwijder_url_naam = "gebieden:verwijderen"
    form_class = GebiedForm
    template_name = "beheer/form.html"


class GebiedDeleteView(CoordinatorVereistMixin, BeschermdVerwijderenMixin, DeleteView):
    model = Gebied
    template_name = "beheer/bevestig_verwijderen.html"
    success_url = reverse_lazy("gebieden:lijst")

    def get_geweigerd_url(self):
        return reverse("gebieden:detail", args=[self.object.pk])
