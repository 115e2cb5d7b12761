from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuzConfig(AppConfig):
    """Root app: shared templates, static files, the Russian catalogue, system checks and the search lookup.

    Listed before Oscar's apps (``get_installed_apps``), so its translations win over theirs.
    """

    name = "suz_oscar"
    label = "suz"
    verbose_name = _("Order management")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (the checks register themselves)
        from .core import search
        from .core.conf import suz_settings
        from .dashboard.hardening import restrict_partner_dashboard

        search.install()
        if suz_settings.SUZ_RESTRICT_PARTNER_DASHBOARD:
            restrict_partner_dashboard()
