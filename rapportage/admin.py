from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Opdracht, Paragraaf, Publicatie


@admin.register(Paragraaf)
class ParagraafAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "nummer", "titel"]


@admin.register(Publicatie)
class PublicatieAdmin(admin.ModelAdmin):
    """Read only: a published version is never changed; a correction is a new version."""

    list_display = ["paragraaf", "versie", "gebouwd_op", "door"]
    exclude = ["html_bestand", "pdf_bestand", "data"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Opdracht)
class OpdrachtAdmin(admin.ModelAdmin):
    """Read only: the jobs are the record of what was published by whom and what failed."""

    list_display = ["paragraaf", "soort", "status", "aangevraagd_op", "door"]
    list_filter = ["soort", "status"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
