"""Publishing: build everything first, then store it in one transaction, so a failure (a PDF
that does not render, a lost connection) leaves the previous published version as it was."""

from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from .models import Publicatie
from .pdf import maak_pdf
from .samenstellen import laatste_wijziging, samenstellen


def gebouwd_zin(gebouwd_op, export_van) -> str:
    def moment(m):
        return date_format(timezone.localtime(m), "j F Y H:i") if m else "–"

    return f"Deze pagina is gebouwd op {moment(gebouwd_op)} met de export van {moment(export_van)}"


def publiceer(*, paragraaf, door, toelichting: str = "") -> Publicatie:
    gebouwd_op = timezone.now()
    export_van = laatste_wijziging() or gebouwd_op
    data = samenstellen(paragraaf)
    zin = gebouwd_zin(gebouwd_op, export_van)
    html = render_to_string("rapportage/inhoud.html", {"p": data, "gebouwd": zin})
    pdf = maak_pdf(data, zin)
    with transaction.atomic():
        vorige = paragraaf.publicaties.select_for_update().aggregate(hoogste=Max("versie"))[
            "hoogste"
        ]
        return Publicatie.objects.create(
            paragraaf=paragraaf,
            versie=(vorige or 0) + 1,
            gebouwd_op=gebouwd_op,
            export_van=export_van,
            html=html,
            pdf=pdf,
            data=data,
            toelichting=toelichting,
            door=door,
        )
