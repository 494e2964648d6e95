"""Assemble the annual paragraph from the data as it stood at the end of the year.

Per area the three questions a council asks of an annual report: what did we want to achieve
(goals and their judgement, platform and vision), what did we do (the focus points the official
marked for the paragraph, grouped by result, the rest counted; initiatives; the officials' work
by kind; who worked there), and what did it cost (the area's budget lines, the subsidies paid
from them, the reserve). Above it the municipality's key figures beside those of the year
before (as published, or computed when that year was never published).

Returns `rapportage.gegevens.Paragraafgegevens`, which the web page, the PDF, the comparison
of versions and the open data all read. A fixed number of queries whatever the number of areas.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max, OuterRef, Subquery
from django.utils.text import slugify

from begroting.afronding import in_duizenden
from begroting.overzicht import Jaaroverzicht, jaaroverzicht
from gebieden.constants import (
    AFGESLOTEN_STATUSSEN,
    OPEN_STATUSSEN,
    DoelOordeel,
    FocuspuntStatus,
    VisieStatus,
)
from gebieden.instellingen import gemeente as gemeente_instellingen
from gebieden.models import Activiteit, Doel, Doeloordeel, Focuspunt, FocuspuntUpdate, Gebied
from gebieden.stand import GebiedStand, Selectie, standen
from gebieden.volgorde import sorteersleutel
from initiatieven.constants import TOEGEKENDE_BESLUITEN
from initiatieven.models import Aanvraag
from initiatieven.overzicht import GebiedCijfers, cijfers_per_gebied
from kern import notatie

from . import zinnen
from .gegevens import (
    SCHEMA_VERSIE,
    Activiteitregel,
    Bedragen,
    Budgetverschil,
    Doelstand,
    Focusregel,
    Gebiedsdeel,
    Kerncijfers,
    Paragraafgegevens,
    Reservestand,
    Resultaatgroep,
    Subsidieregel,
    Vergelijking,
)
from .grafiek import begroting_realisatie
from .opmaak import veilige_html

NIET_BEOORDEELD = "niet_beoordeeld"


@dataclass
class Jaarstand:
    """What one year's paragraph is made of, read in a fixed number of queries; the year
    before is read the same way for the comparison."""

    jaar: int
    gebieden: list[GebiedStand]
    punten: dict[int, tuple[int | None, bool]]  # focus point -> (goal, in the paragraph)
    doelen: dict[int, list[Doel]]  # area -> goals in force in the year
    oordelen: dict[int, object]  # goal -> its judgement of the year
    initiatieven: dict[int, GebiedCijfers]
    overzicht: Jaaroverzicht
    financien: dict = field(default_factory=dict)


def samenstellen(paragraaf) -> Paragraafgegevens:
    jaar = paragraaf.jaar
    stand = lees_jaar(jaar)
    ids = [s.gebied.pk for s in stand.gebieden]
    activiteiten = _activiteiten(ids, jaar)
    achtergrond = _achtergrond(ids, jaar, {p.pk for s in stand.gebieden for p in s.focuspunten})
    subsidies = _subsidies(jaar)
    teksten = {t.gebied_id: t.tekst for t in paragraaf.gebiedsteksten.all()}
    regels = {r.gebied_id: r for r in stand.overzicht.gebieden if r.gebied_id}
    statussen = notatie.keuzes(FocuspuntStatus)
    oordeelteksten = notatie.keuzes(DoelOordeel)

    delen = []
    for gebiedstand in stand.gebieden:
        gebied = gebiedstand.gebied
        delen.append(
            _gebiedsdeel(
                gebiedstand,
                stand,
                tekst=veilige_html(teksten.get(gebied.pk, "")),
                activiteiten=activiteiten.get(gebied.pk, []),
                achtergrond=achtergrond.get(gebied.pk, []),
                subsidies=subsidies.get(gebied.pk, []),
                regel=regels.get(gebied.pk),
                statussen=statussen,
                oordeelteksten=oordeelteksten,
            )
        )
    financien = stand.financien
    return Paragraafgegevens(
        jaar=jaar,
        nummer=paragraaf.nummer,
        titel=paragraaf.titel,
        gemeente=gemeente_instellingen().naam,
        inleiding=veilige_html(paragraaf.inleiding),
        slottekst=veilige_html(paragraaf.slottekst),
        goed=veilige_html(paragraaf.goed),
        beter=veilige_html(paragraaf.beter),
        kerncijfers=kerncijfers(stand),
        vergelijking=vergelijking(stand),
        gebieden=tuple(delen),
        financien=tuple(financien["tabel"]),
        totaal=financien["totaal"],
        grafiek=begroting_realisatie([vars(r) for r in financien["tabel"]]),
        schema=SCHEMA_VERSIE,
    )


def lees_jaar(jaar: int) -> Jaarstand:
    """The areas of the paragraph as they stood on 31 December of `jaar`, with their focus
    points, goals, initiatives and figures."""
    eind = datetime.date(jaar, 12, 31)
    soorten = gemeente_instellingen().rapportsoorten
    gebieden = standen(
        Gebied.objects.geldig_in_jaar(jaar).filter(soort__in=soorten),
        eind,
        selectie=Selectie.JAAR,
        toelichting=True,
    )
    sleutel = sorteersleutel()
    gebieden.sort(key=lambda s: sleutel(s.gebied))
    ids = [s.gebied.pk for s in gebieden]
    punten = {
        pk: (doel, mee)
        for pk, doel, mee in Focuspunt.objects.filter(gebied_id__in=ids).values_list(
            "pk", "doel_id", "in_paragraaf"
        )
    }
    doelen: dict[int, list[Doel]] = defaultdict(list)
    for doel in Doel.objects.filter(visie__gebied_id__in=ids).select_related("visie"):
        if doel.geldt_in(jaar):
            doelen[doel.visie.gebied_id].append(doel)
    oordelen = {
        o.doel_id: o for o in Doeloordeel.objects.filter(doel__visie__gebied_id__in=ids, jaar=jaar)
    }
    stand = Jaarstand(
        jaar=jaar,
        gebieden=gebieden,
        punten=punten,
        doelen=doelen,
        oordelen=oordelen,
        initiatieven={c.gebied_id: c for c in cijfers_per_gebied(jaar)},
        overzicht=jaaroverzicht(jaar),
    )
    stand.financien = _financien(stand.overzicht)
    return stand


def _gebiedsdeel(
    gebiedstand, stand, *, tekst, activiteiten, achtergrond, subsidies, regel, statussen,
    oordeelteksten,
) -> Gebiedsdeel:  # fmt: skip
    gebied, overzicht = gebiedstand.gebied, gebiedstand.overzicht
    gezegd: list[str] = []  # every sentence of the area once

    def nieuw(zin: str) -> bool:
        if not zin or any(zinnen.gelijk(zin, eerder) for eerder in gezegd):
            return False
        gezegd.append(zin)
        return True

    omgeving = [z for z in zinnen.omgeving_zinnen(gebied, overzicht) if nieuw(z)]
    mensen = [z for z in zinnen.mensen_zinnen(overzicht) if nieuw(z)]

    per_doel: dict[int, list] = defaultdict(list)
    in_paragraaf: dict[str, list[str]] = defaultdict(list)
    overige = overige_afgerond = 0
    register = []
    doeltitels = {d.pk: d.titel for d in stand.doelen.get(gebied.pk, [])}
    for punt in gebiedstand.focuspunten:
        doel_id, mee = stand.punten.get(punt.pk, (None, False))
        if doel_id:
            per_doel[doel_id].append(punt)
        register.append(
            Focusregel(
                titel=punt.titel,
                status=punt.status,
                status_tekst=statussen.get(punt.status, punt.status),
                toelichting=punt.toelichting,
                doel=doeltitels.get(doel_id, ""),
                in_paragraaf=mee,
            )
        )
        if mee:
            zin = zinnen.focuszin(punt.titel, punt.toelichting)
            if nieuw(zin):
                in_paragraaf[punt.status].append(zin)
        else:
            overige += 1
            overige_afgerond += punt.status == FocuspuntStatus.AFGEROND
    groepen = tuple(
        Resultaatgroep(status, zinnen.resultaatgroep_kop(status), tuple(in_paragraaf[status]))
        for status in zinnen.RESULTAATVOLGORDE
        if in_paragraaf.get(status)
    )
    doelen = []
    for doel in stand.doelen.get(gebied.pk, []):
        oordeel = stand.oordelen.get(doel.pk)
        code = oordeel.oordeel if oordeel else NIET_BEOORDEELD
        gekoppeld = per_doel.get(doel.pk, [])
        toelichting = zinnen.zin(oordeel.toelichting) if oordeel else ""
        doelen.append(
            Doelstand(
                titel=doel.titel,
                visie=doel.visie.titel,
                periode=str(doel.periode),
                oordeel=code,
                oordeel_tekst=oordeelteksten.get(code, "nog niet beoordeeld"),
                # a judgement's note that repeats a sentence of the area is left out
                toelichting=toelichting if nieuw(toelichting) else "",
                punten=len(gekoppeld),
                afgerond=sum(p.status == FocuspuntStatus.AFGEROND for p in gekoppeld),
            )
        )
    werk = Counter(a.soort_tekst for a in activiteiten)
    posten, totaal, reserve = _kosten(regel, stand.jaar)
    return Gebiedsdeel(
        gebied_id=gebied.pk,
        naam=gebied.naam,
        soort=gebied.get_soort_display(),
        anker=slugify(gebied.naam) or f"gebied-{gebied.pk}",
        tekst=tekst,
        doelen=tuple(doelen),
        omgeving=tuple(omgeving),
        groepen=groepen,
        overige=zinnen.overige_zin(overige, overige_afgerond, naast_genoemde=bool(groepen)),
        achtergrond=tuple(z for z in achtergrond if nieuw(z)),
        initiatieven=zinnen.initiatieven_zin(stand.initiatieven.get(gebied.pk)),
        werk=zinnen.werk_zin(werk.most_common()),
        mensen=tuple(mensen),
        posten=posten,
        totaal=totaal,
        subsidies=_bij_de_posten(subsidies, posten),
        reserve=reserve,
        register=tuple(register),
        activiteiten=tuple(activiteiten),
    )


def _kosten(regel, jaar: int):
    """The area's lines (x € 1.000), their sum, and the reserve of the year."""
    if regel is None:
        return (), None, None
    posten = tuple(
        _bedragen(post.naam, post.begroting_na_wijziging, post.realisatie) for post in regel.posten
    )
    totaal = _opgeteld(regel.gebied_naam, posten)
    reserve = None
    if regel.reserve is not None:
        r = regel.reserve
        zin = zinnen.reservezin(r, regel.resultaat, jaar)
        reserve = Reservestand(
            toegevoegd_euro=int(r.toegevoegd),
            gebruikt_euro=int(r.gebruikt),
            vervallen_euro=int(r.vervallen),
            tekort_euro=int(r.tekort),
            saldo_euro=int(r.saldo),
            zin=zin,
        )
    return posten, totaal, reserve


