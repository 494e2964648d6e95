"""The nightly background tasks of the paragraph (the job task itself lives with the jobs,
rapportage.opdrachten.voer_opdracht_uit)."""

from django.tasks import task

from . import opdrachten


@task
def ruim_opdrachten_op() -> dict:
    """Nightly: old draft PDFs go, jobs whose worker stopped are marked failed."""
    return opdrachten.ruim_op()


NACHTWERK = [ruim_opdrachten_op]
