"""Load the demo municipality (Woerden, 2019–2021). Safe to run again: nothing is duplicated."""

import importlib
import importlib.util

from django.core.management.base import BaseCommand
from django.db import transaction

from kern.projectapps import eigen_apps


class Command(BaseCommand):
    help = "Laadt de demogemeente (Woerden 2019–2021) met demo-accounts; opnieuw draaien kan."

    def handle(self, *args, **options):
        modules = demo_modules()
        with transaction.atomic():
            for module in modules:
                module.laad()
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen."))
        for module in modules:
            if accounts := getattr(module, "DEMO_ACCOUNTS", None):
                self.stdout.write(
                    f"Demo-accounts (wachtwoord voor allemaal: {module.DEMO_WACHTWOORD}):"
                )
                for gebruikersnaam, rol, _naam in accounts:
                    self.stdout.write(f"  {rol or 'Technisch beheer':<16} {gebruikersnaam}")


def demo_modules() -> list:
    """The `demo` module of every app of this project, in INSTALLED_APPS order (an app's
    demo data may build on that of the apps before it)."""
    namen = [f"{app.name}.demo" for app in eigen_apps()]
    return [importlib.import_module(n) for n in namen if importlib.util.find_spec(n) is not None]
