"""The published page, built once and shared by every process through the cache.

A published version never changes; which versions a year has changes only when one is
published. So the page is rendered once, with places left for what is personal (the header with
the reader's name and menu, and the messages), and kept in the shared cache (Redis or the
database cache, settings.CACHES) under a key holding the year's newest version number. That
number is itself a cache entry, set by the process that publishes (a worker) as soon as the new
version is committed: the next request of every web process on every machine builds the new
page at once. A missing number is read from the database and only added, never overwritten, so
a reader that saw the old number cannot undo a publication.

The stored paragraph itself (megabytes for a large municipality) is not put through the cache:
it is an immutable file in storage, read once per process and kept by its file name.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils.translation import get_language

PLAATS_VAN_DE_KOP = "<!--persoonlijke-kop-->"
PLAATS_VAN_DE_MELDINGEN = "<!--meldingen-->"
PLAATS_VAN_DE_PARAGRAAF = "<!--opgeslagen-paragraaf-->"
BEWAARTIJD = 24 * 60 * 60  # seconds; the key changes with every publication anyway
# The newest version number is read again from the database this often at the latest (it is set
# at every publication; this only heals a cache that lost or mixed up an entry).
NIEUWSTE_BEWAARTIJD = 300


@dataclass(frozen=True)
class BewaardePagina:
    """A rendered page cut where the personal parts go: `voor` + header + `tussen` + messages +
    `na_meldingen` + the stored paragraph (file `paragraaf_bestand`) + `slot`."""

    voor: str
    tussen: str
    na_meldingen: str
    slot: str
    paragraaf_bestand: str
    sleutel: str  # what this page depends on: version shown and newest version (ETag)
    gewijzigd_op: str  # ISO moment of the newest version (Last-Modified)

    @classmethod
    def uit(cls, html: str, paragraaf_bestand: str, sleutel: str, gewijzigd_op: str):
        voor, na = html.split(PLAATS_VAN_DE_KOP, 1)
        tussen, na = na.split(PLAATS_VAN_DE_MELDINGEN, 1)
        na_meldingen, slot = na.split(PLAATS_VAN_DE_PARAGRAAF, 1)
        return cls(voor, tussen, na_meldingen, slot, paragraaf_bestand, sleutel, gewijzigd_op)

    def met(self, kop: str, meldingen: str) -> list[bytes]:
        return [
            (self.voor + kop + self.tussen + meldingen + self.na_meldingen).encode(),
            opgeslagen_paragraaf(self.paragraaf_bestand),
            self.slot.encode(),
        ]

    @property
    def voor_bezoekers(self) -> bytes:
        """The whole page for a visitor who is not logged in and has no messages: the same for
        every such visitor, so joined once per process."""
        return _voor_bezoekers(self)


@lru_cache(maxsize=8)
def opgeslagen_paragraaf(naam: str) -> bytes:
    """The frozen HTML of a version from storage; a file is never changed, so its name is the
    key (a restored database with other files never meets a stale entry)."""
    with default_storage.open(naam, "rb") as bestand:
        return bestand.read()


@lru_cache(maxsize=4)
def _voor_bezoekers(pagina: BewaardePagina) -> bytes:
    kop = render_to_string(
        "includes/kop.html", {"user": AnonymousUser(), "gemeente_naam": settings.GEMEENTE_NAAM}
    )
    return b"".join(pagina.met(kop, meldingen=""))


def sleutel_nieuwste(jaar: int) -> str:
    return f"rapportage:nieuwste:{jaar}"


def nieuwste_versie(jaar: int) -> int:
    """The newest published version of a year (0: none), as every process knows it."""
    versie = cache.get(sleutel_nieuwste(jaar))
    if versie is None:
        from .models import Publicatie

        versie = (
            Publicatie.objects.filter(paragraaf__jaar=jaar).aggregate(v=Max("versie"))["v"] or 0
        )
        cache.add(
            sleutel_nieuwste(jaar), versie, timeout=NIEUWSTE_BEWAARTIJD
        )  # never over a newer one
    return versie


def bewaarde_pagina(jaar: int, versie: int | None, bouw) -> BewaardePagina:
    """The page of this year and version (None: the newest) from the shared cache, built by
    `bouw()` when missing. `bouw` raises Http404 for what does not exist; that is not
    kept."""
    nieuwste = nieuwste_versie(jaar)
    sleutel = f"rapportage:pagina:{jaar}:{versie or 0}:{nieuwste}:{get_language()}"
    pagina = cache.get(sleutel)
    if pagina is None:
        pagina = bouw()
        cache.set(sleutel, pagina, timeout=BEWAARTIJD)
    return pagina


def nieuwe_versie(sender, instance, created=False, raw=False, **kwargs):
    """Tell every process about a new version once it is committed (post_save of Publicatie)."""
    if created and not raw:
        jaar, versie = instance.paragraaf.jaar, instance.versie
        transaction.on_commit(
            lambda: cache.set(sleutel_nieuwste(jaar), versie, timeout=NIEUWSTE_BEWAARTIJD)
        )
