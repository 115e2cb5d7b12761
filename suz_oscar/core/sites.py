"""The site's address in messages written outside a request (tasks, sweeps, commands)."""

from suz_oscar.core.conf import suz_settings


def site_url() -> str:
    """``SUZ_SITE_URL`` when set (the sandbox's demo: ``"http://127.0.0.1:8000"``), else Oscar's
    ``OSCAR_URL_SCHEMA`` (``http`` by default, ``https`` in production settings) and the current Site's domain;
    no trailing slash."""
    if suz_settings.SUZ_SITE_URL:
        return suz_settings.SUZ_SITE_URL.rstrip("/")
    from django.conf import settings
    from django.contrib.sites.models import Site

    return f"{getattr(settings, 'OSCAR_URL_SCHEMA', 'http')}://{Site.objects.get_current().domain}"
