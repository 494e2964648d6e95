"""The sentences of the paragraph, as plain text: one function per kind of sentence, with
proper plurals (ngettext) and lists joined the Dutch way ("a, b en c").

Only text, never HTML: the templates escape it. The municipality's own words come from
`gebieden.models.woorden`.
"""

from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from gebieden.constants import FocuspuntStatus, VisieStatus
from gebieden.models.woorden import platformwoord, visiewoord, woord
from initiatieven.constants import Hulpvorm
from kern import notatie

# The kinds of help as the sentence "geholpen met …" names them (the choices' labels, such as
# "hulp bij vergunningen", would say "geholpen met hulp bij vergunningen").
HULP = {
    Hulpvorm.INITIATIEFBEGELEIDING: gettext_lazy("initiatiefbegeleiding"),
    Hulpvorm.PROCESBEGELEIDING: gettext_lazy("procesbegeleiding"),
    Hulpvorm.COMMUNICATIE: gettext_lazy("communicatie"),
    Hulpvorm.NETWERK: gettext_lazy("contacten met netwerk en partners"),
    Hulpvorm.VERGUNNINGEN: gettext_lazy("vergunningen"),
}

# The order of the groups of focus points in an area: done first, dropped last.
RESULTAATVOLGORDE = [
    FocuspuntStatus.AFGEROND,
    FocuspuntStatus.LOOPT,
    FocuspuntStatus.BLIJFT_AANDACHTSPUNT,
    FocuspuntStatus.GEPLAND,
    FocuspuntStatus.VERVALLEN,
]
RESULTAATKOP = {
    FocuspuntStatus.AFGEROND: gettext_lazy("Afgerond"),
    FocuspuntStatus.LOOPT: gettext_lazy("Loopt"),
    FocuspuntStatus.BLIJFT_AANDACHTSPUNT: gettext_lazy("Blijft een aandachtspunt"),
    FocuspuntStatus.GEPLAND: gettext_lazy("Gepland"),
    FocuspuntStatus.VERVALLEN: gettext_lazy("Vervallen"),
}


def opsomming(delen) -> str:
    """ "a, b en c"."""
    return str(get_text_list([str(d) for d in delen], _("en")))


def zin(tekst: str) -> str:
    """`tekst` as a sentence: a capital first, a full stop at the end (unless it has one)."""
    tekst = (tekst or "").strip()
    if not tekst:
        return ""
    tekst = capfirst(tekst)
    return tekst if tekst[-1] in ".!?…" else tekst + "."


def kern(tekst: str) -> str:
    """What a sentence says, for comparing: case, spaces and the final stop aside."""
    return " ".join((tekst or "").casefold().split()).rstrip(".;:!? ")


def gelijk(a: str, b: str) -> bool:
    """Two sentences that say the same."""
    return kern(a) == kern(b)


def _klein(tekst: str) -> str:
    """The first letter in lower case after a colon, unless the first word is a name or an
    abbreviation (GGD, Utrecht, De Plint): only an ordinary capitalised word is lowered."""
    eerste = tekst.split(" ", 1)[0]
    if eerste[:1].isupper() and eerste[1:].islower() and eerste.casefold() in GEWONE_BEGINWOORDEN:
        return tekst[0].lower() + tekst[1:]
    return tekst


# Words a note typically starts with; any other capitalised first word may be a name.
GEWONE_BEGINWOORDEN = {
    "de", "het", "een", "er", "door", "na", "in", "op", "bij", "met", "voor", "wegens", "geen",
    "goede", "eerste", "nieuwe", "wijkambtenaar", "dorpsambtenaar", "wijkplatform",
    "dorpsplatform", "werkgroep", "wijk", "dorp", "bewoners", "inwoners", "overlast",
    "bouwweg", "plannen", "wensen", "herontwikkeling", "start", "afspraken",
    "samenwerking", "contact", "aanleg", "minder", "meer", "nog", "ook", "dit", "deze",
}  # fmt: skip


