from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Paragraaf, Publicatie


@admin.register(Paragraaf)
class ParagraafAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "nummer", "titel"]


@admin.register(Publicatie)
class PublicatieAdmin(admin.ModelAdmin):
    """Read only: a published version is never changed; a correction is a new version."""

    list_display = ["paragraaf", "versie", "gebouwd_op", "door"]
    exclude = ["html", "pdf", "data"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
