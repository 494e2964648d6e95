"""Browser tests: Playwright driving Debian's chromium against pytest-django's live server.

Locally a missing chromium skips these tests (with the reason); in CI (CI=true) it fails them.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in the tests are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium ontbreekt; in CI moeten de browsertests draaien")
        pytest.skip("chromium ontbreekt (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def inloggen(page):
    def _inloggen(gebruikersnaam: str, wachtwoord: str = "geheim-wachtwoord"):
        page.goto("/account/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
        page.get_by_label("Wachtwoord").fill(wachtwoord)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url("**/")

    return _inloggen


def axe_overtredingen(page) -> list[str]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the current page; return the violations."""
    page.evaluate(AXE)
    resultaat = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in resultaat["violations"]
    ]
