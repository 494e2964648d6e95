"""Demo figures for Woerden, 2019–2021: a wijk- or dorpsbudget per area, an Algemeen line,
and the inwonersinitiatievenbudget that the 2020 report says was dropped after 2019.
Invented amounts; loaded after the gebieden demo, safe to run again."""

from decimal import Decimal

from gebieden.demo import GEBIEDEN
from gebieden.models import Gebied

from .models import Begrotingsjaar, Begrotingspost

D = Decimal
# (area, budget per year, realisation 2019, 2020, 2021)
WIJKBUDGETTEN = {
    "Schilderskwartier": (D("25000"), D("21400.50"), D("26300.00"), D("18950.25")),
    "Bloemen- en bomenkwartier": (D("15000"), D("9800.00"), D("7250.40"), D("12100.00")),
    "Molenvliet": (D("25000"), D("27150.00"), D("11200.00"), D("24800.75")),
    "Snel & Polanen inclusief Waterrijk": (D("20000"), D("18900.00"), D("19400.00"), D("21350.00")),
    "Binnenstad": (D("20000"), D("16400.00"), D("22950.80"), D("19000.00")),
    "Staatsliedenkwartier": (D("15000"), D("8100.00"), D("13600.00"), D("14950.00")),
    "Rijnoevers": (D("15000"), D("14200.00"), D("6300.00"), D("16900.00")),
    "Harmelen": (D("30000"), D("28750.00"), D("17400.00"), D("31500.00")),
    "Zegveld": (D("20000"), D("19950.00"), D("23800.00"), D("17600.00")),
    "Kamerik": (D("20000"), D("15200.00"), D("18900.00"), D("20400.00")),
}
JAREN = [2019, 2020, 2021]


def laad():
    jaren = {j: Begrotingsjaar.objects.get_or_create(jaar=j)[0] for j in JAREN}
    gebieden = {g.naam: g for g in Gebied.objects.filter(naam__in=[n for n, *_ in GEBIEDEN])}
    for naam, (budget, *realisaties) in WIJKBUDGETTEN.items():
        soort = "Dorpsbudget" if gebieden[naam].soort == "dorp" else "Wijkbudget"
        for jaar, realisatie in zip(JAREN, realisaties, strict=True):
            post(jaren[jaar], gebieden[naam], f"{soort} {naam}", budget, budget, realisatie)
    for jaar, realisatie in zip(JAREN, [D("48200"), D("51900.60"), D("49750")], strict=True):
        post(
            jaren[jaar], None, "Algemeen gebiedsgericht werken", D("50000"), D("52500"), realisatie
        )
    post(
        jaren[2019],
        None,
        "Inwonersinitiatievenbudget",
        D("40000"),
        D("40000"),
        D("33150"),
        termijn=0,
    )
    for jaar in (2019, 2020):
        Begrotingsjaar.objects.filter(pk=jaren[jaar].pk).update(gesloten=True)


def post(jaar, gebied, naam, primitief, gewijzigd, realisatie, termijn=None):
    Begrotingspost.objects.get_or_create(
        jaar=jaar,
        gebied=gebied,
        naam=naam,
        defaults={
            "primitieve_begroting": primitief,
            "begroting_na_wijziging": gewijzigd,
            "realisatie": realisatie,
            "bestedingstermijn": termijn,
        },
    )
