from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernConfig(AppConfig):
    """What every app shares: forms in NL Design System style, Dutch notation, CSV export,
    pagination, roles and their mixins, history display and the optimistic version check."""

    name = "kern"
    verbose_name = _("Kern")
