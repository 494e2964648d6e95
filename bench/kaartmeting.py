"""The map of the municipality as the benchmark measures it: `wijkprofiel.kaart.kaart` for every
wijk and dorp plus rendering its template, with the geometry computed anew (the cache emptied
before each time, untimed) and from the shared cache."""

from collections.abc import Callable

from django.core.cache import cache
from django.template.loader import render_to_string

from gebieden.models import Gebied
from wijkprofiel.kaart import kaart

KOUD = "kaart van de gemeente (600+ buurten), koud"
WARM = "kaart van de gemeente (600+ buurten), uit de cache"


def kaarttaken() -> list[tuple[str, Callable[[], None], Callable[[], None] | None]]:
    """(name, what is timed, what runs untimed before each time) per measurement."""
    gebieden = list(Gebied.objects.filter(soort__in=["wijk", "dorp"]).order_by("naam"))
    gemarkeerd = gebieden[0] if gebieden else None

    def teken() -> None:
        getekend = kaart(gebieden=gebieden, gemarkeerd=gemarkeerd)
        if getekend is None or not getekend.vlakken:
            raise RuntimeError("de benchmarkdata heeft geen kaart")
        render_to_string("wijkprofiel/kaart.html", {"kaart": getekend})

    return [(KOUD, teken, cache.clear), (WARM, teken, teken)]
