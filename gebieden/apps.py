from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GebiedenConfig(AppConfig):
    name = "gebieden"
    verbose_name = _("Gebieden")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import aandacht
        from .models import Focuspunt, FocuspuntUpdate

        post_save.connect(aandacht.na_opslaan_focuspunt, sender=Focuspunt)
        post_save.connect(aandacht.na_opslaan_update, sender=FocuspuntUpdate)
        post_delete.connect(aandacht.na_verwijderen_update, sender=FocuspuntUpdate)