def _bedragen(naam: str, begroting: Decimal, realisatie: Decimal, reserve: int = 0) -> Bedragen:
    b, r = in_duizenden(begroting), in_duizenden(realisatie)
    return Bedragen(naam=naam, begroting=b, realisatie=r, resultaat=b - r, reserve=reserve)


def _opgeteld(naam: str, regels, reserve: int = 0) -> Bedragen:
    """A total row: the sum of the rounded figures shown above it, so the table adds up."""
    begroting = sum(r.begroting for r in regels)
    realisatie = sum(r.realisatie for r in regels)
    return Bedragen(
        naam=naam,
        begroting=begroting,
        realisatie=realisatie,
        resultaat=begroting - realisatie,
        reserve=reserve,
    )


def _financien(overzicht: Jaaroverzicht) -> dict:
    """The table "bedragen x € 1.000": each line rounded once, an area's row the sum of its
    rounded lines (so it matches the area's own table), the result from the rounded figures and
    the total the sum of what is printed: every table adds up."""
    tabel, per_gebied = [], {}
    for regel in overzicht.gebieden:
        posten = [_bedragen(p.naam, p.begroting_na_wijziging, p.realisatie) for p in regel.posten]
        reserve = in_duizenden(regel.reserve.saldo) if regel.reserve else 0
        rij = _opgeteld(regel.gebied_naam, posten, reserve)
        tabel.append(rij)
        if regel.gebied_id:
            per_gebied[regel.gebied_id] = rij
    totaal = _opgeteld("Totaal", tabel, sum(r.reserve for r in tabel))
    return {"tabel": tabel, "per_gebied": per_gebied, "totaal": totaal}


