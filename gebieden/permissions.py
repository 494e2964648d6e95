"""Who may do what: the role checks every view and queryset uses.

Roles are Django groups (see constants.Groep). The object rule "only my areas" lives in
`GebiedQuerySet.bewerkbaar_voor`; these helpers answer the role questions.
"""

from .constants import Groep


def _groepen(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_groepnamen"):
        user._groepnamen = set(user.groups.values_list("name", flat=True))
    return user._groepnamen


def is_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or Groep.COORDINATOR in _groepen(user))


def is_wijkambtenaar(user) -> bool:
    return Groep.WIJKAMBTENAAR in _groepen(user)


def is_financien(user) -> bool:
    return Groep.FINANCIEN in _groepen(user)


def is_raadslid(user) -> bool:
    return Groep.RAADSLID in _groepen(user)


def kan_gebied_bewerken(user, gebied) -> bool:
    from .models import Gebied

    return Gebied.objects.bewerkbaar_voor(user).filter(pk=gebied.pk).exists()


def is_werkplek_gebruiker(user) -> bool:
    """The werkplek (dashboard, focus point lists, signals, history) is for area officials and
    coordinators; council members and financial staff do not see it."""
    return is_coordinator(user) or is_wijkambtenaar(user)
