"""Background work of the wijkprofiel: reading an upload (wijkprofiel.inlezen) and the nightly
clean-up of uploads never read in."""

from django.tasks import task

from . import inlezen
from .inlezen import lees_profielimport

__all__ = ["NACHTWERK", "lees_profielimport", "ruim_profielimports_op"]


@task
def ruim_profielimports_op() -> int:
    """Nightly: remove uploads of figures and boundaries never read in (after a week)."""
    return inlezen.ruim_imports_op()


NACHTWERK = [ruim_profielimports_op]
