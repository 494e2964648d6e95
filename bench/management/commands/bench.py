"""Run the benchmark against the database DATABASE_URL names (load it first with bench_data).

Prints a table and JSON; `--belasting` also runs a bounded load test (gunicorn on loopback,
wrk) against the published paragraph and the dashboard. See docs/performance.md.
"""

import json as _json

from django.conf import settings
from django.core.management.base import BaseCommand

from bench.meten import alle_metingen, als_json, als_tabel


class Command(BaseCommand):
    help = "Meet servertijd en queries van de belangrijkste pagina's, de PDF en een import (zie docs/performance.md)."

    def add_arguments(self, parser):
        parser.add_argument("--herhalingen", type=int, default=20)
        parser.add_argument("--import-rijen", type=int, default=10_000)
        parser.add_argument("--zonder-pdf", action="store_true")
        parser.add_argument(
            "--alleen", default="", help="Alleen de metingen waarvan de naam dit bevat."
        )
        parser.add_argument("--json", help="Schrijf de uitkomsten ook naar dit bestand.")
        parser.add_argument(
            "--belasting", action="store_true", help="Ook een belastingtest met gunicorn en wrk."
        )

    def handle(
        self,
        *args,
        herhalingen,
        import_rijen,
        zonder_pdf,
        alleen="",
        json: str | None = None,
        belasting=False,
        **options,
    ):
        if settings.DEBUG:
            self.stderr.write(
                "Let op: DEBUG staat aan; meet met DEBUG=false voor cijfers zoals in productie."
            )
        metingen = alle_metingen(herhalingen, import_rijen, not zonder_pdf, alleen)
        self.stdout.write(als_tabel(metingen))
        uitkomst = {"metingen": als_json(metingen)}
        if belasting:
            from bench.belasting import belastingtest

            uitkomst["belasting"] = belastingtest()
            for regel in uitkomst["belasting"]:
                self.stdout.write(
                    f"belasting {regel['pad']} ({regel['omstandigheid']}): {regel['verzoeken_per_seconde']} verzoeken/s, p95 {regel['p95_ms']} ms"
                )
        tekst = _json.dumps(uitkomst, indent=2, ensure_ascii=False)
        self.stdout.write(tekst)
        if json:
            with open(json, "w", encoding="utf-8") as f:
                f.write(tekst)
