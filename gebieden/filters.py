import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.forms import FilterForm

from .constants import GebiedSoort, PartnerSoort
from .models import Gebied, Partner, Persoon, Thema
from .models.periode import geldig_in_jaar_q


class GebiedFilter(django_filters.FilterSet):
    naam = django_filters.CharFilter(
        label=_("Naam of CBS-code"), method="filter_naam", lookup_expr="icontains"
    )
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=GebiedSoort.choices, empty_label=_("Alle soorten")
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
