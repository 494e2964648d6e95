"""Write all data (published reports and audit history included) and every file the data refers
to (published HTML and PDF, documents) to one zip file.

For SQLite installations and for moving data between databases; on PostgreSQL use pg_dump and a
copy of the files (docs/backup.md). Restore with `manage.py backup_terugzetten`.
"""

import tempfile
import zipfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from kern.backupbestanden import bestanden

# Rebuilt by migrations or not worth keeping (sessions, login throttling, the task queue).
UITGESLOTEN = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
    "django_tasks_database",
]
GEGEVENS = "gegevens.json"
BESTANDEN = "bestanden/"


class Command(BaseCommand):
    help = (
        "Schrijft alle gegevens en de bestanden waarnaar ze verwijzen naar een zip-bestand "
        "(terugzetten: backup_terugzetten)."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Het zip-bestand, bijvoorbeeld backup.zip.")

    def handle(self, *args, bestand, **options):
        aantal = 0
        with (
            tempfile.TemporaryDirectory() as map,
            zipfile.ZipFile(bestand, "w", compression=zipfile.ZIP_DEFLATED) as zip,
        ):
            json = Path(map) / GEGEVENS
            call_command(
                "dumpdata",
                "--natural-foreign",
                "--natural-primary",
                *[f"--exclude={u}" for u in UITGESLOTEN],
                f"--output={json}",
                verbosity=0,
            )
            zip.write(json, GEGEVENS)
            for veld, naam in bestanden():
                with veld.storage.open(naam, "rb") as inhoud:
                    zip.writestr(BESTANDEN + naam, inhoud.read())
                aantal += 1
        self.stdout.write(f"Backup geschreven naar {bestand} ({aantal} bestanden).")
