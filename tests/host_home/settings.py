"""A host made by ``wagtail start``: its own ``home`` app with ``HomePage``, beside django-suz's pages."""

from tests.settings import *  # noqa: F403

INSTALLED_APPS = ["tests.host_home.apps.HomeConfig", *INSTALLED_APPS]  # noqa: F405
