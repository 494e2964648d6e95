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
