from .instellingen import gemeente as lees_gemeente


def gemeente(request):
    """The municipality's name and whether it has a logo, for the header (from the cache)."""
    rij = lees_gemeente()
    return {"gemeente_naam": rij.naam, "gemeente_logo": bool(rij.logo)}
