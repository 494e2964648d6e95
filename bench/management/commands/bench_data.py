import datetime
import time

from django.core.management.base import BaseCommand, CommandError

from bench.data import SCHALEN, genereer
from gebieden.models import Gebied


class Command(BaseCommand):
    help = "Vult een lege database met een grote, realistische dataset (deterministisch) voor de benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--schaal", choices=sorted(SCHALEN), default="groot")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--peildatum",
            type=datetime.date.fromisoformat,
            help="De dag waarop de data staat (JJJJ-MM-DD, standaard vandaag).",
        )

    def handle(self, *args, schaal, seed, peildatum, **options):
        if Gebied.objects.exists():
            raise CommandError(
                "De database is niet leeg; de benchmarkdata gaat in een lege database."
            )
        start = time.perf_counter()
        info = genereer(SCHALEN[schaal], seed, peildatum)
        self.stdout.write(
            f"Benchmarkdata ({schaal}) geladen in {time.perf_counter() - start:.1f} s; jaar {info['jaar']}."
        )
