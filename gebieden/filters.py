import django_filters
from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kern.filters import NaamKeuzeFilter
from kern.formulieren import FilterForm

from .constants import OPEN_STATUSSEN, FocuspuntStatus, PartnerSoort
from .models import Focuspunt, Gebied, Partner, Persoon, Thema
from .models.woorden import soort_keuzes
from .periode import geldig_in_jaar_q


class GebiedFilter(django_filters.FilterSet):
    naam = django_filters.CharFilter(
        label=_("Naam of CBS-code"), method="filter_naam", lookup_expr="icontains"
    )
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=soort_keuzes, empty_label=_("Alle soorten")
    )
    jaar = django_filters.NumberFilter(
        label=_("Geldig in jaar"), method="filter_jaar", min_value=1900, max_value=2100
    )

    class Meta:
        model = Gebied
        form = FilterForm
        fields = ["naam", "soort", "jaar"]

    def filter_naam(self, queryset, name, value):
        return queryset.filter(Q(naam__icontains=value) | Q(cbs_code__icontains=value))

    def filter_jaar(self, queryset, name, value):
        return queryset.filter(geldig_in_jaar_q(int(value)))


class PersoonFilter(django_filters.FilterSet):
    naam = django_filters.CharFilter(label=_("Naam"), lookup_expr="icontains")

    class Meta:
        model = Persoon
        form = FilterForm
        fields = ["naam", "organisatie"]


class PartnerFilter(django_filters.FilterSet):
    naam = django_filters.CharFilter(label=_("Naam"), lookup_expr="icontains")
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=PartnerSoort.choices, empty_label=_("Alle soorten")
    )

    class Meta:
        model = Partner
        form = FilterForm
        fields = ["naam", "soort"]


class ThemaFilter(django_filters.FilterSet):
    naam = django_filters.CharFilter(label=_("Naam"), lookup_expr="icontains")

    class Meta:
        model = Thema
        form = FilterForm
        fields = ["naam", "actief"]


OPEN = "open"  # the status filter's choice for every open status (the dashboard links to it)


class FocuspuntVolgorde(django_filters.OrderingFilter):
    """A focus point without any update has waited longest: first when sorting by last update
    ascending (the dashboard's "waiting longest first"), last descending, on every database
    (PostgreSQL puts empty values last when ascending, SQLite first)."""

    def get_ordering_value(self, param):
        if param.lstrip("-") == "laatste_update":
            laatste = F("laatste_update")
            if param.startswith("-"):
                return laatste.desc(nulls_last=True)
            return laatste.asc(nulls_first=True)
        return super().get_ordering_value(param)


class FocuspuntFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken in titel en toelichting"), method="filter_q")
    gebied = NaamKeuzeFilter(
        label=_("Gebied"),
        queryset=Gebied.objects.exclude(soort="buurt").order_by("naam"),
        empty_label=_("Alle gebieden"),
    )
    jaar = django_filters.NumberFilter(
        label=_("Jaar"), method="filter_jaar", min_value=2000, max_value=2100
    )
    thema = NaamKeuzeFilter(
        label=_("Thema"), queryset=Thema.objects.all(), empty_label=_("Alle thema's")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (OPEN, _("Open (gepland, loopt, blijft aandachtspunt)")),
            *FocuspuntStatus.choices,
        ],
        empty_label=_("Alle statussen"),
        method="filter_status",
    )
    eigenaar = NaamKeuzeFilter(
        label=_("Eigenaar"), queryset=Persoon.objects.all(), empty_label=_("Iedereen")
    )
    mijn = django_filters.BooleanFilter(
        label=_("Alleen mijn gebieden"), method="filter_mijn", widget=forms.CheckboxInput
    )
    volgorde = FocuspuntVolgorde(
        label=_("Sorteren op"),
        fields=(
            ("gebied__naam", "gebied"),
            ("titel", "titel"),
            ("status", "status"),
            ("laatste_update", "laatste_update"),
            ("startjaar", "startjaar"),
        ),
        field_labels={
            "gebied__naam": _("gebied"),
            "titel": _("titel"),
            "status": _("status"),
            "laatste_update": _("laatste update"),
            "startjaar": _("startjaar"),
        },
        empty_label=_("Standaard (gebied, titel)"),
    )

    class Meta:
        model = Focuspunt
        form = FilterForm
        fields = ["q", "gebied", "jaar", "thema", "status", "eigenaar", "mijn"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(titel__icontains=value) | Q(toelichting__icontains=value))

    def filter_jaar(self, queryset, name, value):
        return queryset.in_jaar(int(value))

    def filter_status(self, queryset, name, value):
        if value == OPEN:
            return queryset.filter(status__in=OPEN_STATUSSEN)
        return queryset.filter(status=value)

    def filter_mijn(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(gebied__in=Gebied.objects.bewerkbaar_voor(self.request.user))
