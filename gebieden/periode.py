"""Validity periods (van/tot, both optional) of areas, platforms and assignments: the filters,
checks and database constraint every such model and query uses."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def geldig_op_q(datum: datetime.date, van: str = "geldig_van", tot: str = "geldig_tot") -> Q:
    """Rows whose period contains `datum` (an open end counts as unbounded)."""
    return (Q(**{f"{van}__isnull": True}) | Q(**{f"{van}__lte": datum})) & (
        Q(**{f"{tot}__isnull": True}) | Q(**{f"{tot}__gte": datum})
    )


def geldig_in_jaar_q(jaar: int, van: str = "geldig_van", tot: str = "geldig_tot") -> Q:
    """Rows whose period overlaps calendar year `jaar`."""
    return (Q(**{f"{van}__isnull": True}) | Q(**{f"{van}__lte": datetime.date(jaar, 12, 31)})) & (
        Q(**{f"{tot}__isnull": True}) | Q(**{f"{tot}__gte": datetime.date(jaar, 1, 1)})
    )


def in_periode(datum: datetime.date, van: datetime.date | None, tot: datetime.date | None) -> bool:
    return (van is None or van <= datum) and (tot is None or datum <= tot)


def controleer_periode(van, tot, veld_tot: str = "geldig_tot") -> None:
    if van and tot and tot < van:
        raise ValidationError({veld_tot: _("De einddatum ligt vóór de begindatum.")})


def periode_oplopend(naam: str, van: str = "geldig_van", tot: str = "geldig_tot"):
    """A database check that a period's end does not lie before its start."""
    return models.CheckConstraint(
        condition=Q(**{f"{tot}__isnull": True})
        | Q(**{f"{van}__isnull": True})
        | Q(**{f"{tot}__gte": models.F(van)}),
        name=naam,
        violation_error_message=_("De einddatum ligt vóór de begindatum."),
    )
