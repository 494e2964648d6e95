"""Test data for the wijkprofiel: a CBS table's figures as rows, and buurten of own areas."""

import datetime
from decimal import Decimal

from wijkprofiel.models import Buurtindeling, Cijfer, Cijfertabel, Regiojaar


def cbs_tabel(jaar: int, figures: dict, *, tabel: str = "85984NED", gewijzigd=(), namen=None):
    """A table read in for `jaar`: `figures` maps a region code to {indicator: value}, a
    value None being a missing figure. Every region gets a Regiojaar row."""
    rij = Cijfertabel.objects.create(tabel=tabel, jaar=jaar, bestandsnaam=f"{tabel}.csv")
    namen = namen or {}
    Regiojaar.objects.bulk_create(
        Regiojaar(
            tabel=rij,
            jaar=jaar,
            regiocode=code,
            naam=namen.get(code, code),
            indeling_gewijzigd=code in gewijzigd,
        )
        for code in figures
    )
    Cijfer.objects.bulk_create(
        Cijfer(
            tabel=rij,
            jaar=jaar,
            regiocode=code,
            indicator=indicator,
            waarde=None if waarde is None else Decimal(str(waarde)),
        )
        for code, per in figures.items()
        for indicator, waarde in per.items()
    )
    return rij


def koppel(gebied, *codes, van: datetime.date | None = None, tot: datetime.date | None = None):
    return [
        Buurtindeling.objects.create(gebied=gebied, buurtcode=c, geldig_van=van, geldig_tot=tot)
        for c in codes
    ]
