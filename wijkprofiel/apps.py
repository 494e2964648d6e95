from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkprofielConfig(AppConfig):
    name = "wijkprofiel"
    verbose_name = _("Wijkprofiel")
