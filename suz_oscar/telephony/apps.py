from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class TelephonyConfig(OscarConfig):
    label = "suz_telephony"
    name = "suz_oscar.telephony"
    verbose_name = _("Telephony")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import selectors  # noqa: F401 (registers the calls' timeline source)
        from .robot_receivers import connect

        connect()  # the robot's confirmation call (and its notification types)
