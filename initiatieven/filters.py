import django_filters
from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _

from gebieden.models import Gebied, Thema
from kern.filters import NaamKeuzeFilter
from kern.formulieren import FilterForm

from .constants import Doelgroep, InitiatiefStatus
from .models import Initiatief, Regeling


class InitiatiefFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken in titel en omschrijving"), method="filter_q")
    gebied = NaamKeuzeFilter(
        label=_("Gebied"),
        queryset=Gebied.objects.exclude(soort="buurt"),
        empty_label=_("Alle gebieden"),
    )
    jaar = django_filters.NumberFilter(
        label=_("Jaar"), method="filter_jaar", min_value=2000, max_value=2100
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=InitiatiefStatus.choices, empty_label=_("Alle statussen")
    )
    thema = NaamKeuzeFilter(
        label=_("Thema"), queryset=Thema.objects.all(), empty_label=_("Alle thema's")
    )
    regeling = NaamKeuzeFilter(
        label=_("Regeling"),
        queryset=Regeling.objects.all(),
        field_name="aanvragen__regeling",
        distinct=True,
        empty_label=_("Alle regelingen"),
    )
    doelgroep = django_filters.ChoiceFilter(
        label=_("Doelgroep"),
        choices=Doelgroep.choices,
        field_name="doelgroepen__doelgroep",
        distinct=True,
        empty_label=_("Alle doelgroepen"),
    )

    class Meta:
        model = Initiatief
        form = FilterForm
        fields = ["q", "gebied", "jaar", "status", "thema", "regeling", "doelgroep"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(titel__icontains=value) | Q(omschrijving__icontains=value))

    def filter_jaar(self, queryset, name, value):
        """Initiatives registered in that year (their first status), as the report counts them."""
        return queryset.annotate(geregistreerd=Min("overgangen__datum")).filter(
            geregistreerd__year=int(value)
        )


class RegelingFilter(django_filters.FilterSet):
    naam = django_filters.CharFilter(label=_("Naam"), lookup_expr="icontains")

    class Meta:
        model = Regeling
        form = FilterForm
        fields = ["naam"]
