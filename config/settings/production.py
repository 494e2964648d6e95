"""Production: HTTPS only, secret key and hosts must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import SECRET_KEY, STORAGES, env, mailers

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
