"""Dutch presentation helpers shared by every app: dates in words and CSV downloads for Excel."""

import csv
import datetime

from django.http import HttpResponse

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def nl_datum(datum: datetime.date) -> str:
    """22 november 2026. Written out here rather than by Django's date_format: the product is
    Dutch only, and signals and the paragraph format thousands of dates per page."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


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
