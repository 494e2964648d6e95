"""Production: HTTPS only, secret key and hosts must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from kern.foutmelding import start_foutmelding

from .base import *
from .base import LOGGING, SECRET_KEY, STORAGES, env, mailers

DEBUG = False
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Zet SECRET_KEY (minstens 50 tekens) in de omgeving.")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
MAILERS = mailers("smtp://localhost:25")  # set EMAIL_URL for another mail server
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Never the demo: its accounts' password is in the README. Not overridable.
DEMO_TOEGESTAAN = False

# Log lines as JSON objects, one a line, for the log collector: time (ISO 8601, UTC), level,
# logger, message, request_id, and exception (the traceback) when there is one.
LOGGING = {
    **LOGGING,
    "formatters": {
        **LOGGING["formatters"],
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "{levelname}{name}{message}{request_id}",
            "style": "{",
            "timestamp": "time",
            "rename_fields": {"levelname": "level", "name": "logger", "exc_info": "exception"},
        },
    },
    "handlers": {
        **LOGGING["handlers"],
        "console": {**LOGGING["handlers"]["console"], "formatter": "json"},
    },
}

# Error reports (Sentry or a compatible service): only when SENTRY_DSN is set; no personal data.
# (Kept out of the settings: a lowercase name is no setting.)
if _sentry_dsn := env.str("SENTRY_DSN", default=""):
    start_foutmelding(
        _sentry_dsn,
        omgeving=env.str("SENTRY_ENVIRONMENT", default="productie"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
