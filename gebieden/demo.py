"""Demo data: the municipality of the Woerden seed (annual report 2020, paragraph 5).

Ten wijken and dorpen with their platforms, visions, officials (with the vacancies and acting
officials the seed reports) and focus points for 2019, 2020 and 2021. The 2020 focus points are
the seed's own words; 2019 and 2021 are a believable year before and after, and the current year
(dated relative to the day the demo loads) keeps the werkplek alive. People's names are invented.
Everything is keyed on natural keys, so loading twice changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from kern.rollen import Groep

from .constants import ActiviteitSoort as A
from .constants import DoelOordeel as O
from .constants import FocuspuntStatus as S
from .constants import GebiedSoort, PartnerSoort, PlatformSoort, Rol, VisieSoort, VisieStatus
from .models import (
    Activiteit,
    Doel,
    Doeloordeel,
    Focuspunt,
    FocuspuntUpdate,
    Gebied,
    Gemeente,
    Partner,
    Persoon,
    Platform,
    Thema,
    Toewijzing,
    Visie,
)
from .models.gemeente import ENIGE_PK, AlgemeenPositie

d = datetime.date

DEMO_WACHTWOORD = "demo-gebiedsgericht"
# (username, role group, name of the Persoon it is linked to or ""); no group: superuser
DEMO_ACCOUNTS = [
    ("coordinator", Groep.COORDINATOR, "Ingrid Verhoef"),
    ("wijkambtenaar", Groep.WIJKAMBTENAAR, "Sanne de Graaf"),
    ("dorpsambtenaar", Groep.WIJKAMBTENAAR, "Thomas Kok"),
    ("financien", Groep.FINANCIEN, ""),
    ("raadslid", Groep.RAADSLID, ""),
    ("beheerder", None, ""),
]

THEMAS = [
    "Leefbaarheid",
    "Veiligheid",
    "Duurzaamheid en energie",
    "Wonen",
    "Openbare ruimte",
    "Verkeer",
    "Jeugd",
    "Zorg en welzijn",
    "Netwerk en participatie",
    "Recreatie",
]

PARTNERS = [
    ("Welzijn Woerden (demo)", PartnerSoort.WELZIJN),
    ("Politie basisteam (demo)", PartnerSoort.POLITIE),
    ("Woningcorporatie GroenWest (demo)", PartnerSoort.WONINGCORPORATIE),
    ("Drinkwaterbedrijf Oasen (demo)", PartnerSoort.BEDRIJF),
    ("Vestingraad Woerden (demo)", PartnerSoort.OVERIG),
]

STAD, DORPEN = "Woerden stad", "Woerdense dorpen"
GEBIEDEN = [
    # (name, kind, parent)
    (STAD, GebiedSoort.GEBIED, None),
    (DORPEN, GebiedSoort.GEBIED, None),
    ("Schilderskwartier", GebiedSoort.WIJK, STAD),
    ("Bloemen- en bomenkwartier", GebiedSoort.WIJK, STAD),
    ("Molenvliet", GebiedSoort.WIJK, STAD),
    ("Snel & Polanen inclusief Waterrijk", GebiedSoort.WIJK, STAD),
    ("Binnenstad", GebiedSoort.WIJK, STAD),
    ("Staatsliedenkwartier", GebiedSoort.WIJK, STAD),
    ("Rijnoevers", GebiedSoort.WIJK, STAD),
    ("Harmelen", GebiedSoort.DORP, DORPEN),
    ("Zegveld", GebiedSoort.DORP, DORPEN),
    ("Kamerik", GebiedSoort.DORP, DORPEN),
]

# The order in which the annual report of 2020 (the seed) treats the areas.
VOLGORDE = [
    "Schilderskwartier",
    "Bloemen- en bomenkwartier",
    "Molenvliet",
    "Harmelen",
    "Zegveld",
    "Kamerik",
    "Snel & Polanen inclusief Waterrijk",
    "Binnenstad",
    "Staatsliedenkwartier",
    "Rijnoevers",
]

PLATFORMS = [
    # (area, name, kind, supported from, supported until)
    (
        "Schilderskwartier",
        "Wijkplatform Schilderskwartier",
        PlatformSoort.WIJKPLATFORM,
        d(2017, 5, 1),
        None,
    ),
    ("Molenvliet", "Wijkplatform Molenvliet", PlatformSoort.WIJKPLATFORM, d(2019, 3, 1), None),
    (
        "Snel & Polanen inclusief Waterrijk",
        "Wijkplatform Snel & Polanen",
        PlatformSoort.WIJKPLATFORM,
        d(2016, 1, 1),
        None,
    ),
    (
        "Binnenstad",
        "Stichting wijkplatform Binnenstad",
        PlatformSoort.STICHTING,
        d(2018, 9, 1),
        None,
    ),
    (
        "Staatsliedenkwartier",
        "Wijkplatform Staatsliedenkwartier",
        PlatformSoort.WIJKPLATFORM,
        d(2019, 6, 1),
        None,
    ),
    ("Rijnoevers", "Wijkplatform Rijnoevers", PlatformSoort.WIJKPLATFORM, d(2015, 1, 1), None),
    ("Harmelen", "Dorpsplatform Harmelen", PlatformSoort.DORPSPLATFORM, d(2016, 1, 1), None),
    ("Zegveld", "Dorpsplatform Zegveld", PlatformSoort.DORPSPLATFORM, d(2016, 1, 1), None),
    ("Kamerik", "Dorpsplatform Kamerik", PlatformSoort.DORPSPLATFORM, d(2016, 1, 1), None),
]

VISIES = [
    # (area, kind, title, status, adopted on, valid until, complete)
    (
        "Schilderskwartier",
        VisieSoort.WIJKVISIE,
        "Wijkvisie Schilderskwartier 2018–2022",
        VisieStatus.VASTGESTELD,
        d(2018, 6, 14),
        d(2022, 12, 31),
        True,
    ),
    (
        "Molenvliet",
        VisieSoort.WIJKAGENDA,
        "Wijkagenda Molenvliet",
        VisieStatus.IN_VOORBEREIDING,
        None,
        None,
        False,
    ),
    (
        "Snel & Polanen inclusief Waterrijk",
        VisieSoort.WIJKVISIE,
        "Wijkvisie Snel & Polanen",
        VisieStatus.VASTGESTELD,
        d(2017, 11, 2),
        None,
        True,
    ),
    (
        "Binnenstad",
        VisieSoort.WIJKVISIE,
        "Visie Binnenstad",
        VisieStatus.VASTGESTELD,
        d(2019, 4, 11),
        None,
        True,
    ),
    (
        "Staatsliedenkwartier",
        VisieSoort.WIJKAGENDA,
        "Wijkagenda Staatsliedenkwartier",
        VisieStatus.VASTGESTELD,
        d(2020, 2, 20),
        None,
        False,
    ),
    (
        "Rijnoevers",
        VisieSoort.WIJKVISIE,
        "Wijkvisie Rijnoevers",
        VisieStatus.VASTGESTELD,
        d(2016, 3, 10),
        d(2019, 12, 31),
        True,
    ),
    (
        "Harmelen",
        VisieSoort.DORPSAGENDA,
        "Dorpsagenda Harmelen",
        VisieStatus.VASTGESTELD,
        d(2019, 9, 26),
        None,
        True,
    ),
    (
        "Zegveld",
        VisieSoort.DORPSVISIE,
        "Dorpsvisie Zegveld",
        VisieStatus.VASTGESTELD,
        d(2017, 5, 18),
        None,
        True,
    ),
    (
        "Kamerik",
        VisieSoort.DORPSVISIE,
        "Dorpsvisie Kamerik",
        VisieStatus.VASTGESTELD,
        d(2018, 10, 4),
        None,
        True,
    ),
]

WELZIJN = "Welzijn Woerden (demo)"
PERSONEN = [
    # (name, organisation)
    ("Ingrid Verhoef", None),
    ("Sanne de Graaf", None),
    ("Thomas Kok", None),
    ("Pieter van Dam", None),
    ("Fatima el Amrani", None),
    ("Joost Hendriks", None),
    ("Marloes Visser", None),
    ("Ruud Bakker", None),
    ("Els Mulder", None),
    ("Kees de Wit", None),
    ("Annemiek Smit", None),
    ("Yusuf Demir", WELZIJN),
    ("Lotte Janssen", WELZIJN),
    ("Bram Willems", WELZIJN),
    ("Noor van Leeuwen", WELZIJN),
    ("Hans Vermeulen", None),
    ("Gerda Schouten", None),
]

TOEWIJZINGEN = [
    # (person, area, role, from, until, acting, note)
    ("Ingrid Verhoef", STAD, Rol.WIJKCOORDINATOR, d(2019, 1, 1), None, False, ""),
    ("Ingrid Verhoef", DORPEN, Rol.WIJKCOORDINATOR, d(2019, 1, 1), None, False, ""),
    ("Sanne de Graaf", "Schilderskwartier", Rol.WIJKAMBTENAAR, d(2019, 1, 1), None, False, ""),
    ("Sanne de Graaf", "Staatsliedenkwartier", Rol.WIJKAMBTENAAR, d(2019, 6, 1), None, False, ""),
    (
        "Pieter van Dam",
        "Bloemen- en bomenkwartier",
        Rol.WIJKAMBTENAAR,
        d(2019, 1, 1),
        None,
        False,
        "",
    ),
    (
        "Fatima el Amrani",
        "Molenvliet",
        Rol.WIJKAMBTENAAR,
        d(2019, 1, 1),
        d(2020, 2, 29),
        False,
        "Vertrokken wegens een andere functie",
    ),
    (
        "Joost Hendriks",
        "Molenvliet",
        Rol.WIJKAMBTENAAR,
        d(2020, 3, 1),
        d(2021, 3, 31),
        True,
        "Neemt waar na het vertrek van de wijkambtenaar",
    ),
    ("Marloes Visser", "Molenvliet", Rol.WIJKAMBTENAAR, d(2021, 4, 1), None, False, ""),
    (
        "Joost Hendriks",
        "Snel & Polanen inclusief Waterrijk",
        Rol.WIJKAMBTENAAR,
        d(2019, 1, 1),
        None,
        False,
        "",
    ),
    ("Ruud Bakker", "Binnenstad", Rol.WIJKAMBTENAAR, d(2019, 1, 1), None, False, ""),
    ("Els Mulder", "Rijnoevers", Rol.WIJKAMBTENAAR, d(2019, 1, 1), None, False, ""),
    (
        "Kees de Wit",
        "Harmelen",
        Rol.DORPSAMBTENAAR,
        d(2019, 1, 1),
        d(2020, 3, 15),
        False,
        "Ingezet in het crisisteam corona",
    ),
    (
        "Thomas Kok",
        "Harmelen",
        Rol.DORPSAMBTENAAR,
        d(2020, 4, 1),
        d(2021, 2, 28),
        True,
        "Neemt waar zolang de dorpsambtenaar in het crisisteam corona zit",
    ),
    (
        "Kees de Wit",
        "Harmelen",
        Rol.DORPSAMBTENAAR,
        d(2021, 3, 1),
        None,
        False,
        "Terug uit het crisisteam",
    ),
    ("Thomas Kok", "Zegveld", Rol.DORPSAMBTENAAR, d(2019, 1, 1), None, False, ""),
    ("Annemiek Smit", "Kamerik", Rol.DORPSAMBTENAAR, d(2019, 1, 1), None, False, ""),
    ("Yusuf Demir", "Schilderskwartier", Rol.BUURTVERBINDER, d(2019, 1, 1), None, False, ""),
    ("Lotte Janssen", "Molenvliet", Rol.BUURTVERBINDER, d(2019, 1, 1), None, False, ""),
    ("Bram Willems", "Zegveld", Rol.WELZIJNSCOORDINATOR, d(2019, 1, 1), None, False, ""),
    (
        "Noor van Leeuwen",
        "Staatsliedenkwartier",
        Rol.BUURTVERBINDER,
        d(2019, 1, 1),
        None,
        False,
        "",
    ),
    (
        "Hans Vermeulen",
        "Rijnoevers",
        Rol.OMGEVINGSMANAGER,
        d(2019, 1, 1),
        None,
        False,
        "Brug over de Rijn",
    ),
    (
        "Hans Vermeulen",
        "Snel & Polanen inclusief Waterrijk",
        Rol.OMGEVINGSMANAGER,
        d(2019, 1, 1),
        None,
        False,
        "Snellerpoort",
    ),
    ("Gerda Schouten", "Kamerik", Rol.OMGEVINGSMANAGER, d(2019, 1, 1), None, False, "De Kanis"),
]

# (area, title, theme, start year, owner, partner, updates [(date, status, note)])
FOCUSPUNTEN = [
    (
        "Schilderskwartier",
        "Duurzaamheid",
        "Duurzaamheid en energie",
        2019,
        "Sanne de Graaf",
        None,
        [
            (d(2019, 3, 12), S.LOOPT, "Wijkplatform start een werkgroep duurzaamheid."),
            (
                d(2020, 11, 20),
                S.LOOPT,
                "Werkgroep organiseert ondanks corona online bijeenkomsten.",
            ),
        ],
    ),
    (
        "Schilderskwartier",
        "Energietransitie",
        "Duurzaamheid en energie",
        2020,
        "Sanne de Graaf",
        None,
        [
            (d(2020, 2, 4), S.LOOPT, "Wijk doet mee aan de verkenning van de warmtetransitie."),
            (d(2021, 6, 8), S.LOOPT, "Informatieavond over isoleren gehouden."),
        ],
    ),
    (
        "Schilderskwartier",
        "Bouwweg Oasen",
        "Verkeer",
        2019,
        "Sanne de Graaf",
        "Drinkwaterbedrijf Oasen (demo)",
        [
            (
                d(2019, 5, 2),
                S.LOOPT,
                "Overlast van bouwverkeer; afspraken met Oasen over de route.",
            ),
            (d(2020, 10, 1), S.AFGEROND, "Bouwweg is opgeheven en de berm hersteld."),
        ],
    ),
    (
        "Schilderskwartier",
        "Jongerenoverlast bij Tournoysveld",
        "Veiligheid",
        2019,
        "Sanne de Graaf",
        "Politie basisteam (demo)",
        [
            (d(2019, 8, 15), S.LOOPT, "Meldingen van overlast in de avonden."),
            (d(2020, 12, 10), S.BLIJFT_AANDACHTSPUNT, "Overlast is minder maar niet weg."),
            (
                d(2021, 10, 5),
                S.AFGEROND,
                "Met jongerenwerk een ontmoetingsplek ingericht; geen meldingen meer.",
            ),
        ],
    ),
    (
        "Schilderskwartier",
        "Huis van ... De Plint",
        "Zorg en welzijn",
        2020,
        "Sanne de Graaf",
        WELZIJN,
        [
            (
                d(2020, 4, 1),
                S.LOOPT,
                "Wijkambtenaar en buurtverbinder weten elkaar goed te vinden.",
            ),
        ],
    ),
    (
        "Bloemen- en bomenkwartier",
        "Contact met bewonerscommissies",
        "Netwerk en participatie",
        2019,
        "Pieter van Dam",
        None,
        [
            (
                d(2019, 2, 1),
                S.LOOPT,
                "Geen wijkplatform; wijkambtenaar heeft contact met bewonerscommissies.",
            ),
            (d(2020, 9, 1), S.LOOPT, "Wijkambtenaar heeft contact met bewonerscommissies."),
        ],
    ),
    (
        "Molenvliet",
        "Pilot gebiedsgericht werken",
        "Netwerk en participatie",
        2019,
        "Fatima el Amrani",
        None,
        [
            (d(2019, 1, 15), S.LOOPT, "Start van de pilot met wijkplatform en buurtverbinder."),
            (d(2019, 12, 18), S.AFGEROND, "Er is tijdens de pilot veel in gang gezet."),
        ],
    ),
    (
        "Molenvliet",
        "Agenda- en netwerkvorming",
        "Netwerk en participatie",
        2019,
        "Joost Hendriks",
        None,
        [
            (
                d(2019, 10, 1),
                S.LOOPT,
                "Eerste versie van de wijkagenda besproken met het platform.",
            ),
            (
                d(2020, 6, 1),
                S.BLIJFT_AANDACHTSPUNT,
                "Door wegvallen wijkambtenaar wegens andere functie is agenda- en netwerkvorming op een laag pitje komen te staan.",
            ),
            (d(2021, 9, 1), S.LOOPT, "Nieuwe wijkambtenaar pakt de wijkagenda weer op."),
        ],
    ),
    (
        "Molenvliet",
        "Samenwerking met buurtverbinder",
        "Zorg en welzijn",
        2020,
        "Joost Hendriks",
        WELZIJN,
        [
            (d(2020, 3, 1), S.LOOPT, "Goede samenwerking met buurtverbinder."),
        ],
    ),
    (
        "Harmelen",
        "Harmelerwaard",
        "Wonen",
        2019,
        "Kees de Wit",
        None,
        [
            (d(2019, 4, 1), S.LOOPT, "Dorpsplatform volgt de plannen voor de Harmelerwaard."),
        ],
    ),
    (
        "Harmelen",
        "Schuifruimte",
        "Wonen",
        2020,
        "Thomas Kok",
        None,
        [
            (d(2020, 5, 1), S.LOOPT, "Inwoners praten mee over de invulling van de schuifruimte."),
        ],
    ),
    (
        "Harmelen",
        "Leefbaarheidsthema's uit de dorpsagenda",
        "Leefbaarheid",
        2019,
        "Kees de Wit",
        None,
        [
            (
                d(2019, 10, 1),
                S.LOOPT,
                "Dorpsagenda heeft verder op elk leefbaarheidsthema aandachtspunten.",
            ),
        ],
    ),
    (
        "Harmelen",
        "Borging en monitoring van de pilot",
        "Netwerk en participatie",
        2019,
        "Kees de Wit",
        None,
        [
            (d(2019, 11, 1), S.LOOPT, "Afspraken over borging na de pilot."),
            (
                d(2020, 9, 15),
                S.BLIJFT_AANDACHTSPUNT,
                "Door wegvallen van dorpsambtenaar, wegens taak binnen crisisteam corona, minder aandacht gekregen.",
            ),
        ],
    ),
    (
        "Zegveld",
        "Groot project Slotenbuurt",
        "Wonen",
        2019,
        "Thomas Kok",
        "Woningcorporatie GroenWest (demo)",
        [
            (d(2019, 2, 1), S.LOOPT, "Vernieuwing van de Slotenbuurt in uitvoering."),
            (d(2020, 11, 1), S.AFGEROND, "Groot project Slotenbuurt is afgerond."),
        ],
    ),
    (
        "Zegveld",
        "Aanleg van een speeltuin",
        "Jeugd",
        2020,
        "Thomas Kok",
        None,
        [
            (d(2020, 6, 1), S.LOOPT, "Dorpsambtenaar monitort aanleg van een speeltuin."),
            (d(2021, 6, 12), S.AFGEROND, "Speeltuin geopend."),
        ],
    ),
    (
        "Kamerik",
        "Groot project De Kanis",
        "Wonen",
        2019,
        "Gerda Schouten",
        None,
        [
            (d(2019, 6, 1), S.LOOPT, "Bouw van De Kanis gestart."),
            (d(2020, 10, 1), S.LOOPT, "Groot project De Kanis loopt goed."),
        ],
    ),
    (
        "Kamerik",
        "Schulenburch",
        "Wonen",
        2020,
        "Annemiek Smit",
        None,
        [
            (d(2020, 3, 1), S.LOOPT, "Dorpsplatform volgt de plannen voor Schulenburch."),
        ],
    ),
    (
        "Snel & Polanen inclusief Waterrijk",
        "Snellerpoort",
        "Wonen",
        2019,
        "Hans Vermeulen",
        None,
        [
            (d(2019, 3, 1), S.LOOPT, "Herontwikkeling Snellerpoort; wijk denkt mee."),
        ],
    ),
    (
        "Snel & Polanen inclusief Waterrijk",
        "Recreatieve ontwikkelingen aan de plas",
        "Recreatie",
        2020,
        "Joost Hendriks",
        None,
        [
            (d(2020, 5, 1), S.LOOPT, "Wensen van bewoners voor de plas opgehaald."),
        ],
    ),
    (
        "Binnenstad",
        "Wijkplatform praat mee met de Vestingraad",
        "Netwerk en participatie",
        2019,
        "Ruud Bakker",
        "Vestingraad Woerden (demo)",
        [
            (d(2019, 9, 1), S.LOOPT, "Stichting wijkplatform Binnenstad opgericht."),
            (
                d(2020, 10, 1),
                S.LOOPT,
                "Stichting wijkplatform Binnenstad is stevig neergezet en praat mee met de Vestingraad.",
            ),
        ],
    ),
    (
        "Staatsliedenkwartier",
        "Wijkagenda en netwerk",
        "Netwerk en participatie",
        2020,
        "Sanne de Graaf",
        None,
        [
            (d(2020, 2, 20), S.LOOPT, "Wijkagenda vastgesteld, maar nog niet compleet."),
            (
                d(2020, 11, 1),
                S.BLIJFT_AANDACHTSPUNT,
                "Wijkagenda is nog niet compleet en netwerk is onderbelicht.",
            ),
        ],
    ),
    (
        "Staatsliedenkwartier",
        "Begeleiding inwonersinitiatieven",
        "Netwerk en participatie",
        2020,
        "Sanne de Graaf",
        None,
        [
            (d(2020, 4, 1), S.LOOPT, "Wijkambtenaar begeleidt inwonersinitiatieven."),
        ],
    ),
    (
        "Rijnoevers",
        "Brug over de Rijn",
        "Verkeer",
        2019,
        "Hans Vermeulen",
        None,
        [
            (d(2019, 5, 1), S.LOOPT, "Onderzoek naar de locatie van een brug over de Rijn."),
            (
                d(2020, 10, 15),
                S.LOOPT,
                "Brug over de Rijn had de focus; de locatie daarvan is inmiddels bekend.",
            ),
        ],
    ),
    (
        "Rijnoevers",
        "Buurtbijeenkomst",
        "Netwerk en participatie",
        2020,
        "Els Mulder",
        None,
        [
            (d(2020, 2, 1), S.GEPLAND, "Buurtbijeenkomst gepland voor het voorjaar."),
            (
                d(2020, 4, 1),
                S.VERVALLEN,
                "Wegens corona kon de geplande buurtbijeenkomst niet doorgaan.",
            ),
        ],
    ),
    # Smaller focus points of 2020 that the paragraph only counts ("daarnaast … kleinere
    # aandachtspunten") and lists in its appendix: not in IN_PARAGRAAF.
    (
        "Schilderskwartier",
        "Parkeren rond de basisschool",
        "Verkeer",
        2020,
        "Sanne de Graaf",
        None,
        [
            (
                d(2020, 9, 15),
                S.LOOPT,
                "Ouders parkeren op de stoep; met de school en het platform afspraken gemaakt.",
            ),
        ],
    ),
    (
        "Harmelen",
        "Zwerfafval bij het station",
        "Openbare ruimte",
        2020,
        "Thomas Kok",
        None,
        [
            (d(2020, 6, 1), S.LOOPT, "Meldingen van zwerfafval rond de fietsenstalling."),
            (d(2020, 10, 1), S.AFGEROND, "Extra afvalbakken geplaatst; meldingen gestopt."),
        ],
    ),
    (
        "Kamerik",
        "Snelheid op de Mijzijde",
        "Verkeer",
        2020,
        "Annemiek Smit",
        None,
        [(d(2020, 8, 1), S.LOOPT, "Bewoners vragen om snelheidsmetingen; metingen gepland.")],
    ),
    (
        "Binnenstad",
        "Fietsparkeren bij de markt",
        "Openbare ruimte",
        2020,
        "Ruud Bakker",
        None,
        [(d(2020, 7, 1), S.LOOPT, "Op marktdagen te weinig plek voor fietsen; tijdelijke rekken.")],
    ),
]

# The focus points the paragraph of 2020 tells with their note: the ones the seed names
# (the pilot of Molenvliet closed in 2019, but the seed names it as the background of 2020).
# The others are only counted there.
IN_PARAGRAAF = {
    "Schilderskwartier": [
        "Duurzaamheid",
        "Energietransitie",
        "Bouwweg Oasen",
        "Jongerenoverlast bij Tournoysveld",
        "Huis van ... De Plint",
    ],
    "Bloemen- en bomenkwartier": ["Contact met bewonerscommissies"],
    "Molenvliet": ["Pilot gebiedsgericht werken", "Agenda- en netwerkvorming"],
    "Harmelen": [
        "Harmelerwaard",
        "Schuifruimte",
        "Leefbaarheidsthema's uit de dorpsagenda",
        "Borging en monitoring van de pilot",
    ],
    "Zegveld": ["Groot project Slotenbuurt", "Aanleg van een speeltuin"],
    "Kamerik": ["Groot project De Kanis", "Schulenburch"],
    "Snel & Polanen inclusief Waterrijk": [
        "Snellerpoort",
        "Recreatieve ontwikkelingen aan de plas",
    ],
    "Binnenstad": ["Wijkplatform praat mee met de Vestingraad"],
    "Staatsliedenkwartier": ["Wijkagenda en netwerk", "Begeleiding inwonersinitiatieven"],
    "Rijnoevers": ["Brug over de Rijn", "Buurtbijeenkomst"],
}

# Goals of the visions and agendas, judged at the end of 2019 and 2020.
# (area, vision, goal, from, until, {year: (judgement, note)}, linked focus points)
DOELEN = [
    (
        "Schilderskwartier",
        "Wijkvisie Schilderskwartier 2018–2022",
        "Een duurzame wijk",
        2018,
        2022,
        {
            2019: (O.OP_KOERS, "De werkgroep duurzaamheid is gestart."),
            2020: (
                O.OP_KOERS,
                "Ondanks corona online bijeenkomsten; de wijk verkent de warmtetransitie.",
            ),
        },
        ["Duurzaamheid", "Energietransitie"],
    ),
    (
        "Schilderskwartier",
        "Wijkvisie Schilderskwartier 2018–2022",
        "Veilig en prettig samenleven",
        2018,
        2022,
        {
            2019: (O.AANDACHT_NODIG, "Overlast van bouwverkeer en van jongeren."),
            2020: (
                O.AANDACHT_NODIG,
                "De bouwweg is weg; de jongerenoverlast is minder maar niet weg.",
            ),
        },
        ["Bouwweg Oasen", "Jongerenoverlast bij Tournoysveld", "Parkeren rond de basisschool"],
    ),
    (
        "Schilderskwartier",
        "Wijkvisie Schilderskwartier 2018–2022",
        "Zorg en welzijn dichtbij",
        2019,
        2022,
        {
            2019: (O.OP_KOERS, "Afspraken met de buurtverbinder gemaakt."),
            2020: (
                O.BEREIKT,
                "Wijkambtenaar en buurtverbinder weten elkaar in De Plint te vinden.",
            ),
        },
        ["Huis van ... De Plint"],
    ),
    (
        "Molenvliet",
        "Wijkagenda Molenvliet",
        "De pilot gebiedsgericht werken afronden",
        2019,
        2019,
        {2019: (O.BEREIKT, "Er is tijdens de pilot veel in gang gezet.")},
        ["Pilot gebiedsgericht werken"],
    ),
    (
        "Molenvliet",
        "Wijkagenda Molenvliet",
        "Een wijkagenda met en door de wijk",
        2019,
        2021,
        {
            2019: (O.OP_KOERS, "Eerste versie van de wijkagenda besproken met het platform."),
            2020: (O.NIET_GEHAALD, "Door het vertrek van de wijkambtenaar is de agenda niet af."),
        },
        ["Agenda- en netwerkvorming"],
    ),
    (
        "Molenvliet",
        "Wijkagenda Molenvliet",
        "Een sterk netwerk in de wijk",
        2020,
        None,
        {2020: (O.OP_KOERS, "Goede samenwerking met de buurtverbinder.")},
        ["Samenwerking met buurtverbinder"],
    ),
    (
        "Snel & Polanen inclusief Waterrijk",
        "Wijkvisie Snel & Polanen",
        "Snellerpoort als levendige entree van de wijk",
        2017,
        None,
        {
            2019: (O.OP_KOERS, "De wijk denkt mee over de herontwikkeling."),
            2020: (O.OP_KOERS, "De plannen voor Snellerpoort worden uitgewerkt met de wijk."),
        },
        ["Snellerpoort"],
    ),
    (
        "Snel & Polanen inclusief Waterrijk",
        "Wijkvisie Snel & Polanen",
        "Recreëren aan de plas",
        2020,
        None,
        {2020: (O.AANDACHT_NODIG, "Wensen opgehaald; een plan is er nog niet.")},
        ["Recreatieve ontwikkelingen aan de plas"],
    ),
    (
        "Binnenstad",
        "Visie Binnenstad",
        "Bewoners praten mee over hun binnenstad",
        2019,
        None,
        {
            2019: (O.OP_KOERS, "Stichting wijkplatform Binnenstad opgericht."),
            2020: (
                O.BEREIKT,
                "Het wijkplatform is stevig neergezet en praat mee met de Vestingraad.",
            ),
        },
        ["Wijkplatform praat mee met de Vestingraad", "Fietsparkeren bij de markt"],
    ),
    (
        "Staatsliedenkwartier",
        "Wijkagenda Staatsliedenkwartier",
        "Een complete wijkagenda en een sterk netwerk",
        2020,
        2022,
        {
            2020: (
                O.AANDACHT_NODIG,
                "De wijkagenda is nog niet compleet en het netwerk is onderbelicht.",
            )
        },
        ["Wijkagenda en netwerk"],
    ),
    (
        "Staatsliedenkwartier",
        "Wijkagenda Staatsliedenkwartier",
        "Inwoners nemen zelf initiatief",
        2020,
        None,
        {2020: (O.OP_KOERS, "De wijkambtenaar begeleidt de inwonersinitiatieven.")},
        ["Begeleiding inwonersinitiatieven"],
    ),
    (
        "Rijnoevers",
        "Wijkvisie Rijnoevers",
        "Een betere verbinding over de Rijn",
        2016,
        2021,
        {
            2019: (O.OP_KOERS, "Het onderzoek naar de locatie van de brug loopt."),
            2020: (O.OP_KOERS, "De locatie van de brug is bekend."),
        },
        ["Brug over de Rijn"],
    ),
    (
        "Rijnoevers",
        "Wijkvisie Rijnoevers",
        "Elkaar ontmoeten in de buurt",
        2016,
        2020,
        {
            2019: (O.AANDACHT_NODIG, "Weinig bewoners bij de bijeenkomsten."),
            2020: (O.NIET_GEHAALD, "Wegens corona kon de buurtbijeenkomst niet doorgaan."),
        },
        ["Buurtbijeenkomst"],
    ),
    (
        "Harmelen",
        "Dorpsagenda Harmelen",
        "Wonen voor alle generaties",
        2019,
        None,
        {
            2019: (O.OP_KOERS, "Het dorpsplatform volgt de plannen voor de Harmelerwaard."),
            2020: (O.OP_KOERS, "Inwoners praten mee over de schuifruimte."),
        },
        ["Harmelerwaard", "Schuifruimte"],
    ),
    (
        "Harmelen",
        "Dorpsagenda Harmelen",
        "Een leefbaar Harmelen",
        2019,
        None,
        {
            2019: (O.OP_KOERS, "De dorpsagenda heeft op elk leefbaarheidsthema aandachtspunten."),
            2020: (
                O.AANDACHT_NODIG,
                "Minder aandacht gekregen door het wegvallen van de dorpsambtenaar.",
            ),
        },
        ["Leefbaarheidsthema's uit de dorpsagenda", "Zwerfafval bij het station"],
    ),
    (
        "Harmelen",
        "Dorpsagenda Harmelen",
        "Wat de pilot in gang zette, is geborgd",
        2019,
        2021,
        {
            2019: (O.OP_KOERS, "Afspraken over borging na de pilot."),
            2020: (
                O.NIET_GEHAALD,
                "De dorpsambtenaar zat in het crisisteam corona; borging en monitoring bleven liggen.",
            ),
        },
        ["Borging en monitoring van de pilot"],
    ),
    (
        "Zegveld",
        "Dorpsvisie Zegveld",
        "Een vernieuwde Slotenbuurt",
        2017,
        2020,
        {
            2019: (O.OP_KOERS, "De vernieuwing is in uitvoering."),
            2020: (O.BEREIKT, "Groot project Slotenbuurt is afgerond."),
        },
        ["Groot project Slotenbuurt"],
    ),
    (
        "Zegveld",
        "Dorpsvisie Zegveld",
        "Ruimte voor de jeugd",
        2019,
        None,
        {
            2019: (O.NIET_GEHAALD, "Er kwam geen plek voor een speeltuin."),
            2020: (O.OP_KOERS, "De aanleg van een speeltuin is begonnen."),
        },
        ["Aanleg van een speeltuin"],
    ),
    (
        "Kamerik",
        "Dorpsvisie Kamerik",
        "Nieuwbouw die bij Kamerik past",
        2018,
        None,
        {
            2019: (O.OP_KOERS, "De bouw van De Kanis is gestart."),
            2020: (O.OP_KOERS, "De Kanis loopt goed; het dorpsplatform volgt Schulenburch."),
        },
        ["Groot project De Kanis", "Schulenburch"],
    ),
]


# What the officials did in 2020 (the seed's list: signaleren, initiatiefbegeleiding,
# procesbegeleiding, communicatie, verbinding met platforms).
ACTIVITEITEN = [
    (
        "Schilderskwartier",
        d(2020, 3, 20),
        A.SIGNALEREN,
        "Signalen over eenzaamheid tijdens corona doorgegeven aan het sociaal team.",
    ),
    (
        "Molenvliet",
        d(2020, 6, 10),
        A.INITIATIEFBEGELEIDING,
        "Waarnemend wijkambtenaar begeleidt een bewonersinitiatief voor een buurttuin.",
    ),
    (
        "Harmelen",
        d(2020, 9, 1),
        A.INITIATIEFBEGELEIDING,
        "Waarnemend dorpsambtenaar begeleidt een inwonersinitiatief dat niet op gang kwam.",
    ),
    (
        "Staatsliedenkwartier",
        d(2020, 5, 15),
        A.INITIATIEFBEGELEIDING,
        "Wijkambtenaar begeleidt inwonersinitiatieven.",
    ),
    (
        "Zegveld",
        d(2020, 7, 1),
        A.PROCESBEGELEIDING,
        "Aanleg speeltuin: overleg tussen aannemer en buurt weer op gang gebracht.",
    ),
    (
        "Rijnoevers",
        d(2020, 4, 1),
        A.COMMUNICATIE,
        "Bewoners geïnformeerd over het afgelasten van de buurtbijeenkomst.",
    ),
    (
        "Binnenstad",
        d(2020, 10, 1),
        A.VERBINDING_PLATFORM,
        "Overleg met stichting wijkplatform Binnenstad over de Vestingraad.",
    ),
    (
        "Kamerik",
        d(2020, 11, 1),
        A.VERBINDING_PLATFORM,
        "Dorpsplatform Kamerik betrokken bij De Kanis.",
    ),
]


# The current year, dated relative to the day `manage.py demo` runs (days before today, never
# before 1 January), so the werkplek shows a living municipality and not every focus point
# waiting since 2021. (area, title, days ago, status, note)
DIT_JAAR_UPDATES = [
    (
        "Schilderskwartier",
        "Energietransitie",
        24,
        S.LOOPT,
        "Tweede informatieavond over isoleren; veertig huishoudens doen mee aan de collectieve inkoop.",
    ),
    (
        "Schilderskwartier",
        "Duurzaamheid",
        70,
        S.LOOPT,
        "Werkgroep duurzaamheid werkt aan een groene straat met geveltuinen.",
    ),
    (
        "Staatsliedenkwartier",
        "Begeleiding inwonersinitiatieven",
        15,
        S.LOOPT,
        "Twee nieuwe bewonersinitiatieven aangemeld; de begeleiding loopt.",
    ),
    (
        "Molenvliet",
        "Agenda- en netwerkvorming",
        40,
        S.LOOPT,
        "Wijkagenda besproken met het wijkplatform; drie speerpunten gekozen.",
    ),
    (
        "Kamerik",
        "Groot project De Kanis",
        55,
        S.LOOPT,
        "Bewonersavond over de inrichting van het gebied gehouden.",
    ),
]
# (area, title, theme, days ago of its first update, owner, note)
DIT_JAAR_NIEUW = [
    (
        "Schilderskwartier",
        "Hitte en groen in de wijk",
        "Duurzaamheid en energie",
        30,
        "Sanne de Graaf",
        "Wijkplatform brengt plekken voor meer groen en schaduw in kaart.",
    ),
]
# (area, days ago, kind, description)
DIT_JAAR_ACTIVITEITEN = [
    (
        "Schilderskwartier",
        10,
        A.VERBINDING_PLATFORM,
        "Overleg met het wijkplatform over de wijkagenda.",
    ),
    (
        "Staatsliedenkwartier",
        35,
        A.INITIATIEFBEGELEIDING,
        "Initiatiefnemers van een buurtmoestuin geholpen met hun subsidieaanvraag.",
    ),
]


def dagen_geleden(dagen: int, vandaag: datetime.date) -> datetime.date:
    return max(datetime.date(vandaag.year, 1, 1), vandaag - datetime.timedelta(days=dagen))


def laad_dit_jaar(gebieden, personen, themas, vandaag: datetime.date):
    """Updates, a new focus point and activities in the current year. Safe to run again: an
    entry is found back by its text, whatever day it runs."""
    for gebied, titel, dagen, status, notitie in DIT_JAAR_UPDATES:
        punt = Focuspunt.objects.get(gebied=gebieden[gebied], titel=titel)
        FocuspuntUpdate.objects.get_or_create(
            focuspunt=punt,
            status=status,
            notitie=notitie,
            defaults={"datum": dagen_geleden(dagen, vandaag)},
        )
    for gebied, titel, thema, dagen, eigenaar, notitie in DIT_JAAR_NIEUW:
        punt, _ = Focuspunt.objects.get_or_create(
            gebied=gebieden[gebied],
            titel=titel,
            defaults={
                "thema": themas[thema],
                "startjaar": vandaag.year,
                "eigenaar": personen[eigenaar],
                "toelichting": notitie,
                "status": S.LOOPT,
            },
        )
        FocuspuntUpdate.objects.get_or_create(
            focuspunt=punt,
            status=S.LOOPT,
            notitie=notitie,
            defaults={"datum": dagen_geleden(dagen, vandaag)},
        )
    for gebied, dagen, soort, omschrijving in DIT_JAAR_ACTIVITEITEN:
        Activiteit.objects.get_or_create(
            gebied=gebieden[gebied],
            soort=soort,
            omschrijving=omschrijving,
            defaults={"datum": dagen_geleden(dagen, vandaag)},
        )


def zet(model, defaults: dict, **sleutel):
    """Like update_or_create, but saves (and so writes audit history) only when a value changed."""
    obj, aangemaakt = model.objects.get_or_create(**sleutel, defaults=defaults)
    gewijzigd = [veld for veld, waarde in defaults.items() if getattr(obj, veld) != waarde]
    if not aangemaakt and gewijzigd:
        for veld in gewijzigd:
            setattr(obj, veld, defaults[veld])
        obj.save()
    return obj, aangemaakt


def laad():
    themas = {naam: Thema.objects.get_or_create(naam=naam)[0] for naam in THEMAS}
    partners = {
        naam: zet(Partner, naam=naam, defaults={"soort": soort})[0] for naam, soort in PARTNERS
    }
    zet(
        Gemeente,
        pk=ENIGE_PK,
        defaults={
            "naam": "Gemeente Woerden",
            "cbs_code": "GM0632",
            "algemeen_positie": AlgemeenPositie.BOVEN,
        },
    )
    gebieden: dict[str, Gebied] = {}
    for naam, soort, ouder in GEBIEDEN:
        plaats = VOLGORDE.index(naam) + 1 if naam in VOLGORDE else None
        gebieden[naam], _ = zet(
            Gebied,
            naam=naam,
            defaults={"soort": soort, "ouder": gebieden.get(ouder), "volgorde": plaats},
        )
    for gebied, naam, soort, van, tot in PLATFORMS:
        zet(
            Platform,
            gebied=gebieden[gebied],
            naam=naam,
            defaults={"soort": soort, "ondersteund_van": van, "ondersteund_tot": tot},
        )
    visies = {}
    for gebied, soort, titel, status, vastgesteld, geldig_tot, compleet in VISIES:
        visies[gebied, titel], _ = zet(
            Visie,
            gebied=gebieden[gebied],
            titel=titel,
            defaults={
                "soort": soort,
                "status": status,
                "vastgesteld_op": vastgesteld,
                "geldig_tot": geldig_tot,
                "compleet": compleet,
            },
        )
    doel_van = laad_doelen(gebieden, visies)
    personen = {
        naam: zet(Persoon, naam=naam, defaults={"organisatie": partners.get(organisatie)})[0]
        for naam, organisatie in PERSONEN
    }
    for persoon, gebied, rol, van, tot, waarnemend, toelichting in TOEWIJZINGEN:
        zet(
            Toewijzing,
            persoon=personen[persoon],
            gebied=gebieden[gebied],
            rol=rol,
            geldig_van=van,
            defaults={"geldig_tot": tot, "waarnemend": waarnemend, "toelichting": toelichting},
        )
    for gebied, titel, thema, startjaar, eigenaar, partner, updates in FOCUSPUNTEN:
        punt, _ = zet(
            Focuspunt,
            gebied=gebieden[gebied],
            titel=titel,
            defaults={
                "thema": themas[thema],
                "startjaar": startjaar,
                "eigenaar": personen[eigenaar],
                "partner": partners.get(partner),
                "toelichting": updates[-1][2],
                "status": updates[-1][1],
                "doel": doel_van.get((gebied, titel)),
                "in_paragraaf": titel in IN_PARAGRAAF.get(gebied, []),
            },
        )
        for datum, status, notitie in updates:
            FocuspuntUpdate.objects.get_or_create(
                focuspunt=punt, datum=datum, status=status, defaults={"notitie": notitie}
            )
    for gebied, datum, soort, omschrijving in ACTIVITEITEN:
        Activiteit.objects.get_or_create(
            gebied=gebieden[gebied],
            datum=datum,
            soort=soort,
            defaults={"omschrijving": omschrijving},
        )
    laad_dit_jaar(gebieden, personen, themas, timezone.localdate())
    laad_accounts(personen)


def laad_doelen(gebieden, visies) -> dict[tuple[str, str], Doel]:
    """The goals with their judgements; returns the goal of each (area, focus point title)."""
    doel_van = {}
    for gebied, visie, titel, van, tot, oordelen, punten in DOELEN:
        doel, _ = zet(
            Doel,
            visie=visies[gebied, visie],
            titel=titel,
            defaults={"van_jaar": van, "tot_jaar": tot},
        )
        for jaar, (oordeel, toelichting) in oordelen.items():
            zet(
                Doeloordeel,
                doel=doel,
                jaar=jaar,
                defaults={"oordeel": oordeel, "toelichting": toelichting},
            )
        doel_van.update({(gebied, punt): doel for punt in punten})
    return doel_van


def laad_accounts(personen: dict[str, Persoon]):
    user_model = get_user_model()
    for gebruikersnaam, groep, persoon in DEMO_ACCOUNTS:
        user, aangemaakt = user_model.objects.get_or_create(username=gebruikersnaam)
        if aangemaakt:
            user.set_password(DEMO_WACHTWOORD)
            user.first_name = persoon or gebruikersnaam.capitalize()
            user.is_superuser = user.is_staff = groep is None
            user.save()
        if groep:
            user.groups.add(Group.objects.get_or_create(name=groep)[0])
        if persoon:
            Persoon.objects.filter(pk=personen[persoon].pk).update(gebruiker=user)
