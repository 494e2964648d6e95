"""Load the demo municipality (Woerden, 2019–2021). Safe to run again: nothing is duplicated."""

import importlib
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kern.projectapps import eigen_apps


class Command(BaseCommand):
    help = "Laadt de demogemeente (Woerden 2019–2021) met demo-accounts; opnieuw draaien kan."

    def handle(self, *args, **options):
        toegestaan = settings.DEMO_TOEGESTAAN
        if toegestaan is None:
            toegestaan = settings.DEBUG
        if not toegestaan:
            # The demo accounts' password is public (README): never in production.
            raise CommandError(
                "De demogegevens laden mag hier niet: de demo maakt accounts aan met een "
                "openbaar wachtwoord. Dit kan alleen in een ontwikkel- of testomgeving "
                "(DEMO_TOEGESTAAN, standaard alleen als DEBUG aan staat; nooit in productie)."
            )
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
