"""The roles (Django groups) and the questions every view and queryset asks about them.

The object rule "only my areas" belongs to the areas themselves
(`gebieden.query.GebiedQuerySet.bewerkbaar_voor`); these functions answer the role questions.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Groep(models.TextChoices):
    """The roles as Django groups (created by a data migration of gebieden)."""

    COORDINATOR = "Coördinator", _("Coördinator")
    WIJKAMBTENAAR = "Wijkambtenaar", _("Wijkambtenaar")
    FINANCIEN = "Financiën", _("Financiën")
    RAADSLID = "Raadslid", _("Raadslid")


def groepen(user) -> set[str]:
    """The names of the user's groups, read once per request (kept on the user object)."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_groepnamen"):
        user._groepnamen = set(user.groups.values_list("name", flat=True))
    return user._groepnamen


def is_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or Groep.COORDINATOR in groepen(user))


def is_wijkambtenaar(user) -> bool:
    return Groep.WIJKAMBTENAAR in groepen(user)


def is_financien(user) -> bool:
    return Groep.FINANCIEN in groepen(user)


def is_raadslid(user) -> bool:
    return Groep.RAADSLID in groepen(user)


def is_werkplek_gebruiker(user) -> bool:
    """The werkplek (dashboard, focus point lists, signals, initiatives) is for area officials
    and coordinators; council members and financial staff do not see it."""
    return is_coordinator(user) or is_wijkambtenaar(user)


def mag_cijfers_wijzigen(user) -> bool:
    """Budget figures are changed by financial staff and coordinators."""
    return is_coordinator(user) or is_financien(user)
