"""The municipality's own order of its areas, in the paragraph and in every table of figures:
first the areas with a place of their own (`Gebied.volgorde`, 1 first), then the others by kind
as the municipality ranks its kinds (`Gemeente.soortvolgorde`), then by name."""

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import Lower

from .instellingen import gemeente


def _rang() -> dict[str, int]:
    return {soort: rang for rang, soort in enumerate(gemeente().soortvolgorde)}


def in_volgorde(gebieden: QuerySet) -> QuerySet:
    """`gebieden` sorted in the municipality's order, by the database."""
    rang = _rang()
    return gebieden.order_by(
        F("volgorde").asc(nulls_last=True),
        Case(
            *(When(soort=soort, then=Value(r)) for soort, r in rang.items()),
            default=Value(len(rang)),
            output_field=IntegerField(),
        ),
        Lower("naam"),
        "pk",
    )


def sorteersleutel():
    """A key function for areas already loaded: the same order as `in_volgorde`."""
    rang = _rang()

    def sleutel(gebied) -> tuple:
        return (
            gebied.volgorde is None,
            gebied.volgorde or 0,
            rang.get(gebied.soort, len(rang)),
            gebied.naam.lower(),
            gebied.pk,
        )

    return sleutel
