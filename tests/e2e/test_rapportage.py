"""The published annual paragraph in a real browser: axe-clean, navigation and downloads work."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .conftest import axe_overtredingen

pytestmark = pytest.mark.django_db(transaction=True)


def test_council_member_reads_the_published_paragraph(page, inloggen, raadslid):
    call_command("demo", stdout=io.StringIO())
    inloggen("raadslid")
    page.get_by_role("link", name="Jaarparagraaf").click()
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="2020: Paragraaf 5 Gebiedsgericht werken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Paragraaf 5 Gebiedsgericht werken")
    expect(page.locator("main")).to_contain_text("Deze pagina is gebouwd op")
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="Bloemen- en bomenkwartier").click()
    expect(page.locator("#bloemen-en-bomenkwartier")).to_contain_text(
        "Geen wijkplatform en geen wijkvisie."
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF downloaden").click()
    assert download.value.suggested_filename == "paragraaf-gebiedsgericht-werken-2020.pdf"


def test_coordinator_draft_page_is_accessible(page, inloggen, coordinator):
    call_command("demo", stdout=io.StringIO())
    inloggen("coordinator")
    page.goto("/paragraaf/2020/concept/")
    assert axe_overtredingen(page) == []
    page.goto("/paragraaf/2020/bewerken/")
    assert axe_overtredingen(page) == []
