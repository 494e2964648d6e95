"""Background tasks of the initiatives app."""

from django.tasks import task
from django.utils import timezone

from gebieden.instellingen import gemeente as gemeente_instellingen

from .services import wis_contactgegevens


@task
def wis_verlopen_contactgegevens() -> int:
    """Nightly: erase the contact data of initiators whose initiative was closed longer ago
    than the retention term (manage.py wis_contactgegevens does the same by hand)."""
    return wis_contactgegevens(
        vandaag=timezone.localdate(), jaren=gemeente_instellingen().bewaartermijn_contact_jaren
    )


NACHTWERK = [wis_verlopen_contactgegevens]
