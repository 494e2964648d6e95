"""Assemble the annual paragraph from the data as it stood at the end of the year.

Plain functions returning plain data (dicts and lists of text and numbers), so the same data
renders the web page and the PDF, and can be stored with a publication and offered as open data.
A fixed number of queries whatever the number of areas.
"""

import datetime

from django.db.models import Max
from django.utils.text import capfirst, slugify

from begroting.afronding import in_duizenden
from begroting.overzicht import jaaroverzicht
from gebieden.constants import FocuspuntStatus, VisieStatus
from gebieden.instellingen import gemeente as gemeente_instellingen
from gebieden.models import Activiteit, Focuspunt, FocuspuntUpdate, Gebied
from gebieden.models.woorden import platformwoord, visiewoord, woord
from gebieden.stand import Selectie, standen
from gebieden.volgorde import sorteersleutel
from initiatieven.overzicht import cijfers_per_gebied
from kern import notatie

from .grafiek import begroting_realisatie
from .opmaak import veilige_html


def samenstellen(paragraaf) -> dict:
    jaar = paragraaf.jaar
    eind = datetime.date(jaar, 12, 31)
    soorten = gemeente_instellingen().rapportsoorten
    sleutel = sorteersleutel()
    gebieden = standen(
        Gebied.objects.geldig_in_jaar(jaar).filter(soort__in=soorten),
        eind,
        selectie=Selectie.JAAR,
        toelichting=True,
    )
    gebieden.sort(key=lambda stand: sleutel(stand.gebied))
    activiteiten: dict[int, list] = {}
    ids = [stand.gebied.pk for stand in gebieden]
    for a in Activiteit.objects.filter(gebied__in=ids, datum__year=jaar).order_by("datum"):
        activiteiten.setdefault(a.gebied_id, []).append(a)
    initiatieven = {c.gebied_id: c for c in cijfers_per_gebied(jaar)}
    teksten = {t.gebied_id: t.tekst for t in paragraaf.gebiedsteksten.all()}
    financien = _financien(jaar)

    statussen = notatie.keuzes(FocuspuntStatus)
    delen = []
    for stand in gebieden:
        gebied, overzicht = stand.gebied, stand.overzicht
        delen.append(
            {
                "naam": gebied.naam,
                "soort": gebied.get_soort_display(),
                "anker": slugify(gebied.naam) or f"gebied-{gebied.pk}",
                "tekst": veilige_html(teksten.get(gebied.pk, "")),
                "focus": [_focuspunt(punt, statussen) for punt in stand.focuspunten],
                "omgeving": _omgeving_zin(gebied, overzicht),
                "functionarissen": _functionaris_zinnen(overzicht),
                "initiatieven": _initiatieven_zin(initiatieven.get(gebied.pk)),
                "activiteiten": [
                    f"{notatie.datum(a.datum)}: {a.get_soort_display()}, {a.omschrijving}"
                    for a in activiteiten.get(gebied.pk, [])
                ],
                "financieel": financien["per_gebied"].get(gebied.pk),
            }
        )
    return {
        "jaar": jaar,
        "nummer": paragraaf.nummer,
        "titel": paragraaf.titel,
        "gemeente": gemeente_instellingen().naam,
        "inleiding": veilige_html(paragraaf.inleiding),
        "slottekst": veilige_html(paragraaf.slottekst),
        "gebieden": delen,
        "financien": financien["tabel"],
        "totaal": financien["totaal"],
        "grafiek": begroting_realisatie(financien["tabel"]),
    }


def _focuspunt(punt, statussen: dict[str, str]) -> dict:
    """A focus point as the paragraph shows it and its open data holds it: its status and
    note at the end of the year."""
    status_tekst = statussen.get(punt.status, punt.status)
    return {
        "titel": punt.titel,
        "status": punt.status,
        "status_tekst": status_tekst,
        "toelichting": punt.toelichting,
    }


