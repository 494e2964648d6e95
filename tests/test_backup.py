"""Backup and restore: what a dump holds comes back complete in an empty database,
published reports included (docs/backup.md)."""

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from rapportage.models import Publicatie

pytestmark = pytest.mark.django_db(transaction=True)


def tellingen():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"gebieden", "begroting", "initiatieven", "rapportage", "auth"}
        and m._meta.label != "auth.Permission"
    }


def test_restoring_into_a_non_empty_database_is_refused(tmp_path):
    from django.core.management.base import CommandError

    call_command("demo", stdout=io.StringIO())
    bestand = tmp_path / "backup.zip"
    call_command("backup_maken", str(bestand), stdout=io.StringIO())
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("backup_terugzetten", str(bestand))


def leeg_de_opslag():
    """A new installation: nothing in the storage either."""
    map = Path(default_storage.location)
    assert map.parent.name == ".test-media"
    shutil.rmtree(map)


def test_backup_round_trip_restores_data_and_files(tmp_path):
    call_command("demo", stdout=io.StringIO())
    voor = tellingen()
    publicatie = Publicatie.objects.get()
    pdf_voor, html_voor = publicatie.lees_pdf(), publicatie.lees_html()
    bestand = tmp_path / "backup.zip"
    uitvoer = io.StringIO()
    call_command("backup_maken", str(bestand), stdout=uitvoer)
    assert "(2 bestanden)" in uitvoer.getvalue()  # the published HTML and PDF
    call_command("flush", "--no-input", verbosity=0)
    leeg_de_opslag()
    assert Publicatie.objects.count() == 0

    call_command("backup_terugzetten", str(bestand), stdout=io.StringIO())
    assert tellingen() == voor
    terug = Publicatie.objects.get()
    assert terug.pdf_bestand.name == publicatie.pdf_bestand.name
    assert terug.lees_pdf() == pdf_voor and terug.lees_html() == html_voor


def test_a_backup_missing_a_file_restores_nothing(tmp_path):
    call_command("demo", stdout=io.StringIO())
    volledig, kapot = tmp_path / "backup.zip", tmp_path / "kapot.zip"
    call_command("backup_maken", str(volledig), stdout=io.StringIO())
    with zipfile.ZipFile(volledig) as bron, zipfile.ZipFile(kapot, "w") as doel:
        for naam in bron.namelist():
            if not naam.endswith(".pdf"):
                doel.writestr(naam, bron.read(naam))
    call_command("flush", "--no-input", verbosity=0)
    leeg_de_opslag()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ontbreekt in de backup"):
        call_command("backup_terugzetten", str(kapot), stdout=io.StringIO())
    assert Publicatie.objects.count() == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump/pg_restore gelden voor PostgreSQL"
)
def test_pg_dump_and_restore_into_an_empty_database(tmp_path):
    pg_dump = shutil.which("pg_dump") or "/usr/lib/postgresql/15/bin/pg_dump"
    pg_restore = shutil.which("pg_restore") or "/usr/lib/postgresql/15/bin/pg_restore"
    call_command("demo", stdout=io.StringIO())
    instellingen = connection.settings_dict
    omgeving = {
        **os.environ,
        "PGHOST": instellingen["HOST"] or "",
        "PGPORT": str(instellingen["PORT"] or ""),
        "PGUSER": instellingen["USER"] or "",
        "PGPASSWORD": instellingen["PASSWORD"] or "",
    }
    bestand = tmp_path / "backup.dump"
    subprocess.run(
        [pg_dump, "-Fc", "-f", str(bestand), instellingen["NAME"]], env=omgeving, check=True
    )
    doel = instellingen["NAME"] + "_herstel"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{doel}"')
        cursor.execute(f'CREATE DATABASE "{doel}"')
    try:
        subprocess.run(
            [pg_restore, "--no-owner", "-d", doel, str(bestand)], env=omgeving, check=True
        )
        import psycopg

        with psycopg.connect(
            dbname=doel, host=omgeving["PGHOST"], port=omgeving["PGPORT"], user=omgeving["PGUSER"]
        ) as herstel:
            for tabel, model in [
                ("rapportage_publicatie", Publicatie),
                ("gebieden_gebied", apps.get_model("gebieden", "Gebied")),
            ]:
                aantal = herstel.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]  # noqa: S608
                assert aantal == model.objects.count() > 0
            # The files are not in the dump: they stay in the storage (backed up beside it,
            # docs/backup.md); the restored rows refer to them by name.
            naam = herstel.execute("SELECT pdf_bestand FROM rapportage_publicatie").fetchone()[0]
            assert naam == Publicatie.objects.get().pdf_bestand.name
            with default_storage.open(naam, "rb") as pdf:
                assert pdf.read().startswith(b"%PDF")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{doel}"')
