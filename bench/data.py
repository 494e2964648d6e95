"""A large, realistic data set, generated deterministically (seeded) with bulk inserts.

"groot": about 10 gebieden, 120 wijken/dorpen, 600 buurten, 10 years, 20 new focus points per
wijk per year with 2–5 updates each, 5,000 initiatives, 2,000 applications, 1,500 budget lines and
100 officials; and the wijkprofiel (bench/buurtdata.py): 600 CBS buurten with boundaries, each
in its wijk, and three years of CBS figures for every buurt, CBS wijk and the municipality.
Focus points run their course as in practice (LOOPTIJDEN): most are finished or dropped within
their year, some take two or three years, a few stay; a wijk has some 25–35 in a
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
from bench import buurtdata
from gebieden.aandacht import herbereken as herbereken_aandacht
from gebieden.constants import DoelOordeel, FocuspuntStatus
from gebieden.models import (
    Doel,
    Doeloordeel,
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
    grensbuurten: int = 0  # CBS buurten on the map at least (extra ones lie in no own area)


SCHALEN = {
    "groot": Schaal(10, 12, 5, 10, 20, 5000, 2000, 30, 100, grensbuurten=600),
    "opgestapeld": Schaal(
        10, 12, 5, 10, 20, 5000, 2000, 30, 100, opgestapeld=True, grensbuurten=600
    ),
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
# The judgements of goals in turn: mostly "op koers", as in practice.
OORDELEN = [
    DoelOordeel.OP_KOERS,
    DoelOordeel.AANDACHT_NODIG,
    DoelOordeel.OP_KOERS,
    DoelOordeel.BEREIKT,
    DoelOordeel.OP_KOERS,
    DoelOordeel.NIET_GEHAALD,
    DoelOordeel.AANDACHT_NODIG,
    DoelOordeel.OP_KOERS,
]
WACHTWOORD = "bench-wachtwoord"


@dataclass(frozen=True)
class _Jaren:
    """The years the data set covers, counted back from the peildatum."""

    eerste: int
    laatste: int  # the peildatum's year
    paragraaf: int  # the last whole year: the paragraph's; initiatives are dated up to it

    @classmethod
    def voor(cls, schaal: Schaal, peildatum: datetime.date) -> "_Jaren":
        laatste = peildatum.year
        return cls(eerste=laatste - schaal.jaren + 1, laatste=laatste, paragraaf=laatste - 1)

    @property
    def alle(self) -> range:
        return range(self.eerste, self.laatste + 1)


@transaction.atomic
def genereer(schaal: Schaal, seed: int = 1, peildatum: datetime.date | None = None) -> dict:
    """The data set as it stands on `peildatum` (default today): its years end with that year,
    nothing is dated later, and the paragraph is the one of the year before (the last whole one).
    The same seed and date give the same data.

    The steps share one random generator, so their order (and the order of the random calls
    within them) is part of the data: reordering them changes what a seed produces."""
    peildatum = peildatum or datetime.date.today()
    r = random.Random(seed)
    jaren = _Jaren.voor(schaal, peildatum)
    themas = _themas()
    wijken = _gebieden(schaal)
    personen = _personen_en_toewijzingen(schaal, wijken, jaren)
    _platforms_en_visies(wijken, jaren)
    doelen = _doelen(jaren)
    _focuspunten(r, schaal, wijken, themas, jaren, peildatum, doelen)
    _begroting(r, schaal, wijken, jaren)
    regelingen = _regelingen()
    initiatieven = _initiatieven(r, schaal, wijken, jaren)
    _aanvragen(r, schaal, initiatieven, regelingen, jaren)
    gebruikers = _gebruikers(personen[0])
    _paragraaf(jaren)
    _wijkprofiel(schaal, jaren)
    return {"jaar": jaren.paragraaf, "wijk": wijken[0].pk, **gebruikers}


def _themas() -> list[Thema]:
    """The five themes of the focus points."""
    return [
        Thema.objects.get_or_create(naam=n)[0]
        for n in ("Leefbaarheid", "Veiligheid", "Wonen", "Verkeer", "Jeugd")
    ]


def _gebieden(schaal: Schaal) -> list[Gebied]:
    """The area tree: gebieden, their wijken (every fourth a dorp) and the buurten of each wijk.
    Returns the wijken and dorpen, where everything else hangs."""
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
    return wijken


def _personen_en_toewijzingen(schaal: Schaal, wijken: list[Gebied], jaren: _Jaren) -> list[Persoon]:
    """The officials, and one for each wijk from the first year on, handed out in turn (so with
    more wijken than people some have two); every seventeenth assignment is a stand-in."""
    personen = Persoon.objects.bulk_create(
        [Persoon(naam=f"Ambtenaar {p + 1:03}") for p in range(schaal.personen)]
    )
    Toewijzing.objects.bulk_create(
        [
            Toewijzing(
                persoon=personen[i % len(personen)],
                gebied=wijk,
                rol="wijkambtenaar" if wijk.soort == "wijk" else "dorpsambtenaar",
                geldig_van=datetime.date(jaren.eerste, 1, 1),
                waarnemend=(i % 17 == 0),
            )
            for i, wijk in enumerate(wijken)
        ]
    )
    return personen


def _platforms_en_visies(wijken: list[Gebied], jaren: _Jaren) -> None:
    """A supported platform for four in five wijken and an adopted vision for two in three."""
    Platform.objects.bulk_create(
        [
            Platform(
                gebied=w,
                naam=f"Platform {w.naam}",
                soort="wijkplatform",
                ondersteund_van=datetime.date(jaren.eerste, 1, 1),
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
                vastgesteld_op=datetime.date(jaren.eerste, 6, 1),
            )
            for i, w in enumerate(wijken)
            if i % 3
        ]
    )


def _doelen(jaren: _Jaren) -> dict[int, list[Doel]]:
    """Three goals per vision (one for the whole term, one for five years, one started later),
    each judged for every whole year it held in. Drawn without the random generator, so the
    rest of a seed's data is what it was before goals existed. Returns the goals per area."""
    laat = min(jaren.eerste + 3, jaren.paragraaf)
    perioden = [(jaren.eerste, None), (jaren.eerste, jaren.eerste + 4), (laat, None)]
    doelen = Doel.objects.bulk_create(
        [
            Doel(visie=visie, titel=f"Doel {n + 1} van {visie.titel}", van_jaar=van, tot_jaar=tot)
            for visie in Visie.objects.order_by("pk")
            for n, (van, tot) in enumerate(perioden)
        ]
    )
    Doeloordeel.objects.bulk_create(
        [
            Doeloordeel(
                doel=doel,
                jaar=jaar,
                oordeel=OORDELEN[(k + jaar) % len(OORDELEN)],
                toelichting=f"Oordeel over {jaar}.",
            )
            for k, doel in enumerate(doelen)
            for jaar in range(jaren.eerste, jaren.paragraaf + 1)
            if doel.geldt_in(jaar)
        ],
        batch_size=5000,
    )
    per_gebied: dict[int, list[Doel]] = {}
    for doel in doelen:
        per_gebied.setdefault(doel.visie.gebied_id, []).append(doel)
    return per_gebied


