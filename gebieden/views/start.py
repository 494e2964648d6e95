from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from ..models import Gebied


class StartView(LoginRequiredMixin, TemplateView):
    """The landing page after login: the tasks of the user's roles, and their own areas."""

    template_name = "gebieden/start.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mijn_gebieden"] = Gebied.objects.mijn_gebieden(self.request.user)
        return context
