from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class NotificationsConfig(OscarConfig):
    label = "suz_notifications"
    name = "suz_oscar.notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers, selectors  # noqa: F401 (selectors registers the timeline sources)

        receivers.connect()