def _focuspunten(
    r: random.Random,
    schaal: Schaal,
    wijken: list[Gebied],
    themas: list[Thema],
    jaren: _Jaren,
    peildatum: datetime.date,
    doelen: dict[int, list[Doel]],
) -> None:
    """The focus points with their updates, each point ending with the status of its last
    update; two in three of those in an area with a vision contribute to one of its goals,
    and one in four is told in the paragraph."""
    punten, plannen = _plan_focuspunten(r, schaal, wijken, themas, jaren, peildatum)
    for n, punt in enumerate(punten):
        geldend = [doel for doel in doelen.get(punt.gebied_id, []) if doel.geldt_in(punt.startjaar)]
        if geldend and n % 3 != 2:
            punt.doel = geldend[n % len(geldend)]
            punt.visie_id = punt.doel.visie_id
        punt.in_paragraaf = n % 4 == 0
    Focuspunt.objects.bulk_create(punten, batch_size=2000)
    _focuspunt_updates(punten, plannen)


def _plan_focuspunten(
    r: random.Random,
    schaal: Schaal,
    wijken: list[Gebied],
    themas: list[Thema],
    jaren: _Jaren,
    peildatum: datetime.date,
) -> tuple[list[Focuspunt], list[list[tuple]]]:
    """The new focus points of each wijk and year, unsaved, each with its plan of updates (see
    `_loop`). A point whose first update would fall after the peildatum has not started yet and
    is left out. Each point's plan is drawn before its theme; that order is part of the seed's
    data."""
    plan_voor = _opgestapeld if schaal.opgestapeld else _loop
    punten, plannen = [], []
    for wijk in wijken:
        for jaar in jaren.alle:
            for n in range(schaal.focuspunten):
                plan = plan_voor(r, jaar, peildatum)
                if not plan:
                    continue
                plannen.append(plan)
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
    return punten, plannen


