"""Load the demo municipality (Woerden, 2019–2021). Safe to run again: nothing is duplicated."""

import importlib
import importlib.util
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Laadt de demogemeente (Woerden 2019–2021) met demo-accounts; opnieuw draaien kan."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app in apps.get_app_configs():
                if not Path(app.path).is_relative_to(settings.BASE_DIR):
                    continue  # only this project's apps bring demo data
                module = f"{app.name}.demo"
                if importlib.util.find_spec(module) is not None:
                    importlib.import_module(module).laad()
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen."))
        from gebieden.demo import DEMO_ACCOUNTS, DEMO_WACHTWOORD

        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_WACHTWOORD}):")
        for gebruikersnaam, rol, _naam in DEMO_ACCOUNTS:
            self.stdout.write(f"  {rol or 'Technisch beheer':<16} {gebruikersnaam}")
