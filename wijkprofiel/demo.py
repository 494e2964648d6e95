"""Demo data of the wijkprofiel: CBS-style figures for 2019 and 2020 and a schematic map of the
demo municipality's areas. The outlines are rectangles in the Dutch grid around Woerden, not
CBS's boundaries (no network here to fetch them); the file name of the boundary version says
so. Figures are invented but shaped as CBS publishes them: wijk and municipality rows of their
own (counts rounded to fives), a secret value in a small buurt, a changed boundary in 2020.
Safe to run again."""

import random
from decimal import Decimal

import shapely

from gebieden.models import Gebied

from .indicatoren import EXACT, INDICATOREN, SOM
from .models import Buurtgrens, Buurtindeling, Cijfer, Cijfertabel, Grensversie, Regiojaar

GEMEENTE = "GM0632"
JAREN = {2019: "84583NED", 2020: "84799NED"}
DEMO_GRENZEN = "demo, schematische kaart (geen echte grenzen van het CBS)"

# (own area, CBS wijk, [(buurt name, column, row, width, height)]): a grid of 1 km cells,
# origin at RD (116000, 449000). Molenvliet takes buurten of two CBS wijken, so its figures
# are computed; the others are exactly one CBS wijk, so they show CBS's own.
INDELING = [
    ("Zegveld", "WK063209", [("Zegveld-dorp", 0, 6, 2, 2), ("Zegveld-polder", 0, 8, 3, 2)]),
    ("Schilderskwartier", "WK063201", [("Schilderskwartier", 5, 5, 1, 1)]),
    (
        "Bloemen- en bomenkwartier",
        "WK063202",
        [("Bloemenkwartier", 6, 5, 1, 1), ("Bomenkwartier", 6, 6, 1, 1)],
    ),
    ("Binnenstad", "WK063203", [("Binnenstad", 5, 4, 1, 1), ("Oude Rijn", 6, 4, 1, 1, True)]),
    ("Staatsliedenkwartier", "WK063204", [("Staatsliedenkwartier", 4, 4, 1, 1)]),
    ("Rijnoevers", "WK063205", [("Rijnoevers", 4, 5, 1, 1)]),
    (
        "Snel & Polanen inclusief Waterrijk",
        "WK063206",
        [("Snel en Polanen", 3, 4, 1, 2), ("Waterrijk", 2, 4, 1, 2)],
    ),
    ("Molenvliet", "WK063207", [("Molenvliet-Noord", 4, 3, 2, 1), ("Molenvliet-Zuid", 4, 2, 2, 1)]),
    ("Molenvliet", "WK063208", [("Molenvliet-Oost", 6, 2, 1, 2)]),
    ("Kamerik", "WK063210", [("Kamerik-dorp", 2, 0, 2, 2), ("Kamerik-Teijlingens", 0, 0, 2, 2)]),
    ("Harmelen", "WK063211", [("Harmelen-dorp", 8, 4, 2, 2), ("Haanwijk", 8, 6, 2, 1)]),
]
CEL, X0, Y0 = 1000, 116000, 449000


def _buurten():
    """(own area, wijk code, buurt code, name, water, polygon) of every demo buurt."""
    for gebied, wijk, buurten in INDELING:
        for nummer, (naam, kolom, rij, breedte, hoogte, *water) in enumerate(buurten, start=1):
            vorm = shapely.box(
                X0 + kolom * CEL, Y0 + rij * CEL, X0 + (kolom + breedte) * CEL,
                Y0 + (rij + hoogte) * CEL,
            )  # fmt: skip
            yield gebied, wijk, f"BU{wijk[2:]}{nummer:02}", naam, bool(water), vorm


def _buurtcijfers(code: str, jaar: int, oppervlakte_ha: float, water: bool) -> dict:
    """A buurt's figures: counts that add up, averages and percentages in their ranges; the
    same buurt grows a little from one year to the next."""
    if water:
        return {"a_inw": 0, "a_hh": 0, "a_woning": 0, "a_lan_ha": 0}
    r = random.Random(code)  # noqa: S311 - invented demo figures, not secrets
    groei = 1 + (jaar - 2019) * random.Random(f"{code}{jaar}").uniform(-0.01, 0.025)  # noqa: S311
    inwoners = round(r.randint(1200, 5200) * groei)
    delen = [r.uniform(0.14, 0.2), r.uniform(0.1, 0.13), r.uniform(0.22, 0.28)]
    delen.append(r.uniform(0.24, 0.3))
    leeftijden = [round(inwoners * d) for d in delen]
    leeftijden.append(inwoners - sum(leeftijden))
    huishoudens = round(inwoners / r.uniform(2.1, 2.6))
    woningen = round(huishoudens * r.uniform(0.97, 1.03))
    land = round(oppervlakte_ha * r.uniform(0.85, 0.98))
    koop = r.uniform(45, 80)
    return {
        "a_inw": inwoners,
        **dict(
            zip(["a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo"], leeftijden, strict=True)
        ),
        "a_hh": huishoudens,
        "a_1p_hh": round(huishoudens * r.uniform(0.25, 0.42)),
        "g_hhgro": round(Decimal(inwoners) / huishoudens, 1),
        "a_woning": woningen,
        "g_wozbag": r.randint(240, 420) + (jaar - 2019) * r.randint(8, 24),
        "p_koopw": round(Decimal(koop), 1),
        "p_huurw": round(Decimal(100 - koop), 1),
        "a_soz_wb": round(inwoners * r.uniform(0.008, 0.03)),
        "a_soz_ao": round(inwoners * r.uniform(0.03, 0.05)),
        "a_soz_ww": round(inwoners * r.uniform(0.005, 0.012)),
        "a_soz_ow": leeftijden[-1] + r.randint(-20, 20),
        "a_lan_ha": land,
        "bev_dich": round(inwoners / (land / 100)),
        "g_afs_hp": round(Decimal(r.uniform(0.4, 2.5)), 1),
        "g_afs_gs": round(Decimal(r.uniform(0.3, 2.8)), 1),
        "g_afs_sc": round(Decimal(r.uniform(0.3, 1.6)), 1),
        "g_ink_pi": round(Decimal(r.uniform(27, 38)), 1),
        "p_hh_li": round(Decimal(r.uniform(4, 12)), 1),
    }


