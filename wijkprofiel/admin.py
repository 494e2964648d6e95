"""Technical administration only: everything a municipality does has a page of its own."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Buurtindeling, Cijfertabel, Grensversie, Profielimport


@admin.register(Cijfertabel)
class CijfertabelAdmin(admin.ModelAdmin):
    list_display = ["tabel", "jaar", "bestandsnaam", "ingelezen_op"]


@admin.register(Grensversie)
class GrensversieAdmin(admin.ModelAdmin):
    list_display = ["jaar", "bestandsnaam", "stelsel", "ingelezen_op"]


@admin.register(Buurtindeling)
class BuurtindelingAdmin(SimpleHistoryAdmin):
    list_display = ["buurtcode", "gebied", "geldig_van", "geldig_tot"]
    list_filter = ["gebied"]


@admin.register(Profielimport)
class ProfielimportAdmin(admin.ModelAdmin):
    list_display = ["bestandsnaam", "soort", "status", "aangemaakt_op"]
    exclude = ["plan"]