def financieel_deel(jaar: int) -> dict:
    """Only the financial part of a year's paragraph, as it would be published now: what
    financial staff check before publication (the same table and chart as the paragraph)."""
    financien = _financien(jaaroverzicht(jaar))
    return {
        "jaar": jaar,
        "gemeente": gemeente_instellingen().naam,
        "financien": financien["tabel"],
        "totaal": financien["totaal"],
        "grafiek": begroting_realisatie([vars(r) for r in financien["tabel"]]),
    }


def _activiteiten(ids: list[int], jaar: int) -> dict[int, list[Activiteitregel]]:
    soorten = Activiteit._meta.get_field("soort")
    namen = dict(soorten.flatchoices)
    per_gebied: dict[int, list[Activiteitregel]] = defaultdict(list)
    rijen = (
        Activiteit.objects.filter(gebied__in=ids, datum__year=jaar)
        .order_by("datum", "pk")
        .values_list("gebied_id", "datum", "soort", "omschrijving")
    )
    for gebied_id, datum, soort, omschrijving in rijen:
        per_gebied[gebied_id].append(
            Activiteitregel(datum.isoformat(), soort, str(namen.get(soort, soort)), omschrijving)
        )
    return per_gebied


def _achtergrond(ids: list[int], jaar: int, dit_jaar: set[int]) -> dict[int, list[str]]:
    """Focus points marked for the paragraph that were finished the year before: the
    background the year's story starts from (Molenvliet's pilot of 2019 in 2020)."""
    laatste = FocuspuntUpdate.objects.filter(focuspunt=OuterRef("pk")).order_by(
        "-datum", "-aangemaakt_op", "-pk"
    )
    rijen = (
        Focuspunt.objects.filter(
            gebied_id__in=ids, in_paragraaf=True, status__in=AFGESLOTEN_STATUSSEN
        )
        .exclude(pk__in=dit_jaar)
        .annotate(laatst=Max("updates__datum"))
        .filter(laatst__year=jaar - 1)
        .annotate(notitie=Subquery(laatste.values("notitie")[:1]))
        .order_by("titel", "pk")
        .values_list("gebied_id", "titel", "status", "notitie")
    )
    per_gebied: dict[int, list[str]] = defaultdict(list)
    for gebied_id, titel, status, notitie in rijen:
        if status == FocuspuntStatus.AFGEROND:
            per_gebied[gebied_id].append(zinnen.achtergrondzin(titel, jaar - 1, notitie or ""))
    return per_gebied


