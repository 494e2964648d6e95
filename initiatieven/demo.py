"""Demo initiatives for Woerden. 2019 still had the inwonersinitiatievenbudget (dropped in 2020,
as the report says); later initiatives were helped without that budget. Invented names."""

import datetime
from decimal import Decimal

from gebieden.models import Gebied, Persoon

from .models import Aanvraag, Initiatief, Regeling
from .services import registreer, wijzig_status

d, D = datetime.date, Decimal

INITIATIEVEN = [
    # (area, title, guide, start, statuses after, participants, target groups, help, initiator)
    (
        "Molenvliet",
        "Buurttuin Molenvliet",
        "Joost Hendriks",
        d(2020, 5, 20),
        [(d(2020, 9, 1), "lopend")],
        35,
        ["ouderen", "buurt"],
        ["initiatiefbegeleiding"],
        "Bewonersgroep Buurttuin",
    ),
    (
        "Harmelen",
        "Jeu-de-boulesbaan bij het dorpshuis",
        "Thomas Kok",
        d(2020, 6, 15),
        [(d(2020, 10, 1), "in_begeleiding")],
        20,
        ["ouderen"],
        ["initiatiefbegeleiding", "vergunningen"],
        "Dorpshuisvereniging",
    ),
    (
        "Staatsliedenkwartier",
        "Straatfeest Thorbeckelaan",
        "Sanne de Graaf",
        d(2019, 4, 1),
        [(d(2019, 9, 14), "afgerond")],
        120,
        ["buurt", "gezinnen"],
        ["communicatie"],
        "Buurtcomité Thorbeckelaan",
    ),
    (
        "Staatsliedenkwartier",
        "Taalcafé",
        "Sanne de Graaf",
        d(2020, 2, 10),
        [(d(2020, 3, 16), "gestopt")],
        12,
        ["nieuwkomers"],
        ["initiatiefbegeleiding"],
        "Vrijwilligers Taalcafé",
    ),
    (
        "Zegveld",
        "Speeltuin Zegveld",
        "Thomas Kok",
        d(2019, 11, 1),
        [(d(2020, 6, 1), "lopend"), (d(2021, 6, 12), "afgerond")],
        80,
        ["jongeren", "gezinnen"],
        ["procesbegeleiding"],
        "Speeltuinvereniging Zegveld",
    ),
]


def laad():
    regeling, _ = Regeling.objects.get_or_create(
        naam="Inwonersinitiatievenbudget",
        defaults={
            "maximum_per_aanvraag": D("2500"),
            "jaarbudget": D("40000"),
            "begrotingspost_naam": "Inwonersinitiatievenbudget",
            "geldig_van": d(2016, 1, 1),
            "geldig_tot": d(2019, 12, 31),
        },
    )
    gebieden = {g.naam: g for g in Gebied.objects.all()}
    personen = {p.naam: p for p in Persoon.objects.all()}
    for (
        gebied,
        titel,
        begeleider,
        start,
        verloop,
        deelnemers,
        doelgroepen,
        hulp,
        nemer,
    ) in INITIATIEVEN:
        if Initiatief.objects.filter(titel=titel, gebied=gebieden[gebied]).exists():
            continue
        initiatief = registreer(
            gebied=gebieden[gebied],
            titel=titel,
            status="aangemeld",
            datum=start,
            door=None,
            deelnemers=deelnemers,
            begeleiders=[personen[begeleider]],
            doelgroepen=doelgroepen,
            hulpvormen=hulp,
            initiatiefnemers=[(nemer, "")],
        )
        for datum, status in verloop:
            wijzig_status(initiatief=initiatief, status=status, datum=datum, door=None)
    straatfeest = Initiatief.objects.get(titel="Straatfeest Thorbeckelaan")
    if not straatfeest.aanvragen.exists():
        Aanvraag.objects.create(
            initiatief=straatfeest,
            regeling=regeling,
            bedrag_gevraagd=D("1500"),
            ontvangen_op=d(2019, 4, 1),
            besluit="toegekend",
            bedrag_toegekend=D("1500"),
            besluit_op=d(2019, 4, 20),
            besluit_reden="Straatfeest voor de hele buurt.",
            verantwoording_uiterlijk=d(2019, 12, 31),
            verantwoording_ontvangen_op=d(2019, 10, 1),
            bedrag_vastgesteld=D("1420"),
        )
    speeltuin = Initiatief.objects.get(titel="Speeltuin Zegveld")
    if not speeltuin.aanvragen.exists():
        Aanvraag.objects.create(
            initiatief=speeltuin,
            regeling=regeling,
            bedrag_gevraagd=D("2500"),
            ontvangen_op=d(2019, 11, 5),
            besluit="deels_toegekend",
            bedrag_toegekend=D("2000"),
            besluit_op=d(2019, 12, 10),
            besluit_reden="Budget voor 2019 bijna op.",
            verantwoording_uiterlijk=d(2020, 12, 31),
            verantwoording_ontvangen_op=d(2020, 11, 20),
            bedrag_vastgesteld=D("2000"),
        )
