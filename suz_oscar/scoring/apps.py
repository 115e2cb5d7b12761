from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class ScoringConfig(OscarConfig):
    label = "suz_scoring"
    name = "suz_oscar.scoring"
    verbose_name = _("Dealer scoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers

        receivers.connect()
