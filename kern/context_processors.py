from .rollen import is_coordinator, is_financien, is_raadslid, is_wijkambtenaar


def navigatie(request):
    """What the navigation needs: the user's roles (the municipality's name and logo come from
    gebieden.context_processors.gemeente)."""
    user = request.user
    return {
        "rol": {
            "coordinator": is_coordinator(user),
            "wijkambtenaar": is_wijkambtenaar(user),
            "financien": is_financien(user),
            "raadslid": is_raadslid(user),
        },
    }