def _omgeving_zin(gebied, overzicht) -> list[str]:
    platformnaam, visienaam = platformwoord(gebied.soort), visiewoord(gebied.soort)
    vastgesteld = [(v, s) for v, s in overzicht.visies if s == VisieStatus.VASTGESTELD]
    if not overzicht.platforms and not overzicht.visies:
        return [f"Geen {platformnaam} en geen {visienaam}."]
    zinnen = []
    if overzicht.platforms:
        namen = ", ".join(p.naam for p in overzicht.platforms)
        zinnen.append(f"{capfirst(platformnaam)}: {namen}.")
    else:
        zinnen.append(f"Geen {platformnaam}.")
    if not overzicht.visies:
        zinnen.append(f"Geen {visienaam}.")
    for visie, status in overzicht.visies:
        soort = capfirst(visie.get_soort_display())
        if status == VisieStatus.VASTGESTELD:
            zin = f"{soort} „{visie.titel}”, vastgesteld op {notatie.datum(visie.vastgesteld_op)}"
        elif status == VisieStatus.VERLOPEN:
            zin = f"{soort} „{visie.titel}” is verlopen"
        else:
            zin = f"{soort} „{visie.titel}” is in voorbereiding"
        if not visie.compleet:
            zin += " en nog niet compleet"
        zinnen.append(zin + ".")
    if overzicht.visies and not vastgesteld:
        zinnen.append(f"Er is geen vastgestelde {visienaam}.")
    return zinnen


def _functionaris_zinnen(overzicht) -> list[str]:
    zinnen = []
    for b in overzicht.bezetting:
        rol = woord("rol", b.rol)
        if b.personen:
            zinnen.append(f"{capfirst(rol)}: {', '.join(p.naam for p in b.personen)}.")
        elif b.vacant_sinds:
            zinnen.append(f"Geen {rol} sinds {notatie.datum(b.vacant_sinds)}.")
        else:
            zinnen.append(f"Geen {rol}.")
        if b.waarnemers:
            zinnen.append(f"Waarnemend {rol}: {', '.join(p.naam for p in b.waarnemers)}.")
    return zinnen


def _initiatieven_zin(c) -> str:
    if c is None:
        return ""
    delen = [f"{c.initiatieven} initiatie{'f' if c.initiatieven == 1 else 'ven'} aangemeld"]
    if c.aanvragen:
        delen.append(
            f"{c.aanvragen} subsidieaanvra{'ag' if c.aanvragen == 1 else 'gen'}: "
            f"{notatie.euro_heel(c.gevraagd)} gevraagd, "
            f"{notatie.euro_heel(c.toegekend)} toegekend, "
            f"{notatie.euro_heel(c.vastgesteld)} vastgesteld"
        )
    if c.deelnemers:
        delen.append(f"{c.deelnemers} deelnemers")
    if c.doelgroepen:
        delen.append("doelgroepen: " + ", ".join(naam for naam, _ in c.bereik))
    return "; ".join(delen) + "."


def financieel_deel(jaar: int) -> dict:
    """Only the financial part of a year's paragraph, as it would be published now: what
    financial staff check before publication (the same table and chart as the paragraph)."""
    financien = _financien(jaar)
    return {
        "jaar": jaar,
        "gemeente": gemeente_instellingen().naam,
        "financien": financien["tabel"],
        "totaal": financien["totaal"],
        "grafiek": begroting_realisatie(financien["tabel"]),
    }


def _financien(jaar: int) -> dict:
    """The table "bedragen x € 1.000": each figure rounded once, the result computed from the
    rounded figures and the totals as the sum of what is printed, so the table adds up."""
    overzicht = jaaroverzicht(jaar)
    tabel, per_gebied = [], {}
    for regel in overzicht.gebieden:
        begroting = in_duizenden(regel.begroting_na_wijziging)
        realisatie = in_duizenden(regel.realisatie)
        rij = {
            "naam": regel.gebied_naam,
            "begroting": begroting,
            "realisatie": realisatie,
            "resultaat": begroting - realisatie,
            "reserve": in_duizenden(regel.reserve.saldo) if regel.reserve else 0,
        }
        tabel.append(rij)
        if regel.gebied_id:
            per_gebied[regel.gebied_id] = rij
    totaal = {
        k: sum(r[k] for r in tabel) for k in ("begroting", "realisatie", "resultaat", "reserve")
    }
    return {"tabel": tabel, "per_gebied": per_gebied, "totaal": {"naam": "Totaal", **totaal}}


def laatste_wijziging():
    """When the data the paragraph is built from last changed ("met de export van …")."""
    from begroting.models import Begrotingspost
    from gebieden.models import Platform, Toewijzing, Visie
    from initiatieven.models import Aanvraag, Initiatief

    from .models import Paragraaf

    momenten = [
        m.history.aggregate(laatst=Max("history_date"))["laatst"]
        for m in (
            Gebied,
            Platform,
            Visie,
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
