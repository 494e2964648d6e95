"""Tests: fast password hashing, an in-memory-ish setup; the database comes from DATABASE_URL."""

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
        "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / ".test-media")},
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
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
