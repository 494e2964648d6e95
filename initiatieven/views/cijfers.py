"""The figures page: per area, for a year, initiatives, applications, amounts and reach."""

from django.utils import timezone
from django.views.generic import TemplateView

from kern.mixins import WerkplekMixin

from ..overzicht import cijfers_per_gebied


class CijfersView(WerkplekMixin, TemplateView):
    """Per area, for a year: initiatives, applications, amounts and reach."""

    template_name = "initiatieven/cijfers.html"

    def get_context_data(self, **kwargs):
        try:
            jaar = int(self.request.GET.get("jaar", timezone.localdate().year))
        except ValueError:
            jaar = timezone.localdate().year
        jaar = min(max(jaar, 2000), 2100)
        return super().get_context_data(jaar=jaar, cijfers=cijfers_per_gebied(jaar), **kwargs)
