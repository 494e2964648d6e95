"""The background tasks of the paragraph (Django's tasks framework; workers: `db_worker`)."""

from django.tasks import task

from . import opdrachten


@task
def voer_opdracht_uit(opdracht_id: int) -> str:
    """Publish a version or render the draft PDF (rapportage.opdrachten.voer_uit)."""
    return opdrachten.voer_uit(opdracht_id)


@task
def ruim_opdrachten_op() -> dict:
    """Nightly: old draft PDFs go, jobs whose worker stopped are marked failed."""
    return opdrachten.ruim_op()


NACHTWERK = [ruim_opdrachten_op]