def focuszin(titel: str, toelichting: str) -> str:
    """A focus point of the paragraph: its title, and its note when it has one."""
    toelichting = (toelichting or "").strip()
    if not toelichting or gelijk(titel, toelichting):
        return zin(titel)
    if toelichting.casefold().startswith(titel.casefold()):
        return zin(toelichting)
    return zin(f"{titel}: {_klein(toelichting)}")


def registerregel(titel: str, status_tekst: str, toelichting: str) -> str:
    """A focus point in the appendix: "titel (status): toelichting"."""
    regel = f"{titel} ({status_tekst})"
    return f"{regel}: {toelichting}" if toelichting else regel


def overige_zin(aantal: int, afgerond: int, *, naast_genoemde: bool) -> str:
    """The focus points not told one by one, counted."""
    if not aantal:
        return ""
    if naast_genoemde:
        basis = ngettext(
            "Daarnaast %(n)s kleiner aandachtspunt",
            "Daarnaast %(n)s kleinere aandachtspunten",
            aantal,
        ) % {"n": aantal}
    else:
        basis = ngettext("%(n)s aandachtspunt", "%(n)s aandachtspunten", aantal) % {"n": aantal}
    if aantal == 1:
        return basis + (_(", dat is afgerond.") if afgerond else ".")
    if afgerond:
        return basis + _(", waarvan %(m)s afgerond.") % {"m": afgerond}
    return basis + "."


def achtergrondzin(titel: str, jaar: int, toelichting: str) -> str:
    basis = _("%(titel)s, afgerond in %(jaar)s") % {"titel": titel, "jaar": jaar}
    return focuszin(basis, toelichting)


def omgeving_zinnen(gebied, overzicht) -> list[str]:
    """Platform and vision at the end of the year; "geen vastgestelde visie" when there is
    none."""
    platformnaam, visienaam = platformwoord(gebied.soort), visiewoord(gebied.soort)
    if not overzicht.platforms and not overzicht.visies:
        waarden = {"platform": platformnaam, "visie": visienaam}
        return [_("Geen %(platform)s en geen %(visie)s.") % waarden]
    zinnen = []
    if overzicht.platforms:
        namen = opsomming(p.naam for p in overzicht.platforms)
        zinnen.append(_("De gemeente ondersteunt %(namen)s.") % {"namen": namen})
    else:
        zinnen.append(_("Geen %(platform)s.") % {"platform": platformnaam})
    for visie, status in overzicht.visies:
        soort = woord("visie", visie.soort)
        if visie.titel.casefold().startswith(str(soort).casefold()):
            naam = f"„{visie.titel}”"  # "Wijkvisie Rijnoevers" says its kind itself
        else:
            naam = f"De {soort} „{visie.titel}”"
        if status == VisieStatus.VASTGESTELD:
            waarden = {"naam": naam, "datum": notatie.datum(visie.vastgesteld_op)}
            tekst = _("%(naam)s is vastgesteld op %(datum)s") % waarden
        elif status == VisieStatus.VERLOPEN:
            tekst = _("%(naam)s is verlopen") % {"naam": naam}
        else:
            tekst = _("%(naam)s is in voorbereiding") % {"naam": naam}
        if not visie.compleet:
            tekst += _(" en nog niet compleet")
        zinnen.append(tekst + ".")
    if not overzicht.heeft_vastgestelde_visie:
        zinnen.append(_("Er is geen vastgestelde %(visie)s.") % {"visie": visienaam})
    return zinnen


def mensen_zinnen(overzicht) -> list[str]:
    """Who held each role at the end of the year, vacancies and acting officials, every role
    named in the municipality's word."""
    zinnen = []
    for b in overzicht.bezetting:
        rol = woord("rol", b.rol)
        if b.personen:
            zinnen.append(f"{capfirst(rol)}: {opsomming(p.naam for p in b.personen)}.")
        elif b.vacant_sinds:
            waarden = {"rol": rol, "datum": notatie.datum(b.vacant_sinds)}
            zinnen.append(_("Geen %(rol)s sinds %(datum)s.") % waarden)
        else:
            zinnen.append(_("Geen %(rol)s.") % {"rol": rol})
        if b.waarnemers:
            waarden = {"rol": rol, "namen": opsomming(p.naam for p in b.waarnemers)}
            zinnen.append(_("Waarnemend %(rol)s: %(namen)s.") % waarden)
    return zinnen


