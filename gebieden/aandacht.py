"""Which years a focus point had attention, and keeping the stored runs of years in step.

The rule (the annual paragraph and the lists use it): a focus point has attention in year J when
it started in or before J, has a status by the end of J (or no timeline at all yet, e.g. made in
the admin), and was not already done or dropped at the end of J − 1, unless an update in J
picked it up again.
"""

import datetime
from collections.abc import Iterable

from django.db import transaction

from .constants import AFGESLOTEN_STATUSSEN


def heeft_aandacht(startjaar: int, updates: list, jaar: int) -> bool:
    """The rule itself, for one year; `updates` in timeline order (datum, aangemaakt_op, pk)."""
    if jaar < startjaar:
        return False
    if updates and updates[0].datum > datetime.date(jaar, 12, 31):
        return False
    vorig_eind = datetime.date(jaar - 1, 12, 31)
    eerder = [u for u in updates if u.datum <= vorig_eind]
    if eerder and eerder[-1].status in AFGESLOTEN_STATUSSEN:
        return any(u.datum.year == jaar and u.status not in AFGESLOTEN_STATUSSEN for u in updates)
    return True


def perioden(startjaar: int, updates: list) -> list[tuple[int, int | None]]:
    """The runs of years with attention, as (van, tot); tot None: it still runs.

    After the year following the last update nothing changes any more, so the rule is applied
    up to that year and the last run is left open when it reaches it.
    """
    updates = sorted(updates, key=lambda u: (u.datum, u.aangemaakt_op, u.pk or 0))
    laatste = max(startjaar, updates[-1].datum.year + 1 if updates else startjaar)
    runs: list[list[int | None]] = []
    for jaar in range(startjaar, laatste + 1):
        if heeft_aandacht(startjaar, updates, jaar):
            if runs and runs[-1][1] == jaar - 1:
                runs[-1][1] = jaar
            else:
                runs.append([jaar, jaar])
    if runs and runs[-1][1] == laatste:
        runs[-1][1] = None
    return [(van, tot) for van, tot in runs]


def herbereken(focuspunt_ids: Iterable[int]) -> None:
    """Recompute the stored runs of these focus points (in bulk: a few queries in all)."""
    from .models import Aandachtsperiode, Focuspunt, FocuspuntUpdate

    ids = list(focuspunt_ids)
    if not ids:
        return
    tijdlijnen: dict[int, list] = {i: [] for i in ids}
    for update in FocuspuntUpdate.objects.filter(focuspunt_id__in=ids).only(
        "focuspunt_id", "datum", "status", "aangemaakt_op"
    ):
        tijdlijnen[update.focuspunt_id].append(update)
    nieuw = [
        Aandachtsperiode(focuspunt_id=pk, van=van, tot=tot)
        for pk, startjaar in Focuspunt.objects.filter(pk__in=ids).values_list("pk", "startjaar")
        for van, tot in perioden(startjaar, tijdlijnen[pk])
    ]
    with transaction.atomic():
        Aandachtsperiode.objects.filter(focuspunt_id__in=ids).delete()
        Aandachtsperiode.objects.bulk_create(nieuw, batch_size=5000)


def controleer(batch: int = 2000) -> list[int]:
    """Nightly consistency check: recompute every focus point's runs from its timeline and
    repair those whose stored runs differ (a bulk write that skipped the signals, a restore).
    Returns the ids that were repaired."""
    from .models import Aandachtsperiode, Focuspunt, FocuspuntUpdate

    hersteld: list[int] = []
    ids = list(Focuspunt.objects.order_by("pk").values_list("pk", flat=True))
    for begin in range(0, len(ids), batch):
        deel = ids[begin : begin + batch]
        tijdlijnen: dict[int, list] = {i: [] for i in deel}
        for update in FocuspuntUpdate.objects.filter(focuspunt_id__in=deel).only(
            "focuspunt_id", "datum", "status", "aangemaakt_op"
        ):
            tijdlijnen[update.focuspunt_id].append(update)
        opgeslagen: dict[int, set] = {i: set() for i in deel}
        for pk, van, tot in Aandachtsperiode.objects.filter(focuspunt_id__in=deel).values_list(
            "focuspunt_id", "van", "tot"
        ):
            opgeslagen[pk].add((van, tot))
        afwijkend = [
            pk
            for pk, startjaar in Focuspunt.objects.filter(pk__in=deel).values_list(
                "pk", "startjaar"
            )
            if set(perioden(startjaar, tijdlijnen[pk])) != opgeslagen[pk]
        ]
        herbereken(afwijkend)
        hersteld += afwijkend
    return hersteld


def na_opslaan_focuspunt(sender, instance, raw=False, **kwargs):
    if not raw:
        herbereken([instance.pk])


def na_opslaan_update(sender, instance, raw=False, **kwargs):
    if not raw:
        herbereken([instance.focuspunt_id])


def na_verwijderen_update(sender, instance, **kwargs):
    """After the commit: when the focus point itself is being deleted, its updates go first and
    recomputing right away would make runs for a focus point about to disappear."""
    punt = instance.focuspunt_id
    transaction.on_commit(lambda: herbereken([punt]))
