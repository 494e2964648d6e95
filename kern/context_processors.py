from django.conf import settings

from .rollen import is_coordinator, is_financien, is_raadslid, is_wijkambtenaar


def navigatie(request):
    """What the header and navigation need: the municipality and the user's roles."""
    user = request.user
    return {
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "rol": {
            "coordinator": is_coordinator(user),
            "wijkambtenaar": is_wijkambtenaar(user),
            "financien": is_financien(user),
            "raadslid": is_raadslid(user),
        },
    }
