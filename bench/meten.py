"""Measure pages in-process (server time, the Django handler) and their query counts, against
whatever database DATABASE_URL names; plus the PDF, a 10,000-row budget import and the map of
the municipality (bench/kaartmeting.py)."""

import statistics
import time
from dataclasses import asdict, dataclass

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from begroting.importeren import lees_bestand, plan_import
from begroting.models import Begrotingsjaar
from begroting.services import importeer
from bench.kaartmeting import kaarttaken
from gebieden.models import Gebied
from rapportage.models import Paragraaf
from rapportage.pdf import maak_pdf
from rapportage.samenstellen import samenstellen
from rapportage.services import publiceer

MAATSTAVEN = 3  # the first measurements: the yardsticks every ratio is taken against


@dataclass
class Meting:
    naam: str
    mediaan_ms: float
    p95_ms: float
    queries: int
    verhouding: float | None = None
    verhouding_ingelogd: float | None = None
    verhouding_pagina: float | None = None


def _percentiel(waarden, p):
    gesorteerd = sorted(waarden)
    return gesorteerd[min(len(gesorteerd) - 1, round(p / 100 * (len(gesorteerd) - 1)))]


def meet(naam, functie, herhalingen, voor=None) -> Meting:
    """`functie` timed `herhalingen` times; `voor` (untimed, its queries not counted) runs
    before each time, e.g. to empty the cache."""
    tijden, queries = [], 0
    for _ in range(herhalingen):
        if voor is not None:
            voor()
        with CaptureQueriesContext(connection) as vastgelegd:
            start = time.perf_counter()
            functie()
            tijden.append((time.perf_counter() - start) * 1000)
        queries = len(vastgelegd.captured_queries)
    return Meting(
        naam, round(statistics.median(tijden), 1), round(_percentiel(tijden, 95), 1), queries
    )


def _client(gebruikersnaam):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=gebruikersnaam))
    return client


def _get(client, url):
    def verzoek():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} gaf {response.status_code}")

    return verzoek


def alle_metingen(
    herhalingen: int = 20, import_rijen: int = 10_000, met_pdf: bool = True, alleen: str = ""
) -> list[Meting]:
    """Measure everything, or with `alleen` only the measurements whose name contains it (the
    yardsticks are always measured: the ratios need them)."""
    # Published paragraphs open to the public, so the page a visitor gets is measured too.
    with override_settings(ROOT_URLCONF="bench.urls", RAPPORTAGE_PUBLIEK=True):
        return _metingen(herhalingen, import_rijen, met_pdf, alleen)


def _metingen(herhalingen, import_rijen, met_pdf, alleen) -> list[Meting]:
    paragraaf = Paragraaf.objects.order_by("-jaar").first()
    jaar = paragraaf.jaar
    if not paragraaf.publicaties.exists():
        publiceer(paragraaf=paragraaf, door=None)
    wijk = Gebied.objects.filter(soort="wijk").order_by("pk").first()
    coord, ambtenaar, financien = (
        _client("bench_coordinator"),
        _client("bench_wijkambtenaar"),
        _client("bench_financien"),
    )
    pagina_metingen = [
        ("minimale view (/gezond/)", coord, reverse("gezond")),
        ("minimale view, ingelogd", coord, reverse("bench_minimaal_ingelogd")),
        ("minimale pagina, ingelogd", coord, reverse("bench_minimale_pagina")),
        ("dashboard wijkambtenaar", ambtenaar, reverse("gebieden:werkplek")),
        ("werkplek coördinator (tabel van alle gebieden)", coord, reverse("gebieden:werkplek")),
        ("focuspuntenlijst", ambtenaar, reverse("gebieden:focuspunt_lijst")),
        (
            "focuspuntenlijst gefilterd",
            ambtenaar,
            reverse("gebieden:focuspunt_lijst")
            + f"?jaar={jaar}&status=loopt&volgorde=-laatste_update",
        ),
        ("gebiedspagina", ambtenaar, wijk.get_absolute_url()),
        ("begrotingsgrid", financien, reverse("begroting:grid", args=[jaar])),
        ("initiatievenlijst", coord, reverse("initiatieven:lijst")),
        (
            "concept jaarparagraaf (alle gebieden)",
            coord,
            reverse("rapportage:concept", args=[jaar]),
        ),
        ("gepubliceerde paragraaf", coord, reverse("rapportage:gepubliceerd", args=[jaar])),
        (
            "gepubliceerde paragraaf, bezoeker (openbaar)",
            Client(HTTP_HOST="127.0.0.1"),
            reverse("rapportage:gepubliceerd", args=[jaar]),
        ),
    ]
    metingen = [
        meet(naam, _get(client, url), herhalingen)
        for i, (naam, client, url) in enumerate(pagina_metingen)
        if i < MAATSTAVEN or alleen in naam
    ]
    pdf_naam = "PDF van de paragraaf"
    if met_pdf and alleen in pdf_naam:
        metingen.append(
            meet(pdf_naam, lambda: maak_pdf(samenstellen(paragraaf)), max(1, herhalingen // 10))
        )
    import_naam = f"import {import_rijen} begrotingsregels (voorbeeld + opslaan)"
    if alleen in import_naam:
        metingen.append(meet(import_naam, lambda: _importeer(import_rijen), 1))
    for naam, functie, voor in kaarttaken():
        if alleen in naam:
            metingen.append(meet(naam, functie, herhalingen, voor=voor))
    minimaal, ingelogd, pagina = (m.mediaan_ms or 0.001 for m in metingen[:MAATSTAVEN])
    for m in metingen:
        m.verhouding = round(m.mediaan_ms / minimaal, 1)
        m.verhouding_ingelogd = round(m.mediaan_ms / ingelogd, 1)
        m.verhouding_pagina = round(m.mediaan_ms / pagina, 1)
    return metingen


def _importeer(rijen: int) -> None:
    """Import into a year of its own, inside a transaction that is rolled back afterwards."""
    wijk = Gebied.objects.filter(soort="wijk").order_by("pk").first()
    inhoud = "gebied;naam;begroting na wijziging;realisatie\n" + "".join(
        f"{wijk.naam};Post {i};1.234,56;{i},00\n" for i in range(rijen)
    )
    with transaction.atomic():
        jaar = Begrotingsjaar.objects.create(jaar=2099)
        plan = plan_import(jaar, lees_bestand("bench.csv", inhoud.encode()))
        if not plan.geldig or len(plan.nieuw) != rijen:
            raise RuntimeError("de benchmarkimport is niet geldig")
        importeer(plan=plan)
        transaction.set_rollback(True)


def als_tabel(metingen: list[Meting]) -> str:
    regels = [
        f"{'meting':<58} {'mediaan ms':>11} {'p95 ms':>9} {'queries':>8} {'x minimaal':>11}"
        f" {'x ingelogd':>11} {'x pagina':>9}"
    ]
    for m in metingen:
        regels.append(
            f"{m.naam:<58} {m.mediaan_ms:>11} {m.p95_ms:>9} {m.queries:>8} {m.verhouding:>11}"
            f" {m.verhouding_ingelogd:>11} {m.verhouding_pagina:>9}"
        )
    return "\n".join(regels)


def als_json(metingen: list[Meting]) -> list[dict]:
    return [asdict(m) for m in metingen]
