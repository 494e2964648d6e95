"""Background tasks of the areas app: invitation e-mails, reading an import of areas, and the
nightly consistency check and clean-up."""

import logging

from django.contrib.auth import get_user_model
from django.tasks import task

from . import aandacht, accounts, inlezen

logger = logging.getLogger(__name__)


@task
def verstuur_uitnodiging(gebruiker_id: int, adres: str, basis_url: str) -> None:
    """E-mail the invitation with a link to set a password (a mail server can be slow or away;
    a failure is kept in the task's result, and the coordinator can send a new one)."""
    gebruiker = get_user_model().objects.get(pk=gebruiker_id)
    accounts.stuur_uitnodiging(gebruiker=gebruiker, adres=adres, basis_url=basis_url)


@task
def controleer_aandachtsperioden() -> dict:
    """Nightly: recompute the stored attention periods and report the focus points that
    differed (a warning in the log names them; they are repaired)."""
    hersteld = aandacht.controleer()
    if hersteld:
        logger.warning(
            "Aandachtsperioden hersteld voor %d focuspunt(en): %s", len(hersteld), hersteld[:50]
        )
    return {"hersteld": len(hersteld), "focuspunten": hersteld[:50]}


@task
def ruim_gebiedsimports_op() -> int:
    """Nightly: remove uploads of areas that were never read in (after a week)."""
    return inlezen.ruim_imports_op()


NACHTWERK = [controleer_aandachtsperioden, ruim_gebiedsimports_op]