def _samen(delen: list[dict]) -> dict:
    """A wijk's or the municipality's own row from its buurten, as CBS would publish it:
    counts rounded to fives, the rest weighted; an EXACT figure weighted as an approximation
    (CBS computes it from the persons, which the demo does not have)."""
    rij = {}
    for indicator in INDICATOREN:
        if indicator.regel == SOM:
            rij[indicator.code] = 5 * round(sum(d.get(indicator.code) or 0 for d in delen) / 5)
            continue
        noemer = indicator.noemer or "a_inw"
        paren = [(d.get(indicator.code), d.get(noemer) or 0) for d in delen]
        gewicht = sum(g for w, g in paren if w is not None)
        if gewicht:
            waarde = sum(Decimal(w) * g for w, g in paren if w is not None) / gewicht
            decimalen = 1 if indicator.eenheid == "%" or indicator.regel == EXACT else 0
            rij[indicator.code] = round(waarde, max(decimalen, indicator.decimalen))
    return rij


def laad():
    if Cijfertabel.objects.filter(tabel__in=JAREN.values()).exists():
        return
    buurten = list(_buurten())
    for jaar, tabel in JAREN.items():
        rij = Cijfertabel.objects.create(tabel=tabel, jaar=jaar, bestandsnaam=f"{tabel}.csv")
        per_buurt = {
            code: _buurtcijfers(code, jaar, vorm.area / 10_000, water)
            for _g, _w, code, _n, water, vorm in buurten
        }
        per_buurt["BU06320101"]["a_soz_wb"] = None  # secret: too few people
        regios = {GEMEENTE: ("Woerden", _samen(list(per_buurt.values())))}
        for _gebied, wijk, buurtlijst in INDELING:
            codes = [f"BU{wijk[2:]}{n:02}" for n in range(1, len(buurtlijst) + 1)]
            regios[wijk] = (_wijknaam(wijk), _samen([per_buurt[c] for c in codes]))
        for _g, _w, code, naam, _water, _v in buurten:
            regios[code] = (naam, per_buurt[code])
        Regiojaar.objects.bulk_create(
            Regiojaar(
                tabel=rij,
                jaar=jaar,
                regiocode=code,
                naam=naam,
                indeling_gewijzigd=jaar == 2020 and code == "BU06320701",
            )
            for code, (naam, _c) in regios.items()
        )
        Cijfer.objects.bulk_create(
            Cijfer(
                tabel=rij,
                jaar=jaar,
                regiocode=code,
                indicator=indicator,
                waarde=None if waarde is None else Decimal(waarde),
            )
            for code, (_naam, cijfers) in regios.items()
            for indicator, waarde in cijfers.items()
        )
    versie = Grensversie.objects.create(
        jaar=2020,
        bestandsnaam="demo",
        bron=DEMO_GRENZEN,
        stelsel="RD New (EPSG:28992)",
    )
    Buurtgrens.objects.bulk_create(
        Buurtgrens(
            versie=versie,
            buurtcode=code,
            naam=naam,
            wijkcode=wijk,
            water=water,
            geometrie=shapely.to_wkb(vorm),
        )
        for _g, wijk, code, naam, water, vorm in buurten
    )
    gebieden = {g.naam: g for g in Gebied.objects.filter(naam__in={b[0] for b in INDELING})}
    Buurtindeling.objects.bulk_create(
        Buurtindeling(gebied=gebieden[gebied], buurtcode=code)
        for gebied, _w, code, _n, _water, _v in buurten
        if gebied in gebieden
    )


def _wijknaam(wijk: str) -> str:
    eerste = next(gebied for gebied, code, _b in INDELING if code == wijk)
    return f"Wijk {wijk[-2:]} {eerste}"
