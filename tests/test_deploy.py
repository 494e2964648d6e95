"""Production settings pass Django's deployment checks, and refuse to start without a secret."""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.core.management.utils import get_random_secret_key
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ALLOWED_HOSTS": "gebiedsgericht.example.nl",
    }
    omgeving.pop("DATABASE_URL", None)
    omgeving.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    omgeving.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    resultaat = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=get_random_secret_key()
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "no issues" in resultaat.stdout


def test_secret_key_starting_with_a_dollar_sign_is_taken_literally():
    sleutel = "$" + get_random_secret_key()
    resultaat = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=sleutel)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


def test_production_refuses_to_start_without_a_secret_key():
    resultaat = manage("check", SECRET_KEY="")
    assert resultaat.returncode != 0
    assert "Zet SECRET_KEY" in resultaat.stderr


def test_the_benchmark_is_not_installed_in_production():
    resultaat = manage(
        "shell",
        "-c",
        "from django.conf import settings; print('bench' in settings.INSTALLED_APPS)",
        SECRET_KEY=get_random_secret_key(),
    )
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.strip().endswith("False")
    assert "bench_data" not in manage("help", SECRET_KEY=get_random_secret_key()).stdout


def test_production_refuses_to_load_the_demo_and_its_public_password(tmp_path):
    database = tmp_path / "x.sqlite3"
    resultaat = manage(
        "demo", SECRET_KEY=get_random_secret_key(), DATABASE_URL=f"sqlite:///{database}"
    )
    assert resultaat.returncode != 0
    assert "De demogegevens laden mag hier niet" in resultaat.stderr
    assert "Demo-accounts" not in resultaat.stdout
    # Refused before anything was written: not even a table.
    with closing(sqlite3.connect(database)) as verbinding:
        assert verbinding.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "instellingen",
    [{"DEMO_TOEGESTAAN": False, "DEBUG": True}, {"DEMO_TOEGESTAAN": None, "DEBUG": False}],
    ids=["uitgezet", "zonder-debug"],
)
def test_the_demo_writes_nothing_where_it_is_not_allowed(instellingen):
    with override_settings(**instellingen), pytest.raises(CommandError, match="mag hier niet"):
        call_command("demo")
    assert not get_user_model().objects.exists()


def test_production_reports_errors_only_when_a_dsn_is_set():
    vraag = (
        "import sentry_sdk; c = sentry_sdk.get_client(); "
        "print(c.is_active(), c.options['environment'], c.options['traces_sample_rate'])"
    )
    sleutel = get_random_secret_key()
    zonder = manage("shell", "-c", vraag, SECRET_KEY=sleutel, SENTRY_DSN="")
    assert zonder.returncode == 0, zonder.stderr
    assert zonder.stdout.split()[-3] == "False"
    met = manage(
        "shell",
        "-c",
        vraag,
        SECRET_KEY=sleutel,
        SENTRY_DSN="http://sleutel@127.0.0.1:9/1",
        SENTRY_ENVIRONMENT="acceptatie",
        SENTRY_TRACES_SAMPLE_RATE="0.25",
    )
    assert met.returncode == 0, met.stderr
    assert met.stdout.split()[-3:] == ["True", "acceptatie", "0.25"]
