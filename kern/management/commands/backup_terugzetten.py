"""Load a backup made by `backup_maken` into a freshly migrated, empty database, and put its
files back into the storage under their own names.

The audit history comes from the backup itself, so no new history is written while loading.
A plain JSON backup (from before files were kept in storage) loads too.
"""

import tempfile
import zipfile
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from kern.backupbestanden import AnderBestand, bestanden, zet_terug
from kern.projectapps import eigen_apps

from .backup_maken import BESTANDEN, GEGEVENS


class Command(BaseCommand):
    help = "Zet een backup van backup_maken terug in een lege, gemigreerde database."

    def add_arguments(self, parser):
        parser.add_argument("bestand")

    def handle(self, *args, bestand, **options):
        if heeft_gegevens():
            raise CommandError(
                "De database is niet leeg; zet een backup alleen terug in een lege database."
            )
        if not zipfile.is_zipfile(bestand):
            laad(bestand)
            self.stdout.write(f"Backup {bestand} teruggezet.")
            return
        with zipfile.ZipFile(bestand) as zip, tempfile.TemporaryDirectory() as map:
            json = Path(zip.extract(GEGEVENS, map))
            with transaction.atomic():
                laad(json)
                aantal = zet_bestanden_terug(zip)
        cache.clear()  # pages and version numbers of what was here before
        self.stdout.write(f"Backup {bestand} teruggezet ({aantal} bestanden).")


def laad(json) -> None:
    with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic():
        call_command("loaddata", str(json), verbosity=0)


def zet_bestanden_terug(zip: zipfile.ZipFile) -> int:
    """Every file the loaded rows refer to, from the zip; a missing one is an error (the
    transaction of the data is then rolled back)."""
    inhoud = set(zip.namelist())
    aantal = 0
    for veld, naam in bestanden():
        if BESTANDEN + naam not in inhoud:
            raise CommandError(f"Het bestand {naam} ontbreekt in de backup.")
        try:
            zet_terug(veld, naam, zip.read(BESTANDEN + naam))
        except AnderBestand as fout:
            raise CommandError(
                f"Er staat al een ander bestand {fout} in de opslag; zet terug in een lege opslag."
            ) from fout
        aantal += 1
    return aantal


def heeft_gegevens() -> bool:
    """Does any of this project's own models hold a row? (Migrations create the roles as
    groups, so Django's own tables are never empty.)"""
    return any(model.objects.exists() for app in eigen_apps() for model in app.get_models())
