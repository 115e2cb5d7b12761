from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuzConfig(AppConfig):
    """Root app: shared templates, static files, the Russian catalogue and checks."""

    name = "suz_oscar"
    label = "suz"
    verbose_name = _("Order management")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers system checks)
        from .conf import suz_settings
        from .dashboard.hardening import restrict_partner_dashboard

        if suz_settings.SUZ_RESTRICT_PARTNER_DASHBOARD:
            restrict_partner_dashboard()
