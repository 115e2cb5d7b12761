"""django-suz: order management for a manufacturer selling through dealers.

``INSTALLED_APPS`` lists what a django-oscar + Wagtail site adds to its own
settings; ``get_installed_apps`` builds a full list from Oscar's.
"""

__version__ = "0.1.0"

DOMAIN_APPS = [
    "phonenumber_field",
    "suz_oscar.dealers.apps.DealersConfig",
    "suz_oscar.offers.apps.OffersConfig",
    "suz_oscar.promotions.apps.PromotionsConfig",
    "suz_oscar.checkout.apps.CheckoutConfig",
    "suz_oscar.dispatch.apps.DispatchConfig",
    "suz_oscar.scoring.apps.ScoringConfig",
    "suz_oscar.dashboard.dealers.apps.DealersDashboardConfig",
    "suz_oscar.dashboard.geo.apps.GeoDashboardConfig",
    "suz_oscar.dashboard.dispatch.apps.DispatchDashboardConfig",
    "suz_oscar.dashboard.scoring.apps.ScoringDashboardConfig",
]


# Listed before Oscar's apps: our Russian catalogue (it lives in the root app) wins over Oscar's, Django's
# and Wagtail's for the strings we translate differently, and the storefront's templates override Oscar's
# (city picker, regional offers, checkout).
STOREFRONT_APPS = ["suz_oscar.apps.SuzConfig", "suz_oscar.storefront.apps.StorefrontConfig"]


# Everything django-suz adds to a site (``get_installed_apps`` places each part).
INSTALLED_APPS = STOREFRONT_APPS + DOMAIN_APPS


def get_installed_apps(oscar_apps=None):
    """Our storefront templates, Oscar's apps with our root ``Shop`` (it frees ``/`` for Wagtail), then ours."""
    if oscar_apps is None:
        from oscar import INSTALLED_APPS as oscar_apps
    apps = ["suz_oscar.config.Shop" if app == "oscar.config.Shop" else app for app in oscar_apps]
    return STOREFRONT_APPS + apps + DOMAIN_APPS
