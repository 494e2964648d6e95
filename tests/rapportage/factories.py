"""Factories for the rapportage app: a year's paragraph and its published versions."""

import datetime

import factory

from rapportage.models import Paragraaf, Publicatie

LEGE_DATA = {
    "inleiding": "",
    "gebieden": [],
    "financien": [],
    "totaal": {"naam": "Totaal", "begroting": 0, "realisatie": 0, "resultaat": 0, "reserve": 0},
}


class ParagraafFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraaf
        django_get_or_create = ["jaar"]

    jaar = 2020


class PublicatieFactory(factory.django.DjangoModelFactory):
    """A published version as stored (frozen HTML and a PDF's first bytes as files in
    storage, empty open data)."""

    class Meta:
        model = Publicatie

    paragraaf = factory.SubFactory(ParagraafFactory)
    versie = factory.Sequence(lambda n: n + 1)
    gebouwd_op = datetime.datetime(2021, 1, 1, 12, tzinfo=datetime.UTC)
    export_van = datetime.datetime(2021, 1, 1, 12, tzinfo=datetime.UTC)
    html_bestand = factory.django.FileField(data=b"<article></article>", filename="p.html")
    pdf_bestand = factory.django.FileField(data=b"%PDF-1.7", filename="p.pdf")
    data = factory.LazyFunction(lambda: LEGE_DATA)
