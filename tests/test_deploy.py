"""Production settings pass Django's deployment checks, and refuse to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management.utils import get_random_secret_key

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ALLOWED_HOSTS": "gebiedsgericht.example.nl",
        **env,
    }
    omgeving.pop("DATABASE_URL", None)
    omgeving.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
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
