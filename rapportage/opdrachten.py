"""Work on a paragraph done by a worker: asking for it, doing it, and giving up on what hangs.

A request only records the job (`vraag_aan`) and queues the task in the same transaction, so
the job and its task exist together or not at all; the coordinator then follows the job's page.
The worker (`voer_uit`) marks the job busy, does the work and records the outcome; a failure
keeps the error for the coordinator, publishes nothing, and can be tried again as a new job.
"""

import logging
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Opdracht, Paragraaf
from .pdf import maak_pdf
from .samenstellen import financieel_deel, samenstellen
from .services import publiceer

logger = logging.getLogger(__name__)

# A job busy for longer than this has lost its worker (stopped or killed during the work).
VASTGELOPEN_NA = timedelta(minutes=30)


class AlBezig(Exception):
    """This year's paragraph is already being published; `opdracht` is that job."""

    def __init__(self, opdracht: Opdracht):
        super().__init__(opdracht)
        self.opdracht = opdracht


def vraag_aan(
    *,
    soort: str,
    door,
    paragraaf: Paragraaf | None = None,
    jaar: int | None = None,
    toelichting: str = "",
) -> Opdracht:
    """Record a job and queue the task that does it: on a year's paragraph, or (the financial
    part) on a year. A publication while another of the same year waits or runs raises AlBezig
    (two coordinators clicking at once get one job)."""
    try:
        with transaction.atomic():
            opdracht = Opdracht.objects.create(
                paragraaf=paragraaf,
                jaar=paragraaf.jaar if paragraaf else jaar,
                soort=soort,
                door=door,
                toelichting=toelichting[:500],
            )
            # Queued inside the transaction: with the database queue the task row commits with
            # the job (a worker never sees one without the other).
            voer_opdracht_uit.enqueue(opdracht.pk)
    except IntegrityError as fout:
        lopend = Opdracht.objects.filter(
            paragraaf=paragraaf, soort=soort, status__in=Opdracht.LOPEND
        ).first()
        if lopend is None:
            raise
        raise AlBezig(lopend) from fout
    opdracht.refresh_from_db()  # a backend that runs tasks at once has finished it already
    return opdracht


@task
def voer_opdracht_uit(opdracht_id: int) -> str:
    """The background task of a job (Django's tasks framework; workers: `db_worker`)."""
    return voer_uit(opdracht_id)


def voer_uit(opdracht_id: int) -> str:
    """Do the job, once: a job found finished (a task delivered twice) is left alone."""
    with transaction.atomic():
        opdracht = (
            # Lock the job's own row only: PostgreSQL refuses FOR UPDATE on the nullable
            # side of the outer join to the paragraph (a job of a year may have none).
            Opdracht.objects.select_for_update(of=("self",))
            .select_related("paragraaf")
            .filter(pk=opdracht_id)
            .first()
        )
        if opdracht is None or not opdracht.loopt:
            return "al gedaan"
        opdracht.status = Opdracht.Status.BEZIG
        opdracht.gestart_op = timezone.now()
        opdracht.pogingen += 1
        opdracht.save(update_fields=["status", "gestart_op", "pogingen"])
    try:
        if opdracht.soort == Opdracht.Soort.PUBLICEREN:
            publicatie = publiceer(
                paragraaf=opdracht.paragraaf,
                door=opdracht.door,
                toelichting=opdracht.toelichting,
                opdracht=opdracht,
            )
            # Only now, with the version committed and every process told of it (the cache
            # entry set on commit), does the coordinator's page say it is published.
            Opdracht.objects.filter(pk=opdracht.pk).update(
                status=Opdracht.Status.KLAAR, klaar_op=timezone.now(), fout=""
            )
            return f"versie {publicatie.versie}"
        maak_concept_pdf(opdracht)
        return "klaar"
    except Exception as fout:
        logger.exception("Opdracht %s mislukt", opdracht.pk)
        Opdracht.objects.filter(pk=opdracht.pk, status=Opdracht.Status.BEZIG).update(
            status=Opdracht.Status.MISLUKT,
            klaar_op=timezone.now(),
            fout=f"{type(fout).__name__}: {fout}"[:2000],
        )
        raise


def maak_concept_pdf(opdracht: Opdracht) -> None:
    """The draft PDF of the whole paragraph, or of its financial part only."""
    concept = _("Concept, niet gepubliceerd")
    if opdracht.soort == Opdracht.Soort.FINANCIEN_PDF:
        pdf = maak_pdf(
            financieel_deel(opdracht.jaar), concept, "rapportage/pdf_financien.html", concept=True
        )
    else:
        pdf = maak_pdf(samenstellen(opdracht.paragraaf), concept, concept=True)
    opdracht.bestand.save(f"concept-{opdracht.jaar}.pdf", ContentFile(pdf), save=False)
    opdracht.status = Opdracht.Status.KLAAR
    opdracht.klaar_op = timezone.now()
    opdracht.save(update_fields=["bestand", "status", "klaar_op"])


def vastgelopen(opdracht: Opdracht, nu=None) -> bool:
    nu = nu or timezone.now()
    return opdracht.status == Opdracht.Status.BEZIG and opdracht.gestart_op < nu - VASTGELOPEN_NA


def geef_op(opdracht: Opdracht) -> None:
    """Mark a job whose worker stopped as failed, so it can be tried again."""
    Opdracht.objects.filter(pk=opdracht.pk, status=Opdracht.Status.BEZIG).update(
        status=Opdracht.Status.MISLUKT,
        klaar_op=timezone.now(),
        fout=_("De verwerking is afgebroken (de achtergrondverwerker stopte)."),
    )


def ruim_op(*, nu=None, concepten_na=timedelta(days=1)) -> dict:
    """Nightly: remove draft PDFs older than a day, and give up on jobs that hang."""
    nu = nu or timezone.now()
    oud = Opdracht.objects.filter(
        soort=Opdracht.Soort.CONCEPT_PDF, klaar_op__lt=nu - concepten_na
    ).exclude(bestand="")
    verwijderd = 0
    for opdracht in oud:
        opdracht.bestand.delete(save=False)
        Opdracht.objects.filter(pk=opdracht.pk).update(bestand="")
        verwijderd += 1
    hangend = [
        o for o in Opdracht.objects.filter(status=Opdracht.Status.BEZIG) if vastgelopen(o, nu)
    ]
    for opdracht in hangend:
        geef_op(opdracht)
    return {"concepten_verwijderd": verwijderd, "opgegeven": len(hangend)}
