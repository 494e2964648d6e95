from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Activiteit,
    Doel,
    Doeloordeel,
    Focuspunt,
    FocuspuntUpdate,
    Gebied,
    Partner,
    Persoon,
    Platform,
    Thema,
    Toewijzing,
    Visie,
)


class PlatformInline(admin.TabularInline):
    model = Platform
    extra = 0


class VisieInline(admin.TabularInline):
    model = Visie
    extra = 0
    fields = ["soort", "titel", "status", "vastgesteld_op", "geldig_tot", "compleet"]


class ToewijzingInline(admin.TabularInline):
    model = Toewijzing
    extra = 0
    autocomplete_fields = ["persoon"]


@admin.register(Gebied)
class GebiedAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "ouder", "cbs_code", "geldig_van", "geldig_tot"]
    list_filter = ["soort"]
    search_fields = ["naam", "cbs_code"]
    autocomplete_fields = ["ouder"]
    inlines = [PlatformInline, VisieInline, ToewijzingInline]


@admin.register(Thema)
class ThemaAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "actief"]
    search_fields = ["naam"]


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort"]
    list_filter = ["soort"]
    search_fields = ["naam"]


@admin.register(Persoon)
class PersoonAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "email", "organisatie", "gebruiker"]
    search_fields = ["naam", "email"]
    autocomplete_fields = ["organisatie"]


@admin.register(Toewijzing)
class ToewijzingAdmin(SimpleHistoryAdmin):
    list_display = ["persoon", "rol", "gebied", "waarnemend", "geldig_van", "geldig_tot"]
    list_filter = ["rol", "waarnemend"]
    search_fields = ["persoon__naam", "gebied__naam"]
    autocomplete_fields = ["persoon", "gebied"]


@admin.register(Platform)
class PlatformAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "gebied", "ondersteund_van", "ondersteund_tot"]
    list_filter = ["soort"]
    search_fields = ["naam", "gebied__naam"]


@admin.register(Visie)
class VisieAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "soort", "gebied", "status", "vastgesteld_op"]
    list_filter = ["soort", "status"]
    search_fields = ["titel", "gebied__naam"]


class DoeloordeelInline(admin.TabularInline):
    model = Doeloordeel
    extra = 0
    fields = ["jaar", "oordeel", "toelichting"]


@admin.register(Doel)
class DoelAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "visie", "van_jaar", "tot_jaar"]
    list_filter = ["van_jaar"]
    search_fields = ["titel", "omschrijving", "visie__titel", "visie__gebied__naam"]
    list_select_related = ["visie"]
    autocomplete_fields = ["visie"]
    inlines = [DoeloordeelInline]


class FocuspuntUpdateInline(admin.TabularInline):
    model = FocuspuntUpdate
    extra = 0
    readonly_fields = ["aangemaakt_op"]


@admin.register(Focuspunt)
class FocuspuntAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "gebied", "thema", "status", "startjaar", "in_paragraaf"]
    list_filter = ["status", "thema", "startjaar", "in_paragraaf"]
    search_fields = ["titel", "toelichting", "gebied__naam"]
    autocomplete_fields = ["gebied", "eigenaar", "partner", "doel"]
    inlines = [FocuspuntUpdateInline]


@admin.register(Activiteit)
class ActiviteitAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "soort", "gebied", "omschrijving"]
    list_filter = ["soort"]
    search_fields = ["omschrijving", "gebied__naam"]
    autocomplete_fields = ["gebied", "focuspunt"]
