"""Production settings: the sandbox's site, configured from the environment, safe by default.

``DJANGO_SETTINGS_MODULE=sandbox.settings_production``. Required: ``SECRET_KEY``, ``ALLOWED_HOSTS``
(comma-separated) and ``DATABASE_URL`` (PostgreSQL). Optional: ``REDIS_URL`` (cache, shared by every web
process; default redis://127.0.0.1:6379/1), ``CELERY_BROKER_URL`` (default redis://127.0.0.1:6379/0),
``CSRF_TRUSTED_ORIGINS``, ``EMAIL_HOST``/``EMAIL_PORT``/``EMAIL_HOST_USER``/``EMAIL_HOST_PASSWORD``/
``EMAIL_USE_TLS``, ``DEFAULT_FROM_EMAIL``, ``STATIC_ROOT``, ``MEDIA_ROOT``, ``SECURE_SSL_REDIRECT``
(on unless a proxy in front redirects), ``SECURE_HSTS_SECONDS``. ``manage.py check --deploy`` passes.
A host project copies what it needs from here into its own settings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F403
from .settings import env_bool, env_list


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the environment variable {name} (see sandbox/settings_production.py).")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or required("ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES = {"default": dj_database_url.parse(required("DATABASE_URL"), conn_max_age=60,  # noqa: F405
                                              conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL in production.")

# One cache for every web process and worker: the storefront's cached dealer lists are invalidated by a
# version key there, so a suspended dealer disappears from every process at once.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"),
        "OPTIONS": {"socket_timeout": 1, "socket_connect_timeout": 1},
    }
}
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
SUZ_USE_BROKER = True  # production runs workers (docs/production.md)

# HTTPS: behind a proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Joining the browsers' preload list is the owner's decision (hard to undo), not a default.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
OSCAR_URL_SCHEMA = "https"
# Links in messages sent outside a request: https on the Site's domain unless given (never the demo's address).
SUZ_SITE_URL = os.environ.get("SUZ_SITE_URL") or None

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10

STATIC_ROOT = os.environ.get("STATIC_ROOT", STATIC_ROOT)  # noqa: F405
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
SANDBOX_SERVE_MEDIA = False  # the web server serves MEDIA_ROOT
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
