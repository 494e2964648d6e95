"""Development: DEBUG on, a throw-away secret key, SQLite unless DATABASE_URL says otherwise."""

from .base import *
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret-" + "x" * 40)
