"""Close the partner-user leaks of stock Oscar's dashboard.

Oscar opens its product and order dashboards to any user with
``partner.dashboard_access``: a partner user can then edit or delete the
manufacturer's shared products and sees (and changes) every line of an order
that holds one of its lines (Oscar issues #2240, #2324). In django-suz a dealer
works only in our own screens, so we take the partner alternative out of those
permission maps. Oscar computes the maps in each app's ``ready()``
(``configure_permissions``) and applies them when URLs are built; we strip the
maps already computed and wrap ``configure_permissions`` of the rest, so it works
wherever our apps stand in ``INSTALLED_APPS``, with no fork of Oscar's apps.
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


def _strip(config):
    config.permissions_map = {name: _without_partner(perms) for name, perms in config.permissions_map.items()}


def restrict_partner_dashboard():
    """Make Oscar's own dashboard sections staff-only (all but the index)."""
    for config in apps.get_app_configs():
        if not isinstance(config, OscarDashboardConfig):
            continue
        if config.label in KEEP_PARTNER_ACCESS or config.name.startswith("suz_oscar."):
            continue
        _strip(config)  # maps computed already (apps listed before ours)
        configure = getattr(config, "configure_permissions", None)
        if configure is not None and not getattr(configure, "suz_restricted", False):
            def restricted(configure=configure, config=config):
                configure()
                _strip(config)

            restricted.suz_restricted = True
            config.configure_permissions = restricted  # maps computed later (apps listed after ours)
