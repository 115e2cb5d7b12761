"""Lazy access to ``SUZ_*`` settings with defaults from :mod:`suz_oscar.defaults`.

Read at call time, so ``override_settings`` in tests just works.
"""

from django.conf import settings

from suz_oscar import defaults


class SuzSettings:
    def __getattr__(self, name):
        if not name.startswith("SUZ_"):
            raise AttributeError(name)
        if hasattr(settings, name):
            return getattr(settings, name)
        try:
            return getattr(defaults, name)
        except AttributeError:
            raise AttributeError(f"Unknown django-suz setting {name}") from None


suz_settings = SuzSettings()
