from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BegrotingConfig(AppConfig):
    name = "begroting"
    verbose_name = _("Begroting")
