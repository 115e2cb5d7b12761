"""`make bench`'s second baseline: a stock Oscar site with none of django-suz's apps, on the same catalogue.

Oscar's own apps, its default strategy and templates, its URLs only; its own database (``suz_bench_stock``),
filled with the same products, partners and stock records as the bench's.
"""

import os
from pathlib import Path

import dj_database_url
from oscar import INSTALLED_APPS as OSCAR_APPS
from oscar.defaults import *  # noqa: F403

SECRET_KEY = "bench-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
DATABASES = {"default": dj_database_url.parse(os.environ["SUZ_BENCH_STOCK_URL"])}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
INSTALLED_APPS = [*OSCAR_APPS, "sorl.thumbnail"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
]
ROOT_URLCONF = "tools.bench_stock_urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.template.context_processors.i18n",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "oscar.apps.search.context_processors.search_form",
        "oscar.apps.checkout.context_processors.checkout",
        "oscar.apps.communication.notifications.context_processors.notifications",
        "oscar.core.context_processors.metadata",
    ]},
}]
AUTHENTICATION_BACKENDS = ["oscar.apps.customer.auth_backends.EmailBackend",
                           "django.contrib.auth.backends.ModelBackend"]
LANGUAGE_CODE = "ru"
USE_TZ = True
SITE_ID = 1
STATIC_URL = "/static/"
# The same media as the sandbox (Oscar's «image not found» placeholder, sorl's thumbnails of it).
MEDIA_ROOT = Path(__file__).resolve().parent.parent / "sandbox" / "media"
MEDIA_URL = "/media/"
THUMBNAIL_KVSTORE = "sorl.thumbnail.kvstores.cached_db_kvstore.KVStore"
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
OSCAR_DEFAULT_CURRENCY = "RUB"
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
LOGGING = {"version": 1, "disable_existing_loggers": False}
