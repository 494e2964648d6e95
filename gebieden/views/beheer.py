"""Coordinator screens for people, partners and themes: a list and create/update/delete
(the generic screens of kern.beheer)."""

from kern.beheer import BeheerLijstView, beheer_views

from ..filters import PartnerFilter, PersoonFilter, ThemaFilter
from ..forms import PartnerForm, PersoonForm, ThemaForm
from ..models import Partner, Persoon, Thema


class PersoonListView(BeheerLijstView):
    model = Persoon
    filterset_class = PersoonFilter
    kolommen = ["naam", "email", "organisatie", "gebruiker"]
    url_prefix = "gebieden:persoon"

    def get_queryset(self):
        return Persoon.objects.select_related("organisatie", "gebruiker")


class PartnerListView(BeheerLijstView):
    model = Partner
    filterset_class = PartnerFilter
    kolommen = ["naam", "soort", "website"]
    url_prefix = "gebieden:partner"
    queryset = Partner.objects.all()


class ThemaListView(BeheerLijstView):
    model = Thema
    filterset_class = ThemaFilter
    kolommen = ["naam", "omschrijving", "actief"]
    url_prefix = "gebieden:thema"
    queryset = Thema.objects.all()


PersoonCreateView, PersoonUpdateView, PersoonDeleteView = beheer_views(
    Persoon, PersoonForm, "gebieden:persoon_lijst", {"account_url_naam": "gebieden:persoon_account"}
)
PartnerCreateView, PartnerUpdateView, PartnerDeleteView = beheer_views(
    Partner, PartnerForm, "gebieden:partner_lijst"
)
ThemaCreateView, ThemaUpdateView, ThemaDeleteView = beheer_views(
    Thema, ThemaForm, "gebieden:thema_lijst"
)
