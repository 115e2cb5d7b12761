from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _


@checks.register()
def check_shop_config(app_configs, **kwargs):
    """Wagtail cannot serve ``/`` while Oscar's own root app redirects it to the catalogue."""
    errors = []
    if "oscar.config.Shop" in settings.INSTALLED_APPS:
        errors.append(
            checks.Warning(
                _("Oscar's root app redirects '/' to the catalogue."),
                hint=_("Use 'suz_oscar.config.Shop' in INSTALLED_APPS instead of 'oscar.config.Shop'."),
                id="suz.W001",
            )
        )
    if "phonenumber_field" not in settings.INSTALLED_APPS:
        errors.append(
            checks.Error(
                _("'phonenumber_field' must be in INSTALLED_APPS."),
                hint=_("Add suz_oscar.INSTALLED_APPS to your INSTALLED_APPS."),
                id="suz.E001",
            )
        )
    return errors


PROCESS_LOCAL_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """The storefront caches each city's dealers under a version key that changes invalidate: in a cache
    each process keeps to itself, a change made in one process is not seen by the others."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PROCESS_LOCAL_CACHES:
        return [checks.Warning(
            _("The default cache is local to each process: a dealer suspended in one web process stays visible "
              "in the others for up to five minutes."),
            hint=_("Use a cache every process shares (Redis or Memcached) in production."),
            id="suz.W002",
        )]
    return []
