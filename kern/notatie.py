"""Dutch notation of amounts, numbers, dates and choices: the one place every page, report,
export and message takes them from.

Numbers go through Django's `number_format` (the Dutch separators of the active locale) with a
real minus sign (−) as Dutch financial tables print it. Dates use Django's translated month
names; they are written out here rather than by `date_format`, which costs 40 times as much and
timelines, signals and reports write hundreds of dates per page.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.translation import gettext as _

MIN = "\u2212"  # the minus sign of printed tables, not the hyphen


def _met_min(tekst: str) -> str:
    return MIN + tekst[1:] if tekst.startswith("-") else tekst


def bedrag(waarde: Decimal) -> str:
    """1.234,56 and −48,00 (no currency sign)."""
    return _met_min(number_format(waarde, 2, force_grouping=True))


def euro(waarde: Decimal) -> str:
    """€ 1.234,56 and € −48,00."""
    return f"€ {bedrag(waarde)}"


def euro_heel(waarde: Decimal) -> str:
    """Whole euros, as the paragraph's sentences print them: € 1.235 and € −48."""
    return f"€ {getal(int(Decimal(waarde).quantize(Decimal(1))))}"


def getal(waarde: int) -> str:
    """A whole number: 1.782 and −48."""
    return _met_min(number_format(int(waarde), 0, force_grouping=True))


def datum(waarde: datetime.date) -> str:
    """22 november 2026."""
    return f"{waarde.day} {MONTHS[waarde.month]} {waarde.year}"


def datum_kort(waarde: datetime.date) -> str:
    """22-11-2026, as spreadsheets and the change history show dates."""
    return f"{waarde.day:02d}-{waarde.month:02d}-{waarde.year}"


def moment(waarde: datetime.datetime) -> str:
    """22 november 2026 14:05, in the local time zone."""
    lokaal = timezone.localtime(waarde)
    return f"{datum(lokaal)} {lokaal:%H:%M}"


def keuzes(soort) -> dict[str, str]:
    """The labels of a kind of choice (e.g. statuses) as readers see them, by value: looked up
    once for a list of thousands rather than per row."""
    return {str(waarde): str(label) for waarde, label in soort.choices}


def veldwaarde(obj, naam: str):
    """A model field's value as a reader sees it: choice labels, Ja/Nee, Dutch dates, amounts,
    '–' for empty; related rows and text as they are (a template escapes them)."""
    weergave = getattr(obj, f"get_{naam}_display", None)
    waarde = weergave() if weergave else getattr(obj, naam)
    if isinstance(waarde, bool):
        return _("Ja") if waarde else _("Nee")
    if isinstance(waarde, Decimal):
        return bedrag(waarde)
    if isinstance(waarde, datetime.date):
        return datum(waarde)
    if hasattr(waarde, "all") and callable(waarde.all):  # a many-to-many field
        return ", ".join(str(o) for o in waarde.all()) or "–"
    return waarde if waarde not in (None, "") else "–"
