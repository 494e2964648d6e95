"""Which CBS buurten make up each own area: the buurten known (from the boundaries and the
figures read in), who they belong to today, and a proposal from the CBS codes where the
municipality's areas follow CBS."""

import hashlib
from dataclasses import dataclass

from django.utils import timezone

from gebieden.models import Gebied

from .models import Buurtgrens, Buurtindeling, Grensversie, Regiojaar


@dataclass(frozen=True)
class Buurt:
    code: str
    naam: str
    gebied_id: int | None  # the own area it belongs to today
    voorstel_id: int | None  # the own area the CBS codes point to, when it has none


def lopende_indeling() -> dict[str, int]:
    """Buurt code -> own area (pk), as it stands today."""
    vandaag = timezone.localdate()
    rijen = Buurtindeling.objects.filter(geldig_tot__isnull=True).exclude(geldig_van__gt=vandaag)
    return dict(rijen.values_list("buurtcode", "gebied_id"))


def vingerafdruk(indeling: dict[str, int]) -> str:
    """A short fingerprint of an assignment: the form carries it, so a change someone else
    saved meanwhile is noticed instead of overwritten."""
    tekst = ";".join(f"{c}={g}" for c, g in sorted(indeling.items()))
    return hashlib.sha256(tekst.encode()).hexdigest()[:16]


def bekende_buurten() -> dict[str, str]:
    """Code -> name of every buurt of the newest boundaries and the newest figures."""
    namen: dict[str, str] = {}
    jaar = Regiojaar.objects.filter(regiocode__startswith="BU").order_by("-jaar").first()
    if jaar is not None:
        rijen = Regiojaar.objects.filter(jaar=jaar.jaar, regiocode__startswith="BU")
        namen.update(rijen.values_list("regiocode", "naam"))
    versie = Grensversie.objects.first()
    if versie is not None:
        namen.update(Buurtgrens.objects.filter(versie=versie).values_list("buurtcode", "naam"))
    return dict(sorted(namen.items()))


def voorstel(code: str, per_code: dict[str, Gebied]) -> int | None:
    """The own area whose CBS code is the buurt's, its wijk's, or that of a buurt area lying in
    an own area."""
    for kandidaat in (code, "WK" + code[2:8]):
        gebied = per_code.get(kandidaat)
        if gebied is not None:
            return gebied.ouder_id if gebied.soort == "buurt" and gebied.ouder_id else gebied.pk
    return None


def buurten(gebieden: list[Gebied]) -> list[Buurt]:
    """Every known buurt with its area today and, when it has none, the proposal."""
    indeling = lopende_indeling()
    per_code = {
        g.cbs_code: g for g in Gebied.objects.geldig_op(timezone.localdate()).exclude(cbs_code="")
    }
    keuzes = {g.pk for g in gebieden}
    uit = []
    for code, naam in bekende_buurten().items():
        huidig = indeling.get(code)
        voorgesteld = voorstel(code, per_code) if huidig is None else None
        uit.append(Buurt(code, naam, huidig, voorgesteld if voorgesteld in keuzes else None))
    return uit
