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

import dataclasses
import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Max
from django.db.models.fields.json import KeyTransform
from django.utils.text import slugify

from begroting.afronding import in_duizenden, in_euro
from begroting.models import Begrotingspost
from begroting.overzicht import ALGEMEEN, Jaaroverzicht, jaaroverzicht
from gebieden.constants import (
    OPEN_STATUSSEN,
    DoelOordeel,
    FocuspuntStatus,
    VisieStatus,
)
from gebieden.instellingen import gemeente as gemeente_instellingen
from gebieden.models import Activiteit, Doel, Doeloordeel, Focuspunt, FocuspuntUpdate, Gebied
from gebieden.models.doel import geldt_in as doel_geldt_in
from gebieden.models.doel import periode as doelperiode
from gebieden.models.woorden import woord
from gebieden.stand import GebiedStand, Selectie, focuspunten_op, standen
from gebieden.volgorde import sorteersleutel
from initiatieven.constants import TOEGEKENDE_BESLUITEN
from initiatieven.models import Aanvraag
from initiatieven.overzicht import GebiedCijfers, cijfers_per_gebied, totalen_in_jaar
from kern import notatie

from . import zinnen
from .gegevens import (
    LEESBARE_SCHEMAS,
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
from .wijkcijfers import gebiedscijfers, kaart_van_paragraaf

NIET_BEOORDEELD = "niet_beoordeeld"


@dataclass
class Jaarstand:
    """What one year's paragraph is made of, read in a fixed number of queries; the year
    before is read the same way for the comparison."""

    jaar: int
    gebieden: list[GebiedStand]
    doelen: dict[int, list["DoelInJaar"]]  # area -> goals in force in the year
    oordelen: dict[int, object]  # goal -> its judgement of the year
    initiatieven: dict[int, GebiedCijfers]
    overzicht: Jaaroverzicht
    financien: dict = field(default_factory=dict)


def samenstellen(paragraaf) -> Paragraafgegevens:
    jaar = paragraaf.jaar
    stand = lees_jaar(jaar)
    ids = [s.gebied.pk for s in stand.gebieden]
    activiteiten = _activiteiten(ids, jaar)
    achtergrond = _achtergrond(ids, jaar)
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
    gebieden = [s.gebied for s in stand.gebieden]
    cijfers = gebiedscijfers(gebieden, jaar)
    delen = [dataclasses.replace(d, cijfers=cijfers.get(d.gebied_id, ())) for d in delen]
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
        kaart=kaart_van_paragraaf(gebieden, {d.gebied_id: d.anker for d in delen}, jaar),
        schema=SCHEMA_VERSIE,
    )


class DoelInJaar(NamedTuple):
    pk: int
    titel: str
    van_jaar: int
    tot_jaar: int | None
    visie: str


