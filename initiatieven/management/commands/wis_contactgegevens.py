"""Erase the contact data of initiators of initiatives closed longer ago than the retention term.

Run it daily (cron or a scheduled task). The names stay (the council reports on initiatives);
e-mail addresses and phone numbers go, and they are not kept in the audit history either.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Max
from django.utils import timezone

from initiatieven.constants import AFGESLOTEN
from initiatieven.models import Initiatiefnemer


class Command(BaseCommand):
    help = (
        "Wist contactgegevens van initiatiefnemers van initiatieven die langer dan de "
        "bewaartermijn zijn afgesloten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--jaren",
            type=int,
            default=settings.BEWAARTERMIJN_CONTACT_JAREN,
            help="Bewaartermijn in jaren.",
        )

    def handle(self, *args, jaren, **options):
        vandaag = timezone.localdate()
        grens = (
            vandaag.replace(year=vandaag.year - jaren)
            if not (vandaag.month == 2 and vandaag.day == 29)
            else datetime.date(vandaag.year - jaren, 2, 28)
        )
        te_wissen = (
            Initiatiefnemer.objects.exclude(contact="")
            .filter(initiatief__status__in=AFGESLOTEN)
            .annotate(afgesloten_op=Max("initiatief__overgangen__datum"))
            .filter(afgesloten_op__lt=grens)
        )
        aantal = Initiatiefnemer.objects.filter(
            pk__in=list(te_wissen.values_list("pk", flat=True))
        ).update(contact="", contact_gewist_op=vandaag)
        self.stdout.write(f"Contactgegevens gewist van {aantal} initiatiefnemer(s).")
