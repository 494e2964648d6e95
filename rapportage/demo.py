"""The 2020 paragraph of the Woerden seed: its introduction as written by people, the rest
generated, published once (so a raadslid has something to read). Safe to run again."""

from .models import Paragraaf
from .services import publiceer

INLEIDING_2020 = """<p>In 2020, het jaar waarin corona is begonnen, hebben we ingezet op wat nodig was. En wat minder op ‘wat de bedoeling was’.</p>
<p>Wat nodig was afgelopen jaar bleek vooral:</p>
<ul>
<li>signaleren t.b.v. corona en anderszins vanuit de wijken en dorpen;</li>
<li>initiatiefbegeleiding, als een initiatief niet op gang kwam;</li>
<li>procesbegeleiding, als een project of initiatief niet lekker liep;</li>
<li>communicatie, bij niet goed gelopen projecten, meldingen etc.;</li>
<li>verbinding met de wijk- en dorpsplatforms.</li>
</ul>
<p>In 2020 zijn inwoners en platforms op een duurzamere manier ondersteund en gefaciliteerd bij hun initiatieven door het wegvallen van het inwonersinitiatievenbudget.</p>
<p>Inwoners zien hun woon- en leefomgeving als hun gebied. In 2020 bleven we, net als de jaren daarvoor, de wijken en dorpen hanteren zoals deze herkenbaar zijn voor onze inwoners. Wat is daar de focus geweest:</p>"""


def laad():
    paragraaf, _ = Paragraaf.objects.get_or_create(
        jaar=2020,
        defaults={"nummer": "5", "titel": "Gebiedsgericht werken", "inleiding": INLEIDING_2020},
    )
    if not paragraaf.publicaties.exists():
        publiceer(paragraaf=paragraaf, door=None, toelichting="Eerste versie")
