"""The coordinator's screen for a person's login account (see gebieden/accounts.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from kern.mixins import CoordinatorVereistMixin

from .. import accounts
from ..forms import AccountForm
from ..models import Persoon
from ..tasks import verstuur_uitnodiging

UITNODIGEN = "uitnodigen"


class PersoonAccountView(CoordinatorVereistMixin, View):
    template_name = "gebieden/persoon_account.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.test_func():  # others: login page or 403
            self.persoon = get_object_or_404(
                Persoon.objects.select_related("gebruiker"), pk=kwargs["pk"]
            )
            self.gebruiker = self.persoon.gebruiker
            if self.gebruiker is not None and self.gebruiker.is_superuser:
                raise PermissionDenied(_("Dit account wordt beheerd door technisch beheer."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        return self.toon(self.formulier(initial=self.beginwaarden()))

    def post(self, request, pk):
        if request.POST.get("actie") == UITNODIGEN:
            return self.uitnodigen()
        form = self.formulier(data=request.POST)
        if not form.is_valid():
            return self.toon(form, status=400)
        rollen = form.cleaned_data["rollen"]
        if self.gebruiker is None:
            if not self.persoon.email:
                form.add_error(None, self.zonder_email())
                return self.toon(form, status=400)
            try:
                gebruiker = accounts.maak_account(
                    persoon=self.persoon,
                    gebruikersnaam=form.cleaned_data["gebruikersnaam"],
                    rollen=rollen,
                )
            except accounts.AlEenAccount:
                messages.error(request, _("Deze persoon heeft intussen al een account."))
                return HttpResponseRedirect(request.path)
            except IntegrityError:  # the same name taken at the same moment
                form.add_error("gebruikersnaam", _("Deze gebruikersnaam is al in gebruik."))
                return self.toon(form, status=400)
            self.stuur(gebruiker)
            messages.success(
                request,
                _("Het account %(naam)s is gemaakt; de uitnodiging gaat per e-mail naar %(adres)s.")
                % {"naam": gebruiker.username, "adres": self.persoon.email},
            )
        else:
            try:
                accounts.wijzig_account(
                    gebruiker=self.gebruiker,
                    rollen=rollen,
                    actief=form.cleaned_data["actief"],
                    geopend_op=form.cleaned_data["stand"],
                )
            except accounts.AlGewijzigd:
                return self.toon_gewijzigd()
            messages.success(
                request,
                _("Het account %(naam)s is opgeslagen.") % {"naam": self.gebruiker.username},
            )
        return HttpResponseRedirect(request.path)

    def toon_gewijzigd(self):
        """Someone else changed the account meanwhile: show what holds now beside what was
        chosen; saving again applies the choice deliberately."""
        self.gebruiker.refresh_from_db()
        nu = self.gebruiker.groups.values_list("name", flat=True)
        messages.error(
            self.request,
            _(
                "Iemand anders heeft dit account intussen gewijzigd (nu: %(rollen)s; %(status)s). "
                "Uw wijziging is niet opgeslagen; hieronder staat wat u koos. Sla opnieuw op om "
                "het toch zo te zetten."
            )
            % {
                "rollen": ", ".join(sorted(nu)) or _("geen rol"),
                "status": _("mag inloggen") if self.gebruiker.is_active else _("geblokkeerd"),
            },
        )
        data = self.request.POST.copy()
        data["stand"] = accounts.stand(self.gebruiker)
        return self.toon(self.formulier(data=data), status=409)

    def uitnodigen(self):
        if self.gebruiker is None or not self.gebruiker.is_active:
            messages.error(
                self.request, _("Alleen een account dat mag inloggen kan een uitnodiging krijgen.")
            )
        elif not self.persoon.email:
            messages.error(self.request, self.zonder_email())
        else:
            self.stuur(self.gebruiker)
            messages.success(
                self.request,
                _("Een nieuwe uitnodiging gaat per e-mail naar %(adres)s.")
                % {"adres": self.persoon.email},
            )
        return HttpResponseRedirect(self.request.path)

    def stuur(self, gebruiker):
        verstuur_uitnodiging.enqueue(
            gebruiker.pk, self.persoon.email, self.request.build_absolute_uri("/")
        )

    @staticmethod
    def zonder_email():
        return _("Vul eerst een e-mailadres in bij deze persoon: de uitnodiging gaat per e-mail.")

    def beginwaarden(self):
        if self.gebruiker is None:
            return {"gebruikersnaam": self.persoon.email.partition("@")[0]}
        return {
            "rollen": list(self.gebruiker.groups.values_list("name", flat=True)),
            "actief": self.gebruiker.is_active,
            "stand": accounts.stand(self.gebruiker),
        }

    def formulier(self, **kwargs):
        return AccountForm(gebruiker=self.gebruiker, zelf=self.request.user, **kwargs)

    def toon(self, form, status=200):
        context = {
            "persoon": self.persoon,
            "gebruiker": self.gebruiker,
            "form": form,
            "uitnodigen": UITNODIGEN,
            "terug_url": reverse("gebieden:persoon_bewerken", args=[self.persoon.pk]),
        }
        return render(self.request, self.template_name, context, status=status)
