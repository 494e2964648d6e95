"""Where each user lands, and the coordinator's overview of the management screens."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.views.generic import TemplateView

from kern.mixins import CoordinatorVereistMixin
from kern.rollen import is_coordinator, is_financien, is_raadslid, is_wijkambtenaar

# The first role a user has decides where their day starts.
LANDING = [
    (is_coordinator, "gebieden:werkplek"),
    (is_wijkambtenaar, "gebieden:werkplek"),
    (is_financien, "begroting:dit_jaar"),
    (is_raadslid, "rapportage:laatste"),
]


class StartView(LoginRequiredMixin, TemplateView):
    """`/` and the page after login: the coordinator and area official go to the werkplek,
    financial staff to this year's budget, a council member to the latest published paragraph.
    A user without a role yet is told so, and whom to ask."""

    template_name = "gebieden/start.html"

    def get(self, request, *args, **kwargs):
        for heeft_rol, bestemming in LANDING:
            if heeft_rol(request.user):
                return redirect(bestemming)
        return super().get(request, *args, **kwargs)


class BeheerView(CoordinatorVereistMixin, TemplateView):
    """The management screens in one place, so the main menu needs only one item for them."""

    template_name = "gebieden/beheer.html"
