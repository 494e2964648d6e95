"""Real processes for the tests of the production set-up: task workers, web servers (gunicorn)
and a Redis server, all on the test database and file folder of this test run."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    """The URL of the test database (the one this test run created)."""
    d = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{d['NAME']}"
    gebruiker = quote(d["USER"] or "") + (f":{quote(d['PASSWORD'])}" if d["PASSWORD"] else "")
    return f"postgres://{gebruiker}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


def omgeving(**extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "PRIVATE_MEDIA_ROOT": str(settings.STORAGES["default"]["OPTIONS"]["location"]),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        **extra,
    }


@contextmanager
def proces(*opdracht: str, **extra):
    """Start a process of this project (a manage.py command or gunicorn); stopped on leaving."""
    p = subprocess.Popen(
        list(opdracht),
        cwd=ROOT,
        env=omgeving(**extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield p
    finally:
        p.terminate()
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def werker(**extra):
    """A task worker on the database queue (what `make run` and production start)."""
    return proces(
        sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2", **extra
    )


@contextmanager
def webserver(**extra):
    """gunicorn serving the project on a free port; yields its base URL once it answers."""
    poort = vrije_poort()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    with proces(
        gunicorn, "config.wsgi:application", "-b", f"127.0.0.1:{poort}", "-w", "1", **extra
    ) as p:
        basis = f"http://127.0.0.1:{poort}"
        wacht_tot(lambda: antwoordt(basis + "/gezond/"), 30, p, "webserver start niet")
        yield basis


def antwoordt(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as antwoord:
            return antwoord.status == 200
    except (urllib.error.URLError, ConnectionError):
        return False


def wacht_tot(voorwaarde, seconden: float, p=None, melding: str = "") -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        if p is not None and p.poll() is not None:
            pytest.fail(f"{melding}: proces gestopt\n{p.stdout.read()}")
        time.sleep(0.1)
    pytest.fail(f"{melding}: na {seconden} s nog niet")


@pytest.fixture(scope="session")
def redis_url():
    """REDIS_URL when CI started a Redis server; otherwise one started here from Debian's
    redis-server (make test installs it). Missing in CI is a failure, locally a skip."""
    if url := os.environ.get("REDIS_URL"):
        yield url
        return
    server = shutil.which("redis-server")
    if not server:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server ontbreekt; in CI moet deze test draaien")
        pytest.skip("redis-server ontbreekt (apt-get install redis-server)")
    poort = vrije_poort()
    p = subprocess.Popen(
        [server, "--port", str(poort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wacht_tot(lambda: _redis_antwoordt(poort), 10, p, "redis-server start niet")
        yield f"redis://127.0.0.1:{poort}/0"
    finally:
        p.terminate()
        p.wait()


def _redis_antwoordt(poort: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", poort), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False
