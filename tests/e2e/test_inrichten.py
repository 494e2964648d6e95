"""A new municipality sets itself up from an empty database to its first published paragraph,
in a real browser, without the Django admin: `manage.py inrichten`, its own words and order,
areas from a CBS file and from its own CSV, an official assigned, a finance user who opens a
year, enters an opening reserve and imports a budget in thousands with a total row, and the
coordinator who publishes. axe-core checks every new screen on the way."""

import io
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from gebieden.models import Gebied
from rapportage.models import Publicatie

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)

VOORBEELDEN = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden"
WACHTWOORD = "een-lang-eigen-wachtwoord-2026"


def wachtwoord_kiezen(page, link: str) -> None:
    page.goto(link)
    page.locator("#id_new_password1").fill(WACHTWOORD)
    page.locator("#id_new_password2").fill(WACHTWOORD)
    page.get_by_role("button", name="Wachtwoord instellen").click()
    expect(page.locator("main")).to_contain_text("Uw wachtwoord is ingesteld")


def inloggen(page, gebruikersnaam: str) -> None:
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


def uitloggen(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def test_from_an_empty_database_to_the_first_published_paragraph(page, live_server, tmp_path):
    bezocht: list[str] = []
    page.on("request", lambda verzoek: bezocht.append(verzoek.url))
    jaar = timezone.localdate().year - 1

    # 1. First start: the municipality and its first coordinator, with an invitation link.
    uit = io.StringIO()
    call_command(
        "inrichten",
        naam="Gemeente Voorbeeldwaard",
        cbs_code="GM9901",
        coordinator_naam="Kees Kernman",
        coordinator_email="k.kernman@voorbeeldwaard.nl",
        adres=live_server.url,
        stdout=uit,
    )
    link = re.search(r"(http://\S+/account/wachtwoord-instellen/\S+)", uit.getvalue()).group(1)
    wachtwoord_kiezen(page, link)
    inloggen(page, "k.kernman")

    # 2. The municipality's own words and the paragraph's settings.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beheer").click()
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="Gemeente-instellingen").click()
    assert axe_overtredingen(page) == []
    woorden = {
        "#id_woord_soort_dorp": "kern",
        "#id_woord_meervoud_dorp": "kernen",
        "#id_woord_rol_dorpsambtenaar": "kernambtenaar",
        "#id_woord_platform_dorpsplatform": "kernplatform",
        "#id_woord_visie_dorpsvisie": "kernvisie",
    }
    for veld, woord in woorden.items():
        page.locator(veld).fill(woord)
    page.get_by_role("group", name="Plaats van de algemene post").get_by_label(
        "bovenaan, vóór de gebieden"
    ).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("De gemeente-instellingen zijn opgeslagen.")

    # 3. Areas: the CBS file (wijken and buurten), then the municipality's own areas.
    page.get_by_role("link", name="Gebieden inlezen uit een bestand").click()
    assert axe_overtredingen(page) == []
    page.get_by_label("Wijken en buurten van het CBS").check()
    page.get_by_label("Bestand", exact=True).set_input_files(
        str(VOORBEELDEN / "cbs-kwb-voorbeeld.csv")
    )
    page.get_by_role("button", name="Bestand lezen").click()
    expect(page.get_by_role("status")).to_contain_text("6 nieuwe gebieden")
    assert axe_overtredingen(page) == []
    page.get_by_role("button", name="Inlezen").click()
    expect(page.locator("main")).to_contain_text("6 gebieden zijn aangemaakt.")

    page.goto("/beheer/gemeente/gebieden-inlezen/")
    page.get_by_label("Eigen gebieden").check()
    page.get_by_label("Bestand", exact=True).set_input_files(
        str(VOORBEELDEN / "gebieden-eigen.csv")
    )
    page.get_by_role("button", name="Bestand lezen").click()
    expect(page.get_by_role("status")).to_contain_text("5 nieuwe gebieden")
    expect(page.locator("main")).to_contain_text("Centrum ligt dan in Stad")
    page.get_by_role("button", name="Inlezen").click()
    expect(page.locator("main")).to_contain_text("5 gebieden zijn aangemaakt.")
    expect(page.locator("main")).to_contain_text("Achterdijk")
    expect(page.locator("main")).to_contain_text("kern")  # the kind in the municipality's word

    # 4. The municipality's order: Benedenbroek first, then Centrum.
    page.goto("/beheer/gemeente/volgorde/")
    assert axe_overtredingen(page) == []
    page.get_by_label("Benedenbroek").fill("1")
    page.get_by_label("Centrum", exact=True).fill("2")
    page.get_by_role("button", name="Volgorde opslaan").click()
    expect(page.locator("main")).to_contain_text(
        "De volgorde is opgeslagen (2 gebieden gewijzigd)."
    )

    # 5. People: a kernambtenaar for Achterdijk, and a finance user with an account.
    for naam, email in (
        ("Anna Akker", "a.akker@voorbeeldwaard.nl"),
        ("Frits Financiën", "f.financien@voorbeeldwaard.nl"),
    ):
        page.goto("/personen/nieuw/")
        page.get_by_label("Naam").fill(naam)
        page.get_by_label("E-mailadres").fill(email)
        page.get_by_role("button", name="Opslaan").click()
    achterdijk = Gebied.objects.get(naam="Achterdijk")
    page.goto(f"/gebieden/{achterdijk.pk}/toewijzingen/nieuw/")
    page.get_by_label("Persoon").select_option(label="Anna Akker")
    page.get_by_label("Rol").select_option(label="kernambtenaar")
    page.get_by_label("Geldig vanaf").fill(f"{jaar}-01-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("Anna Akker")

    page.goto("/personen/")
    page.get_by_role("link", name="Frits Financiën", exact=True).click()
    page.get_by_role("link", name=re.compile("Inlogaccount")).click()
    page.get_by_label("Gebruikersnaam").fill("frits")
    page.get_by_label("Financiën").check()
    page.get_by_role("button", name="Account maken en uitnodiging sturen").click()
    uitnodiging = mail.outbox[-1].body
    uitloggen(page)

    # 6. Finance: open the year, an opening reserve, the budget in thousands with a total row.
    wachtwoord_kiezen(
        page, re.search(r"(http://\S+/account/wachtwoord-instellen/\S+)", uitnodiging).group(1)
    )
    inloggen(page, "frits")
    page.goto("/begroting/")
    assert axe_overtredingen(page) == []
    page.get_by_label("Jaar", exact=True).fill(str(jaar))
    page.get_by_role("button", name="Jaar openen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(str(jaar))

    page.goto("/begroting/openingsreserves/nieuw/")
    assert axe_overtredingen(page) == []
    page.get_by_label("Gebied").select_option(label="Achterdijk")
    page.get_by_label("Bedrag").fill("10.000")
    page.get_by_label("Te gebruiken vanaf").fill(str(jaar))
    page.get_by_label("Te besteden tot en met").fill(str(jaar + 1))
    page.get_by_role("button", name="Opslaan").click()

    begroting = tmp_path / "begroting-duizenden.csv"
    begroting.write_text(
        "Gebied;Kostenplaats;Begroting na wijziging (x € 1.000);Realisatie (x € 1.000)\n"
        "Algemeen;6720100;50;40\n"
        "Achterdijk;6720102;20;25\n"
        "Centrum;6720103;30;30\n"
        "Totaal;;100;95\n",
        encoding="utf-8",
    )
    page.goto(f"/begroting/{jaar}/importeren/")
    page.get_by_label("x € 1.000").check()
    page.get_by_label("Bestand (CSV of Excel)").set_input_files(str(begroting))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.locator("main")).to_contain_text("Totaalregel")
    assert axe_overtredingen(page) == []
    page.get_by_role("button", name="Ja, deze cijfers inlezen").click()
    expect(page.locator("main")).to_contain_text("Ingelezen: 3 nieuwe")
    expect(page.locator("main")).to_contain_text("€ 25.000,00")
    uitloggen(page)

    # 7. The coordinator writes the paragraph and publishes it.
    inloggen(page, "k.kernman")
    page.goto("/paragraaf/nieuw/")
    page.get_by_label("Jaar", exact=True).fill(str(jaar))
    page.get_by_role("textbox", name="Inleiding").fill("Ons eerste jaar met de eigen paragraaf.")
    page.get_by_role("button", name="Opslaan").click()
    page.goto(f"/paragraaf/{jaar}/concept/")
    page.get_by_role("link", name="Publiceren").click()
    assert axe_overtredingen(page) == []  # the confirmation page of its own
    page.get_by_role("button", name="Ja, versie 1 publiceren").click()
    expect(page.locator("main")).to_contain_text("is gepubliceerd")

    # 8. The published page and PDF speak the municipality's words and follow its order.
    page.goto(f"/paragraaf/{jaar}/")
    assert axe_overtredingen(page) == []
    expect(page.locator("header")).to_contain_text("Gemeente Voorbeeldwaard")
    hoofd = page.locator("main")
    koppen = page.locator("main h2, main h3").all_inner_texts()
    volgorde = [k for k in koppen if k in {"Benedenbroek", "Centrum", "Achterdijk", "Rijnzicht"}]
    assert volgorde[:2] == ["Benedenbroek", "Centrum"], koppen
    expect(hoofd).to_contain_text("Kernambtenaar: Anna Akker.")
    expect(hoofd).to_contain_text("Geen kernplatform en geen kernvisie.")
    rijen = page.locator("#financien table").locator("tbody tr").all_inner_texts()
    assert rijen[0].startswith("Algemeen"), rijen  # the general line where the settings put it
    achterdijk_rij = next(r for r in rijen if r.startswith("Achterdijk"))
    assert achterdijk_rij.split()[1:4] == ["20", "25", "−5"], achterdijk_rij
    assert achterdijk_rij.split()[4] == "5", achterdijk_rij  # 10 opening reserve − 5 covered

    publicatie = Publicatie.objects.get()
    with publicatie.pdf_bestand.open("rb") as bestand:
        pdf = " ".join(p.extract_text() for p in PdfReader(bestand).pages)
    assert "Gemeente Voorbeeldwaard" in pdf and "Kernambtenaar: Anna Akker." in pdf
    assert pdf.index("Benedenbroek") < pdf.index("Achterdijk")

    assert not [url for url in bezocht if "/beheer/django/" in url], "de Django-admin is gebruikt"