def initiatieven_zin(cijfers) -> str:
    """Initiatives registered in the year, the help given and the subsidies asked."""
    if cijfers is None or (not cijfers.initiatieven and not cijfers.aanvragen):
        return ""
    delen = []
    if cijfers.initiatieven:
        tekst = ngettext(
            "%(n)s initiatief van inwoners aangemeld",
            "%(n)s initiatieven van inwoners aangemeld",
            cijfers.initiatieven,
        ) % {"n": cijfers.initiatieven}
        if cijfers.afgerond:
            tekst += _(", waarvan %(m)s afgesloten") % {"m": cijfers.afgerond}
        delen.append(tekst)
    if cijfers.deelnemers:
        delen.append(
            ngettext("%(n)s deelnemer", "%(n)s deelnemers", cijfers.deelnemers)
            % {"n": notatie.getal(cijfers.deelnemers)}
        )
    if cijfers.hulp:
        soorten = opsomming(
            f"{HULP.get(code, code)} ({n})" for code, n in cijfers.hulp.most_common()
        )
        delen.append(_("geholpen met %(soorten)s") % {"soorten": soorten})
    if cijfers.doelgroepen:
        delen.append(
            _("bereikt: %(groepen)s") % {"groepen": opsomming(n for n, _x in cijfers.bereik)}
        )
    if cijfers.aanvragen:
        delen.append(
            ngettext(
                "%(n)s subsidieaanvraag (%(gevraagd)s gevraagd, %(toegekend)s toegekend)",
                "%(n)s subsidieaanvragen (%(gevraagd)s gevraagd, %(toegekend)s toegekend)",
                cijfers.aanvragen,
            )
            % {
                "n": cijfers.aanvragen,
                "gevraagd": notatie.euro_heel(cijfers.gevraagd),
                "toegekend": notatie.euro_heel(cijfers.toegekend),
            }
        )
    return zin("; ".join(delen))


def werk_zin(per_soort: list[tuple[str, int]]) -> str:
    """The officials' logged work by kind with a count, most first."""
    if not per_soort:
        return ""
    delen = [
        ngettext("%(soort)s (%(n)s keer)", "%(soort)s (%(n)s keer)", n) % {"soort": s, "n": n}
        for s, n in per_soort
    ]
    return _("Vastgelegd werk van de gemeente: %(delen)s.") % {"delen": opsomming(delen)}


def voortgang(punten: int, afgerond: int) -> str:
    """How far a goal's focus points came: "1 van 2 focuspunten afgerond"."""
    if not punten:
        return ""
    return ngettext(
        "%(m)s van %(n)s focuspunt afgerond", "%(m)s van %(n)s focuspunten afgerond", punten
    ) % {"m": afgerond, "n": punten}


def postzin(post) -> str:
    """An area's only line (x € 1.000)."""
    waarden = {
        "post": post.naam,
        "b": notatie.getal(post.begroting),
        "r": notatie.getal(post.realisatie),
        "res": notatie.getal(post.resultaat),
    }
    return (
        _("%(post)s: begroting %(b)s, realisatie %(r)s, resultaat %(res)s (x € 1.000).") % waarden
    )


def subsidiezin(regeling: str, post: str, aanvragen: int, toegekend: int, vastgesteld: int) -> str:
    """The applications under one scheme, beside the line it is paid from."""
    waarden = {
        "post": post,
        "regeling": regeling,
        "aanvragen": ngettext("%(n)s aanvraag", "%(n)s aanvragen", aanvragen) % {"n": aanvragen},
        "toegekend": notatie.euro_heel(toegekend),
        "vastgesteld": notatie.euro_heel(vastgesteld),
    }
    if post:
        tekst = _(
            "Uit %(post)s, regeling %(regeling)s: %(aanvragen)s, %(toegekend)s toegekend en "
            "%(vastgesteld)s vastgesteld."
        )
    else:
        tekst = _(
            "Regeling %(regeling)s: %(aanvragen)s, %(toegekend)s toegekend en %(vastgesteld)s "
            "vastgesteld."
        )
    return tekst % waarden


