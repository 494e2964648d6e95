"""Dutch notation of amounts, numbers, dates and choices: the one place Python code (reports,
exports, messages, signals) and the template filters `euro`, `nl_getal`, `nl_datum` and
`nl_moment` take them from. (Templates may also write dates with Django's own `date` filter.)

Numbers are grouped with the separators of the active locale (Django's `get_format`: 1.234,56 in
Dutch) and get a real minus sign (−) as Dutch financial tables print it. Dates use Django's
translated month names. Both are written out here rather than by `number_format` and
`date_format`, which cost two and forty times as much: a paragraph writes thousands of numbers,
timelines and signals hundreds of dates.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import get_format
from django.utils.translation import gettext as _

MIN = "\u2212"  # the minus sign of printed tables, not the hyphen


def _gegroepeerd(heel: str, negatief: bool) -> str:
    """'1,234' (Python's grouping) in the locale's notation, with a real minus sign."""
    tekst = heel.replace(",", get_format("THOUSAND_SEPARATOR"))
    return MIN + tekst if negatief else tekst


def bedrag(waarde: Decimal) -> str:
    """1.234,56 and −48,00 (no currency sign)."""
    heel, _punt, cent = f"{abs(waarde):,.2f}".partition(".")
    return _gegroepeerd(heel, waarde < 0) + get_format("DECIMAL_SEPARATOR") + cent


def euro(waarde: Decimal) -> str:
    """€ 1.234,56 and € −48,00."""
    return f"€ {bedrag(waarde)}"


def euro_heel(waarde: Decimal) -> str:
    """Whole euros, as the paragraph's sentences print them: € 1.235 and € −48, the sign and
    the amount joined by a non-breaking space, so a line never ends with a lone "€"."""
    heel = int(Decimal(waarde).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"€\u00a0{getal(heel)}"


def decimaal(waarde: Decimal, decimalen: int) -> str:
    """A figure rounded half up to `decimalen` places: 4.520, 2,4 and −0,3."""
    afgerond = Decimal(waarde).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    if not decimalen:
        return getal(int(afgerond))
    heel, _punt, rest = f"{abs(afgerond):,.{decimalen}f}".partition(".")
    return _gegroepeerd(heel, afgerond < 0) + get_format("DECIMAL_SEPARATOR") + rest


def getal(waarde: int) -> str:
    """A whole number: 1.782 and −48."""
    waarde = int(waarde)
    return _gegroepeerd(f"{abs(waarde):,}", waarde < 0)


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
