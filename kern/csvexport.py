"""CSV downloads as Dutch Excel opens them (semicolons, UTF-8 with BOM), with every text cell
defused: a cell starting with = + - @ (or a tab or return) would run as a formula, so it gets a
leading apostrophe. Imports strip that apostrophe again (`lees_cel`), so what an export
writes can be read back unchanged."""

import csv
import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.http import HttpResponse

from .bedragen import schrijf_bedrag
from .notatie import datum_kort

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def cel(waarde) -> str:
    """One cell: amounts as the import reads them (1234,56), dates dd-mm-jjjj, text defused."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, Decimal):
        return schrijf_bedrag(waarde)
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, datetime.date):
        return datum_kort(waarde)
    tekst = str(waarde)
    return "'" + tekst if tekst.startswith(FORMULETEKENS) else tekst


def lees_cel(tekst: str) -> str:
    """Undo `cel`'s defusing of a text cell read back from an export."""
    if tekst.startswith("'") and tekst[1:].startswith(FORMULETEKENS):
        return tekst[1:]
    return tekst


def csv_antwoord(bestandsnaam: str, koppen: list[str], rijen: Iterable[Iterable]) -> HttpResponse:
    """The download: a heading row, then every row with each cell through `cel`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    response.write("\ufeff")
    schrijver = csv.writer(response, delimiter=";")
    schrijver.writerow([cel(kop) for kop in koppen])
    schrijver.writerows([cel(waarde) for waarde in rij] for rij in rijen)
    return response
