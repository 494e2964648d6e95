"""The list of initiatives with the warnings of schemes and applications, and its CSV export."""

from decimal import Decimal

from django.utils import timezone
from django_filters.views import FilterView

from kern.csvexport import csv_antwoord
from kern.mixins import WerkplekMixin
from kern.paginering import IdsEerstPaginator

from ..filters import InitiatiefFilter
from ..models import Initiatief, Regeling
from ..overzicht import uitgegeven_per_regeling
from ..query import met_details
from ..waarschuwingen import (
    aanvraag_waarschuwingen,
    aanvragen_met_waarschuwing,
    regeling_waarschuwingen,
)

WAARSCHUWINGEN_OP_LIJST = 10


class InitiatiefListView(WerkplekMixin, FilterView):
    filterset_class = InitiatiefFilter
    template_name = "initiatieven/initiatief_list.html"
    paginate_by = 25
    paginator_class = IdsEerstPaginator

    def get_queryset(self):
        return met_details(Initiatief.objects.all()).order_by("-aangemaakt_op", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        regelingen = regeling_waarschuwingen(
            list(Regeling.objects.all()), vandaag.year, uitgegeven_per_regeling(vandaag.year)
        )
        aanvragen = (
            aanvragen_met_waarschuwing(vandaag)
            .select_related("initiatief")
            .order_by("ontvangen_op", "pk")
        )
        # A large municipality can have thousands; the oldest come first, the rest on request.
        if self.request.GET.get("waarschuwingen") == "alle":
            context["waarschuwingen"] = regelingen + aanvraag_waarschuwingen(aanvragen, vandaag)
        else:
            eerste = aanvragen[:WAARSCHUWINGEN_OP_LIJST]
            context["waarschuwingen"] = (regelingen + aanvraag_waarschuwingen(eerste, vandaag))[
                :WAARSCHUWINGEN_OP_LIJST
            ]
        context["aantal_waarschuwingen"] = len(regelingen) + aanvragen.count()
        return context

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("export") == "csv":
            return self.csv(self.object_list)
        return super().render_to_response(context, **kwargs)

    def csv(self, initiatieven):
        """Without personal data: initiators' names and contacts stay in the application."""
        return csv_antwoord(
            f"initiatieven-{timezone.localdate().isoformat()}.csv",
            CSV_KOPPEN,
            (csv_rij(i) for i in initiatieven),
        )


CSV_KOPPEN = [
    "Gebied",
    "Titel",
    "Thema",
    "Status",
    "Jaar",
    "Deelnemers",
    "Doelgroepen",
    "Gevraagd",
    "Toegekend",
    "Vastgesteld",
]


def csv_rij(initiatief) -> list:
    aanvragen = list(initiatief.aanvragen.all())
    return [
        initiatief.gebied.naam,
        initiatief.titel,
        initiatief.thema and str(initiatief.thema),
        initiatief.get_status_display(),
        initiatief.jaar,
        initiatief.deelnemers,
        ", ".join(str(d) for d in initiatief.doelgroepen.all()),
        sum((a.bedrag_gevraagd for a in aanvragen), Decimal("0.00")),
        sum((a.bedrag_toegekend or 0 for a in aanvragen), Decimal("0.00")),
        sum((a.bedrag_vastgesteld or 0 for a in aanvragen), Decimal("0.00")),
    ]
