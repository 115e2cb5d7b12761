"""Settings of the django-suz sandbox: Oscar and Wagtail in one site, for the demo and development.

SQLite by default (``make demo``); PostgreSQL when ``DATABASE_URL`` is set. Everything that differs
between machines comes from the environment, with defaults safe on a laptop: DEBUG off (``DEBUG=1`` for
tracebacks), only local host names, a secret key generated once per checkout. ``settings_production``
builds the production configuration on top of this module (see docs and README, "Production").
"""

import os
from pathlib import Path

import dj_database_url
from django.core.management.utils import get_random_secret_key
from django.urls import reverse_lazy
from oscar import INSTALLED_APPS as OSCAR_APPS
from oscar.defaults import *  # noqa: F403

from suz_oscar import get_installed_apps
from suz_oscar.defaults import *  # noqa: F403
from suz_oscar.schedule import beat_schedule

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name, default=False):
    return os.environ.get(name, "1" if default else "0").strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default=()):
    value = os.environ.get(name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else list(default)


def local_secret_key(path=BASE_DIR / ".secret_key"):
    """A key of this checkout's own, made on first use and kept (outside git) so sessions survive restarts."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = get_random_secret_key()
        try:
            path.write_text(key)
            path.chmod(0o600)
        except OSError:
            pass  # a read-only checkout: a fresh key per process is still a secret one
        return key


SECRET_KEY = os.environ.get("SECRET_KEY") or local_secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's SQLite under concurrent writes: a transaction takes the write lock when it begins and waits
    # for it (instead of failing with «database is locked» when a read turns into a write), and readers do not
    # block the writer (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The site's own list (Oscar's apps, Wagtail's, the demo's), with django-suz's placed by get_installed_apps.
INSTALLED_APPS = get_installed_apps([
    *OSCAR_APPS,
    "sorl.thumbnail",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "suz_wagtail",
    "sandbox.demo",
])

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "suz_oscar.core.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "suz_oscar.storefront.middleware.CityMiddleware",
    "suz_oscar.analytics.middleware.AttributionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "sandbox.urls"
WSGI_APPLICATION = "sandbox.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.media",
                "django.template.context_processors.static",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    }
]

AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = reverse_lazy("customer:login")
# Staff land on the dashboard, dealers' managers on their order inbox, customers in the shop.
LOGIN_REDIRECT_URL = "suz-after-login"

# Russian first, English through the language switch in the header.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("en", "English")]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True
# In a checkout the catalogue is the repository's top-level locale/ (also reached
# through the suz_oscar/locale link); an installed wheel carries it inside suz_oscar.

SITE_ID = 1
WAGTAIL_SITE_NAME = "django-suz"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "shop@example.com")
# The demo serves uploaded files itself (runserver); in production the web server does.
SANDBOX_SERVE_MEDIA = True

# django-suz answers the catalogue and search pages from the database (priced for
# the visitor's city), so Haystack, which Oscar still imports, needs no engine.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"  # nothing to index

# One process (runserver) may keep its cache in memory; several processes must share one, or a suspended
# dealer stays visible in the others until their entries expire: CACHE_URL=redis://127.0.0.1:6379/1.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["CACHE_URL"]}}

# Oscar
OSCAR_SHOP_NAME = "Полимер-Декор"
OSCAR_DEFAULT_CURRENCY = "RUB"
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
# A neutral picture for products without one (Oscar's own reads «Image Not Available» in English).
OSCAR_MISSING_IMAGE_URL = "suz-no-image.png"
OSCAR_SLUG_FUNCTION = "suz_oscar.core.text.slugify_ru"
# Oscar's get_class answers with our regional strategy and checkout classes.
OSCAR_DYNAMIC_CLASS_LOADER = "suz_oscar.core.loading.class_loader"
OSCAR_ALLOW_ANON_CHECKOUT = True
# The postcode is optional: the dealer calls the customer anyway.
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4", "country")
OSCAR_DASHBOARD_NAVIGATION = OSCAR_DASHBOARD_NAVIGATION + SUZ_DASHBOARD_NAVIGATION  # noqa: F405
THUMBNAIL_PRESERVE_FORMAT = True
THUMBNAIL_KVSTORE = "sorl.thumbnail.kvstores.cached_db_kvstore.KVStore"

PHONENUMBER_DEFAULT_REGION = "RU"
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"

# Celery: Redis in production (CELERY_BROKER_URL); without one (the demo) a
# notification that cannot be queued is logged and left to the sweep.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
# `make demo` runs no worker: work is done after the request unless a broker is given (with a worker to run).
SUZ_USE_BROKER = bool(os.environ.get("CELERY_BROKER_URL"))
# Links in messages written outside a request (the console's SMS and emails) point at the demo's server.
SUZ_SITE_URL = os.environ.get("SUZ_SITE_URL", "http://127.0.0.1:8000")
CELERY_BROKER_CONNECTION_RETRY = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = False
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 0, "socket_connect_timeout": 1, "socket_timeout": 2}
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BEAT_SCHEDULE = beat_schedule()  # django-suz's sweeps: stage emails, SLA watch, nightly ratings

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}

# Telephony: the console backend plays each call out on a short clock (no PBX); customers would see this number.
SUZ_TELEPHONY_CALLER_ID = "+74951234567"

# The robot's confirmation call reads the demo catalogue's titles with their plural forms (docs/robot-call.md).
SUZ_ROBOT_NOUNS = {
    "стеновая панель": ("f", "стеновая панель", "стеновые панели", "стеновых панелей", "стеновую панель"),
    "потолочная панель": ("f", "потолочная панель", "потолочные панели", "потолочных панелей", "потолочную панель"),
    "плинтус напольный": ("m", "напольный плинтус", "напольных плинтуса", "напольных плинтусов"),
    "плинтус потолочный": ("m", "потолочный плинтус", "потолочных плинтуса", "потолочных плинтусов"),
    "молдинг": ("m", "молдинг", "молдинга", "молдингов"),
    "угол декоративный": ("m", "декоративный угол", "декоративных угла", "декоративных углов"),
    "профиль стартовый": ("m", "стартовый профиль", "стартовых профиля", "стартовых профилей"),
    "потолочная розетка": ("f", "потолочная розетка", "потолочные розетки", "потолочных розеток",
                           "потолочную розетку"),
}
