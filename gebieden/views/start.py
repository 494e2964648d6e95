from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.views.generic import TemplateView

from kern.rollen import is_coordinator, is_wijkambtenaar

from ..models import Gebied


class StartView(LoginRequiredMixin, TemplateView):
    """The landing page after login: the tasks of the user's roles, and their own areas."""

    template_name = "gebieden/start.html"

    def get(self, request, *args, **kwargs):
        if is_wijkambtenaar(request.user) and not is_coordinator(request.user):
            return redirect("gebieden:werkplek")  # the area official's day starts there
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mijn_gebieden"] = Gebied.objects.mijn_gebieden(self.request.user)
        return context