def _doelen_in(ids: list[int], jaar: int) -> dict[int, list[DoelInJaar]]:
    """Per area the goals of its visions in force in `jaar`, as plain rows."""
    doelen: dict[int, list[DoelInJaar]] = defaultdict(list)
    rijen = (
        Doel.objects.filter(visie__gebied_id__in=ids)
        .order_by("visie", "van_jaar", "titel", "pk")
        .values_list("pk", "titel", "van_jaar", "tot_jaar", "visie__titel", "visie__gebied_id")
    )
    for pk, titel, van_jaar, tot_jaar, visie, gebied_id in rijen:
        if doel_geldt_in(van_jaar, tot_jaar, jaar):
            doelen[gebied_id].append(DoelInJaar(pk, titel, van_jaar, tot_jaar, visie))
    return doelen


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
    doelen = _doelen_in(ids, jaar)
    oordelen = {
        o.doel_id: o for o in Doeloordeel.objects.filter(doel__visie__gebied_id__in=ids, jaar=jaar)
    }
    stand = Jaarstand(
        jaar=jaar,
        gebieden=gebieden,
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
    gezegd: set[str] = set()  # every sentence of the area once

    def nieuw(zin: str) -> bool:
        sleutel = zinnen.kern(zin)
        if not sleutel or sleutel in gezegd:
            return False
        gezegd.add(sleutel)
        return True

    omgeving = [z for z in zinnen.omgeving_zinnen(gebied, overzicht) if nieuw(z)]
    mensen = [z for z in zinnen.mensen_zinnen(overzicht) if nieuw(z)]

    per_doel: dict[int, list] = defaultdict(list)
    in_paragraaf: dict[str, list[str]] = defaultdict(list)
    overige = overige_afgerond = 0
    register = []
    doeltitels = {d.pk: d.titel for d in stand.doelen.get(gebied.pk, [])}
    for punt in gebiedstand.focuspunten:
        doel_id, mee = punt.doel_id, punt.in_paragraaf
        if doel_id:
            per_doel[doel_id].append(punt)
        status_tekst = statussen.get(punt.status, punt.status)
        register.append(
            Focusregel(
                titel=punt.titel,
                status=punt.status,
                status_tekst=status_tekst,
                toelichting=punt.toelichting,
                doel=doeltitels.get(doel_id, ""),
                in_paragraaf=mee,
                regel=zinnen.registerregel(punt.titel, status_tekst, punt.toelichting),
            )
        )
        zin = zinnen.focuszin(punt.titel, punt.toelichting) if mee else ""
        if mee and nieuw(zin):
            in_paragraaf[punt.status].append(zin)
        else:  # not marked, or saying what the area already said: counted
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
        afgerond = sum(p.status == FocuspuntStatus.AFGEROND for p in gekoppeld)
        doelen.append(
            Doelstand(
                titel=doel.titel,
                visie=doel.visie,
                periode=str(doelperiode(doel.van_jaar, doel.tot_jaar)),
                oordeel=code,
                oordeel_tekst=oordeelteksten.get(code, "nog niet beoordeeld"),
                # a judgement's note that repeats a sentence of the area is left out
                toelichting=toelichting if nieuw(toelichting) else "",
                punten=len(gekoppeld),
                afgerond=afgerond,
                voortgang=zinnen.voortgang(len(gekoppeld), afgerond),
            )
        )
    werk = Counter(a.soort_tekst for a in activiteiten)
    posten, totaal, reserve = _kosten(regel, stand.jaar)
    return Gebiedsdeel(
        gebied_id=gebied.pk,
        naam=gebied.naam,
        soort=woord("soort", gebied.soort),
        anker=f"gebied-{slugify(gebied.naam) or gebied.pk}",  # never a fixed id ("financien")
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
        kosten=zinnen.postzin(posten[0]) if len(posten) == 1 else "",
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
        zin = zinnen.reservezin(r, jaar)
        reserve = Reservestand(
            toegevoegd_euro=in_euro(r.toegevoegd),
            gebruikt_euro=in_euro(r.gebruikt),
            vervallen_euro=in_euro(r.vervallen),
            tekort_euro=in_euro(r.tekort),
            saldo_euro=in_euro(r.saldo),
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


def _achtergrond(ids: list[int], jaar: int) -> dict[int, list[str]]:
    """Focus points marked for the paragraph that were finished in the year before and had no
    update since: the background the year's story starts from (Molenvliet's pilot of 2019 in
    2020). Read from the updates of those two years, in timeline order: the last one of the
    year before must be "afgerond", and the year itself must have none."""
    rijen = (
        FocuspuntUpdate.objects.filter(
            focuspunt__gebied_id__in=ids,
            focuspunt__in_paragraaf=True,
            datum__range=(datetime.date(jaar - 1, 1, 1), datetime.date(jaar, 12, 31)),
        )
        .order_by("focuspunt_id", "datum", "aangemaakt_op", "pk")
        .values_list(
            "focuspunt_id", "focuspunt__gebied_id", "focuspunt__titel", "datum", "status", "notitie"
        )
    )
    laatste: dict[int, tuple] = {}
    for punt, gebied_id, titel, datum, status, notitie in rijen:
        if datum.year == jaar:
            laatste[punt] = None  # attention in the year itself: not background
        elif laatste.get(punt, ()) is not None:
            laatste[punt] = (gebied_id, titel, status, notitie)
    per_gebied: dict[int, list[str]] = defaultdict(list)
    gevonden = [r for r in laatste.values() if r and r[2] == FocuspuntStatus.AFGEROND]
    for gebied_id, titel, _status, notitie in sorted(gevonden, key=lambda r: r[1]):
        per_gebied[gebied_id].append(zinnen.achtergrondzin(titel, jaar - 1, notitie or ""))
    return per_gebied


def _subsidies(jaar: int) -> dict[int, list[tuple]]:
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
    per_gebied: dict[int, list[tuple]] = defaultdict(list)
    for (gebied_id, regeling, post), (aantal, toegekend, vastgesteld) in sorted(
        per_sleutel.items(), key=lambda item: (item[0][1], item[0][2])
    ):
        per_gebied[gebied_id].append(
            (regeling, post or "", aantal, in_euro(toegekend), in_euro(vastgesteld))
        )
    return per_gebied


def _bij_de_posten(subsidies: list[tuple], posten) -> tuple[Subsidieregel, ...]:
    """The schemes paid from one of the area's lines, in the order of those lines; a scheme
    whose line is not the area's keeps its name but no line."""
    namen = {p.naam.casefold(): i for i, p in enumerate(posten)}
    geplaatst = []
    for regeling, post, aantal, toegekend, vastgesteld in subsidies:
        plek = namen.get(post.casefold())
        post = post if plek is not None else ""
        zin = zinnen.subsidiezin(regeling, post, aantal, toegekend, vastgesteld)
        regel = Subsidieregel(regeling, post, aantal, toegekend, vastgesteld, zin)
        geplaatst.append((len(namen) if plek is None else plek, regel))
    return tuple(regel for _plek, regel in sorted(geplaatst, key=lambda x: x[0]))


def kerncijfers(stand: Jaarstand) -> Kerncijfers:
    ids = {s.gebied.pk for s in stand.gebieden}
    cijfers = [c for gebied_id, c in stand.initiatieven.items() if gebied_id in ids]
    return _kerncijfers(
        gebieden=len(stand.gebieden),
        platforms=sum(len(s.overzicht.platforms) for s in stand.gebieden),
        visies=Counter(status for s in stand.gebieden for _v, status in s.overzicht.visies),
        doelen=_oordelen(stand.doelen, stand.oordelen),
        punten=Counter(p.status for s in stand.gebieden for p in s.focuspunten),
        initiatieven=(sum(c.initiatieven for c in cijfers), sum(c.deelnemers for c in cijfers)),
        totaal=stand.financien["totaal"],
    )


def _oordelen(doelen: dict[int, list["DoelInJaar"]], oordelen: dict) -> Counter:
    return Counter(
        oordelen[d.pk].oordeel if d.pk in oordelen else NIET_BEOORDEELD
        for lijst in doelen.values()
        for d in lijst
    )


def _kerncijfers(*, gebieden, platforms, visies, doelen, punten, initiatieven, totaal):
    return Kerncijfers(
        gebieden=gebieden,
        platforms=platforms,
        visies_vastgesteld=visies[VisieStatus.VASTGESTELD],
        visies_verlopen=visies[VisieStatus.VERLOPEN],
        doelen={code: doelen[code] for code in [*DoelOordeel.values, NIET_BEOORDEELD]},
        focus_afgerond=punten[FocuspuntStatus.AFGEROND],
        focus_lopend=sum(punten[s] for s in OPEN_STATUSSEN),
        focus_vervallen=punten[FocuspuntStatus.VERVALLEN],
        initiatieven=initiatieven[0],
        deelnemers=initiatieven[1],
        begroting=totaal.begroting,
        realisatie=totaal.realisatie,
        resultaat=totaal.resultaat,
    )


def cijfers_van_jaar(jaar: int) -> tuple[Kerncijfers, list[Bedragen]] | None:
    """The key figures of `jaar` and its budget per area, computed from the data as it stood at
    the end of that year, reading only what the figures need (the paragraph of the year after
    compares with them); None when that year has no areas. The same figures as `kerncijfers`
    of the year's whole assembly (tested)."""
    eind = datetime.date(jaar, 12, 31)
    soorten = gemeente_instellingen().rapportsoorten
    gebieden = list(
        Gebied.objects.geldig_in_jaar(jaar)
        .filter(soort__in=soorten)
        .prefetch_related("platforms", "visies")
    )
    if not gebieden:
        return None
    ids = [g.pk for g in gebieden]
    punten = focuspunten_op(
        ids, eind, selectie=Selectie.JAAR, tijdlijn=False, toelichting=True, details=False
    )
    doelen = _doelen_in(ids, jaar)
    oordelen = {
        o.doel_id: o
        for o in Doeloordeel.objects.filter(doel__visie__gebied_id__in=ids, jaar=jaar).only(
            "doel_id", "oordeel"
        )
    }
    tabel = _begroting_per_gebied(jaar)
    cijfers = _kerncijfers(
        gebieden=len(gebieden),
        platforms=sum(p.is_ondersteund_op(eind) for g in gebieden for p in g.platforms.all()),
        visies=Counter(v.status_op(eind) for g in gebieden for v in g.visies.all()),
        doelen=_oordelen(doelen, oordelen),
        punten=Counter(p.status for lijst in punten.values() for p in lijst),
        initiatieven=totalen_in_jaar(jaar, ids),
        totaal=_opgeteld("Totaal", tabel),
    )
    return cijfers, tabel


def _begroting_per_gebied(jaar: int) -> list[Bedragen]:
    """Each area's row of the year's table (its lines rounded, then added), without the
    reserve ledger the year before's figures do not need."""
    per_gebied: dict[str, list[Bedragen]] = defaultdict(list)
    rijen = Begrotingspost.objects.filter(jaar__jaar=jaar).values_list(
        "gebied__naam", "naam", "begroting_na_wijziging", "realisatie"
    )
    for gebied_naam, naam, begroting, realisatie in rijen:
        per_gebied[gebied_naam or ALGEMEEN].append(_bedragen(naam, begroting, realisatie))
    return [_opgeteld(naam, posten) for naam, posten in per_gebied.items()]


def vergelijking(stand: Jaarstand) -> Vergelijking | None:
    """The year before: its figures as published (the latest version of the current schema),
    else computed from the data as it stood at the end of that year; None when that year has
    no areas."""
    from .models import Publicatie

    vorig_jaar = stand.jaar - 1
    publicatie = (
        Publicatie.objects.filter(paragraaf__jaar=vorig_jaar, data__schema__in=LEESBARE_SCHEMAS)
        .order_by("-versie")
        .annotate(
            kerncijfers=KeyTransform("kerncijfers", "data"),
            financien=KeyTransform("financien", "data"),
        )
        .values("versie", "kerncijfers", "financien")  # not the whole paragraph (megabytes)
        .first()
    )
    if publicatie is not None:
        cijfers = Kerncijfers(**publicatie["kerncijfers"])
        financien = [Bedragen(**r) for r in publicatie["financien"]]
        bron, versie = "gepubliceerd", publicatie["versie"]
    else:
        berekend = cijfers_van_jaar(vorig_jaar)
        if berekend is None:
            return None
        (cijfers, financien), bron, versie = berekend, "berekend", None
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
