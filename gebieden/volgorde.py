"""The municipality's own order of its areas, in the paragraph and in every table of figures:
first the areas with a place of their own (`Gebied.volgorde`, 1 first), then the others by kind
as the municipality ranks its kinds (`Gemeente.soortvolgorde`), then by name.

Sorted in Python, in one way for every list: a database sorts names by its own collation
(PostgreSQL's locale, SQLite's bytes), so the paragraph and the table would disagree."""

import unicodedata
from collections.abc import Iterable

from .instellingen import gemeente


def _naam(naam: str) -> str:
    """A name as it sorts: without accents and case (Élst beside Elst, not after Zegveld)."""
    ontleed = unicodedata.normalize("NFKD", naam.casefold())
    return "".join(teken for teken in ontleed if not unicodedata.combining(teken))


def sorteersleutel():
    """A key function for areas (or anything with volgorde, soort, naam and pk)."""
    rang = {soort: r for r, soort in enumerate(gemeente().soortvolgorde)}

    def sleutel(gebied) -> tuple:
        return (
            gebied.volgorde is None,
            gebied.volgorde or 0,
            rang.get(gebied.soort, len(rang)),
            _naam(gebied.naam),
            gebied.pk,
        )

    return sleutel


def in_volgorde(gebieden: Iterable) -> list:
    """`gebieden` as a list in the municipality's order."""
    return sorted(gebieden, key=sorteersleutel())
