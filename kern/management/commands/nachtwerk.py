"""Queue the nightly work of every app: each app's `tasks.NACHTWERK` (the retention clean-up,
the consistency check of stored derived data, old draft PDFs). Run it once a day on one
machine (a systemd timer or cron, docs/deploy.md); the workers do the work."""

import importlib
import importlib.util

from django.core.management.base import BaseCommand

from kern.projectapps import eigen_apps


def nachtwerk() -> list:
    """The nightly tasks of the project's apps, in INSTALLED_APPS order."""
    taken = []
    for app in eigen_apps():
        naam = f"{app.name}.tasks"
        if importlib.util.find_spec(naam) is not None:
            taken += getattr(importlib.import_module(naam), "NACHTWERK", [])
    return taken


class Command(BaseCommand):
    help = "Zet het nachtelijke werk in de wachtrij (opschonen, controle van afgeleide gegevens)."

    def handle(self, *args, **options):
        for taak in nachtwerk():
            resultaat = taak.enqueue()
            self.stdout.write(f"In de wachtrij: {taak.name} ({resultaat.id})")
