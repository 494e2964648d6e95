"""The writes of the wijkprofiel besides the imports (wijkprofiel.inlezen): which buurten make
up each own area, and which indicators are shown."""

import datetime

from django.db import transaction
from django.utils import timezone

from kern.versie import GelijktijdigGewijzigd, claim_versie

from .buurten import lopende_indeling, vingerafdruk
from .indicatoren import PER_CODE
from .models import Buurtindeling, Profielkeuze


@transaction.atomic
def koppel_buurten(
    *, indeling: dict[str, int | None], gezien: str, per: datetime.date | None = None
) -> int:
    """Give each buurt (code) the own area (pk, None: none). A buurt never linked before is
    linked from `per` (None: for every year); a changed buurt's current period ends the day
    before `per` (None: today) and a new one starts, so every year keeps the assignment it
    had. `gezien` is the fingerprint of the assignment the user saw; when someone saved another
    meanwhile, nothing is stored (GelijktijdigGewijzigd). Returns how many buurten changed."""
    vanaf = per or timezone.localdate()
    lopend = list(
        Buurtindeling.objects.select_for_update().filter(geldig_tot__isnull=True)
    )  # locks what is changed until the commit
    huidig = {r.buurtcode: r for r in lopend if r.geldig_van is None or r.geldig_van <= vanaf}
    if vingerafdruk(lopende_indeling()) != gezien:
        raise GelijktijdigGewijzigd
    eerder = set(
        Buurtindeling.objects.filter(buurtcode__in=list(indeling)).values_list(
            "buurtcode", flat=True
        )
    )
    gewijzigd = 0
    for code, gebied_id in indeling.items():
        rij = huidig.get(code)
        if (rij.gebied_id if rij else None) == gebied_id:
            continue
        gewijzigd += 1
        if rij is not None:
            if rij.geldig_van == vanaf:  # started that day: corrected, not a new period
                if gebied_id is None:
                    rij.delete()
                else:
                    rij.gebied_id = gebied_id
                    rij.save(update_fields=["gebied"])
                continue
            rij.geldig_tot = vanaf - datetime.timedelta(days=1)
            rij.save(update_fields=["geldig_tot"])
        if gebied_id is not None:
            begin = vanaf if code in eerder else per
            Buurtindeling.objects.create(buurtcode=code, gebied_id=gebied_id, geldig_van=begin)
    return gewijzigd


@transaction.atomic
def kies_indicatoren(
    *, keuze: Profielkeuze, versie: int, indicatoren: list[str], kerncijfers: list[str]
) -> Profielkeuze:
    """Store which indicators the area pages and the paragraph show (codes of the curated
    list, in its order), with the version check (the first choice saves the row)."""
    if keuze._state.adding:
        keuze, _nieuw = Profielkeuze.objects.get_or_create(pk=1)
        versie = None if _nieuw else versie
    claim_versie(keuze, versie)
    keuze.indicatoren = [c for c in PER_CODE if c in indicatoren]
    keuze.kerncijfers = [c for c in PER_CODE if c in kerncijfers]
    keuze.save(update_fields=["indicatoren", "kerncijfers", "versie"])
    return keuze
