"""django-suz: order management for a manufacturer selling through dealers.

``INSTALLED_APPS`` lists what a django-oscar + Wagtail site adds to its own
settings; ``get_installed_apps`` builds a full list from Oscar's.
"""

from pathlib import Path

__version__ = "0.1.0"

# The Russian catalogue: add it to LOCALE_PATHS if our apps cannot come before Django's, Oscar's and Wagtail's.
LOCALE_PATH = (Path(__file__).resolve().parent / "locale").resolve()

DOMAIN_APPS = [
    "phonenumber_field",
    "suz_oscar.dealers.apps.DealersConfig",
    "suz_oscar.offers.apps.OffersConfig",
    "suz_oscar.promotions.apps.PromotionsConfig",
    "suz_oscar.checkout.apps.CheckoutConfig",
    "suz_oscar.dispatch.apps.DispatchConfig",
    "suz_oscar.scoring.apps.ScoringConfig",
    "suz_oscar.analytics.apps.AnalyticsConfig",
    "suz_oscar.notifications.apps.NotificationsConfig",
    "suz_oscar.telephony.apps.TelephonyConfig",
    "suz_oscar.feedback.apps.FeedbackConfig",
    "suz_oscar.dashboard.dealers.apps.DealersDashboardConfig",
    "suz_oscar.dashboard.geo.apps.GeoDashboardConfig",
    "suz_oscar.dashboard.dispatch.apps.DispatchDashboardConfig",
    "suz_oscar.dashboard.scoring.apps.ScoringDashboardConfig",
    "suz_oscar.dashboard.analytics.apps.AnalyticsDashboardConfig",
    "suz_oscar.dashboard.notifications.apps.NotificationsDashboardConfig",
    "suz_oscar.dashboard.telephony.apps.TelephonyDashboardConfig",
    "suz_oscar.dashboard.feedback.apps.FeedbackDashboardConfig",
]


# Listed before Oscar's apps: our Russian catalogue (it lives in the root app) wins over Oscar's, Django's
# and Wagtail's for the strings we translate differently, and the storefront's templates override Oscar's
# (city picker, regional offers, checkout).
STOREFRONT_APPS = ["suz_oscar.apps.SuzConfig", "suz_oscar.storefront.apps.StorefrontConfig"]


# Everything django-suz adds to a site (``get_installed_apps`` places each part).
INSTALLED_APPS = STOREFRONT_APPS + DOMAIN_APPS

# Apps whose translations and templates ours must come before.
FRAMEWORK_PREFIXES = ("django.", "oscar", "wagtail")


def _is_oscar(app):
    return app.startswith("oscar.") or app == "oscar"


def get_installed_apps(host_apps=None, *, storefront_templates=True):
    """The site's ``INSTALLED_APPS`` with django-suz's apps in place; nothing of the host's removed or reordered.

    ``host_apps`` is the site's own list (its forks of Oscar's apps, Wagtail, ``easy_thumbnails``…); without
    it, Oscar's default list. Our root app and storefront go just before the first of Django's, Oscar's or
    Wagtail's apps, so our Russian catalogue and our storefront templates win over theirs;
    ``oscar.config.Shop`` becomes ``suz_oscar.config.Shop`` (``/`` is left to Wagtail); our domain and
    dashboard apps go after Oscar's last app (or at the end). With ``storefront_templates=False`` the
    storefront app goes after Oscar's, so Oscar's templates (or the host's) stay and the host places our
    template tags itself. Apps the host already lists are not added twice.
    """
    if host_apps is None:
        from oscar import INSTALLED_APPS as host_apps
    apps = ["suz_oscar.config.Shop" if app == "oscar.config.Shop" else app for app in host_apps]
    present = {app.split(".apps.")[0] for app in apps}

    def missing(entries):
        return [app for app in entries if app not in apps and app.split(".apps.")[0] not in present]

    front = missing(STOREFRONT_APPS if storefront_templates else STOREFRONT_APPS[:1])
    back = missing(DOMAIN_APPS if storefront_templates else STOREFRONT_APPS[1:] + DOMAIN_APPS)
    first = next((i for i, app in enumerate(apps) if app.startswith(FRAMEWORK_PREFIXES)), len(apps))
    apps[first:first] = front
    last_oscar = max((i for i, app in enumerate(apps) if _is_oscar(app)), default=len(apps) - 1)
    apps[last_oscar + 1:last_oscar + 1] = back
    return apps
