"""The published page, kept whole in each process for a few seconds.

A published version never changes; which versions a year has changes only when one is published.
So the page is rendered once, with places left for what is personal (the header with the reader's
name and menu, and the messages), and kept for `BEWAARTIJD` seconds. A request then renders only
those two parts and asks the database nothing beyond what reading the user costs.

Publishing empties this process's store at once; other processes show the new version within
`BEWAARTIJD` seconds (micro-caching: a reader never waits, and no worker serves an old list for
longer than that).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from time import monotonic

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.template.loader import render_to_string

BEWAARTIJD = 5.0  # seconds
PLAATS_VAN_DE_KOP = "<!--persoonlijke-kop-->"
PLAATS_VAN_DE_MELDINGEN = "<!--meldingen-->"
PLAATS_VAN_DE_PARAGRAAF = "<!--opgeslagen-paragraaf-->"


@dataclass(frozen=True)
class BewaardePagina:
    """A rendered page cut where the personal parts go: `voor` + header + `tussen` + messages +
    `rest` (the rest holds the stored paragraph, megabytes for a large municipality)."""

    voor: bytes
    tussen: bytes
    rest: bytes
    bewaard_tot: float

    @classmethod
    def uit(cls, html: str, paragraaf: bytes) -> "BewaardePagina":
        voor, na = html.split(PLAATS_VAN_DE_KOP, 1)
        tussen, na = na.split(PLAATS_VAN_DE_MELDINGEN, 1)
        voor_paragraaf, na_paragraaf = na.split(PLAATS_VAN_DE_PARAGRAAF, 1)
        return cls(
            voor.encode(),
            tussen.encode(),
            b"".join([voor_paragraaf.encode(), paragraaf, na_paragraaf.encode()]),
            monotonic() + BEWAARTIJD,
        )

    def met(self, kop: str, meldingen: str) -> list[bytes]:
        return [self.voor, kop.encode(), self.tussen, meldingen.encode(), self.rest]

    @cached_property
    def voor_bezoekers(self) -> bytes:
        """The whole page for a visitor who is not logged in and has no messages: the same for
        every such visitor, so joined once."""
        kop = render_to_string(
            "includes/kop.html", {"user": AnonymousUser(), "gemeente_naam": settings.GEMEENTE_NAAM}
        )
        return b"".join(self.met(kop, meldingen=""))


_bewaard: dict[tuple[int, int | None], BewaardePagina] = {}


def bewaarde_pagina(
    jaar: int, versie: int | None, bouw: Callable[[], BewaardePagina]
) -> BewaardePagina:
    """The kept page of this year and version (None: the newest), built by `bouw` when there is
    none or it is older than `BEWAARTIJD`. `bouw` raises Http404 for what does not exist; that
    is not kept."""
    sleutel, nu = (jaar, versie), monotonic()
    pagina = _bewaard.get(sleutel)
    if pagina is None or pagina.bewaard_tot < nu:
        for verlopen, oud in list(_bewaard.items()):  # a copy: other threads may change it
            if oud.bewaard_tot < nu:
                _bewaard.pop(verlopen, None)  # megabytes each: keep only what was read lately
        pagina = _bewaard[sleutel] = bouw()
    return pagina


def vergeet_alles() -> None:
    _bewaard.clear()


def nieuwe_versie(sender, **kwargs):
    """A new version changes every page of its year (the version list, the notice on older
    versions): forget now, and again once committed, in case a request in between kept the old."""
    vergeet_alles()
    transaction.on_commit(vergeet_alles)