def _subsidies(jaar: int) -> dict[int, list[Subsidieregel]]:
    """Per area and scheme: the applications received in `jaar`, granted and settled."""
    per_sleutel: dict[tuple, list] = {}
    rijen = Aanvraag.objects.filter(ontvangen_op__year=jaar).values_list(
        "initiatief__gebied_id",
        "regeling__naam",
        "regeling__begrotingspost_naam",
        "besluit",
        "bedrag_toegekend",
        "bedrag_vastgesteld",
    )
    for gebied_id, regeling, post, besluit, toegekend, vastgesteld in rijen:
        telling = per_sleutel.setdefault((gebied_id, regeling, post), [0, Decimal(0), Decimal(0)])
        telling[0] += 1
        if besluit in TOEGEKENDE_BESLUITEN:
            telling[1] += toegekend or 0
        telling[2] += vastgesteld or 0
    per_gebied: dict[int, list[Subsidieregel]] = defaultdict(list)
    for (gebied_id, regeling, post), (aantal, toegekend, vastgesteld) in sorted(
        per_sleutel.items(), key=lambda item: (item[0][1], item[0][2])
    ):
        per_gebied[gebied_id].append(
            Subsidieregel(regeling, post or "", aantal, int(toegekend), int(vastgesteld))
        )
    return per_gebied


