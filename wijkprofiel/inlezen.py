"""The writes of an import of figures or boundaries: record the upload and queue its reading,
read it in the background into a plan (what the preview shows), and once the coordinator
confirms, store it in one transaction. Reading the same table again replaces what that table
held, so nothing is ever stored twice."""

import datetime
import logging
import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from gebieden.instellingen import gemeente
from gebieden.models import Gebied
from kern.bestanden import OnleesbaarBestand

from .cijferbestanden import GeenCijferbestand, lees_cijfers
from .grensbestanden import GeenGrensbestand, lees_grenzen
from .models import (
    KAARTTABEL,
    Buurtgrens,
    Buurtindeling,
    Cijfer,
    Cijfertabel,
    Grensversie,
    Profielimport,
    Regiojaar,
)

logger = logging.getLogger(__name__)
BEWAARDAGEN = 7  # an upload not read in after this many days is removed at night


@transaction.atomic
def start_import(*, soort: str, bestand, door, tabel: str = "", jaar: int | None = None):
    """Record the upload and queue the task that reads it."""
    profielimport = Profielimport.objects.create(
        soort=soort,
        bestand=bestand,
        bestandsnaam=bestand.name[:200],
        tabel=tabel,
        jaar=jaar,
        door=door,
    )
    lees_profielimport.enqueue(profielimport.pk)  # queued only if the row is saved too
    return profielimport


@task
def lees_profielimport(import_id: int) -> None:
    """The background task of an import (Django's tasks framework; workers: `db_worker`)."""
    lees(import_id)


def lees(import_id: int) -> None:
    """Read the file into a plan, or keep the Dutch reason it cannot be read. An import found
    read already (a task run twice) is left alone."""
    with transaction.atomic():
        profielimport = Profielimport.objects.select_for_update().filter(pk=import_id).first()
        if profielimport is None or not profielimport.loopt:
            return
        profielimport.status = Profielimport.Status.BEZIG
        profielimport.save(update_fields=["status"])
    code = gemeente().cbs_code
    try:
        if not code:
            raise OnleesbaarBestand(
                _(
                    "De CBS-code van de gemeente is nog niet ingesteld; vul die eerst in bij "
                    "de gemeente-instellingen."
                )
            )
        if profielimport.soort == Profielimport.Soort.CIJFERS:
            plan = _plan_cijfers(profielimport, code)
        else:
            plan = _plan_grenzen(profielimport, code)
    except (OnleesbaarBestand, GeenCijferbestand, GeenGrensbestand) as fout:
        _klaar(profielimport, Profielimport.Status.MISLUKT, fout=str(fout))
        return
    except Exception:
        logger.exception("Import voor het wijkprofiel %s mislukt", import_id)
        _klaar(
            profielimport,
            Profielimport.Status.MISLUKT,
            fout=_("Het bestand kon niet worden gelezen door een fout in de toepassing."),
        )
        raise
    _klaar(profielimport, Profielimport.Status.KLAAR, plan=plan)


def _klaar(profielimport: Profielimport, status: str, **velden) -> None:
    Profielimport.objects.filter(pk=profielimport.pk).update(status=status, **velden)


def _tekst(waarde: Decimal | None) -> str | None:
    return None if waarde is None else str(waarde)


def _gekoppeld() -> tuple[set[str], set[str]]:
    """The CBS codes of own areas, and the buurten linked to an own area today."""
    vandaag = timezone.localdate()
    eigen = set(Gebied.objects.exclude(cbs_code="").values_list("cbs_code", flat=True))
    buurten = set(
        Buurtindeling.objects.filter(geldig_tot__isnull=True)
        .exclude(geldig_van__gt=vandaag)
        .values_list("buurtcode", flat=True)
    )
    return eigen, buurten


def _plan_cijfers(profielimport: Profielimport, gemeentecode: str) -> dict:
    with profielimport.bestand.open("rb") as bestand:
        gelezen = lees_cijfers(
            bestand,
            naam=profielimport.bestandsnaam,
            gemeentecode=gemeentecode,
            jaar=profielimport.jaar,
        )
    tabel = profielimport.tabel or gelezen.tabel or Path(profielimport.bestandsnaam).stem
    eigen, buurten = _gekoppeld()
    return {
        "soort": "cijfers",
        "formaat": gelezen.formaat,
        "tabel": tabel[:40],
        "jaren": list(gelezen.jaren),
        "regios": [
            [code, naam, _koppeling(code, eigen, buurten)] for code, naam in gelezen.regios.items()
        ],
        "waarden": [[j, c, i, _tekst(w)] for (j, c, i), w in gelezen.waarden.items()],
        "gewijzigd": sorted([j, c] for j, c in gelezen.gewijzigd),
        "herkend": list(gelezen.herkend),
        "genegeerd": list(gelezen.genegeerd),
        "buiten_gemeente": gelezen.buiten_gemeente,
    }


def _koppeling(code: str, eigen: set[str], buurten: set[str]) -> str:
    """How a region of the file meets the own areas: "eigen" (an area has its code),
    "buurt" (a buurt linked to an area), "gemeente", or "" (not matched)."""
    if code in eigen:
        return "eigen"
    if code.startswith("GM"):
        return "gemeente"
    if code in buurten:
        return "buurt"
    return ""


