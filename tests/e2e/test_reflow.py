"""Every page each role can open, in a real browser at 320 CSS px wide (WCAG 1.4.10,
reflow) and at 1366 px: the document never scrolls sideways; a wide table scrolls inside its
own region. The URLs come from the URL configuration through the permission matrix, so a new
page is checked without being listed here."""

import pytest
from django.urls import reverse

from tests.test_permissiematrix import ZONDER_ROLCONTROLE, R, Wereld

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)

# Files, not pages.
GEEN_PAGINA = {
    "gebieden:visie_document",
    "gebieden:gemeente_logo",
    "begroting:export",
    "rapportage:pdf",
    "rapportage:open_data",
    "rapportage:opdracht_pdf",
    "logout",
    "gezond",
    "gereed",
}

BREDER_DAN_HET_SCHERM = """(breedte) => {
  const uit = [];
  for (const el of document.querySelectorAll('main *')) {
    if (el.closest('.app-scroll') || el.children.length) continue;
    const r = el.getBoundingClientRect();
    const tekst = (el.textContent || '').trim().slice(0, 40);
    if (r.right > breedte + 0.5) uit.push(`${el.tagName.toLowerCase()} „${tekst}” tot ${r.right}`);
  }
  return uit.slice(0, 5);
}"""


def paginas(wereld, rol: str) -> list[tuple[str, str]]:
    """The pages `rol` may open, with the permission matrix's test world as their data."""
    return [
        (naam, reverse(naam, args=args(wereld)) + query)
        for naam, (args, query, get_rollen, _post) in sorted(R.items())
        if naam not in GEEN_PAGINA | ZONDER_ROLCONTROLE and get_rollen and rol in get_rollen
    ]


@pytest.mark.parametrize("rol", ["coordinator", "wijk_a", "financien", "raadslid"])
@pytest.mark.parametrize("breedte", [320, 1366])
def test_no_page_scrolls_sideways_and_axe_finds_nothing(page, rol, breedte):
    """At 320 px also axe-core (WCAG 2.0/2.1 A and AA) on every page."""
    wereld = Wereld()
    gebruiker = wereld.gebruikers[rol]
    gebruiker.set_password("geheim-wachtwoord")
    gebruiker.save()
    page.set_viewport_size({"width": breedte, "height": 900})
    page.goto("/account/inloggen/")
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte
    page.get_by_label("Gebruikersnaam").fill(gebruiker.username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")
    te_breed, overtredingen = {}, {}
    for naam, url in paginas(wereld, rol):
        page.goto(url)
        breed = page.evaluate("document.documentElement.scrollWidth")
        if breed > breedte:
            te_breed[naam] = (breed, page.evaluate(BREDER_DAN_HET_SCHERM, breedte))
        if breedte == 320 and (gevonden := axe_overtredingen(page)):
            overtredingen[naam] = gevonden
    assert te_breed == {}
    assert overtredingen == {}


@pytest.mark.parametrize("breedte", [320, 1366])
def test_the_pages_for_visitors_not_logged_in_reflow_and_axe_finds_nothing(page, breedte):
    """The login page (which says what the application is) and the accessibility statement."""
    page.set_viewport_size({"width": breedte, "height": 900})
    for adres in ("/account/inloggen/?next=/werkplek/", "/toegankelijkheid/"):
        page.goto(adres)
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte, adres
        assert axe_overtredingen(page) == [], adres


def test_the_coordinators_menu_fits_one_line_at_1280_px(page):
    wereld = Wereld()
    gebruiker = wereld.gebruikers["coordinator"]
    gebruiker.set_password("geheim-wachtwoord")
    gebruiker.save()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruiker.username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/werkplek/")
    regels = page.evaluate(
        """() => new Set([...document.querySelectorAll('.app-nav__list > li')]
                 .map((li) => Math.round(li.getBoundingClientRect().top))).size"""
    )
    assert regels == 1
