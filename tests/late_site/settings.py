"""A host that lists django-suz's apps after Django's, Oscar's and Wagtail's (by hand, not get_installed_apps)."""

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "suz_oscar.apps.SuzConfig"]  # noqa: F405
INSTALLED_APPS.append("suz_oscar.apps.SuzConfig")