def _focuspunt_updates(punten: list[Focuspunt], plannen: list[list[tuple]]) -> None:
    """Saves the planned updates of the (saved) focus points and gives each point the status of
    its last one. bulk_create sends no signals, so the attention periods that the update signals
    would keep are recalculated here."""
    FocuspuntUpdate.objects.bulk_create(
        [
            FocuspuntUpdate(focuspunt=punt, datum=datum, status=status, notitie=f"Update {u + 1}")
            for punt, plan in zip(punten, plannen, strict=True)
            for u, (datum, status) in enumerate(plan)
        ],
        batch_size=5000,
    )
    for punt, plan in zip(punten, plannen, strict=True):
        punt.status = plan[-1][1]
    Focuspunt.objects.bulk_update(punten, ["status"], batch_size=2000)
    herbereken_aandacht(p.pk for p in punten)


def _begroting(r: random.Random, schaal: Schaal, wijken: list[Gebied], jaren: _Jaren) -> None:
    """A budget year for each year (closed before the paragraph's year) with a wijkbudget for
    every wijk (a random amount and a realisation of 60–120 % of it) and some general lines."""
    begrotingsjaren = Begrotingsjaar.objects.bulk_create(
        [Begrotingsjaar(jaar=j, gesloten=j < jaren.paragraaf) for j in jaren.alle]
    )
    posten = []
    for jaar in begrotingsjaren:
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


def _regelingen() -> list[Regeling]:
    """Three subsidy schemes for the applications."""
    return Regeling.objects.bulk_create(
        [
            Regeling(
                naam=f"Bench-regeling {i}",
                maximum_per_aanvraag=Decimal(2500),
                jaarbudget=Decimal(100_000),
            )
            for i in range(3)
        ]
    )


def _initiatieven(
    r: random.Random, schaal: Schaal, wijken: list[Gebied], jaren: _Jaren
) -> list[Initiatief]:
    """Initiatives in random wijken, each with one status transition to its current status,
    dated up to the paragraph's year."""
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
                datum=datetime.date(r.randint(jaren.eerste, jaren.paragraaf), r.randint(1, 12), 1),
                status=i.status,
            )
            for i in initiatieven
        ],
        batch_size=5000,
    )
    return initiatieven


def _aanvragen(
    r: random.Random,
    schaal: Schaal,
    initiatieven: list[Initiatief],
    regelingen: list[Regeling],
    jaren: _Jaren,
) -> None:
    """One application each for the first initiatives, all received in the paragraph's year."""
    Aanvraag.objects.bulk_create(
        [
            Aanvraag(
                initiatief=initiatieven[i],
                regeling=r.choice(regelingen),
                bedrag_gevraagd=Decimal(r.randint(100, 2500)),
                ontvangen_op=datetime.date(jaren.paragraaf, r.randint(1, 12), 1),
            )
            for i in range(schaal.aanvragen)
        ],
        batch_size=2000,
    )


def _paragraaf(jaren: _Jaren) -> None:
    """The paragraph of the last whole year, the one the benchmark opens."""
    Paragraaf.objects.get_or_create(
        jaar=jaren.paragraaf, defaults={"inleiding": "<p>Benchmarkjaar.</p>"}
    )


def _wijkprofiel(schaal: Schaal, jaren: _Jaren) -> None:
    """Buurt boundaries, the buurten of each wijk and three years of CBS figures
    (bench/buurtdata.py); each bench buurt area is one CBS buurt of its wijk."""
    wijk_ids = (
        Gebied.objects.filter(soort="buurt").order_by("pk").values_list("ouder_id", flat=True)
    )
    buurtdata.genereer(list(wijk_ids), schaal.grensbuurten, jaren.paragraaf)


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
    """One login per role (password WACHTWOORD), the wijkambtenaar's linked to `persoon`."""
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
