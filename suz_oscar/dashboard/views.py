from django.shortcuts import redirect

from suz_oscar.core.conf import suz_settings
from suz_oscar.core.oscar import oscar_view
from suz_oscar.dealers import selectors


def dashboard_index(request, *args, **kwargs):
    """``/dashboard/``: dealers' managers land on their own page, everyone else on Oscar's index.

    Oscar's index would show a dealer shop-wide figures and buttons to sections
    closed to it. Mounted before Oscar's URLs, so no fork of Oscar's dashboard.
    """
    user = request.user
    if user.is_authenticated and not user.is_staff and selectors.dealer_for_user(user) is not None:
        return redirect(suz_settings.SUZ_DEALER_DASHBOARD_HOME)
    return oscar_view("dashboard", "index")(request, *args, **kwargs)


def after_login(request):
    """Where a user lands after logging in (``LOGIN_REDIRECT_URL = "suz-after-login"``): staff on the
    dashboard, a dealer's manager on its order inbox, a customer in the shop."""
    user = request.user
    if user.is_authenticated and user.is_staff:
        return redirect("dashboard:index")
    if user.is_authenticated and selectors.dealer_for_user(user) is not None:
        return redirect(suz_settings.SUZ_DEALER_DASHBOARD_HOME)
    return redirect("/")
