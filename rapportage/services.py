"""Writes of the rapportage app: the texts people write (with the version check, so two
coordinators never overwrite each other's text) and publishing (build everything first, then
store it in one transaction, so a failure leaves the previous published version as it was)."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from kern.versie import GelijktijdigGewijzigd, claim_versie

from .gegevens import naar_json
from .models import Gebiedstekst, Paragraaf, Publicatie
from .pdf import maak_pdf
from .samenstellen import laatste_wijziging, samenstellen


@transaction.atomic
def bewaar_paragraaf(
    *,
    paragraaf: Paragraaf | None,
    jaar: int,
    versie: int | None,
    nummer: str,
    titel: str,
    inleiding: str,
    slottekst: str,
    teksten: dict,
    goed: str = "",
    beter: str = "",
) -> Paragraaf:
    """Save the texts of a year's paragraph: number, title, introduction, what went well and
    what can be better, closing text and the
    optional text per area (`teksten`: area → text; an empty text removes it). An existing
    paragraph is saved only if it is still at `versie`; a new one only if no one made that
    year's paragraph meanwhile (else GelijktijdigGewijzigd with the saved paragraph)."""
    velden = {
        "nummer": nummer,
        "titel": titel,
        "inleiding": inleiding,
        "slottekst": slottekst,
        "goed": goed,
        "beter": beter,
    }
    if paragraaf is None:
        try:
            with transaction.atomic():
                paragraaf = Paragraaf.objects.create(jaar=jaar, **velden)
        except IntegrityError as fout:
            raise GelijktijdigGewijzigd(Paragraaf.objects.get(jaar=jaar)) from fout
    else:
        claim_versie(paragraaf, versie)
        for veld, waarde in velden.items():
            setattr(paragraaf, veld, waarde)
        paragraaf.save()
    for gebied, tekst in teksten.items():
        if tekst.strip():
            Gebiedstekst.objects.update_or_create(
                paragraaf=paragraaf, gebied=gebied, defaults={"tekst": tekst.strip()}
            )
        else:
            Gebiedstekst.objects.filter(paragraaf=paragraaf, gebied=gebied).delete()
    return paragraaf


class VersieIntussenGenomen(RuntimeError):
    """Another publication of the year took the version number this PDF's colophon names
    (only when publishing outside the one-at-a-time jobs); publishing again gives a right one."""

    def __init__(self, versie: int):
        super().__init__(f"Versie {versie} is intussen door een andere publicatie genomen.")


def gebouwd_zin(gebouwd_op, export_van) -> str:
    def moment(m):
        return date_format(timezone.localtime(m), "j F Y H:i") if m else "–"

    return f"Deze pagina is gebouwd op {moment(gebouwd_op)} met de export van {moment(export_van)}"


PUBLICATIEPOGINGEN = 3


def publiceer(*, paragraaf, door, toelichting: str = "", opdracht=None) -> Publicatie:
    """Build a new version (HTML, PDF, data) and store it. Slow (seconds to a minute for a large
    municipality): run it in a worker (`opdrachten.voer_uit`), never in a request.

    The version number is taken under a lock on the paragraph's row, so two publications of a
    year at once get two numbers. The PDF's colophon names that number: when another
    publication took it meanwhile, the version is built again with the next one. With
    `opdracht`, the work publishes once however often it runs: a run that finds its job already
    published returns that version."""
    velden = {
        "paragraaf": paragraaf,
        "door": door,
        "toelichting": toelichting,
        "opdracht": opdracht,
    }
    for _poging in range(PUBLICATIEPOGINGEN - 1):
        try:
            return _publiceer(**velden)
        except VersieIntussenGenomen:
            continue
    return _publiceer(**velden)


def _publiceer(*, paragraaf, door, toelichting: str, opdracht) -> Publicatie:
    gebouwd_op = timezone.now()
    export_van = laatste_wijziging() or gebouwd_op
    data = samenstellen(paragraaf)
    zin = gebouwd_zin(gebouwd_op, export_van)
    html = render_to_string("rapportage/inhoud.html", {"p": data, "gebouwd": zin})
    # The colophon names the version: the next number now, checked again under the lock below.
    verwacht = (paragraaf.publicaties.aggregate(hoogste=Max("versie"))["hoogste"] or 0) + 1
    pdf = maak_pdf(data, zin, versie=verwacht)
    publicatie = Publicatie(
        paragraaf=paragraaf,
        gebouwd_op=gebouwd_op,
        export_van=export_van,
        data=naar_json(data),
        toelichting=toelichting,
        door=door,
    )
    # The files first, under names of their own; if storing the row fails they are removed.
    publicatie.html_bestand.save("paragraaf.html", ContentFile(html.encode()), save=False)
    publicatie.pdf_bestand.save("paragraaf.pdf", ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            Paragraaf.objects.select_for_update().filter(pk=paragraaf.pk).exists()
            if opdracht is not None and (al := al_gepubliceerd(opdracht)):
                verwijder_bestanden(publicatie)
                return al
            vorige = paragraaf.publicaties.aggregate(hoogste=Max("versie"))["hoogste"]
            publicatie.versie = (vorige or 0) + 1
            if publicatie.versie != verwacht:
                raise VersieIntussenGenomen(verwacht)
            publicatie.save()
            if opdracht is not None:
                opdracht.publicatie = publicatie
                opdracht.save(update_fields=["publicatie"])
    except BaseException:
        if publicatie.pk is None or not Publicatie.objects.filter(pk=publicatie.pk).exists():
            verwijder_bestanden(publicatie)  # not stored: its files belong to nothing
        raise
    return publicatie


def al_gepubliceerd(opdracht) -> Publicatie | None:
    gedaan = type(opdracht).objects.filter(pk=opdracht.pk).values_list("publicatie", flat=True)
    pk = gedaan.first()
    return Publicatie.objects.get(pk=pk) if pk else None


def verwijder_bestanden(publicatie: Publicatie) -> None:
    for bestand in (publicatie.html_bestand, publicatie.pdf_bestand):
        if bestand.name:
            bestand.storage.delete(bestand.name)
