from functools import lru_cache

from django.apps import apps
from django.shortcuts import redirect

from suz_oscar.conf import suz_settings
from suz_oscar.dealers import selectors


@lru_cache(maxsize=1)
def _oscar_index_view():
    """Oscar's dashboard index, with the permission check Oscar wraps it in."""
    for pattern in apps.get_app_config("dashboard").urls[0]:
        if getattr(pattern, "name", None) == "index":
            return pattern.callback
    raise LookupError("Oscar's dashboard has no 'index' URL")


def dashboard_index(request, *args, **kwargs):
    """``/dashboard/``: dealers' managers land on their own page, everyone else on Oscar's index.

    Oscar's index would show a dealer shop-wide figures and buttons to sections
    closed to it. Mounted before Oscar's URLs, so no fork of Oscar's dashboard.
    """
    user = request.user
    if user.is_authenticated and not user.is_staff and selectors.dealer_for_user(user) is not None:
        return redirect(suz_settings.SUZ_DEALER_DASHBOARD_HOME)
    return _oscar_index_view()(request, *args, **kwargs)
