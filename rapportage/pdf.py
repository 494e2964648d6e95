"""The PDF of the paragraph, rendered by WeasyPrint from the same data and template as the page.

WeasyPrint may load only the project's own static files: the document's base URL is a private
name (http://static.invalid/) and the URL fetcher serves /static/… below it from the static
files and refuses everything else (other hosts, file:, data:), so text written by people can
never make the server fetch anything.
"""

from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

BASIS = "http://static.invalid/"
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


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StatischeFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            inhoud, soort = statische_bron(url)
            return URLFetcherResponse(url, inhoud, {"Content-Type": soort})

    return StatischeFetcher()


def maak_pdf(data: dict, gebouwd: str = "") -> bytes:
    from weasyprint import HTML

    html = render_to_string("rapportage/pdf.html", {"p": data, "gebouwd": gebouwd})
    document = HTML(string=html, base_url=BASIS, url_fetcher=_fetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")
