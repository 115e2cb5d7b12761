"""A host site that forked one of django-suz's dashboard apps and Oscar's checkout, the Oscar way."""

from tests.settings import *  # noqa: F403

FORKS = {
    "suz_oscar.dashboard.dealers.apps.DealersDashboardConfig":
        "tests.fork_site.dealers_dashboard.apps.DealersDashboardConfig",
    "oscar.apps.checkout.apps.CheckoutConfig": "tests.fork_site.checkout.apps.CheckoutConfig",
}
INSTALLED_APPS = [FORKS.get(app, app) for app in INSTALLED_APPS]  # noqa: F405
