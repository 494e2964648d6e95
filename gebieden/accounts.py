"""Login accounts for people, managed by the coordinator: create one with its roles, change the
roles, block or unblock it, and invite its owner by e-mail to set a password.

The coordinator never sees or chooses a password: the account gets an unusable one, and the
invitation carries a link (Django's password-reset token) that lets its owner set their own.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from kern.versie import claim_versie

from .instellingen import gemeente
from .models import Persoon


class AlEenAccount(Exception):
    """The person got an account in the meantime (another coordinator was quicker)."""


@transaction.atomic
def maak_account(*, persoon: Persoon, gebruikersnaam: str, rollen: list[str]):
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    if persoon.gebruiker_id is not None:
        raise AlEenAccount
    gebruiker = get_user_model().objects.create_user(
        username=gebruikersnaam, email=persoon.email, first_name=persoon.naam[:150]
    )  # no password given: an unusable one, until the owner sets theirs
    gebruiker.groups.set(Group.objects.filter(name__in=rollen))
    claim_versie(persoon, None)  # a person form opened before this must not unlink it
    persoon.gebruiker = gebruiker
    persoon.save(update_fields=["gebruiker", "versie"])
    return gebruiker


class AlGewijzigd(Exception):
    """Someone else changed the account's roles or blocking since the form was opened."""


def stand(gebruiker) -> str:
    """What an account form was opened on (its roles, whether it may log in), to notice a
    change made by someone else in between."""
    rollen = sorted(gebruiker.groups.values_list("name", flat=True))
    return ",".join(rollen) + ("|actief" if gebruiker.is_active else "|geblokkeerd")


@transaction.atomic
def wijzig_account(*, gebruiker, rollen: list[str], actief: bool, geopend_op: str) -> None:
    gebruiker = get_user_model().objects.select_for_update().get(pk=gebruiker.pk)
    if stand(gebruiker) != geopend_op:
        raise AlGewijzigd
    gebruiker.groups.set(Group.objects.filter(name__in=rollen))
    if gebruiker.is_active != actief:
        gebruiker.is_active = actief  # a blocked account's sessions stop working at once
        gebruiker.save(update_fields=["is_active"])


def uitnodigingslink(*, gebruiker, basis_url: str) -> str:
    """The link with which the account's owner sets a password (Django's reset token)."""
    pad = reverse(
        "wachtwoord_instellen",
        args=[
            urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            default_token_generator.make_token(gebruiker),
        ],
    )
    return basis_url.rstrip("/") + pad


def stuur_uitnodiging(*, gebruiker, adres: str, basis_url: str) -> None:
    """E-mail `adres` a link to set the account's password. `basis_url` is the scheme and host
    the coordinator used, so the link points at the same installation."""
    context = {
        "gebruiker": gebruiker,
        "link": uitnodigingslink(gebruiker=gebruiker, basis_url=basis_url),
        "gemeente": gemeente().naam,
        "dagen": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
    }
    send_mail(
        _("Uw account voor Gebiedsgericht werken – %(gemeente)s") % context,
        render_to_string("gebieden/uitnodiging.txt", context),
        None,
        [adres],
    )
