"""The screens of what a coordinator manages (people, partners, themes, schemes): a filterable
list, and create, update and delete views built from a model and its form."""

from django.urls import reverse_lazy
from django.views.generic import CreateView, DeleteView, UpdateView
from django_filters.views import FilterView

from .mixins import BeheerFormMixin, BeschermdVerwijderenMixin, CoordinatorVereistMixin


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
