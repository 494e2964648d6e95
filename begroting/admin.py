from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Begrotingsjaar, Begrotingspost


@admin.register(Begrotingsjaar)
class BegrotingsjaarAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "gesloten"]


@admin.register(Begrotingspost)
class BegrotingspostAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "jaar", "gebied", "begroting_na_wijziging", "realisatie"]
    list_filter = ["jaar"]
    search_fields = ["naam", "gebied__naam", "taakveld"]
    autocomplete_fields = ["gebied"]
