"""The regions (gemeente, wijken, buurten) of a CBS file as a user downloads it, without network:

- the yearly "Kerncijfers wijken en buurten" file (kwb-YYYY.xlsx or kwb-YYYY.csv): one row per
  region of the whole country, with the columns `gwb_code_10` (NL00, GM0632, WK063201,
  BU06320101), `regio` (the name), `gm_naam` (the municipality's name) and `recs` (Land,
  Gemeente, Wijk, Buurt);
- StatLine's CSV download of a table per wijk en buurt ("CSV met statistische symbolen"):
  semicolon-separated, every field quoted, label headings such as "Wijken en buurten" and
  "Regioaanduiding/Codering (code)" and "Regioaanduiding/Soort regio (omschrijving)", and codes
  and names padded with spaces ("WK063201  ").

The column names and code formats are CBS's own and documented in docs/inrichten.md. Both
forms are recognised by their headings; rows of other municipalities are left out.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CODE_RE = re.compile(r"^(GM\d{4}|WK\d{6}|BU\d{8})$")
SOORT_VAN_RECS = {"gemeente": "GM", "wijk": "WK", "buurt": "BU"}
KOPREGELS = 10  # the heading is looked for in this many first rows
GEEN_CBS = gettext_lazy(
    "Dit is geen bestand van het CBS met wijken en buurten: in de eerste regels staan niet de "
    "kolommen gwb_code_10, regio en recs (Kerncijfers wijken en buurten) of Codering en Soort "
    "regio (StatLine)."
)


class GeenCbsBestand(ValueError):
    """The file is neither a kwb file nor a StatLine download of wijken en buurten."""


@dataclass(frozen=True)
class Regio:
    rij: int  # the row number in the file, for messages
    code: str  # GM0632, WK063201, BU06320101
    naam: str

    @property
    def niveau(self) -> str:
        """GM, WK or BU."""
        return self.code[:2]

    @property
    def wijkcode(self) -> str:
        """The code of the wijk a buurt lies in (WK + gemeente + wijk digits)."""
        return "WK" + self.code[2:8]


def _kop(tekst: str) -> str:
    return " ".join(tekst.strip().lower().split())


def _kwb_kolommen(koppen: list[str]) -> dict[str, int] | None:
    namen = {_kop(k): i for i, k in enumerate(koppen)}
    if {"gwb_code_10", "regio", "recs"} <= namen.keys():
        return {"code": namen["gwb_code_10"], "naam": namen["regio"], "soort": namen["recs"]}
    return None


def _statline_kolommen(koppen: list[str]) -> dict[str, int] | None:
    """StatLine labels its columns in words; the region's name is the first column."""
    code = soort = None
    for i, kop in enumerate(_kop(k) for k in koppen):
        if "codering" in kop and code is None:
            code = i
        elif "soort regio" in kop and soort is None:
            soort = i
    if code is None or soort is None:
        return None
    return {"code": code, "naam": 0, "soort": soort}


def regios(rijen: Iterable[list[str]], gemeentecode: str) -> Iterator[Regio]:
    """The regions of municipality `gemeentecode` (GM0632) in the file's rows, in file order:
    its own row, its wijken and its buurten. The heading row is found among the first rows
    (StatLine may put a title above it); a file with neither heading raises GeenCbsBestand."""
    cijfers = gemeentecode[2:]
    kolommen = None
    nummer = 0
    for nummer, rij in enumerate(rijen, start=1):
        cellen = [c.strip() for c in rij]
        if kolommen is None:
            kolommen = _kwb_kolommen(cellen) or _statline_kolommen(cellen)
            if kolommen is None and nummer >= KOPREGELS:
                raise GeenCbsBestand(GEEN_CBS)
            continue
        if len(cellen) <= max(kolommen.values()):
            continue  # an empty row, or StatLine's closing line ("Bron: CBS")
        code = cellen[kolommen["code"]].upper()
        if not CODE_RE.match(code) or code[2:6] != cijfers:
            continue
        soort = SOORT_VAN_RECS.get(cellen[kolommen["soort"]].lower())
        if soort is not None and soort != code[:2]:
            continue
        yield Regio(nummer, code, cellen[kolommen["naam"]])
    if kolommen is None:
        raise GeenCbsBestand(GEEN_CBS if nummer else _("Het bestand is leeg."))
