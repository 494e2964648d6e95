"""The view mixin for the rule "only my areas" (the role mixins are in kern.mixins)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from .models import Gebied
from .query import kan_gebied_bewerken


class GebiedBewerkenMixin(LoginRequiredMixin):
    """For views under /gebieden/<gebied_pk>/…: the area must be one the user may change.

    Checked on every request method, so a POST to another area's URL is refused with 403
    before anything is read from the form.
    """

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not kan_gebied_bewerken(request.user, self.gebied):
            raise PermissionDenied(_("U mag dit gebied niet wijzigen."))
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def gebied(self) -> Gebied:
        return get_object_or_404(Gebied, pk=self.kwargs["gebied_pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(gebied=self.gebied, **kwargs)

    def get_queryset(self):
        """Objects of this area only: a pk of another area's object gives 404."""
        return super().get_queryset().filter(gebied=self.gebied)

    def form_valid(self, form):
        if hasattr(form, "instance"):  # model forms; a delete view's form has none
            form.instance.gebied = self.gebied
        return super().form_valid(form)

    def get_success_url(self):
        return self.gebied.get_absolute_url()
