"""Who may see and change an initiative. Officials change initiatives in their own areas,
coordinators in all; decisions and accountability need the coordinator role."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from gebieden.query import kan_gebied_bewerken
from kern.mixins import WerkplekMixin
from kern.rollen import is_coordinator

from ..models import Initiatief
from ..query import met_details


def weiger_ander_gebied(request, gebieden) -> None:
    """A posted area the user may not change is refused outright (403), not as a form error."""
    gekozen = request.POST.get("gebied", "")
    if gekozen.isdigit() and not gebieden.filter(pk=int(gekozen)).exists():
        raise PermissionDenied(_("U mag geen initiatieven in dit gebied vastleggen."))


class InitiatiefMixin(WerkplekMixin):
    """Loads the initiative; writes need its area, or the coordinator role where
    `alleen_coordinator` (decisions and accountability). The page of a form (`schrijfpagina`)
    needs that right for GET as well: who may not post it, is not shown it."""

    alleen_coordinator = False
    schrijfpagina = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.initiatief = get_object_or_404(met_details(Initiatief.objects.all()), pk=kwargs["pk"])
        self.mag_bewerken = kan_gebied_bewerken(request.user, self.initiatief.gebied)
        self.mag_beslissen = is_coordinator(request.user)
        if request.method == "POST" or self.schrijfpagina:
            toegestaan = self.mag_beslissen if self.alleen_coordinator else self.mag_bewerken
            if not toegestaan:
                raise PermissionDenied(_("U mag dit initiatief niet wijzigen."))
        return super().dispatch(request, *args, **kwargs)