def _plan_grenzen(profielimport: Profielimport, gemeentecode: str) -> dict:
    """pyogrio reads a path, so the stored upload is copied to a temporary file first (the
    storage may be remote)."""
    naam = re.sub(r"[^\w.-]", "_", Path(profielimport.bestandsnaam).name)  # keeps its year
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / naam
        with profielimport.bestand.open("rb") as bron, pad.open("wb") as doel:
            shutil.copyfileobj(bron, doel)
        gelezen = lees_grenzen(pad, gemeentecode=gemeentecode, bestandsnaam=naam)
    jaar = profielimport.jaar or gelezen.jaar
    if jaar is None:
        raise OnleesbaarBestand(
            _("Het jaar van de buurtgrenzen staat niet in het bestand; geef het jaar op.")
        )
    eigen, buurten = _gekoppeld()
    return {
        "soort": "grenzen",
        "jaar": jaar,
        "stelsel": gelezen.stelsel,
        "bron": _("CBS, buurtgrenzen %(jaar)s (%(bestand)s), CC BY 4.0")
        % {"jaar": jaar, "bestand": profielimport.bestandsnaam},
        "laag": gelezen.laag,
        "buurten": [
            [b.code, b.naam, b.wijkcode, b.water, b.wkb.hex(), _koppeling(b.code, eigen, buurten)]
            for b in gelezen.buurten
        ],
        "waarden": [[c, i, _tekst(w)] for (c, i), w in gelezen.waarden.items()],
        "gewijzigd": sorted(gelezen.gewijzigd),
    }


@transaction.atomic
def importeer(*, profielimport: Profielimport, door) -> int:
    """Store the plan: the figures of each year of the table (replacing what the same table
    and year held), or a new version of the boundaries. Returns how many figures or buurten
    were stored; ValueError when the import is not ready."""
    profielimport = Profielimport.objects.select_for_update().get(pk=profielimport.pk)
    if profielimport.status != Profielimport.Status.KLAAR:
        raise ValueError(f"import {profielimport.pk} is {profielimport.status}")
    plan = profielimport.plan
    if plan["soort"] == "cijfers":
        namen = {code: naam for code, naam, _k in plan["regios"]}
        aantal = _bewaar_cijfers(
            tabel=plan["tabel"],
            bestandsnaam=profielimport.bestandsnaam,
            waarden=[(j, c, i, w) for j, c, i, w in plan["waarden"]],
            namen={(j, c): namen[c] for j in plan["jaren"] for c in namen},
            gewijzigd={(j, c) for j, c in plan["gewijzigd"]},
            door=door,
        )
    else:
        aantal = _bewaar_grenzen(profielimport, plan, door)
    profielimport.status = Profielimport.Status.INGELEZEN
    profielimport.aantal = aantal
    profielimport.ingelezen_op = timezone.now()
    bestand = profielimport.bestand.name
    profielimport.bestand = ""
    profielimport.save(update_fields=["status", "aantal", "ingelezen_op", "bestand"])
    if bestand:
        transaction.on_commit(lambda: default_storage.delete(bestand))
    return aantal


def _bewaar_cijfers(*, tabel, bestandsnaam, waarden, namen, gewijzigd, door) -> int:
    """Per year: the table's row (made or found), its old figures and regions replaced."""
    jaren = sorted({j for j, *_r in waarden} | {j for j, _c in namen})
    tabellen = {}
    for jaar in jaren:
        rij, nieuw = Cijfertabel.objects.get_or_create(
            tabel=tabel, jaar=jaar, defaults={"bestandsnaam": bestandsnaam, "door": door}
        )
        if not nieuw:
            rij.cijfers.all().delete()
            rij.regios.all().delete()
            rij.bestandsnaam, rij.door, rij.ingelezen_op = bestandsnaam, door, timezone.now()
            rij.save(update_fields=["bestandsnaam", "door", "ingelezen_op"])
        tabellen[jaar] = rij
    Regiojaar.objects.bulk_create(
        Regiojaar(
            tabel=tabellen[j],
            jaar=j,
            regiocode=c,
            naam=naam[:150],
            indeling_gewijzigd=(j, c) in gewijzigd,
        )
        for (j, c), naam in namen.items()
    )
    cijfers = Cijfer.objects.bulk_create(
        (
            Cijfer(
                tabel=tabellen[j],
                jaar=j,
                regiocode=c,
                indicator=i,
                waarde=None if w is None else Decimal(w),
            )
            for j, c, i, w in waarden
        ),
        batch_size=2000,
    )
    return len(cijfers)


def _bewaar_grenzen(profielimport: Profielimport, plan: dict, door) -> int:
    jaar = plan["jaar"]
    versie = Grensversie.objects.create(
        jaar=jaar,
        bestandsnaam=profielimport.bestandsnaam,
        bron=plan["bron"],
        stelsel=plan["stelsel"],
        door=door,
    )
    buurten = Buurtgrens.objects.bulk_create(
        (
            Buurtgrens(
                versie=versie,
                buurtcode=code,
                naam=naam[:150],
                wijkcode=wijk,
                water=water,
                geometrie=bytes.fromhex(wkb),
            )
            for code, naam, wijk, water, wkb, _k in plan["buurten"]
        ),
        batch_size=500,
    )
    if plan["waarden"]:  # the figures the boundary file carries, as a table of their own
        _bewaar_cijfers(
            tabel=KAARTTABEL,
            bestandsnaam=profielimport.bestandsnaam,
            waarden=[(jaar, c, i, w) for c, i, w in plan["waarden"]],
            namen={(jaar, code): naam for code, naam, *_r in plan["buurten"]},
            gewijzigd={(jaar, c) for c in plan["gewijzigd"]},
            door=door,
        )
    return len(buurten)


@transaction.atomic
def ruim_imports_op() -> int:
    """Nightly: remove the files of uploads not read in within BEWAARDAGEN days."""
    grens = timezone.now() - datetime.timedelta(days=BEWAARDAGEN)
    aantal = 0
    for oud in Profielimport.objects.filter(aangemaakt_op__lt=grens).exclude(bestand=""):
        oud.bestand.delete(save=False)
        Profielimport.objects.filter(pk=oud.pk).update(bestand="")
        aantal += 1
    return aantal
