"""Erase the contact data of initiators of initiatives closed longer ago than the retention term.

Run it daily (cron or a scheduled task). The names stay (the council reports on initiatives);
e-mail addresses and phone numbers go, and they are not kept in the audit history either.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from gebieden.instellingen import gemeente as gemeente_instellingen
from initiatieven.services import wis_contactgegevens


class Command(BaseCommand):
    help = (
        "Wist contactgegevens van initiatiefnemers van initiatieven die langer dan de "
        "bewaartermijn zijn afgesloten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--jaren",
            type=int,
            default=None,
            help="Bewaartermijn in jaren (standaard: die van de gemeente-instellingen).",
        )

    def handle(self, *args, jaren, **options):
        if jaren is None:
            jaren = gemeente_instellingen().bewaartermijn_contact_jaren
        aantal = wis_contactgegevens(vandaag=timezone.localdate(), jaren=jaren)
        self.stdout.write(f"Contactgegevens gewist van {aantal} initiatiefnemer(s).")
