"""The figures of own areas, per indicator and year, from the CBS figures read in.

Per area and year (its buurten as they stood on 31 December):
- an area with a CBS code of its own, a single buurt, or exactly the buurten of one CBS wijk
  gets CBS's own figure for that region: CBS rounds counts, so a figure recomputed from the
  buurten would differ from the one CBS publishes;
- any other set of buurten gets a figure computed by the indicator's rule
  (`wijkprofiel.indicatoren`): counts summed, percentages and averages weighted by their own
  denominator; an EXACT indicator stays empty there.
A missing buurt figure is never read as zero: a sum with a missing part is missing, and a
weighted figure is missing when the buurten without a value hold more than `TOLERANTIE` of the
denominator. Everything is read in three queries, whatever the number of areas and years.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gebieden.instellingen import gemeente
from kern.notatie import MIN, decimaal, euro_heel

from .indicatoren import EXACT, PER_CODE, SOM, Indicator
from .models import KAARTTABEL, Buurtindeling, Cijfer, Profielkeuze, Regiojaar

TOLERANTIE = Decimal("0.05")  # share of the denominator that may lack a value


@dataclass(frozen=True)
class Meting:
    """One indicator of one area in one year, and where it came from."""

    jaar: int
    waarde: Decimal | None
    regio: str = ""  # the CBS region whose own figure this is; "" when computed or none
    buurten: int = 0  # the buurten it was computed from (0 for CBS's own figure)
    tabel: str = ""
    gewijzigd: bool = False  # CBS marks a changed boundary of a region involved this year

    @property
    def berekend(self) -> bool:
        return not self.regio and self.buurten > 0


@dataclass(frozen=True)
class Reeks:
    indicator: Indicator
    metingen: tuple[Meting, ...]  # every year read in, ascending
    gemeente: tuple[Meting, ...]  # the municipality's own figure per year

    def stand(self, jaar: int | None = None) -> tuple[Meting | None, Meting | None]:
        """The newest figure up to `jaar` (None: any year) and that of the year before it."""
        bekend = {m.jaar: m for m in self.metingen if m.waarde is not None}
        jaren = [j for j in bekend if jaar is None or j <= jaar]
        if not jaren:
            return None, None
        laatste = max(jaren)
        return bekend[laatste], bekend.get(laatste - 1)

    def gemeente_in(self, jaar: int) -> Meting | None:
        return next((m for m in self.gemeente if m.jaar == jaar and m.waarde is not None), None)


@dataclass(frozen=True)
class Profiel:
    gebied_id: int
    reeksen: tuple[Reeks, ...]
    buurten: int  # buurten of the area in the newest year read in
    regio: str  # the CBS region whose own figures the newest year shows, "" when computed
    jaren: tuple[int, ...]

    @property
    def heeft_cijfers(self) -> bool:
        return any(m.waarde is not None for r in self.reeksen for m in r.metingen)


def keuze() -> Profielkeuze:
    """The municipality's choice of indicators; the defaults (unsaved) until a coordinator
    chose (reading never writes)."""
    return Profielkeuze.objects.filter(pk=1).first() or Profielkeuze()


def profielen(
    gebieden: Sequence, indicatoren: Iterable[str], *, tot_jaar: int | None = None
) -> dict[int, Profiel]:
    """Per area (pk) its profile for the indicators (codes), over every year read in up to
    `tot_jaar`."""
    gekozen = [PER_CODE[c] for c in indicatoren if c in PER_CODE]
    regios = _regios(tot_jaar)
    jaren = sorted(regios.per_wijk)
    gebieden = list(gebieden)
    if not jaren or not gebieden:
        return {g.pk: Profiel(g.pk, (), 0, "", ()) for g in gebieden}
    indelingen = _buurten_per_jaar(gebieden, jaren)
    gm = gemeente().cbs_code
    samenstellingen = {
        g.pk: {j: _samenstelling(g, indelingen[g.pk][j], regios.per_wijk[j]) for j in jaren}
        for g in gebieden
    }
    codes = {gm} | {
        c for per_jaar in samenstellingen.values() for e, b in per_jaar.values() for c in (e, *b)
    }
    codes.discard("")
    nodig = {i.code for i in gekozen} | {i.noemer for i in gekozen if i.noemer}
    cijfers = _cijfers(codes, nodig, jaren)
    cijfers.gewijzigd = regios.gewijzigd
    return {g.pk: _profiel(g, gekozen, jaren, samenstellingen[g.pk], cijfers, gm) for g in gebieden}


class _Cijfers:
    """The figures read, by (year, region, indicator); a key is present when CBS's table has
    the region, its value None when the figure is missing."""

    def __init__(self):
        self.waarden: dict[tuple[int, str, str], Decimal | None] = {}
        self.regios: set[tuple[int, str]] = set()
        self.gewijzigd: set[tuple[int, str]] = set()
        self.tabel: dict[tuple[int, str, str], str] = {}  # the table each figure came from


def _cijfers(codes: set[str], indicatoren: set[str], jaren: list[int]) -> _Cijfers:
    """Of two tables of a year the one read later wins, except that the figures a boundary
    file carries (KAARTTABEL) give way to any table of figures, and a missing figure never
    hides one another table has."""
    gelezen = _Cijfers()
    rijen = (
        Cijfer.objects.filter(regiocode__in=codes, indicator__in=indicatoren, jaar__in=jaren)
        .annotate(uit_kaart=Q(tabel__tabel=KAARTTABEL))
        .order_by("-uit_kaart", "tabel__ingelezen_op", "tabel_id")
        .values_list("jaar", "regiocode", "indicator", "waarde", "tabel__tabel")
    )
    for jaar, code, indicator, waarde, tabel in rijen:
        sleutel = (jaar, code, indicator)
        if waarde is None and gelezen.waarden.get(sleutel) is not None:
            continue
        gelezen.waarden[sleutel] = waarde
        gelezen.tabel[sleutel] = tabel
        gelezen.regios.add((jaar, code))
    return gelezen


def _buurten_per_jaar(gebieden, jaren) -> dict[int, dict[int, frozenset[str]]]:
    """Per area and year the buurten linked to it on 31 December of that year."""
    per = {g.pk: {j: set() for j in jaren} for g in gebieden}
    eerste, laatste = datetime.date(jaren[0], 12, 31), datetime.date(jaren[-1], 12, 31)
    rijen = Buurtindeling.objects.filter(gebied__in=[g.pk for g in gebieden]).filter(
        Q(geldig_van__isnull=True) | Q(geldig_van__lte=laatste),
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=eerste),
    )
    for rij in rijen.values_list("gebied_id", "buurtcode", "geldig_van", "geldig_tot"):
        gebied, code, van, tot = rij
        for jaar in jaren:
            einde = datetime.date(jaar, 12, 31)
            if (van is None or van <= einde) and (tot is None or tot >= einde):
                per[gebied][jaar].add(code)
    return {g: {j: frozenset(b) for j, b in p.items()} for g, p in per.items()}


@dataclass
class _Regios:
    per_wijk: dict[int, dict[str, frozenset[str]]]  # per year read in: the buurten of each wijk
    gewijzigd: set[tuple[int, str]]  # (year, region) with a changed boundary


def _regios(tot_jaar: int | None) -> _Regios:
    """The regions of every table read in, in one query: which years there are, the buurten
    CBS has in each wijk (to see whether an area is exactly one), changed boundaries."""
    per: dict[int, dict[str, set[str]]] = {}
    gewijzigd = set()
    rijen = Regiojaar.objects.all()
    if tot_jaar is not None:
        rijen = rijen.filter(jaar__lte=tot_jaar)
    for jaar, code, veranderd in rijen.values_list("jaar", "regiocode", "indeling_gewijzigd"):
        wijken = per.setdefault(jaar, defaultdict(set))
        if code.startswith("BU"):
            wijken["WK" + code[2:8]].add(code)
        if veranderd:
            gewijzigd.add((jaar, code))
    return _Regios({j: {w: frozenset(b) for w, b in p.items()} for j, p in per.items()}, gewijzigd)


def _samenstelling(gebied, buurten: frozenset[str], per_wijk) -> tuple[str, tuple[str, ...]]:
    """(the CBS region whose own figure applies, or ""; the buurten to compute from)."""
    wijken = {"WK" + b[2:8] for b in buurten}
    if len(buurten) == 1:
        exact = next(iter(buurten))
    elif len(wijken) == 1 and per_wijk.get(next(iter(wijken))) == buurten:
        exact = next(iter(wijken))
    else:
        exact = ""
    return (gebied.cbs_code or exact), tuple(sorted(buurten))


def _profiel(gebied, gekozen, jaren, samenstellingen, cijfers: _Cijfers, gm: str) -> Profiel:
    reeksen = []
    for indicator in gekozen:
        metingen = tuple(_meting(indicator, j, *samenstellingen[j], cijfers) for j in jaren)
        gemeente_reeks = tuple(_meting(indicator, j, gm, (), cijfers) for j in jaren)
        reeksen.append(Reeks(indicator, metingen, gemeente_reeks))
    exact, buurten = samenstellingen[jaren[-1]]
    regio = exact if (jaren[-1], exact) in cijfers.regios else ""
    return Profiel(gebied.pk, tuple(reeksen), len(buurten), regio, tuple(jaren))


def _meting(indicator, jaar, exact: str, buurten, cijfers: _Cijfers) -> Meting:
    if exact and (jaar, exact) in cijfers.regios:
        return Meting(
            jaar,
            cijfers.waarden.get((jaar, exact, indicator.code)),
            regio=exact,
            tabel=cijfers.tabel.get((jaar, exact, indicator.code), ""),
            gewijzigd=(jaar, exact) in cijfers.gewijzigd,
        )
    if not buurten:
        return Meting(jaar, None)
    return Meting(
        jaar,
        _berekend(indicator, jaar, buurten, cijfers.waarden),
        buurten=len(buurten),
        tabel=", ".join(
            sorted({cijfers.tabel.get((jaar, b, indicator.code), "") for b in buurten} - {""})
        ),
        gewijzigd=any((jaar, b) in cijfers.gewijzigd for b in buurten),
    )


def _berekend(indicator: Indicator, jaar: int, buurten, waarden) -> Decimal | None:
    if indicator.regel == EXACT:
        return None
    if indicator.regel == SOM:
        delen = [waarden.get((jaar, b, indicator.code)) for b in buurten]
        return None if any(d is None for d in delen) else sum(delen, Decimal(0))
    # GEWOGEN
    paren = [
        (waarden.get((jaar, b, indicator.code)), waarden.get((jaar, b, indicator.noemer)))
        for b in buurten
    ]
    if any(gewicht is None for _w, gewicht in paren):
        return None
    totaal = sum((g for _w, g in paren), Decimal(0))
    bekend = [(w, g) for w, g in paren if w is not None]
    gewicht = sum((g for _w, g in bekend), Decimal(0))
    if not gewicht or totaal - gewicht > totaal * TOLERANTIE:
        return None
    return sum((w * g for w, g in bekend), Decimal(0)) / gewicht


# --- how a figure reads ---------------------------------------------------------------------


def tekst(indicator: Indicator, waarde: Decimal | None) -> str:
    """The figure as a reader sees it: 4.520, 34,5%, € 312.000, 0,8 km; "onbekend" when
    missing."""
    if waarde is None:
        return _("onbekend")
    if indicator.eenheid == "x 1 000 euro":  # as precise as CBS publishes it
        return euro_heel(_afgerond(waarde, indicator.decimalen) * 1000)
    getal = decimaal(waarde, indicator.decimalen if indicator.eenheid != "%" else 1)
    if indicator.eenheid == "%":
        return f"{getal}%"
    if indicator.eenheid in ("km", "ha", "per km²"):
        return f"{getal}\u00a0{indicator.eenheid}"
    return getal


def verandering(indicator: Indicator, nu: Decimal | None, vorig: Decimal | None) -> str:
    """The change against the year before: "+40", "−1,2 procentpunt", "+€ 12.000", "gelijk"."""
    if nu is None or vorig is None:
        return ""
    decimalen = 1 if indicator.eenheid == "%" else indicator.decimalen
    verschil = _afgerond(nu, decimalen) - _afgerond(vorig, decimalen)  # as the figures read
    if indicator.eenheid == "x 1 000 euro":
        verschil, decimalen = verschil * 1000, 0
    afgerond = decimaal(abs(verschil), decimalen)
    if afgerond.strip("0,.") == "":
        return _("gelijk")
    teken = "+" if verschil > 0 else MIN
    if indicator.eenheid == "x 1 000 euro":
        return f"{teken}€\u00a0{afgerond}"
    if indicator.eenheid == "%":
        return f"{teken}{afgerond} " + _("procentpunt")
    if indicator.eenheid in ("km", "ha", "per km²"):
        return f"{teken}{afgerond}\u00a0{indicator.eenheid}"
    return f"{teken}{afgerond}"


def _afgerond(waarde: Decimal, decimalen: int) -> Decimal:
    return Decimal(waarde).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def bron_kort(meting: Meting) -> str:
    """The table and year beside a figure on the area page ("CBS kwb-2024, 2024"); how the
    figure was made is said once under the table."""
    return _("CBS %(tabel)s, %(jaar)s") % {"tabel": meting.tabel, "jaar": meting.jaar}


def herkomst(meting: Meting) -> str:
    """Where a figure comes from, in a phrase for beside it."""
    if meting.regio:
        return _("CBS, %(tabel)s (%(jaar)s), %(regio)s") % {
            "tabel": meting.tabel,
            "jaar": meting.jaar,
            "regio": meting.regio,
        }
    if meting.buurten:
        return ngettext(
            "berekend uit %(aantal)s buurt, CBS %(tabel)s (%(jaar)s)",
            "berekend uit %(aantal)s buurten, CBS %(tabel)s (%(jaar)s)",
            meting.buurten,
        ) % {"aantal": meting.buurten, "tabel": meting.tabel, "jaar": meting.jaar}
    return ""
