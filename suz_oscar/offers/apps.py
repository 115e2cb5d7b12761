from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class OffersConfig(OscarConfig):
    label = "suz_offers"
    name = "suz_oscar.offers"
    verbose_name = _("Offers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers

        receivers.connect()
