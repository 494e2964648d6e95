"""View mixins every app's views share: the role checks, and the create, update and delete
screens of things a coordinator manages."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import services
from .formulieren import opgeslagen_stand
from .rollen import is_coordinator, is_werkplek_gebruiker, mag_cijfers_wijzigen
from .versie import GelijktijdigGewijzigd


class CoordinatorVereistMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Anonymous users go to the login page; logged-in users without the role get 403."""

    def test_func(self):
        return is_coordinator(self.request.user)


class WerkplekMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Coordinators and area officials only; council members and financial staff get 403."""

    def test_func(self):
        return is_werkplek_gebruiker(self.request.user)


class FinancienMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Only financial staff and coordinators change figures."""

    def test_func(self):
        return mag_cijfers_wijzigen(self.request.user)


class BeschermdVerwijderenMixin:
    """Deleting something other rows still depend on is refused with a clear Dutch message."""

    def form_valid(self, form):
        naam = str(self.object)
        try:
            services.verwijder(obj=self.object)
        except services.Beschermd as fout:
            messages.error(self.request, str(fout))
            return HttpResponseRedirect(self.get_geweigerd_url())
        messages.success(self.request, _("%(naam)s is verwijderd.") % {"naam": naam})
        return HttpResponseRedirect(self.get_success_url())

    def get_geweigerd_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(annuleer_url=self.get_geweigerd_url(), **kwargs)


class BeheerFormMixin:
    """Create and update forms: a Dutch title, a way back, and a message once saved."""

    annuleer_url = None
    verwijder_url_naam = None  # offered on the edit form when set

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        naam = capfirst(self.model._meta.verbose_name)
        if getattr(self, "object", None) and self.object.pk:
            context["titel"] = _("%(naam)s bewerken") % {"naam": self.object}
            if self.verwijder_url_naam:
                args = [self.kwargs[k] for k in ("gebied_pk", "pk") if k in self.kwargs]
                context["verwijder_url"] = reverse(self.verwijder_url_naam, args=args)
        else:
            context["titel"] = _("%(naam)s toevoegen") % {"naam": naam}
        context["annuleer_url"] = self.get_annuleer_url()
        return context

    def get_annuleer_url(self):
        if self.annuleer_url:
            return self.annuleer_url
        if getattr(self, "success_url", None):
            return str(self.success_url)  # also before the object exists (invalid create)
        return self.get_success_url()

    def form_valid(self, form):
        """Saved through kern.services; a row someone else saved in the meantime is not
        overwritten: the form comes back (409) with the saved values beside what was typed."""
        try:
            self.object = services.bewaar_formulier(
                formulier=form, versie=form.cleaned_data.get("versie")
            )
        except GelijktijdigGewijzigd as conflict:
            return self.gelijktijdig(form, conflict.huidig)
        messages.success(self.request, _("%(naam)s is opgeslagen.") % {"naam": self.object})
        return HttpResponseRedirect(self.get_success_url())

    def gelijktijdig(self, form, huidig):
        if huidig is None:
            messages.error(self.request, _("Dit is intussen door iemand anders verwijderd."))
            return HttpResponseRedirect(self.get_annuleer_url())
        messages.error(
            self.request,
            _(
                "Iemand anders heeft %(naam)s intussen gewijzigd. Uw wijziging is niet "
                "opgeslagen; hieronder staat de opgeslagen stand naast wat u invulde."
            )
            % {"naam": huidig},
        )
        kwargs = self.get_form_kwargs()
        kwargs["data"] = kwargs["data"].copy()
        kwargs["data"]["versie"] = huidig.versie  # saving again is now a deliberate choice
        nieuw = self.get_form_class()(**kwargs)
        self.object = huidig  # the title and links name the saved row, not what was typed
        context = self.get_context_data(form=nieuw, huidige_stand=opgeslagen_stand(nieuw, huidig))
        return self.render_to_response(context, status=409)
