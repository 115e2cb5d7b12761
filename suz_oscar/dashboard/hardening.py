"""Close the partner-user leaks of stock Oscar's dashboard.

Oscar opens its product and order dashboards to any user with
``partner.dashboard_access``: a partner user can then edit or delete the
manufacturer's shared products and sees (and changes) every line of an order
that holds one of its lines (Oscar issues #2240, #2324). In django-suz a dealer
works only in our own screens, so we take the partner alternative out of those
permission maps. Oscar computes the maps in each app's ``ready()`` and applies
them when URLs are built, so adjusting the app configs here (later in
``INSTALLED_APPS``) needs no fork of Oscar's dashboard apps.
"""

from django.apps import apps
from oscar.core.application import OscarDashboardConfig

PARTNER_PERMISSION = "partner.dashboard_access"

# The dashboard index stays open to dealers: it is their entry point.
KEEP_PARTNER_ACCESS = {"dashboard"}


def _without_partner(permissions):
    if isinstance(permissions, tuple):
        kept = tuple(p for p in permissions if PARTNER_PERMISSION not in p)
        return kept[0] if len(kept) == 1 else kept
    return permissions


def restrict_partner_dashboard():
    """Make Oscar's own dashboard sections staff-only (all but the index)."""
    for config in apps.get_app_configs():
        if not isinstance(config, OscarDashboardConfig):
            continue
        if config.label in KEEP_PARTNER_ACCESS or config.name.startswith("suz_oscar."):
            continue
        config.permissions_map = {
            name: _without_partner(perms) for name, perms in config.permissions_map.items()
        }
