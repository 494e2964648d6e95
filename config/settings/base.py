"""Every setting, with a safe default read from the environment.

The `dev`, `test` and `production` modules only change defaults. Read `.env.example` for the
variables that can be set.
"""

import os
from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# Read as-is: django-environ would treat a key that starts with "$" as a reference to another
# variable, and generated keys may start with one.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The municipality this installation serves; shown in the header and on reports.
GEMEENTE_NAAM = env.str("GEMEENTE_NAAM", default="Gemeente Woerden")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_filters",
    "simple_history",
    "axes",
    "django_tasks_db",
    "kern",
    "gebieden",
    "initiatieven",
    "begroting",
    "wijkprofiel",
    "rapportage",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kern.verzoek.VerzoekIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Throttles repeated failed logins before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout rule: after AXES_FAILURE_LIMIT failed logins for one user name from one client
# address, that user name is blocked from that address for AXES_COOLOFF_TIME hours; the same
# user name from another address, and other user names from that address, can still log in.
# A coordinator can lift a block in the admin or with `manage.py axes_reset`.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_UREN", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client address. Behind the HTTPS proxy every request comes from the proxy's address, so
# name the header in which the proxy passes the client's address on (CLIENT_IP_HEADER, e.g.
# X-Forwarded-For or X-Real-IP) and how many trusted proxies stand in front (VERTROUWDE_PROXIES,
# each appending the address it received the request from). The address is then the entry that
# many places from the right; anything a client puts before it is ignored (kern/verzoek.py).
# Only name a header that your proxy sets or appends to: otherwise a client can choose its own
# address. Without CLIENT_IP_HEADER: the address that connected (REMOTE_ADDR).
# (axes's own AXES_IPWARE_* settings only work with django-ipware, which is not installed.)
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="").strip().upper().replace("-", "_")
if CLIENT_IP_HEADER and not CLIENT_IP_HEADER.startswith("HTTP_"):
    CLIENT_IP_HEADER = f"HTTP_{CLIENT_IP_HEADER}"  # "X-Forwarded-For" → "HTTP_X_FORWARDED_FOR"
VERTROUWDE_PROXIES = env.int("VERTROUWDE_PROXIES", default=1 if CLIENT_IP_HEADER else 0)
AXES_CLIENT_IP_CALLABLE = "kern.verzoek.client_adres"
AXES_LOCKOUT_TEMPLATE = "account/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

ROOT_URLCONF = "config.urls"
FORM_RENDERER = "kern.formulieren.NLDSFormRenderer"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "kern.context_processors.navigatie",
                "gebieden.context_processors.gemeente",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# One connection per worker, kept between requests and checked before reuse: PostgreSQL starts
# a process for every new connection, which cost more than the queries of a small page.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "gebieden:start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]


def opslag() -> dict:
    """Where files live: uploaded documents and the published paragraphs (HTML and PDF).

    By default a private folder outside the web root (PRIVATE_MEDIA_ROOT), served only by views
    that check login. With S3_BUCKET set, any S3-compatible object store (django-storages);
    every worker on every machine then shares the files."""
    if bucket := env.str("S3_BUCKET", default=""):
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
                "region_name": env.str("S3_REGION", default="") or None,
                "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
                "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
                "location": env.str("S3_PREFIX", default=""),
                "default_acl": None,  # private: the bucket's own policy, never public-read
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "media-private")},
    }


STORAGES = {
    "default": opslag(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Work that can take seconds (publishing, PDFs, e-mail, nightly jobs) runs as a background task
# (Django's tasks framework) in a queue in the database: on SQLite for the embedded set-up, on
# PostgreSQL for workers on many machines. Workers: `manage.py db_worker` (docs/deploy.md).
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# A cache shared by every process: CACHE_URL=redis://host:6379/0 (Django's Redis backend) for
# many machines; by default a table in the database (`manage.py createcachetable`), which every
# process of one installation shares too. locmemcache:// keeps it per process (tests).
CACHES = {"default": env.cache_url("CACHE_URL", default="dbcache://gedeelde_cache")}
CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_PREFIX", default="gebiedsgericht"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Signals: a focus point without an update for this many months needs attention.
SIGNAAL_MAANDEN_ZONDER_UPDATE = env.int("SIGNAAL_MAANDEN_ZONDER_UPDATE", default=3)

# Years an area may still spend what it did not spend (0: no reserve). Per line it can differ.
BESTEDINGSTERMIJN_JAREN = env.int("BESTEDINGSTERMIJN_JAREN", default=2)

# Initiatives: days after a grant by which the accountability is due, and after how many years
# the contact data of closed initiatives is erased (manage.py wis_contactgegevens).
VERANTWOORDING_DAGEN = env.int("VERANTWOORDING_DAGEN", default=365)
BEWAARTERMIJN_CONTACT_JAREN = env.int("BEWAARTERMIJN_CONTACT_JAREN", default=2)

# `manage.py demo` creates accounts whose password is in the README. None: only where DEBUG is
# on (read when the command runs, so dev.py's DEBUG counts); the tests allow it, production.py
# refuses it always.
DEMO_TOEGESTAAN = None

# Published annual paragraphs readable without login (the municipality's choice).
RAPPORTAGE_PUBLIEK = env.bool("RAPPORTAGE_PUBLIEK", default=False)

# Invitations to new accounts go out by e-mail: EMAIL_URL=smtp+tls://user:password@host:587 in
# production; without it they are printed on the console here (production: the local MTA).
_SMTP_OPTIES = {
    "host": "EMAIL_HOST",
    "port": "EMAIL_PORT",
    "username": "EMAIL_HOST_USER",
    "password": "EMAIL_HOST_PASSWORD",
    "use_tls": "EMAIL_USE_TLS",
    "use_ssl": "EMAIL_USE_SSL",
}


def mailers(standaard_url: str) -> dict:
    post = env.email_url("EMAIL_URL", default=standaard_url)
    opties = {optie: post[naam] for optie, naam in _SMTP_OPTIES.items() if post.get(naam)}
    return {"default": {"BACKEND": post["EMAIL_BACKEND"], "OPTIONS": opties}}


MAILERS = mailers("consolemail://")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="gebiedsgericht@localhost")
# How long an invitation link to set a first password stays valid.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 60 * 60

# Largest document (vision, agenda) a user may upload, in bytes.
MAX_DOCUMENT_SIZE = env.int("MAX_DOCUMENT_SIZE", default=10 * 1024 * 1024)

# Security: safe defaults everywhere; production turns on the HTTPS-only parts.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Every log line carries `request_id`: the id of its request (also in the X-Request-ID
# response header) or background task, "-" outside one. production.py writes them as JSON.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"verzoek_id": {"()": "kern.logboek.VerzoekIdFilter"}},
    "formatters": {
        "tekst": {"format": "{asctime} {levelname} {name} [{request_id}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["verzoek_id"],
            "formatter": "tekst",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # PDF rendering reports every step at INFO; only problems matter here.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
