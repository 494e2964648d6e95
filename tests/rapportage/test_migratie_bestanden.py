"""The migration that moves published HTML and PDF out of the database into storage keeps every
byte, and its reverse puts them back (rapportage/migrations/0003_bestanden_in_opslag.py)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

VOOR = [("rapportage", "0002_versies")]
NA = [("rapportage", "0003_bestanden_in_opslag")]
MOMENT = datetime.datetime(2021, 3, 1, 12, tzinfo=datetime.UTC)
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 64 + b"\n%%EOF"  # every byte value, NUL included
HTML = "<article>Zegveld — „dorpsagenda” ë ‘€’ \U0001f3e1</article>"


def migreer(doel):
    executor = MigrationExecutor(connection)
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


def test_existing_publications_move_to_storage_byte_for_byte_and_back():
    oud = migreer(VOOR)
    paragraaf = oud.get_model("rapportage", "Paragraaf").objects.create(jaar=2019)
    oud.get_model("rapportage", "Publicatie").objects.create(
        paragraaf=paragraaf,
        versie=1,
        gebouwd_op=MOMENT,
        export_van=MOMENT,
        html=HTML,
        pdf=PDF,
        data={"inleiding": ""},
    )
    try:
        nieuw = migreer(NA)
        publicatie = nieuw.get_model("rapportage", "Publicatie").objects.get()
        with publicatie.pdf_bestand.open("rb") as pdf, publicatie.html_bestand.open("rb") as html:
            assert pdf.read() == PDF
            assert html.read().decode() == HTML
        assert publicatie.pdf_bestand.name.startswith("publicaties/2019/")

        terug = migreer(VOOR).get_model("rapportage", "Publicatie").objects.get()
        assert bytes(terug.pdf) == PDF and terug.html == HTML
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
