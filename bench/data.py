"""A large, realistic data set, generated deterministically (seeded) with bulk inserts.

"groot": about 10 gebieden, 120 wijken/dorpen, 600 buurten, 10 years, 20 new focus points per
wijk per year with 2–5 updates each, 5,000 initiatives, 2,000 applications, 1,500 budget lines and
100 officials. Focus points run their course as in practice (LOOPTIJDEN): most are finished or
dropped within their year, some take two or three years, a few stay; a wijk has some 25–35 in a
year. "opgestapeld" is the first version of this data set, kept to compare and as a stress case:
three in five focus points never close, so the last year has some 125 per wijk. "klein" is the
shape of "groot" in miniature for the smoke test.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from begroting.models import Begrotingsjaar, Begrotingspost
from gebieden.aandacht import herbereken as herbereken_aandacht
from gebieden.constants import FocuspuntStatus
from gebieden.models import (
    Focuspunt,
    FocuspuntUpdate,
    Gebied,
    Persoon,
    Platform,
    Thema,
    Toewijzing,
    Visie,
)
from initiatieven.models import Aanvraag, Initiatief, Regeling, StatusOvergang
from kern.rollen import Groep
from rapportage.models import Paragraaf


@dataclass(frozen=True)
class Schaal:
    gebieden: int
    wijken_per_gebied: int
    buurten_per_wijk: int
    jaren: int
    focuspunten: int  # new per wijk per year
    initiatieven: int
    aanvragen: int
    extra_posten: int  # budget lines per year besides one per wijk
    personen: int
    opgestapeld: bool = False  # open focus points never close (the first version of the set)


SCHALEN = {
    "groot": Schaal(10, 12, 5, 10, 20, 5000, 2000, 30, 100),
    "opgestapeld": Schaal(10, 12, 5, 10, 20, 5000, 2000, 30, 100, opgestapeld=True),
    "klein": Schaal(2, 2, 2, 2, 3, 20, 8, 2, 6),
}
# Years a focus point has attention (start year included) and how often; None: it stays.
LOOPTIJDEN = {1: 70, 2: 20, 3: 7, None: 3}
OPEN = [FocuspuntStatus.LOOPT, FocuspuntStatus.BLIJFT_AANDACHTSPUNT]
GESLOTEN = [FocuspuntStatus.AFGEROND] * 4 + [FocuspuntStatus.VERVALLEN]
STATUSSEN = [
    FocuspuntStatus.LOOPT,
    FocuspuntStatus.AFGEROND,
    FocuspuntStatus.BLIJFT_AANDACHTSPUNT,
    FocuspuntStatus.GEPLAND,
    FocuspuntStatus.VERVALLEN,
]
WACHTWOORD = "bench-wachtwoord"


@transaction.atomic
def genereer(schaal: Schaal, seed: int = 1, peildatum: datetime.date | None = None) -> dict:
    """The data set as it stands on `peildatum` (default today): its years end with that year,
    nothing is dated later, and the paragraph is the one of the year before (the last whole one).
    The same seed and date give the same data."""
    peildatum = peildatum or datetime.date.today()
    r = random.Random(seed)
    laatste_jaar = peildatum.year
    eerste_jaar = laatste_jaar - schaal.jaren + 1
    paragraaf_jaar = laatste_jaar - 1
    themas = [
        Thema.objects.get_or_create(naam=n)[0]
        for n in ("Leefbaarheid", "Veiligheid", "Wonen", "Verkeer", "Jeugd")
    ]

    gebieden = Gebied.objects.bulk_create(
        [Gebied(naam=f"Stadsdeel {g + 1:02}", soort="gebied") for g in range(schaal.gebieden)]
    )
    wijken = Gebied.objects.bulk_create(
        [
            Gebied(
                naam=f"Wijk {g + 1:02}-{w + 1:02}", soort="wijk" if w % 4 else "dorp", ouder=gebied
            )
            for g, gebied in enumerate(gebieden)
            for w in range(schaal.wijken_per_gebied)
        ]
    )
    Gebied.objects.bulk_create(
        [
            Gebied(naam=f"{wijk.naam} buurt {b + 1}", soort="buurt", ouder=wijk)
            for wijk in wijken
            for b in range(schaal.buurten_per_wijk)
        ]
    )
    personen = Persoon.objects.bulk_create(
        [Persoon(naam=f"Ambtenaar {p + 1:03}") for p in range(schaal.personen)]
    )
    Toewijzing.objects.bulk_create(
        [
            Toewijzing(
                persoon=personen[i % len(personen)],
                gebied=wijk,
                rol="wijkambtenaar" if wijk.soort == "wijk" else "dorpsambtenaar",
                geldig_van=datetime.date(eerste_jaar, 1, 1),
                waarnemend=(i % 17 == 0),
            )
            for i, wijk in enumerate(wijken)
        ]
    )
    Platform.objects.bulk_create(
        [
            Platform(
                gebied=w,
                naam=f"Platform {w.naam}",
                soort="wijkplatform",
                ondersteund_van=datetime.date(eerste_jaar, 1, 1),
            )
            for i, w in enumerate(wijken)
            if i % 5
        ]
    )
    Visie.objects.bulk_create(
        [
            Visie(
                gebied=w,
                soort="wijkvisie",
                titel=f"Visie {w.naam}",
                status="vastgesteld",
                vastgesteld_op=datetime.date(eerste_jaar, 6, 1),
            )
            for i, w in enumerate(wijken)
            if i % 3
        ]
    )

    punten, update_plan = [], []
    for wijk in wijken:
        for jaar in range(eerste_jaar, laatste_jaar + 1):
            for n in range(schaal.focuspunten):
                plan = (_opgestapeld if schaal.opgestapeld else _loop)(r, jaar, peildatum)
                if not plan:  # would start after the peildatum
                    continue
                update_plan.append(plan)
                punten.append(
                    Focuspunt(
                        gebied=wijk,
                        titel=f"Focuspunt {jaar}-{n + 1}",
                        thema=r.choice(themas),
                        startjaar=jaar,
                        status=FocuspuntStatus.LOOPT,
                        toelichting="Gegenereerd voor de benchmark.",
                    )
                )
    Focuspunt.objects.bulk_create(punten, batch_size=2000)
    updates, statussen = [], []
    for punt, plan in zip(punten, update_plan, strict=True):
        for u, (datum, status) in enumerate(plan):
            updates.append(
                FocuspuntUpdate(
                    focuspunt=punt, datum=datum, status=status, notitie=f"Update {u + 1}"
                )
            )
        statussen.append(status)
    FocuspuntUpdate.objects.bulk_create(updates, batch_size=5000)
    for punt, status in zip(punten, statussen, strict=True):
        punt.status = status
    Focuspunt.objects.bulk_update(punten, ["status"], batch_size=2000)
    herbereken_aandacht(p.pk for p in punten)  # bulk_create sends no signals

    jaren = Begrotingsjaar.objects.bulk_create(
        [
            Begrotingsjaar(jaar=j, gesloten=j < paragraaf_jaar)
            for j in range(eerste_jaar, laatste_jaar + 1)
        ]
    )
    posten = []
    for jaar in jaren:
        for wijk in wijken:
            budget = Decimal(r.randrange(10_000, 40_000, 500))
            posten.append(
                Begrotingspost(
                    jaar=jaar,
                    gebied=wijk,
                    naam=f"Wijkbudget {wijk.naam}",
                    primitieve_begroting=budget,
                    begroting_na_wijziging=budget,
                    realisatie=budget * Decimal(r.uniform(0.6, 1.2)).quantize(Decimal("0.01")),
                )
            )
        for e in range(schaal.extra_posten):
            posten.append(
                Begrotingspost(
                    jaar=jaar,
                    naam=f"Algemeen {e + 1}",
                    begroting_na_wijziging=Decimal(50_000),
                    realisatie=Decimal(48_000),
                )
            )
    Begrotingspost.objects.bulk_create(posten, batch_size=2000)

    regelingen = Regeling.objects.bulk_create(
        [
            Regeling(
                naam=f"Bench-regeling {i}",
                maximum_per_aanvraag=Decimal(2500),
                jaarbudget=Decimal(100_000),
            )
            for i in range(3)
        ]
    )
    initiatieven = Initiatief.objects.bulk_create(
        [
            Initiatief(
                titel=f"Initiatief {i + 1}",
                gebied=r.choice(wijken),
                status=r.choice(["aangemeld", "lopend", "afgerond"]),
                deelnemers=r.randint(5, 200),
            )
            for i in range(schaal.initiatieven)
        ],
        batch_size=2000,
    )
    StatusOvergang.objects.bulk_create(
        [
            StatusOvergang(
                initiatief=i,
                datum=datetime.date(r.randint(eerste_jaar, paragraaf_jaar), r.randint(1, 12), 1),
                status=i.status,
            )
            for i in initiatieven
        ],
        batch_size=5000,
    )
    Aanvraag.objects.bulk_create(
        [
            Aanvraag(
                initiatief=initiatieven[i],
                regeling=r.choice(regelingen),
                bedrag_gevraagd=Decimal(r.randint(100, 2500)),
                ontvangen_op=datetime.date(paragraaf_jaar, r.randint(1, 12), 1),
            )
            for i in range(schaal.aanvragen)
        ],
        batch_size=2000,
    )

    gebruikers = _gebruikers(personen[0])
    Paragraaf.objects.get_or_create(
        jaar=paragraaf_jaar, defaults={"inleiding": "<p>Benchmarkjaar.</p>"}
    )
    return {"jaar": paragraaf_jaar, "wijk": wijken[0].pk, **gebruikers}


def _loop(r: random.Random, jaar: int, peildatum: datetime.date) -> list[tuple]:
    """2–5 updates (date, status) spread over the years the focus point runs; the last one closes
    it. What falls after the peildatum has not happened yet."""
    laatste_jaar = peildatum.year
    looptijd = r.choices(list(LOOPTIJDEN), weights=list(LOOPTIJDEN.values()))[0]
    eindjaar = jaar + looptijd - 1 if looptijd else None
    sluit = eindjaar is not None and eindjaar <= laatste_jaar
    maanden = ((eindjaar if sluit else laatste_jaar) - jaar + 1) * 12
    aantal = r.randint(2, 5)
    plan = []
    for u in range(aantal):
        maand = u * maanden // aantal + r.randint(0, maanden // aantal - 1)
        laatste = u == aantal - 1
        status = r.choice(GESLOTEN if sluit else OPEN) if laatste else FocuspuntStatus.LOOPT
        plan.append(
            (datetime.date(jaar + maand // 12, 1 + maand % 12, 1 + r.randint(0, 27)), status)
        )
    return _tot(plan, peildatum)


def _opgestapeld(r: random.Random, jaar: int, peildatum: datetime.date) -> list[tuple]:
    """The first version: 2–5 updates in the start year, the last with any status."""
    aantal = r.randint(2, 5)
    plan = [
        (
            datetime.date(jaar, 1 + u * 2, 1 + r.randint(0, 27)),
            STATUSSEN[0] if u < aantal - 1 else r.choice(STATUSSEN),
        )
        for u in range(aantal)
    ]
    return _tot(plan, peildatum)


def _tot(plan: list[tuple], peildatum: datetime.date) -> list[tuple]:
    """The updates up to the peildatum; a point whose closing update is still to come runs."""
    gebeurd = [(datum, status) for datum, status in plan if datum <= peildatum]
    if len(gebeurd) < len(plan) and gebeurd:
        gebeurd[-1] = (gebeurd[-1][0], FocuspuntStatus.LOOPT)
    return gebeurd


def _gebruikers(persoon: Persoon) -> dict:
    user_model = get_user_model()
    namen = {
        "bench_coordinator": Groep.COORDINATOR,
        "bench_wijkambtenaar": Groep.WIJKAMBTENAAR,
        "bench_financien": Groep.FINANCIEN,
    }
    for naam, groep in namen.items():
        user, aangemaakt = user_model.objects.get_or_create(username=naam)
        if aangemaakt:
            user.set_password(WACHTWOORD)
            user.save()
        user.groups.add(Group.objects.get_or_create(name=groep)[0])
    Persoon.objects.filter(pk=persoon.pk).update(
        gebruiker=user_model.objects.get(username="bench_wijkambtenaar")
    )
    return {"gebruikers": list(namen)}
