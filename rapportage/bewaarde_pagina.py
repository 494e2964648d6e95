"""The published page, built once and shared by every process through the cache.

A published version never changes; which versions a year has changes only when one is
published. So the page is rendered once, with places left for what is personal (the header with
the reader's name and menu, and the messages), and kept in the shared cache (Redis or the
database cache, settings.CACHES) under a key naming the year's newest version. That name is
itself a cache entry, set by the process that publishes (a worker) as soon as the new version is
committed: the next request of every web process on every machine builds the new page at once.
A missing entry is read from the database and only added, never overwritten, so a reader that
saw the old newest version cannot undo a publication.

The stored paragraph itself (megabytes for a large municipality) does not go through the cache:
it is an immutable file in storage, streamed into the response between the page's parts.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import get_language

from gebieden.context_processors import gemeente as gemeente_context
from gebieden.instellingen import gemeente

PLAATS_VAN_DE_KOP = "<!--persoonlijke-kop-->"
PLAATS_VAN_DE_MELDINGEN = "<!--meldingen-->"
PLAATS_VAN_DE_PARAGRAAF = "<!--opgeslagen-paragraaf-->"
BEWAARTIJD = 24 * 60 * 60  # seconds; the key changes with every publication anyway
# The newest version is read again from the database this often at the latest (it is set at
# every publication; this only heals a cache that lost or mixed up an entry).
NIEUWSTE_BEWAARTIJD = 300
STUK = 256 * 1024  # bytes of the stored paragraph per piece of the response


@dataclass(frozen=True)
class BewaardePagina:
    """A rendered page cut where the personal parts go: `voor` + header + `tussen` + messages +
    `na_meldingen` + the stored paragraph (file `paragraaf_bestand`) + `slot`."""

    voor: str
    tussen: str
    na_meldingen: str
    slot: str
    paragraaf_bestand: str
    kop_voor_bezoekers: str  # the header of a visitor who is not logged in, the same for all
    sleutel: str  # what the page depends on: the version shown and the newest version (ETag)
    gewijzigd_op: str  # ISO moment of the newest version (Last-Modified)

    @classmethod
    def uit(cls, html: str, paragraaf_bestand: str, sleutel: str, gewijzigd_op: str):
        voor, na = html.split(PLAATS_VAN_DE_KOP, 1)
        tussen, na = na.split(PLAATS_VAN_DE_MELDINGEN, 1)
        na_meldingen, slot = na.split(PLAATS_VAN_DE_PARAGRAAF, 1)
        kop = render_to_string(
            "includes/kop.html",
            {"user": AnonymousUser(), **gemeente_context(None)},
        )
        return cls(voor, tussen, na_meldingen, slot, paragraaf_bestand, kop, sleutel, gewijzigd_op)

    def met(self, kop: str | None, meldingen: str) -> Iterator[bytes]:
        """The page for one reader (`kop` None: a visitor who is not logged in), in pieces."""
        kop = self.kop_voor_bezoekers if kop is None else kop
        yield (self.voor + kop + self.tussen + meldingen + self.na_meldingen).encode()
        with default_storage.open(self.paragraaf_bestand, "rb") as paragraaf:
            while stuk := paragraaf.read(STUK):
                yield stuk
        yield self.slot.encode()


def instellingen_versie() -> int:
    """The version of the municipality's settings (0 before the first save): its name and
    logo are in a kept page's header and footer, so a change makes a new page."""
    rij = gemeente()
    return 0 if rij._state.adding else rij.versie


def sleutel_nieuwste(jaar: int) -> str:
    return f"rapportage:nieuwste:{jaar}"


def kenmerk(versie: int, html_bestand: str) -> str:
    """Names a version unmistakably: its number and its file's random name (a database
    restored or rebuilt with the same numbers never meets a page of the other one)."""
    return f"{versie}.{PurePosixPath(html_bestand).stem[:12]}"


def nieuwste_versie(jaar: int) -> str:
    """The newest published version of a year as every process knows it ("0": none)."""
    nieuwste = cache.get(sleutel_nieuwste(jaar))
    if nieuwste is None:
        from .models import Publicatie

        rij = (
            Publicatie.objects.filter(paragraaf__jaar=jaar)
            .order_by("-versie")
            .values_list("versie", "html_bestand")
            .first()
        )
        nieuwste = kenmerk(*rij) if rij else "0"
        cache.add(sleutel_nieuwste(jaar), nieuwste, timeout=NIEUWSTE_BEWAARTIJD)
    return nieuwste


def bewaarde_pagina(jaar: int, versie: int | None, bouw) -> BewaardePagina:
    """The page of this year and version (None: the newest) from the shared cache, built by
    `bouw()` when missing. `bouw` raises Http404 for what does not exist; that is not kept."""
    nieuwste = nieuwste_versie(jaar)
    instellingen = instellingen_versie()
    sleutel = f"rapportage:pagina:{jaar}:{versie or 0}:{nieuwste}:{instellingen}:{get_language()}"
    pagina = cache.get(sleutel)
    if pagina is None:
        pagina = bouw()
        cache.set(sleutel, pagina, timeout=BEWAARTIJD)
    return pagina


def nieuwe_versie(sender, instance, created=False, raw=False, **kwargs):
    """Tell every process about a new version once it is committed (post_save of Publicatie)."""
    if created and not raw:
        jaar, nieuwste = (
            instance.paragraaf.jaar,
            kenmerk(instance.versie, instance.html_bestand.name),
        )
        # robust: a cache that is away costs at most NIEUWSTE_BEWAARTIJD of an older page, never
        # the publication (which is committed by now).
        transaction.on_commit(
            lambda: cache.set(sleutel_nieuwste(jaar), nieuwste, timeout=NIEUWSTE_BEWAARTIJD),
            robust=True,
        )
