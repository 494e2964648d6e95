from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Aanvraag,
    Initiatief,
    InitiatiefDoelgroep,
    InitiatiefHulp,
    Initiatiefnemer,
    Regeling,
    StatusOvergang,
)


class NemerInline(admin.TabularInline):
    model = Initiatiefnemer
    extra = 0
    readonly_fields = ["contact_gewist_op"]


class OvergangInline(admin.TabularInline):
    model = StatusOvergang
    extra = 0


class DoelgroepInline(admin.TabularInline):
    model = InitiatiefDoelgroep
    extra = 0


class HulpInline(admin.TabularInline):
    model = InitiatiefHulp
    extra = 0


@admin.register(Initiatief)
class InitiatiefAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "gebied", "status"]
    list_filter = ["status"]
    search_fields = ["titel", "gebied__naam"]
    autocomplete_fields = ["gebied", "begeleiders"]
    inlines = [NemerInline, OvergangInline, DoelgroepInline, HulpInline]


@admin.register(Regeling)
class RegelingAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "maximum_per_aanvraag", "jaarbudget"]
    search_fields = ["naam"]


@admin.register(Aanvraag)
class AanvraagAdmin(SimpleHistoryAdmin):
    list_display = ["initiatief", "regeling", "bedrag_gevraagd", "besluit", "bedrag_toegekend"]
    list_filter = ["besluit", "regeling"]
    search_fields = ["initiatief__titel"]
    autocomplete_fields = ["initiatief"]