def _bij_de_posten(subsidies: list[Subsidieregel], posten) -> tuple[Subsidieregel, ...]:
    """The schemes paid from one of the area's lines, in the order of those lines; a scheme
    whose line is not the area's keeps its name but no line."""
    namen = {p.naam.casefold(): i for i, p in enumerate(posten)}
    geplaatst = []
    for regel in subsidies:
        plek = namen.get(regel.post.casefold())
        if plek is None:
            regel = Subsidieregel(
                regel.regeling, "", regel.aanvragen, regel.toegekend_euro, regel.vastgesteld_euro
            )
        geplaatst.append((len(namen) if plek is None else plek, regel))
    return tuple(regel for _plek, regel in sorted(geplaatst, key=lambda x: x[0]))


def kerncijfers(stand: Jaarstand) -> Kerncijfers:
    visies = Counter(status for s in stand.gebieden for _v, status in s.overzicht.visies)
    punten = Counter(p.status for s in stand.gebieden for p in s.focuspunten)
    doelen = Counter(
        stand.oordelen[d.pk].oordeel if d.pk in stand.oordelen else NIET_BEOORDEELD
        for lijst in stand.doelen.values()
        for d in lijst
    )
    ids = {s.gebied.pk for s in stand.gebieden}
    cijfers = [c for gebied_id, c in stand.initiatieven.items() if gebied_id in ids]
    totaal = stand.financien["totaal"]
    return Kerncijfers(
        gebieden=len(stand.gebieden),
        platforms=sum(len(s.overzicht.platforms) for s in stand.gebieden),
        visies_vastgesteld=visies[VisieStatus.VASTGESTELD],
        visies_verlopen=visies[VisieStatus.VERLOPEN],
        doelen={code: doelen[code] for code in [*DoelOordeel.values, NIET_BEOORDEELD]},
        focus_afgerond=punten[FocuspuntStatus.AFGEROND],
        focus_lopend=sum(punten[s] for s in OPEN_STATUSSEN),
        focus_vervallen=punten[FocuspuntStatus.VERVALLEN],
        initiatieven=sum(c.initiatieven for c in cijfers),
        deelnemers=sum(c.deelnemers for c in cijfers),
        begroting=totaal.begroting,
        realisatie=totaal.realisatie,
        resultaat=totaal.resultaat,
    )


def vergelijking(stand: Jaarstand) -> Vergelijking | None:
    """The year before: its figures as published (the latest version of the current schema),
    else computed from the data as it stood at the end of that year; None when that year has
    no areas."""
    from .models import Publicatie

    vorig_jaar = stand.jaar - 1
    publicatie = (
        Publicatie.objects.filter(paragraaf__jaar=vorig_jaar, data__schema=SCHEMA_VERSIE)
        .order_by("-versie")
        .only("versie", "data")
        .first()
    )
    if publicatie is not None:
        from .gegevens import lees

        vorig = lees(publicatie.data)
        cijfers, financien, bron = vorig.kerncijfers, vorig.financien, "gepubliceerd"
        versie = publicatie.versie
    else:
        vorige = lees_jaar(vorig_jaar)
        if not vorige.gebieden:
            return None
        cijfers, financien, bron = kerncijfers(vorige), vorige.financien["tabel"], "berekend"
        versie = None
    toen = {r.naam: r.begroting for r in financien}
    nu = {r.naam: r.begroting for r in stand.financien["tabel"]}
    namen = [r.naam for r in stand.financien["tabel"]]
    namen += [r.naam for r in financien if r.naam not in nu]
    budget = tuple(Budgetverschil(naam, toen.get(naam), nu.get(naam)) for naam in namen)
    return Vergelijking(
        jaar=vorig_jaar,
        bron=bron,
        versie=versie,
        cijfers=cijfers,
        budget=budget,
        budgetzin=zinnen.budgetzin(budget, vorig_jaar),
    )


def laatste_wijziging():
    """When the data the paragraph is built from last changed ("met de export van …")."""
    from begroting.models import Begrotingspost
    from gebieden.models import Platform, Toewijzing, Visie
    from initiatieven.models import Initiatief

    from .models import Paragraaf

    momenten = [
        m.history.aggregate(laatst=Max("history_date"))["laatst"]
        for m in (
            Gebied,
            Platform,
            Visie,
            Doel,
            Doeloordeel,
            Toewijzing,
            Focuspunt,
            FocuspuntUpdate,
            Activiteit,
            Begrotingspost,
            Initiatief,
            Aanvraag,
            Paragraaf,
        )
    ]
    return max((m for m in momenten if m), default=None)
