"""What changed between two published versions: every statement of each as a line with its
subject (from the types for the current schema, from the stored dict for schema 1), the lines
paired by subject, and the changed words of a changed line. Written texts are compared as their
words, never their tags."""

import dataclasses
import difflib
from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from .gegevens import LEESBARE_SCHEMAS, Paragraafgegevens, lees
from .opmaak import platte_tekst

Regel = tuple[str, str]  # (what it is about, the text), one line of a version to compare


def _tekstregels(onderwerp: str, html: str) -> list[Regel]:
    """A written text (sanitised HTML in the data) as its words, a line per paragraph or list
    item: never its tags."""
    return [(onderwerp, regel) for regel in platte_tekst(html).splitlines()]


def _bedragregel(onderwerp: str, b: dict) -> Regel:
    return (
        onderwerp,
        f"{b['naam']}: begroting {b['begroting']}, realisatie {b['realisatie']}, "
        f"resultaat {b['resultaat']} (x € 1.000)",
    )


def als_regels(data: dict) -> list[Regel]:
    """The published data as readable lines, to compare two versions: from the types for a
    publication of the current schema, as stored for one from before (schema 1, a dict)."""
    if data.get("schema") in LEESBARE_SCHEMAS:
        return _regels_van(lees(data))
    if data.get("schema") is not None:  # a later schema needs its own reader here
        raise Http404
    regels = _tekstregels(_("Inleiding"), data.get("inleiding", ""))
    for g in data["gebieden"]:
        naam = g["naam"]
        regels += _tekstregels(naam, g.get("tekst", ""))
        regels += [
            (naam, f"{f['titel']} ({f['status_tekst']}): {f['toelichting']}")
            for f in g.get("focus", [])
        ]
        regels += [(naam, z) for z in g.get("omgeving", []) + g.get("functionarissen", [])]
        if g.get("initiatieven"):
            regels.append((naam, g["initiatieven"]))
    regels += _tekstregels(_("Tot slot"), data.get("slottekst", ""))
    regels += [_bedragregel(_("Financiën"), r) for r in [*data["financien"], data["totaal"]]]
    return regels


def _regels_van(p: Paragraafgegevens) -> list[Regel]:
    """Every statement of a publication of the current schema, each with its subject: the
    overview's figures, the texts, per area the three questions and its register."""
    overzicht = _("Overzicht")
    regels = [
        (overzicht, f"{veld.replace('_', ' ')}: {waarde}")
        for veld, waarde in dataclasses.asdict(p.kerncijfers).items()
    ]
    if p.vergelijking:
        regels.append((overzicht, p.vergelijking.budgetzin))
    regels += _tekstregels(_("Wat ging goed"), p.goed)
    regels += _tekstregels(_("Wat kan beter"), p.beter)
    regels += _tekstregels(_("Inleiding"), p.inleiding)
    for g in p.gebieden:
        naam = g.naam
        regels += _tekstregels(naam, g.tekst)
        for d in g.doelen:
            uitleg = " ".join(z for z in (d.voortgang, d.toelichting) if z)
            regels.append((f"{naam}, {_('doel')}", f"{d.titel}: {d.oordeel_tekst}. {uitleg}"))
        regels += [(naam, z) for z in g.omgeving]
        for groep in g.groepen:
            regels += [(f"{naam}, {groep.kop}", z) for z in groep.zinnen]
        regels += [(naam, z) for z in (g.overige, *g.achtergrond, g.initiatieven, g.werk) if z]
        regels += [(naam, z) for z in g.mensen]
        regels += [
            (f"{naam}, {_('cijfers')}", f"{c.naam} ({c.jaar}): {c.waarde}") for c in g.cijfers
        ]
        kosten = f"{naam}, {_('kosten')}"
        regels += [_bedragregel(kosten, dataclasses.asdict(b)) for b in g.posten]
        regels += [(kosten, s.zin) for s in g.subsidies]
        if g.reserve and g.reserve.zin:
            regels.append((f"{naam}, {_('reserve')}", g.reserve.zin))
    regels += _tekstregels(_("Tot slot"), p.slottekst)
    regels += [
        _bedragregel(_("Financiën"), dataclasses.asdict(b)) for b in (*p.financien, p.totaal)
    ]
    for g in p.gebieden:
        bijlage = f"{_('Bijlage')}, {g.naam}"
        regels += [
            (bijlage, f"{f.titel} ({f.status_tekst}): {f.toelichting}".rstrip(": "))
            for f in g.register
        ]
        regels += [
            (bijlage, f"{a.datum}: {a.soort_tekst}, {a.omschrijving}") for a in g.activiteiten
        ]
    return regels


@dataclass(frozen=True)
class Wijziging:
    """A changed line: what it is about, and its words as pieces ("gelijk", "weg" or "bij")."""

    onderwerp: str
    soort: str  # "gewijzigd", "verwijderd" or "toegevoegd"
    stukken: tuple[tuple[str, str], ...]


def woordverschil(oud: str, nieuw: str) -> tuple[tuple[str, str], ...]:
    """The words of two versions of a line as pieces: kept, removed ("weg"), added ("bij")."""
    a, b = oud.split(), nieuw.split()
    stukken = []
    for code, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if code == "equal":
            stukken.append(("gelijk", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            stukken.append(("weg", " ".join(a[i1:i2])))
        if j2 > j1:
            stukken.append(("bij", " ".join(b[j1:j2])))
    return tuple(stukken)


def verschillen(oud: list[Regel], nieuw: list[Regel]) -> list[Wijziging]:
    """The lines that differ; a changed line (same subject, in the same place) with its
    changed words, the others as removed or added whole."""
    wijzigingen = []
    sleutel = ["\x1f".join(r) for r in oud], ["\x1f".join(r) for r in nieuw]
    matcher = difflib.SequenceMatcher(None, *sleutel, autojunk=False)
    for code, i1, i2, j1, j2 in matcher.get_opcodes():
        if code == "equal":
            continue
        weg, bij = list(oud[i1:i2]), list(nieuw[j1:j2])
        for onderwerp, tekst in weg:
            paar = next((r for r in bij if r[0] == onderwerp), None)
            if paar is None:
                wijzigingen.append(Wijziging(onderwerp, "verwijderd", (("weg", tekst),)))
                continue
            # the added lines before its pair have no old counterpart
            while bij[0] is not paar:
                o, t = bij.pop(0)
                wijzigingen.append(Wijziging(o, "toegevoegd", (("bij", t),)))
            bij.pop(0)
            wijzigingen.append(Wijziging(onderwerp, "gewijzigd", woordverschil(tekst, paar[1])))
        wijzigingen += [Wijziging(o, "toegevoegd", (("bij", t),)) for o, t in bij]
    return wijzigingen
