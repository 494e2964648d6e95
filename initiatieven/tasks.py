"""Background tasks of the initiatives app."""

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from .services import wis_contactgegevens


@task
def wis_verlopen_contactgegevens() -> int:
    """Nightly: erase the contact data of initiators whose initiative was closed longer ago
    than the retention term (manage.py wis_contactgegevens does the same by hand)."""
    return wis_contactgegevens(
        vandaag=timezone.localdate(), jaren=settings.BEWAARTERMIJN_CONTACT_JAREN
    )


NACHTWERK = [wis_verlopen_contactgegevens]
