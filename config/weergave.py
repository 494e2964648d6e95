"""Dutch presentation helpers shared by every app: dates in words and CSV downloads for Excel."""

import csv
import datetime

from django.http import HttpResponse
from django.utils.formats import date_format


def nl_datum(datum: datetime.date) -> str:
    """22 november 2026."""
    return date_format(datum, "j F Y")


def csv_antwoord(bestandsnaam: str):
    """A CSV download as Dutch Excel reads it (semicolons, UTF-8 with BOM); returns the response
    and a writer for it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";")


def csv_veilig(waarde) -> str:
    """Text for a spreadsheet cell: a leading = + - @ would be run as a formula, so quote it."""
    tekst = "" if waarde is None else str(waarde)
    return "'" + tekst if tekst[:1] in ("=", "+", "-", "@", "\t", "\r") else tekst
