"""QuerySets: reads and row filtering for the gebieden app."""

import datetime

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from kern.rollen import is_coordinator, is_wijkambtenaar

from .periode import geldig_in_jaar_q, geldig_op_q


class GebiedQuerySet(models.QuerySet):
    def geldig_op(self, datum: datetime.date):
        return self.filter(geldig_op_q(datum))

    def geldig_in_jaar(self, jaar: int):
        return self.filter(geldig_in_jaar_q(jaar))

    def met_omgeving(self):
        """Prefetch what the area page and the overview need, in a fixed number of queries."""
        return self.select_related("ouder").prefetch_related(
            "platforms", "visies", "toewijzingen__persoon__organisatie"
        )

    def mijn_gebieden(self, user):
        """Areas `user` is assigned to today, in any role."""
        if not user.is_authenticated:
            return self.none()
        toewijzing = apps.get_model("gebieden", "Toewijzing")
        mijn = (
            toewijzing.objects.geldig_op(timezone.localdate())
            .filter(persoon__gebruiker=user)
            .values("gebied_id")
        )
        return self.filter(pk__in=mijn)

    def bewerkbaar_voor(self, user):
        """Areas `user` may change: all for a coordinator; for a wijkambtenaar the areas they
        are assigned to today, and the areas (wijken, buurten) below those."""
        if is_coordinator(user):
            return self.all()
        if not is_wijkambtenaar(user):
            return self.none()
        mijn = self.mijn_gebieden(user).values("pk")
        return self.filter(Q(pk__in=mijn) | Q(ouder_id__in=mijn) | Q(ouder__ouder_id__in=mijn))


class ToewijzingQuerySet(models.QuerySet):
    def geldig_op(self, datum: datetime.date):
        return self.filter(geldig_op_q(datum))

    def geldig_in_jaar(self, jaar: int):
        return self.filter(geldig_in_jaar_q(jaar))


class FocuspuntQuerySet(models.QuerySet):
    def in_jaar(self, jaar: int):
        """Focus points that had attention in `jaar`: started by then, with a status by the end
        of it (or no timeline at all yet, e.g. made in the admin), and not already done or
        dropped at the end of the year before (unless picked up again in `jaar`). Read from the
        stored runs of years (gebieden/aandacht.py), which a database joins in one pass."""
        periode = apps.get_model("gebieden", "Aandachtsperiode")
        return self.filter(
            Exists(
                periode.objects.filter(focuspunt=OuterRef("pk"), van__lte=jaar).filter(
                    Q(tot__isnull=True) | Q(tot__gte=jaar)
                )
            )
        )


def kan_gebied_bewerken(user, gebied) -> bool:
    """May `user` change `gebied` (see `GebiedQuerySet.bewerkbaar_voor`)?"""
    gebieden = apps.get_model("gebieden", "Gebied").objects
    return gebieden.bewerkbaar_voor(user).filter(pk=gebied.pk).exists()
