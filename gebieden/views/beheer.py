"""Coordinator screens for people, partners and themes: a list and create/update/delete."""

from django.urls import reverse_lazy
from django.views.generic import CreateView, DeleteView, UpdateView
from django_filters.views import FilterView

from ..filters import PartnerFilter, PersoonFilter, ThemaFilter
from ..forms import PartnerForm, PersoonForm, ThemaForm
from ..mixins import BeheerFormMixin, BeschermdVerwijderenMixin, CoordinatorVereistMixin
from ..models import Partner, Persoon, Thema


class BeheerLijstView(CoordinatorVereistMixin, FilterView):
    """A filterable, paginated table; `kolommen` names the fields shown, the first links."""

    template_name = "beheer/lijst.html"
    paginate_by = 50
    kolommen: list[str] = []
    url_prefix = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meta = self.model._meta
        context.update(
            titel=meta.verbose_name_plural,
            koppen=[meta.get_field(k).verbose_name for k in self.kolommen],
            kolommen=self.kolommen,
            toevoegen_url=reverse_lazy(f"{self.url_prefix}_nieuw"),
            bewerken_url=f"{self.url_prefix}_bewerken",
            verwijderen_url=f"{self.url_prefix}_verwijderen",
        )
        return context


class PersoonListView(BeheerLijstView):
    model = Persoon
    filterset_class = PersoonFilter
    kolommen = ["naam", "email", "organisatie", "gebruiker"]
    url_prefix = "gebieden:persoon"

    def get_queryset(self):
        return Persoon.objects.select_related("organisatie", "gebruiker")


class PartnerListView(BeheerLijstView):
    model = Partner
    filterset_class = PartnerFilter
    kolommen = ["naam", "soort", "website"]
    url_prefix = "gebieden:partner"
    queryset = Partner.objects.all()


class ThemaListView(BeheerLijstView):
    model = Thema
    filterset_class = ThemaFilter
    kolommen = ["naam", "omschrijving", "actief"]
    url_prefix = "gebieden:thema"
    queryset = Thema.objects.all()


def beheer_views(model, form_class, lijst_url, extra_context=None):
    """The create, update and delete views of a coordinator-managed model; `extra_context`
    goes to the edit form."""
    attrs = {"model": model, "success_url": reverse_lazy(lijst_url)}
    create = type(
        f"{model.__name__}CreateView",
        (CoordinatorVereistMixin, BeheerFormMixin, CreateView),
        {**attrs, "form_class": form_class, "template_name": "beheer/form.html"},
    )
    update = type(
        f"{model.__name__}UpdateView",
        (CoordinatorVereistMixin, BeheerFormMixin, UpdateView),
        {
            **attrs,
            "form_class": form_class,
            "template_name": "beheer/form.html",
            "verwijder_url_naam": lijst_url.replace("_lijst", "_verwijderen"),
            "extra_context": extra_context,
        },
    )
    delete = type(
        f"{model.__name__}DeleteView",
        (CoordinatorVereistMixin, BeschermdVerwijderenMixin, DeleteView),
        {**attrs, "template_name": "beheer/bevestig_verwijderen.html"},
    )
    return create, update, delete


PersoonCreateView, PersoonUpdateView, PersoonDeleteView = beheer_views(
    Persoon, PersoonForm, "gebieden:persoon_lijst", {"account_url_naam": "gebieden:persoon_account"}
)
PartnerCreateView, PartnerUpdateView, PartnerDeleteView = beheer_views(
    Partner, PartnerForm, "gebieden:partner_lijst"
)
ThemaCreateView, ThemaUpdateView, ThemaDeleteView = beheer_views(
    Thema, ThemaForm, "gebieden:thema_lijst"
)
