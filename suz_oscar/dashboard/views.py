from django.shortcuts import redirect

from suz_oscar.core.conf import suz_settings
from suz_oscar.dealers import selectors


def after_login(request):
    """Where a user lands after logging in (``LOGIN_REDIRECT_URL = "suz-after-login"``): staff on the
    dashboard, a dealer's manager on its order inbox, a customer in the shop."""
    user = request.user
    if user.is_authenticated and user.is_staff:
        return redirect("dashboard:index")
    if user.is_authenticated and selectors.dealer_for_user(user) is not None:
        return redirect(suz_settings.SUZ_DEALER_DASHBOARD_HOME)
    return redirect("/")
