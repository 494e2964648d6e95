"""The coordinator's screens for the subsidy schemes: the generic management list and forms."""

from kern.beheer import BeheerLijstView, beheer_views

from ..filters import RegelingFilter
from ..forms import RegelingForm
from ..models import Regeling


class RegelingListView(BeheerLijstView):
    model = Regeling
    filterset_class = RegelingFilter
    kolommen = ["naam", "maximum_per_aanvraag", "jaarbudget", "begrotingspost_naam"]
    url_prefix = "initiatieven:regeling"
    queryset = Regeling.objects.all()


RegelingCreateView, RegelingUpdateView, RegelingDeleteView = beheer_views(
    Regeling, RegelingForm, "initiatieven:regeling_lijst"
)
