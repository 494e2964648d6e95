"""A bounded load test on loopback: gunicorn with a few workers, wrk for a fixed time, against
the published paragraph and the dashboard, first on a quiet server and then while a task worker
renders a publication of the paragraph (what a coordinator's "Publiceren" costs the readers).
Stops by itself; only 127.0.0.1 is ever addressed."""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore

from rapportage.models import Opdracht, Paragraaf
from rapportage.opdrachten import vraag_aan

LUA = """
done = function(summary, latency, requests)
  io.write(string.format("P95_US %d\\n", latency:percentile(95)))
end
"""


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sessie(gebruikersnaam: str) -> str:
    user = get_user_model().objects.get(username=gebruikersnaam)
    sessie = SessionStore()
    sessie["_auth_user_id"] = str(user.pk)
    sessie["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    sessie["_auth_user_hash"] = user.get_session_auth_hash()
    sessie.create()
    return sessie.session_key


def belastingtest(seconden: int = 10, verbindingen: int = 8, workers: int = 3) -> list[dict]:
    """p95 and throughput per page, quiet and during a publication rendered by a worker."""
    wrk = shutil.which("wrk")
    if not wrk:
        raise RuntimeError("wrk ontbreekt: apt-get install -y wrk")
    jaar = Paragraaf.objects.order_by("-jaar").values_list("jaar", flat=True).first()
    poort = _vrije_poort()
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": settings.SECRET_KEY,  # the session below is signed with it
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", f"sqlite:///{settings.DATABASES['default']['NAME']}"
        ),
    }
    statisch = tempfile.mkdtemp(prefix="bench-static-")
    omgeving["STATIC_ROOT"] = statisch  # production serves collected, hashed static files
    for opdracht in (["collectstatic", "--no-input", "-v0"], ["createcachetable"]):
        subprocess.run(
            [sys.executable, "manage.py", *opdracht],
            env=omgeving,
            cwd=settings.BASE_DIR,
            check=True,
            timeout=120,
        )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{poort}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=omgeving,
        cwd=settings.BASE_DIR,
    )
    try:
        _wacht_op(poort)
        sessie = _sessie("bench_wijkambtenaar")
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(LUA)
        for pad in (f"/paragraaf/{jaar}/", "/werkplek/"):  # warm: every worker, every page
            for _ in range(5 * workers):
                _status(f"http://127.0.0.1:{poort}{pad}", sessie)
        resultaten = [
            {**meting, "omstandigheid": "rustig"}
            for meting in _wrk_alle(wrk, lua.name, poort, sessie, jaar, seconden, verbindingen)
        ]
        werker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-startup-delay"],
            env=omgeving,
            cwd=settings.BASE_DIR,
        )
        try:
            opdracht = vraag_aan(
                paragraaf=Paragraaf.objects.get(jaar=jaar),
                soort=Opdracht.Soort.PUBLICEREN,
                door=None,
            )
            metingen = _wrk_alle(wrk, lua.name, poort, sessie, jaar, seconden, verbindingen)
            opdracht.refresh_from_db()
            nog_bezig = opdracht.loopt
            while opdracht.loopt:
                time.sleep(0.5)
                opdracht.refresh_from_db()
        finally:
            werker.terminate()
            werker.wait(timeout=30)
        duur = (opdracht.klaar_op - opdracht.aangevraagd_op).total_seconds()
        resultaten += [
            {
                **meting,
                "omstandigheid": "tijdens publicatie",
                "publicatie_duur_s": round(duur, 1),
                "publicatie_liep_de_hele_meting": nog_bezig,
                "publicatie_status": opdracht.status,
            }
            for meting in metingen
        ]
        Path(lua.name).unlink()
        return resultaten
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(statisch, ignore_errors=True)


def _wrk_alle(wrk, lua, poort, sessie, jaar, seconden, verbindingen) -> list[dict]:
    resultaten = []
    for pad in (f"/paragraaf/{jaar}/", "/werkplek/"):
        uit = subprocess.run(
            [
                wrk,
                "-t2",
                f"-c{verbindingen}",
                f"-d{seconden}s",
                "-s",
                lua,
                "-H",
                f"Cookie: sessionid={sessie}",
                "-H",
                "X-Forwarded-Proto: https",
                f"http://127.0.0.1:{poort}{pad}",
            ],
            capture_output=True,
            text=True,
            timeout=seconden + 30,
            check=True,
        ).stdout
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1))
        p95 = int(re.search(r"P95_US (\d+)", uit).group(1)) / 1000
        fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
        controle = _status(f"http://127.0.0.1:{poort}{pad}", sessie)
        if controle != 200:
            raise RuntimeError(
                f"{pad} gaf {controle} in plaats van 200; de meting zou niets zeggen"
            )
        resultaten.append(
            {
                "pad": pad,
                "verzoeken_per_seconde": round(rps, 1),
                "p95_ms": round(p95, 1),
                "fouten": int(fouten.group(1)) if fouten else 0,
            }
        )
    return resultaten


def _status(url: str, sessie: str) -> int:
    """The status of one request with the session, without following redirects."""

    class GeenRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    verzoek = urllib.request.Request(url, headers={"Cookie": f"sessionid={sessie}"})
    try:
        with urllib.request.build_opener(GeenRedirect).open(verzoek, timeout=30) as antwoord:
            return antwoord.status
    except urllib.error.HTTPError as fout:
        return fout.code


def _wacht_op(poort: int, seconden: float = 20) -> None:
    grens = time.monotonic() + seconden
    while time.monotonic() < grens:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", poort)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError("gunicorn kwam niet op")
