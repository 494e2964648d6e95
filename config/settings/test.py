"""Tests: fast password hashing, an in-memory-ish setup; the database comes from DATABASE_URL."""

import os

from .base import *
from .base import BASE_DIR, DATABASES, INSTALLED_APPS, SECRET_KEY, STORAGES, env

DEBUG = False
SECRET_KEY = SECRET_KEY or ("test-only-not-secret-" + "x" * 40)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # tests/test_bench.py keeps the benchmark working
STORAGES = {
    **STORAGES,
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # A folder of this test run (two runs at once must not share one), removed at its end
        # (tests/conftest.py); processes a test starts get it through PRIVATE_MEDIA_ROOT.
        "OPTIONS": {
            "location": env.path(
                "PRIVATE_MEDIA_ROOT", default=BASE_DIR / ".test-media" / str(os.getpid())
            )
        },
    },
}
# The test database is dropped at the end; no connection may outlive its test.
DATABASES["default"]["CONN_MAX_AGE"] = 0
# Tasks run inside the request that queues them; tests/test_taken.py starts real workers on the
# database queue.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django.tasks.backends.immediate.ImmediateBackend"
        )
    }
}
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# On SQLite the test database is a file, so that the worker and web processes a test starts
# share it with the test.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")}
# The tests load the demo (DEBUG is off here, as Django forces in tests).
DEMO_TOEGESTAAN = True
