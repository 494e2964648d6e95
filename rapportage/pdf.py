"""The PDF of the paragraph, rendered by WeasyPrint from the same data and template as the page.

WeasyPrint may load only the project's own static files: the document's base URL is a private
name (http://static.invalid/) and the URL fetcher serves /static/… below it from the static
files and refuses everything else (other hosts, file:, data:), so text written by people can
never make the server fetch anything. One more private URL (LOGO_URL) serves the municipality's
logo, sanitised when it was uploaded (gebieden.svg), for the cover.
"""

from functools import lru_cache
from io import BytesIO
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from gebieden.instellingen import gemeente

BASIS = "http://static.invalid/"
LOGO_URL = BASIS + "gemeente/logo"
STATIC_PREFIX = "/" + settings.STATIC_URL.strip("/") + "/"
MIME = {".css": "text/css", ".woff2": "font/woff2", ".svg": "image/svg+xml", ".png": "image/png"}


class GeweigerdeURL(ValueError):
    pass


def statische_bron(url: str) -> tuple[bytes, str]:
    """The bytes and media type of a project static file addressed below BASIS; any other URL
    raises GeweigerdeURL."""
    deel = urlparse(url)
    eigen = deel.scheme == "http" and deel.netloc == "static.invalid"
    if not eigen or not deel.path.startswith(STATIC_PREFIX):
        raise GeweigerdeURL(f"URL geweigerd: {url[:80]}")
    relatief = deel.path[len(STATIC_PREFIX) :]
    bestand = finders.find(relatief) if ".." not in relatief.split("/") else None
    if not bestand:
        raise GeweigerdeURL(f"Onbekend bestand: {relatief[:80]}")
    return Path(bestand).read_bytes(), MIME.get(Path(bestand).suffix, "application/octet-stream")


@lru_cache(maxsize=16)
def lettertype_als_truetype(url: str) -> bytes:
    """A WOFF2 font of our static files, decompressed once per process.

    WeasyPrint decompresses every WOFF2 font again for every PDF (about 1.5 s for the fonts of
    the paragraph); handed the TrueType bytes it skips that.
    """
    from fontTools.ttLib import woff2

    inhoud, _ = statische_bron(url)
    truetype = BytesIO()
    woff2.decompress(BytesIO(inhoud), truetype)
    return truetype.getvalue()


def logo_bron() -> tuple[bytes, str]:
    """The municipality's stored logo (PNG or sanitised SVG), for LOGO_URL."""
    logo = gemeente().logo
    if not logo:
        raise GeweigerdeURL("Geen logo ingesteld")
    with logo.open("rb") as bestand:
        inhoud = bestand.read()
    return inhoud, MIME.get(Path(logo.name).suffix, "application/octet-stream")


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StatischeFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url == LOGO_URL:
                inhoud, soort = logo_bron()
            elif url.endswith(".woff2"):
                inhoud, soort = lettertype_als_truetype(url), "font/ttf"
            else:
                inhoud, soort = statische_bron(url)
            return URLFetcherResponse(url, inhoud, {"Content-Type": soort})

    return StatischeFetcher()


def maak_pdf(
    data,
    gebouwd: str = "",
    sjabloon: str = "rapportage/pdf.html",
    *,
    versie: int | None = None,
    concept: bool = False,
) -> bytes:
    """The PDF/UA of `data` (the assembled paragraph, or the financial part with its template).

    `gebouwd` (where the data came from) goes into the colophon, `versie` too when known;
    `concept` marks a draft on the cover and in the running header."""
    from weasyprint import HTML

    logo = LOGO_URL if gemeente().logo else None
    context = {"p": data, "gebouwd": gebouwd, "logo": logo, "versie": versie, "concept": concept}
    html = render_to_string(sjabloon, context)
    document = HTML(string=html, base_url=BASIS, url_fetcher=_fetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")
