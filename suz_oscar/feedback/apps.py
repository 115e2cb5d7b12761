from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class FeedbackConfig(OscarConfig):
    label = "suz_feedback"
    name = "suz_oscar.feedback"
    verbose_name = _("Customer feedback")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import events, receivers, selectors  # noqa: F401 (events register types, selectors timeline sources)

        receivers.connect()
