"""The 2020 paragraph of the Woerden seed: its introduction and the coordinator's 'wat ging goed'
and 'wat kan beter' as written by people (in Markdown, as the editor takes them), the rest
generated, published once (so a raadslid has something to read). Safe to run again."""

from .models import Paragraaf
from .services import publiceer

INLEIDING_2020 = """In 2020, het jaar waarin corona is begonnen, hebben we ingezet op wat nodig was. En wat minder op ‘wat de bedoeling was’.

Wat nodig was afgelopen jaar bleek vooral:

- signaleren t.b.v. corona en anderszins vanuit de wijken en dorpen;
- initiatiefbegeleiding, als een initiatief niet op gang kwam;
- procesbegeleiding, als een project of initiatief niet lekker liep;
- communicatie, bij niet goed gelopen projecten, meldingen etc.;
- verbinding met de wijk- en dorpsplatforms.

In 2020 zijn inwoners en platforms op een duurzamere manier ondersteund en gefaciliteerd bij hun initiatieven door het wegvallen van het inwonersinitiatievenbudget.

Inwoners zien hun woon- en leefomgeving als hun gebied. In 2020 bleven we, net als de jaren daarvoor, de wijken en dorpen hanteren zoals deze herkenbaar zijn voor onze inwoners. Wat is daar de focus geweest:"""

GOED_2020 = """- De **samenwerking** van wijk- en dorpsambtenaren, buurtverbinders en omgevingsmanagers: zij weten elkaar goed te vinden.
- Inwoners en platforms zijn op een duurzamere manier ondersteund bij hun initiatieven, ook zonder inwonersinitiatievenbudget.
- Waar een wijk- of dorpsambtenaar wegviel, hebben waarnemers de initiatieven van inwoners begeleid."""

BETER_2020 = """- Het **borgen binnen de organisatie** kwam minder van de grond: in het opgaveteam slaat de balans door naar de uitvoering.
- Agenda- en netwerkvorming lag stil waar een wijk- of dorpsambtenaar wegviel (Molenvliet, Harmelen).
- Een tool waarmee initiatiefnemers worden ondersteund, is door het coronajaar op de achtergrond geraakt."""


def laad():
    paragraaf, _ = Paragraaf.objects.get_or_create(
        jaar=2020,
        defaults={
            "nummer": "5",
            "titel": "Gebiedsgericht werken",
            "inleiding": INLEIDING_2020,
            "goed": GOED_2020,
            "beter": BETER_2020,
        },
    )
    if not paragraaf.publicaties.exists():
        publiceer(paragraaf=paragraaf, door=None, toelichting="Eerste versie")
