"""The writes of an import of areas: record the upload and queue its reading, read it in the
background into a plan (gebieden.gebiedsimport), and, once the coordinator confirms, create
the areas of the plan in one transaction. Nothing is written unless the whole plan is valid."""

import datetime
import logging

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from kern.bestanden import OnleesbaarBestand, lees_rijen
from kern.versie import GelijktijdigGewijzigd, claim_versie

from . import cbs
from .gebiedsimport import DIEPTE, MAX_RIJEN, Bron, Plan, plan_cbs, plan_eigen
from .instellingen import gemeente
from .models import Gebied, Gebiedsimport

logger = logging.getLogger(__name__)
VOORTGANG_ELKE = 2000  # rows between two updates of the progress the page shows
BEWAARDAGEN = 7  # an upload not read in after this many days is removed at night


class PlanVerouderd(Exception):
    """Since the preview someone created an area with one of the plan's CBS codes, or changed
    an area the plan moves."""


@transaction.atomic
def start_import(*, bestand, bron: str, door, wijken_als: str = "", geldig_van=None):
    """Record the upload and queue the task that reads it."""
    gebiedsimport = Gebiedsimport.objects.create(
        bron=bron,
        bestand=bestand,
        bestandsnaam=bestand.name[:200],
        wijken_als=wijken_als,
        geldig_van=geldig_van,
        door=door,
    )
    # Queued in the same transaction: the database queue holds the task only if the import
    # row is saved too (a backend that runs tasks at once has read it when this returns).
    lees_gebiedsimport.enqueue(gebiedsimport.pk)
    return gebiedsimport


@task
def lees_gebiedsimport(import_id: int) -> None:
    """The background task of an import (Django's tasks framework; workers: `db_worker`)."""
    lees(import_id)


def lees(import_id: int) -> None:
    """The task: read the file into a plan, keeping the progress and, when the file cannot be
    read, the Dutch reason. An import found read already (a task run twice) is left alone."""
    with transaction.atomic():
        gebiedsimport = Gebiedsimport.objects.select_for_update().filter(pk=import_id).first()
        if gebiedsimport is None or not gebiedsimport.loopt:
            return
        gebiedsimport.status = Gebiedsimport.Status.BEZIG
        gebiedsimport.save(update_fields=["status"])
    try:
        plan = _maak_plan(gebiedsimport)
    except (OnleesbaarBestand, cbs.GeenCbsBestand) as fout:
        _klaar(gebiedsimport, Gebiedsimport.Status.MISLUKT, fout=str(fout))
        return
    except Exception:
        logger.exception("Import van gebieden %s mislukt", import_id)
        _klaar(
            gebiedsimport,
            Gebiedsimport.Status.MISLUKT,
            fout=_("Het bestand kon niet worden gelezen door een fout in de toepassing."),
        )
        raise
    _klaar(gebiedsimport, Gebiedsimport.Status.KLAAR, plan=plan.als_json(), gelezen=plan.gelezen)


def _maak_plan(gebiedsimport: Gebiedsimport) -> Plan:
    with gebiedsimport.bestand.open("rb") as bestand:
        rijen = _met_voortgang(
            gebiedsimport.pk,
            lees_rijen(bestand, naam=gebiedsimport.bestandsnaam, max_rijen=MAX_RIJEN),
        )
        if gebiedsimport.bron == Bron.EIGEN:
            return plan_eigen(rijen)
        code = gemeente().cbs_code
        if not code:
            raise OnleesbaarBestand(
                _(
                    "De CBS-code van de gemeente is nog niet ingesteld; vul die eerst in bij "
                    "de gemeente-instellingen."
                )
            )
        van = gebiedsimport.geldig_van.isoformat() if gebiedsimport.geldig_van else ""
        return plan_cbs(
            rijen, gemeentecode=code, wijken_als=gebiedsimport.wijken_als, geldig_van=van
        )


def _met_voortgang(import_id: int, rijen):
    for nummer, rij in enumerate(rijen, start=1):
        if nummer % VOORTGANG_ELKE == 0:
            Gebiedsimport.objects.filter(pk=import_id).update(gelezen=nummer)
        yield rij


def _klaar(gebiedsimport: Gebiedsimport, status: str, **velden) -> None:
    Gebiedsimport.objects.filter(pk=gebiedsimport.pk).update(status=status, **velden)