def reservezin(reserve, jaar: int) -> str:
    """What happened to the area's reserve in the year, in one sentence: what was added, what
    it covered of the overspends of its lines and what it could not, what fell free, and what
    is left. Every amount is the ledger's own (begroting.reserve), so the sentence adds up."""
    delen = []
    if reserve.toegevoegd > 0:
        delen.append(
            _("%(bedrag)s is aan de reserve toegevoegd")
            % {"bedrag": notatie.euro_heel(reserve.toegevoegd)}
        )
    overschrijding = reserve.gebruikt + reserve.tekort
    if overschrijding > 0:
        waarden = {
            "bedrag": notatie.euro_heel(overschrijding),
            "gedekt": notatie.euro_heel(reserve.gebruikt),
            "tekort": notatie.euro_heel(reserve.tekort),
        }
        if reserve.tekort <= 0:
            tekst = _("de overschrijding van %(bedrag)s is helemaal uit de reserve gedekt")
        elif reserve.gebruikt > 0:
            tekst = _(
                "van de overschrijding van %(bedrag)s is %(gedekt)s uit de reserve gedekt; "
                "%(tekort)s kon de reserve niet dekken"
            )
        else:
            tekst = _("de overschrijding van %(bedrag)s kon de reserve niet dekken")
        delen.append(tekst % waarden)
    if reserve.vervallen > 0:
        delen.append(
            _("%(bedrag)s is vrijgevallen: het is niet binnen de bestedingstermijn besteed")
            % {"bedrag": notatie.euro_heel(reserve.vervallen)}
        )
    if not delen and reserve.saldo <= 0:
        return ""
    if reserve.saldo > 0:
        delen.append(
            _("eind %(jaar)s staat er %(bedrag)s in de reserve")
            % {"jaar": jaar, "bedrag": notatie.euro_heel(reserve.saldo)}
        )
    else:
        delen.append(_("de reserve is eind %(jaar)s leeg") % {"jaar": jaar})
    return zin("; ".join(delen))


def budgetzin(verschillen, vorig_jaar: int) -> str:
    """The change of each area's budget against the year before, in one sentence."""
    hoger, lager, nieuw, weg, gelijk_aantal = [], [], [], [], 0
    for v in verschillen:
        if v.vorig is None and v.nu is None:
            continue
        if v.vorig is None:
            nieuw.append(f"{v.naam} ({notatie.getal(v.nu)})")
        elif v.nu is None:
            weg.append(f"{v.naam} ({notatie.getal(v.vorig)})")
        elif v.nu > v.vorig:
            hoger.append(f"{v.naam} (+{notatie.getal(v.nu - v.vorig)})")
        elif v.nu < v.vorig:
            lager.append(f"{v.naam} ({notatie.getal(v.nu - v.vorig)})")
        else:
            gelijk_aantal += 1
    delen = []
    if hoger:
        delen.append(_("hoger in %(gebieden)s") % {"gebieden": opsomming(hoger)})
    if lager:
        delen.append(_("lager in %(gebieden)s") % {"gebieden": opsomming(lager)})
    if nieuw:
        delen.append(_("nieuw in %(gebieden)s") % {"gebieden": opsomming(nieuw)})
    if weg:
        delen.append(_("niet meer in %(gebieden)s") % {"gebieden": opsomming(weg)})
    if not delen and not gelijk_aantal:
        return ""
    if not delen:
        return _("De begroting per gebied is gelijk aan die van %(jaar)s.") % {"jaar": vorig_jaar}
    if gelijk_aantal:
        delen.append(
            ngettext("in %(n)s gebied gelijk", "in %(n)s gebieden gelijk", gelijk_aantal)
            % {"n": gelijk_aantal}
        )
    waarden = {"jaar": vorig_jaar, "delen": "; ".join(delen)}
    return _("De begroting ten opzichte van %(jaar)s (x € 1.000): %(delen)s.") % waarden


def resultaatgroep_kop(status: str) -> str:
    return str(RESULTAATKOP.get(status, status))
