"""Write all data (published reports and audit history included) to a JSON file.

For SQLite installations and for moving data between databases; on PostgreSQL use pg_dump
(docs/backup.md). Restore with `manage.py backup_terugzetten`.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

# Rebuilt by migrations or not worth keeping (sessions, login throttling records).
UITGESLOTEN = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


class Command(BaseCommand):
    help = "Schrijft alle gegevens naar een JSON-bestand (terugzetten: backup_terugzetten)."

    def add_arguments(self, parser):
        parser.add_argument("bestand")

    def handle(self, *args, bestand, **options):
        call_command(
            "dumpdata",
            "--natural-foreign",
            "--natural-primary",
            *[f"--exclude={u}" for u in UITGESLOTEN],
            f"--output={bestand}",
            verbosity=0,
        )
        self.stdout.write(f"Backup geschreven naar {bestand}.")
