from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = _("Rapportage")

    def ready(self):
        from django.db.models.signals import post_save

        from . import bewaarde_pagina, paginaverwijzingen
        from .models import Publicatie

        paginaverwijzingen.versnel()
        post_save.connect(bewaarde_pagina.nieuwe_versie, sender=Publicatie)
