"""The accessibility statement (toegankelijkheidsverklaring) that Dutch government websites must
publish: public, linked from every page's footer."""

from django.views.generic import TemplateView

from ..instellingen import gemeente


class ToegankelijkheidView(TemplateView):
    template_name = "toegankelijkheid.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=gemeente().toegankelijkheid_email, **kwargs)
