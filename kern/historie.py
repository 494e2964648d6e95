"""The audit history as people read it: who changed what when, with old and new values.
Every app shows its own models' history through these lines.

Built from django-simple-history's records: the records of each object are compared in date
order, in Python, with foreign keys resolved in one query per field (no query per row).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .notatie import bedrag, datum_kort

NIET_TONEN = {"id", "aangemaakt_op", "gewijzigd_op", "versie", "document_naam"}
SOORT = {"+": _("toegevoegd"), "~": _("gewijzigd"), "-": _("verwijderd")}


@dataclass
class Wijziging:
    veld: str
    oud: str
    nieuw: str


@dataclass
class HistorieRegel:
    datum: datetime.datetime
    wie: str
    soort: str
    wat: str
    object: str
    wijzigingen: list[Wijziging] = field(default_factory=list)


def _velden(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in NIET_TONEN]


def _weergave(veld: models.Field, waarde, gerelateerd: dict) -> str:
    if waarde in (None, ""):
        return "–"
    if veld.is_relation:
        return str(gerelateerd.get(veld.name, {}).get(waarde, waarde))
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, Decimal):
        return bedrag(waarde)
    if isinstance(waarde, datetime.date):
        return datum_kort(waarde)
    if isinstance(waarde, list | dict):
        return _gestructureerd(waarde)
    return str(waarde)


def _gestructureerd(waarde) -> str:
    """A JSON field as people read it: a list as "a, b"; a mapping as "sleutel: waarde" parts,
    a mapping of words as "wijk → kern"; empty as "–"."""
    if not waarde:
        return "–"
    if isinstance(waarde, list):
        return ", ".join(str(w) for w in waarde)
    delen = []
    for sleutel, inhoud in waarde.items():
        if isinstance(inhoud, dict):
            delen.append(f"{sleutel}: " + ", ".join(f"{k} → {v}" for k, v in inhoud.items()))
        else:
            delen.append(f"{sleutel}: {inhoud}")
    return "; ".join(delen)


def regels(model, records, label_velden: list[str]) -> list[HistorieRegel]:
    """History lines of one model's records (any order), newest first. `label_velden` name
    the record in each line (read from the record itself, no extra queries)."""
    records = sorted(records, key=lambda r: (r.id, r.history_date, r.history_id))
    velden = _velden(model)
    gerelateerd = {
        v.name: v.related_model._base_manager.in_bulk(
            {getattr(r, v.attname) for r in records} - {None}
        )
        for v in velden
        if v.is_relation
    }
    resultaat, vorige = [], {}
    for record in records:
        oud = vorige.get(record.id)
        wijzigingen = []
        for veld in velden:
            nieuw_waarde = getattr(record, veld.attname)
            oud_waarde = getattr(oud, veld.attname) if oud else None
            if oud is None and record.history_type == "+" and nieuw_waarde in (None, ""):
                continue
            if oud is None or oud_waarde != nieuw_waarde:
                wijzigingen.append(
                    Wijziging(
                        veld=str(capfirst(veld.verbose_name)),
                        oud=_weergave(veld, oud_waarde, gerelateerd) if oud else "",
                        nieuw=_weergave(veld, nieuw_waarde, gerelateerd),
                    )
                )
        vorige[record.id] = record
        if record.history_type == "~" and not wijzigingen:
            continue
        resultaat.append(
            HistorieRegel(
                datum=record.history_date,
                wie=(record.history_user.get_full_name() or record.history_user.get_username())
                if record.history_user
                else _("onbekend (systeem)"),
                soort=SOORT.get(record.history_type, record.history_type),
                wat=str(capfirst(model._meta.verbose_name)),
                object=" · ".join(
                    _weergave(
                        model._meta.get_field(naam),
                        getattr(record, model._meta.get_field(naam).attname),
                        gerelateerd,
                    )
                    for naam in label_velden
                ),
                wijzigingen=[] if record.history_type == "-" else wijzigingen,
            )
        )
    return resultaat


def samen(delen: list[list[HistorieRegel]], limiet: int | None) -> list[HistorieRegel]:
    alles = sorted((r for deel in delen for r in deel), key=lambda r: r.datum, reverse=True)
    return alles[:limiet] if limiet else alles
