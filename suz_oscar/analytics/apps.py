from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class AnalyticsConfig(OscarConfig):
    """Where each order came from (first and last non-direct touch), ad spend, and the sales reports' queries."""

    label = "suz_analytics"
    name = "suz_oscar.analytics"
    verbose_name = _("Sales analytics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers

        receivers.connect()
