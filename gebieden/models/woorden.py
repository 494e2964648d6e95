"""The municipality's own words for its kinds of area, its officials' roles, its platforms and
its visions: kern for dorp, kernambtenaar for dorpsambtenaar, dorpsraad for dorpsplatform.

The defaults are the labels in gebieden.constants; the settings screen stores only the words
that differ (`Gemeente.woorden`, by category and code). The model fields take their choices
from the functions below (Django calls them each time), so every `get_*_display`, form,
filter, signal and report speaks the municipality's words while the stored codes stay the same.
Each word is written out whole, never composed: dorpsplatform, not dorp + platform.
"""

from django.utils.translation import gettext_lazy as _

from ..constants import GebiedSoort, PlatformSoort, Rol, VisieSoort
from .gemeente import lees

MEERVOUD = {
    GebiedSoort.GEBIED: _("gebieden"),
    GebiedSoort.WIJK: _("wijken"),
    GebiedSoort.DORP: _("dorpen"),
    GebiedSoort.BUURT: _("buurten"),
}

# Category -> the default word of each code.
STANDAARD = {
    "soort": dict(GebiedSoort.choices),
    "meervoud": MEERVOUD,
    "rol": dict(Rol.choices),
    "platform": dict(PlatformSoort.choices),
    "visie": dict(VisieSoort.choices),
}

# The platform and vision a kind of area has as its own, for sentences such as "Geen
# dorpsplatform."; other kinds say "platform" and "visie".
EIGEN_PLATFORM = {
    GebiedSoort.WIJK: PlatformSoort.WIJKPLATFORM,
    GebiedSoort.DORP: PlatformSoort.DORPSPLATFORM,
}
EIGEN_VISIE = {GebiedSoort.WIJK: VisieSoort.WIJKVISIE, GebiedSoort.DORP: VisieSoort.DORPSVISIE}


def standaard(categorie: str, code: str) -> str:
    return str(STANDAARD[categorie][code])


def woord(categorie: str, code: str) -> str:
    """The municipality's word for `code` in `categorie` ("soort", "meervoud", "rol",
    "platform", "visie"), else the default; an unknown code is returned as it is."""
    eigen = lees().woorden.get(categorie, {}).get(code)
    if eigen:
        return eigen
    standaarden = STANDAARD[categorie]
    return str(standaarden[code]) if code in standaarden else code


def meervoud(soort: str) -> str:
    return woord("meervoud", soort)


def platformwoord(soort: str) -> str:
    """The word for the platform of an area of kind `soort`: wijkplatform, dorpsplatform."""
    eigen = EIGEN_PLATFORM.get(soort)
    return woord("platform", eigen) if eigen else str(_("platform"))


def visiewoord(soort: str) -> str:
    """The word for the vision of an area of kind `soort`: wijkvisie, dorpsvisie."""
    eigen = EIGEN_VISIE.get(soort)
    return woord("visie", eigen) if eigen else str(_("visie"))


def _keuzes(categorie: str) -> list[tuple[str, str]]:
    return [(code, woord(categorie, code)) for code in STANDAARD[categorie]]


def soort_keuzes() -> list[tuple[str, str]]:
    return _keuzes("soort")


def rol_keuzes() -> list[tuple[str, str]]:
    return _keuzes("rol")


def platform_keuzes() -> list[tuple[str, str]]:
    return _keuzes("platform")


def visie_keuzes() -> list[tuple[str, str]]:
    return _keuzes("visie")
