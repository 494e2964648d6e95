"""Backup and restore: what a dump holds comes back complete in an empty database,
published reports included (docs/backup.md)."""

import io
import os
import shutil
import subprocess

import pytest
from django.apps import apps
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
    bestand = tmp_path / "backup.json"
    call_command("backup_maken", str(bestand), stdout=io.StringIO())
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("backup_terugzetten", str(bestand))


def test_dumpdata_loaddata_round_trip_restores_everything(tmp_path):
    call_command("demo", stdout=io.StringIO())
    voor = tellingen()
    pdf_voor = bytes(Publicatie.objects.get().pdf)
    bestand = tmp_path / "backup.json"
    call_command("backup_maken", str(bestand), stdout=io.StringIO())
    call_command("flush", "--no-input", verbosity=0)
    assert Publicatie.objects.count() == 0
    call_command("backup_terugzetten", str(bestand), stdout=io.StringIO())
    assert tellingen() == voor
    assert bytes(Publicatie.objects.get().pdf) == pdf_voor


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
            pdf = herstel.execute("SELECT pdf FROM rapportage_publicatie").fetchone()[0]
            assert bytes(pdf) == bytes(Publicatie.objects.get().pdf)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{doel}"')
