"""Platforms, visions and assignments of one area (/gebieden/<gebied_pk>/…)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import CreateView, DeleteView, UpdateView

from kern.mixins import BeheerFormMixin, BeschermdVerwijderenMixin, CoordinatorVereistMixin

from ..forms import PlatformForm, ToewijzingForm, VisieForm
from ..mixins import GebiedBewerkenMixin
from ..models import Platform, Toewijzing, Visie


class PlatformCreateView(GebiedBewerkenMixin, BeheerFormMixin, CreateView):
    model = Platform
    form_class = PlatformForm
    template_name = "beheer/form.html"


class PlatformUpdateView(GebiedBewerkenMixin, BeheerFormMixin, UpdateView):
    model = Platform
    verwijder_url_naam = "gebieden:platform_verwijderen"
    form_class = PlatformForm
    template_name = "beheer/form.html"


class PlatformDeleteView(GebiedBewerkenMixin, BeschermdVerwijderenMixin, DeleteView):
    model = Platform
    template_name = "beheer/bevestig_verwijderen.html"


class VisieCreateView(GebiedBewerkenMixin, BeheerFormMixin, CreateView):
    model = Visie
    form_class = VisieForm
    template_name = "beheer/form.html"


class VisieUpdateView(GebiedBewerkenMixin, BeheerFormMixin, UpdateView):
    model = Visie
    verwijder_url_naam = "gebieden:visie_verwijderen"
    form_class = VisieForm
    template_name = "beheer/form.html"


class VisieDeleteView(GebiedBewerkenMixin, BeschermdVerwijderenMixin, DeleteView):
    model = Visie
    template_name = "beheer/bevestig_verwijderen.html"


class VisieDocumentView(LoginRequiredMixin, View):
    """Serve an uploaded vision document to logged-in users only (it is not in the web root)."""

    def get(self, request, gebied_pk, pk):
        visie = get_object_or_404(Visie, pk=pk, gebied_id=gebied_pk)
        if not visie.document:
            raise Http404
        return FileResponse(
            visie.document.open("rb"),
            as_attachment=True,
            filename=visie.document_naam or visie.document.name.rsplit("/", 1)[-1],
        )


class ToewijzingFormMixin(GebiedBewerkenMixin, BeheerFormMixin):
    model = Toewijzing
    form_class = ToewijzingForm
    template_name = "beheer/form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "gebied": self.gebied}


class ToewijzingCreateView(CoordinatorVereistMixin, ToewijzingFormMixin, CreateView):
    pass


class ToewijzingUpdateView(CoordinatorVereistMixin, ToewijzingFormMixin, UpdateView):
    verwijder_url_naam = "gebieden:toewijzing_verwijderen"


class ToewijzingDeleteView(
    CoordinatorVereistMixin, GebiedBewerkenMixin, BeschermdVerwijderenMixin, DeleteView
):
    model = Toewijzing
    template_name = "beheer/bevestig_verwijderen.html"
