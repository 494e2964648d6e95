"""Herindeling: what is recorded for an area must lie within the area's own validity.

After a herindeling an area ends (geldig tot) and others begin (geldig vanaf); the old area keeps
its history. An assignment, a focus point, its updates and activities for an area outside that
period are refused with a Dutch message naming the area and its period. The functions return
errors by field name, for the models' `clean`.
"""

import datetime

from django.utils.translation import gettext as _

from kern.notatie import datum as nl_datum


def periode_tekst(gebied) -> str:
    van, tot = gebied.geldig_van, gebied.geldig_tot
    if van and tot:
        return _("van %(van)s tot en met %(tot)s") % {"van": nl_datum(van), "tot": nl_datum(tot)}
    if van:
        return _("vanaf %(van)s") % {"van": nl_datum(van)}
    if tot:
        return _("tot en met %(tot)s") % {"tot": nl_datum(tot)}
    return _("altijd")


def periode_binnen_gebied(gebied, van, tot, *, veld_van="geldig_van", veld_tot="geldig_tot"):
    """An assignment's period (open ends unbounded) must lie within the area's."""
    fouten = {}
    if gebied.geldig_van and (van is None or van < gebied.geldig_van):
        fouten[veld_van] = _(
            "%(gebied)s bestaat pas vanaf %(datum)s (herindeling); laat dit niet eerder beginnen."
        ) % {"gebied": gebied.naam, "datum": nl_datum(gebied.geldig_van)}
    if gebied.geldig_tot and (tot is None or tot > gebied.geldig_tot):
        fouten[veld_tot] = _(
            "%(gebied)s bestaat tot en met %(datum)s (herindeling); laat dit uiterlijk dan "
            "eindigen."
        ) % {"gebied": gebied.naam, "datum": nl_datum(gebied.geldig_tot)}
    return fouten


def jaar_binnen_gebied(gebied, jaar: int | None, veld: str) -> dict:
    if jaar is None or gebied.is_geldig_in_jaar(jaar):
        return {}
    return {
        veld: _("%(gebied)s bestond niet in %(jaar)s (het gebied bestaat %(periode)s).")
        % {"gebied": gebied.naam, "jaar": jaar, "periode": periode_tekst(gebied)}
    }


def datum_binnen_gebied(gebied, datum: datetime.date | None, veld: str) -> dict:
    if datum is None or gebied.is_geldig_op(datum):
        return {}
    return {
        veld: _("%(gebied)s bestond op %(datum)s niet (het gebied bestaat %(periode)s).")
        % {"gebied": gebied.naam, "datum": nl_datum(datum), "periode": periode_tekst(gebied)}
    }


def nog_geldig(gebied, vandaag: datetime.date, veld: str) -> dict:
    """Something new (a focus point) is recorded only for an area that still exists."""
    if gebied.geldig_tot is None or gebied.geldig_tot >= vandaag:
        return {}
    return {
        veld: _(
            "%(gebied)s bestaat sinds %(datum)s niet meer (herindeling). Leg nieuwe focuspunten "
            "vast bij het gebied dat ervoor in de plaats kwam."
        )
        % {
            "gebied": gebied.naam,
            "datum": nl_datum(gebied.geldig_tot + datetime.timedelta(days=1)),
        }
    }
