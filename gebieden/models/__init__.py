from .aandacht import Aandachtsperiode
from .activiteit import Activiteit
from .doel import Doel, Doeloordeel
from .focuspunt import Focuspunt, FocuspuntUpdate
from .gebied import Gebied, Thema
from .gebiedsimport import Gebiedsimport
from .gemeente import Gemeente
from .mensen import Partner, Persoon, Toewijzing
from .rondom import Platform, Visie

__all__ = [
    "Aandachtsperiode",
    "Activiteit",
    "Doel",
    "Doeloordeel",
    "Focuspunt",
    "FocuspuntUpdate",
    "Gebied",
    "Gebiedsimport",
    "Gemeente",
    "Partner",
    "Persoon",
    "Platform",
    "Thema",
    "Toewijzing",
    "Visie",
]
