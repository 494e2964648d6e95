"""One CSV exporter: every text cell defused, amounts and dates as the imports read them."""

import csv
import datetime
import io
from decimal import Decimal

from kern.csvexport import cel, csv_antwoord, lees_cel


def rijen(response) -> list[list[str]]:
    tekst = response.content.decode("utf-8")
    assert tekst.startswith("\ufeff")  # Excel recognises UTF-8 by this mark
    return list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_defused():
    for gevaarlijk in ['=HYPERLINK("x")', "+31", "-2+3", "@SUM(A1)", "\tx"]:
        assert cel(gevaarlijk) == "'" + gevaarlijk
    assert cel("Wijkbudget") == "Wijkbudget"


def test_numbers_amounts_and_dates_are_written_as_values_not_defused():
    assert cel(Decimal("-48.5")) == "-48,50"
    assert cel(2021) == "2021"
    assert cel(datetime.date(2021, 3, 5)) == "05-03-2021"
    assert cel(None) == ""
    assert cel(True) == "ja"


def test_defused_text_reads_back_as_it_was():
    for tekst in ["=1+1", "-min", "gewoon", "'al met apostrof"]:
        assert lees_cel(cel(tekst)) == tekst


def test_download_has_semicolons_a_heading_and_defused_cells():
    response = csv_antwoord("x.csv", ["Naam", "Bedrag"], [["=cmd", Decimal("12.5")]])
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert rijen(response) == [["Naam", "Bedrag"], ["'=cmd", "12,50"]]