@transaction.atomic
def importeer_gebieden(*, gebiedsimport: Gebiedsimport, door) -> tuple[int, int]:
    """Create the plan's areas, parents first, with their history, and put the existing areas
    it moves in their new area. Refused when the import is not ready or its plan has problems
    (ValueError), and when since the preview an area with one of its CBS codes was created or
    an area it moves was changed (PlanVerouderd). Returns how many were created and moved."""
    gebiedsimport = Gebiedsimport.objects.select_for_update().get(pk=gebiedsimport.pk)
    if gebiedsimport.status != Gebiedsimport.Status.KLAAR:
        raise ValueError(f"import {gebiedsimport.pk} is {gebiedsimport.status}")
    plan = Plan.uit_json(gebiedsimport.plan)
    if not plan.geldig:
        raise ValueError(f"import {gebiedsimport.pk} has problems")
    codes = [n.cbs_code for n in plan.nieuw if n.cbs_code]
    if Gebied.objects.filter(cbs_code__in=codes).exists():
        raise PlanVerouderd
    # the existing areas the plan builds on (parents, areas it moves) must still be there,
    # locked until the import commits
    nodig = {n.ouder_pk for n in plan.nieuw if n.ouder_pk}
    nodig |= {v["pk"] for v in plan.verplaatst} | {
        v["ouder_pk"] for v in plan.verplaatst if v["ouder_pk"]
    }
    if len(list(Gebied.objects.select_for_update().filter(pk__in=nodig))) != len(nodig):
        raise PlanVerouderd
    gemaakt: dict[int, Gebied] = {}  # the plan's index -> the area created
    for diepte in sorted({DIEPTE[n.soort] for n in plan.nieuw}):
        laag = [(i, n) for i, n in enumerate(plan.nieuw) if DIEPTE[n.soort] == diepte]
        gebieden = [_gebied(n, gemaakt) for _i, n in laag]
        try:
            gebieden = bulk_create_with_history(gebieden, Gebied, batch_size=500, default_user=door)
        except IntegrityError as fout:  # a CBS code taken at this very moment
            raise PlanVerouderd from fout
        gemaakt.update((i, g) for (i, _n), g in zip(laag, gebieden, strict=True))
    for verplaatsing in plan.verplaatst:
        gebied = Gebied.objects.get(pk=verplaatsing["pk"])
        try:
            claim_versie(gebied, verplaatsing["versie"])
        except GelijktijdigGewijzigd as fout:  # changed since the preview: look again
            raise PlanVerouderd from fout
        index = verplaatsing["ouder_index"]
        gebied.ouder_id = gemaakt[index].pk if index is not None else verplaatsing["ouder_pk"]
        gebied.save(update_fields=["ouder", "versie"])  # one by one, with its history
    gebiedsimport.status = Gebiedsimport.Status.INGELEZEN
    gebiedsimport.aantal = len(gemaakt)
    gebiedsimport.ingelezen_op = timezone.now()
    bestand = gebiedsimport.bestand.name
    gebiedsimport.bestand = ""
    gebiedsimport.save(update_fields=["status", "aantal", "ingelezen_op", "bestand"])
    if bestand:  # not yet removed by the nightly clean-up
        transaction.on_commit(lambda: default_storage.delete(bestand))
    return len(gemaakt), len(plan.verplaatst)


def _gebied(nieuw, gemaakt: dict[int, Gebied]) -> Gebied:
    ouder_id = gemaakt[nieuw.ouder_index].pk if nieuw.ouder_index is not None else nieuw.ouder_pk
    return Gebied(
        naam=nieuw.naam,
        soort=nieuw.soort,
        cbs_code=nieuw.cbs_code,
        ouder_id=ouder_id,
        geldig_van=nieuw.van,
        geldig_tot=nieuw.tot,
    )


@transaction.atomic
def ruim_imports_op() -> int:
    """Nightly: remove the files of uploads not read in within BEWAARDAGEN days (the row
    stays, as a record of what was tried). Returns how many files were removed."""
    grens = timezone.now() - datetime.timedelta(days=BEWAARDAGEN)
    oud = Gebiedsimport.objects.filter(aangemaakt_op__lt=grens).exclude(bestand="")
    aantal = 0
    for gebiedsimport in oud:
        gebiedsimport.bestand.delete(save=False)
        Gebiedsimport.objects.filter(pk=gebiedsimport.pk).update(bestand="")
        aantal += 1
    return aantal
