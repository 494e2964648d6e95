from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Begrotingsjaar, Begrotingspost, Openingsreserve


@admin.register(Begrotingsjaar)
class BegrotingsjaarAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "gesloten"]


@admin.register(Begrotingspost)
class BegrotingspostAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "jaar", "gebied", "begroting_na_wijziging", "realisatie"]
    list_filter = ["jaar"]
    search_fields = ["naam", "gebied__naam", "taakveld"]
    autocomplete_fields = ["gebied"]


@admin.register(Openingsreserve)
class OpeningsreserveAdmin(SimpleHistoryAdmin):
    list_display = ["gebied", "bedrag", "ingangsjaar", "vrij_na"]
    search_fields = ["gebied__naam"]
    autocomplete_fields = ["gebied"]
