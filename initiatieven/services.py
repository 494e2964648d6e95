"""Writes of the initiatieven app: keyword-only, atomic, with the rules of the schemes."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from gebieden.instellingen import gemeente as gemeente_instellingen
from kern import notatie
from kern.versie import claim_versie

from .constants import AFGESLOTEN, Besluit
from .models import (
    Aanvraag,
    Initiatief,
    InitiatiefDoelgroep,
    InitiatiefHulp,
    Initiatiefnemer,
    Regeling,
    StatusOvergang,
)
from .query import uitgegeven_in_jaar


class BudgetWaarschuwing(Exception):
    """Deciding this would take the scheme over its yearly budget; confirm to go ahead."""

    def __init__(self, regeling: Regeling, jaar: int, na_besluit: Decimal):
        self.regeling, self.jaar, self.na_besluit = regeling, jaar, na_besluit
        super().__init__(
            _(
                "Met dit besluit komt „%(regeling)s” in %(jaar)s op € %(bedrag)s, boven het "
                "jaarbudget van € %(budget)s. Bevestig als u toch wilt toekennen."
            )
            % {
                "regeling": regeling.naam,
                "jaar": jaar,
                "bedrag": notatie.bedrag(na_besluit),
                "budget": notatie.bedrag(regeling.jaarbudget),
            }
        )


@transaction.atomic
def registreer(
    *,
    gebied,
    titel: str,
    status: str,
    datum: datetime.date,
    door,
    thema=None,
    omschrijving: str = "",
    deelnemers: int | None = None,
    begeleiders=(),
    doelgroepen=(),
    hulpvormen=(),
    initiatiefnemers=(),
) -> Initiatief:
    initiatief = Initiatief.objects.create(
        gebied=gebied,
        titel=titel,
        status=status,
        thema=thema,
        omschrijving=omschrijving,
        deelnemers=deelnemers,
    )
    initiatief.begeleiders.set(begeleiders)
    zet_kenmerken(initiatief=initiatief, doelgroepen=doelgroepen, hulpvormen=hulpvormen)
    for naam, contact in initiatiefnemers:
        Initiatiefnemer.objects.create(initiatief=initiatief, naam=naam, contact=contact)
    StatusOvergang.objects.create(initiatief=initiatief, datum=datum, status=status, door=door)
    return initiatief


@transaction.atomic
def wijzig_initiatief(
    *,
    initiatief: Initiatief,
    versie: int | None,
    titel: str,
    gebied,
    thema=None,
    omschrijving: str = "",
    deelnemers: int | None = None,
    begeleiders=(),
    doelgroepen=(),
    hulpvormen=(),
) -> Initiatief:
    """Change an initiative's fields, guides, target groups and kinds of help, all or nothing.

    Saved only if the row is still at `versie`, the version the form was opened on; otherwise
    GelijktijdigGewijzigd with the row as it is now. None (a post that carries no version)
    is not checked, as in kern.services.bewaar_formulier. The status is not changed here: it
    goes through `wijzig_status`, so the dated transitions stay complete.
    """
    claim_versie(initiatief, versie)
    initiatief.refresh_from_db()  # the claimed row as it is now, e.g. its latest status
    initiatief.titel = titel
    initiatief.gebied = gebied
    initiatief.thema = thema
    initiatief.omschrijving = omschrijving
    initiatief.deelnemers = deelnemers
    initiatief.save()
    initiatief.begeleiders.set(begeleiders)
    zet_kenmerken(initiatief=initiatief, doelgroepen=doelgroepen, hulpvormen=hulpvormen)
    return initiatief


@transaction.atomic
def zet_kenmerken(*, initiatief: Initiatief, doelgroepen, hulpvormen) -> None:
    """Replace the target groups and kinds of help with the given choices."""
    initiatief.doelgroepen.exclude(doelgroep__in=doelgroepen).delete()
    for doelgroep in set(doelgroepen) - set(
        initiatief.doelgroepen.values_list("doelgroep", flat=True)
    ):
        InitiatiefDoelgroep.objects.create(initiatief=initiatief, doelgroep=doelgroep)
    initiatief.hulp.exclude(hulpvorm__in=hulpvormen).delete()
    for hulpvorm in set(hulpvormen) - set(initiatief.hulp.values_list("hulpvorm", flat=True)):
        InitiatiefHulp.objects.create(initiatief=initiatief, hulpvorm=hulpvorm)


@transaction.atomic
def wijzig_status(
    *, initiatief: Initiatief, status: str, datum: datetime.date, door, toelichting: str = ""
) -> None:
    """A dated status change; the current status is that of the latest date."""
    StatusOvergang.objects.create(
        initiatief=initiatief, datum=datum, status=status, toelichting=toelichting, door=door
    )
    laatste = initiatief.overgangen.order_by("-datum", "-aangemaakt_op", "-pk").first()
    # Appending cannot overwrite anyone, but it is a new version, and only the status is
    # written: the initiative loaded by the request may be older than what is saved.
    claim_versie(initiatief, None)
    initiatief.status = laatste.status
    initiatief.save(update_fields=["status", "versie"])


@transaction.atomic
def vraag_aan(
    *,
    initiatief: Initiatief,
    regeling: Regeling,
    bedrag_gevraagd: Decimal,
    ontvangen_op: datetime.date,
) -> Aanvraag:
    """Register a subsidy application received for an initiative; it waits for a decision."""
    return Aanvraag.objects.create(
        initiatief=initiatief,
        regeling=regeling,
        bedrag_gevraagd=bedrag_gevraagd,
        ontvangen_op=ontvangen_op,
    )


@transaction.atomic
def beslis(
    *,
    aanvraag: Aanvraag,
    besluit: str,
    datum: datetime.date,
    reden: str,
    versie: int,
    bedrag: Decimal | None = None,
    meer_dan_gevraagd: bool = False,
    budget_bevestigd: bool = False,
) -> Aanvraag:
    """Decide on an application under the scheme's rules.

    Refused (ValidationError): a grant above the scheme's maximum, above the request unless
    `meer_dan_gevraagd`, a "deels" grant that is not less than asked, a refusal with an amount.
    Warned (BudgetWaarschuwing): a grant that takes the scheme over its yearly budget, until
    `budget_bevestigd`.
    """
    regeling = aanvraag.regeling
    if besluit == Besluit.AFGEWEZEN:
        if bedrag:
            raise ValidationError({"bedrag_toegekend": _("Bij een afwijzing hoort geen bedrag.")})
        bedrag = Decimal("0.00")
    else:
        if bedrag is None or bedrag <= 0:
            raise ValidationError({"bedrag_toegekend": _("Vul het toegekende bedrag in.")})
        if bedrag > regeling.maximum_per_aanvraag:
            raise ValidationError(
                {
                    "bedrag_toegekend": _(
                        "Dit is meer dan het maximum van € %(max)s per aanvraag van „%(regeling)s”."
                    )
                    % {
                        "max": notatie.bedrag(regeling.maximum_per_aanvraag),
                        "regeling": regeling.naam,
                    }
                }
            )
        if bedrag > aanvraag.bedrag_gevraagd and not meer_dan_gevraagd:
            raise ValidationError(
                {
                    "bedrag_toegekend": _(
                        "Dit is meer dan gevraagd. Vink „bewust meer dan gevraagd” aan als "
                        "dat de bedoeling is."
                    )
                }
            )
        if besluit == Besluit.DEELS_TOEGEKEND and bedrag >= aanvraag.bedrag_gevraagd:
            raise ValidationError(
                {"besluit": _("Deels toegekend is minder dan gevraagd; kies „toegekend”.")}
            )
        uitgegeven = uitgegeven_in_jaar(regeling, datum.year, behalve=aanvraag)
        if uitgegeven + bedrag > regeling.jaarbudget and not budget_bevestigd:
            raise BudgetWaarschuwing(regeling, datum.year, uitgegeven + bedrag)
    claim_versie(aanvraag, versie)
    aanvraag.besluit = besluit
    aanvraag.bedrag_toegekend = bedrag
    aanvraag.besluit_op = datum
    aanvraag.besluit_reden = reden
    aanvraag.meer_dan_gevraagd = meer_dan_gevraagd
    if besluit != Besluit.AFGEWEZEN and aanvraag.verantwoording_uiterlijk is None:
        aanvraag.verantwoording_uiterlijk = datum + datetime.timedelta(
            days=gemeente_instellingen().verantwoording_dagen
        )
    aanvraag.save()
    return aanvraag


@transaction.atomic
def verantwoord(
    *,
    aanvraag: Aanvraag,
    ontvangen_op: datetime.date,
    bedrag_vastgesteld: Decimal,
    opmerkingen: str,
    versie: int,
) -> Aanvraag:
    if not aanvraag.besluit or aanvraag.besluit == Besluit.AFGEWEZEN:
        raise ValidationError(_("Alleen een toegekende aanvraag wordt verantwoord."))
    if bedrag_vastgesteld > aanvraag.bedrag_toegekend:
        raise ValidationError(
            {
                "bedrag_vastgesteld": _(
                    "Het vastgestelde bedrag kan niet hoger zijn dan het toegekende bedrag."
                )
            }
        )
    claim_versie(aanvraag, versie)
    aanvraag.verantwoording_ontvangen_op = ontvangen_op
    aanvraag.bedrag_vastgesteld = bedrag_vastgesteld
    aanvraag.verantwoording_opmerkingen = opmerkingen
    aanvraag.save()
    return aanvraag


def bewaargrens(vandaag: datetime.date, jaren: int) -> datetime.date:
    """The same day `jaren` years before `vandaag` (28 February for 29 February)."""
    if vandaag.month == 2 and vandaag.day == 29:
        return datetime.date(vandaag.year - jaren, 2, 28)
    return vandaag.replace(year=vandaag.year - jaren)


@transaction.atomic
def wis_contactgegevens(*, vandaag: datetime.date, jaren: int) -> int:
    """Erase the contact data of initiators of initiatives closed more than `jaren` years
    before `vandaag` (the date of their latest status transition). The names stay; the
    history does not keep contact data. Returns how many initiators were erased."""
    te_wissen = (
        Initiatiefnemer.objects.exclude(contact="")
        .filter(initiatief__status__in=AFGESLOTEN)
        .annotate(afgesloten_op=Max("initiatief__overgangen__datum"))
        .filter(afgesloten_op__lt=bewaargrens(vandaag, jaren))
    )
    return Initiatiefnemer.objects.filter(
        pk__in=list(te_wissen.values_list("pk", flat=True))
    ).update(contact="", contact_gewist_op=vandaag)


@transaction.atomic
def bewaar_initiatiefnemer(
    *, initiatief: Initiatief, versie: int | None, naam: str, contact: str = "", nemer=None
) -> Initiatiefnemer:
    """Add an initiator to `initiatief`, or change `nemer` (one of its initiators), if the
    initiative is still at `versie` (else GelijktijdigGewijzigd). A contact given again after
    it was erased is kept: the initiator gave it anew."""
    claim_versie(initiatief, versie)
    if nemer is None:
        nemer = Initiatiefnemer(initiatief=initiatief)
    elif nemer.initiatief_id != initiatief.pk:
        raise ValueError("initiator of another initiative")
    nemer.naam, nemer.contact = naam, contact
    if contact:
        nemer.contact_gewist_op = None
    nemer.save()
    return nemer


@transaction.atomic
def verwijder_initiatiefnemer(*, initiatief: Initiatief, versie: int | None, nemer) -> None:
    """Remove an initiator (and so its contact data), with the same version check."""
    if nemer.initiatief_id != initiatief.pk:
        raise ValueError("initiator of another initiative")
    claim_versie(initiatief, versie)
    nemer.delete()
