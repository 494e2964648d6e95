"""Many processes, one installation: two web servers (gunicorn) and a task worker share a real
Redis cache and the database. A version published through one web server is served by the
other at once, with the new version's ETag."""

import http.cookiejar
import io
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.core.management import call_command

from kern.rollen import Groep
from rapportage.models import Opdracht
from tests.kern.factories import UserFactory

from .processen import redis_url, wacht_tot, webserver, werker  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


class Browser:
    """Just enough of a browser: cookies, CSRF token from the form, no following of redirects
    so each answer can be read."""

    def __init__(self, basis: str):
        self.basis = basis
        self.koekjes = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.koekjes), GeenDoorverwijzing
        )

    def open(self, pad: str, data: dict | None = None, headers: dict | None = None):
        verzoek = urllib.request.Request(
            self.basis + pad,
            data=urllib.parse.urlencode(data).encode() if data is not None else None,
            headers={"Referer": self.basis + pad, **(headers or {})},
        )
        try:
            return self.opener.open(verzoek, timeout=60)
        except urllib.error.HTTPError as antwoord:  # 302, 304, 4xx: an answer all the same
            return antwoord

    def formulier_token(self, pad: str) -> str:
        html = self.open(pad).read().decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


class GeenDoorverwijzing(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_publication_through_one_web_process_is_served_by_the_other_at_once(redis_url):  # noqa: F811
    call_command("demo", stdout=io.StringIO())
    UserFactory(username="coord", password="geheim-wachtwoord-1", groepen=[Groep.COORDINATOR])
    gedeeld = {"CACHE_URL": redis_url.rsplit("/", 1)[0] + "/3", "RAPPORTAGE_PUBLIEK": "true"}

    with webserver(**gedeeld) as a, webserver(**gedeeld) as b, werker(**gedeeld):
        lezer = Browser(b)
        eerst = lezer.open("/paragraaf/2020/")
        assert eerst.status == 200 and "-v1-n1." in eerst.headers["ETag"]
        assert eerst.headers["Cache-Control"] == "public, no-cache"
        oude_etag = eerst.headers["ETag"]
        assert lezer.open("/paragraaf/2020/", headers={"If-None-Match": oude_etag}).status == 304

        coordinator = Browser(a)
        token = coordinator.formulier_token("/account/inloggen/")
        inloggen = coordinator.open(
            "/account/inloggen/",
            {"username": "coord", "password": "geheim-wachtwoord-1", "csrfmiddlewaretoken": token},
        )
        assert inloggen.status == 302, inloggen.read().decode()[:500]
        token = coordinator.formulier_token("/paragraaf/2020/concept/")
        gevraagd = coordinator.open(
            "/paragraaf/2020/publiceren/",
            {"toelichting": "Correctie", "csrfmiddlewaretoken": token},
        )
        assert gevraagd.status == 302 and "/paragraaf/opdracht/" in gevraagd.headers["Location"]

        def klaar():
            return Opdracht.objects.filter(status=Opdracht.Status.KLAAR).exists()

        wacht_tot(klaar, 180, melding="de werker publiceerde niet")

        nu = lezer.open("/paragraaf/2020/", headers={"If-None-Match": oude_etag})
        assert nu.status == 200 and "-v2-n2." in nu.headers["ETag"]
        pagina = nu.read().decode()
        assert "Versie 2 (" in pagina and "Correctie" in pagina
        oud = lezer.open("/paragraaf/2020/versie/1/").read().decode()
        assert "er is een nieuwere versie" in oud

        pdf = lezer.open("/paragraaf/2020/versie/2/pdf/")
        assert pdf.status == 200 and pdf.read().startswith(b"%PDF")
        assert "immutable" in pdf.headers["Cache-Control"]
        nog_eens = lezer.open(
            "/paragraaf/2020/versie/2/pdf/", headers={"If-None-Match": pdf.headers["ETag"]}
        )
        assert nog_eens.status == 304
