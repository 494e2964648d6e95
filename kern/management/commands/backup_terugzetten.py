"""Load a backup made by `backup_maken` into a freshly migrated, empty database.

The audit history comes from the backup itself, so no new history is written while loading.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from kern.projectapps import eigen_apps


class Command(BaseCommand):
    help = "Zet een backup van backup_maken terug in een lege, gemigreerde database."

    def add_arguments(self, parser):
        parser.add_argument("bestand")

    def handle(self, *args, bestand, **options):
        if heeft_gegevens():
            raise CommandError(
                "De database is niet leeg; zet een backup alleen terug in een lege database."
            )
        with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic():
            call_command("loaddata", bestand, verbosity=0)
        self.stdout.write(f"Backup {bestand} teruggezet.")


def heeft_gegevens() -> bool:
    """Does any of this project's own models hold a row? (Migrations create the roles as
    groups, so Django's own tables are never empty.)"""
    return any(model.objects.exists() for app in eigen_apps() for model in app.get_models())
