from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class PromotionsConfig(OscarConfig):
    label = "suz_promotions"
    name = "suz_oscar.promotions"
    verbose_name = _("Promotions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401
