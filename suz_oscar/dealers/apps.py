from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class DealersConfig(OscarConfig):
    label = "suz_dealers"
    name = "suz_oscar.dealers"
    verbose_name = _("Dealers")
    default_auto_field = "django.db.models.BigAutoField"
