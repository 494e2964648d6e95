"""Development: DEBUG on, a throw-away secret key, SQLite unless DATABASE_URL says otherwise."""

from .base import *
from .base import INSTALLED_APPS, SECRET_KEY, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or ("dev-only-not-secret-" + "x" * 40)
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # the benchmark (docs/performance.md)
