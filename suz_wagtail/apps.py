from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuzWagtailConfig(AppConfig):
    name = "suz_wagtail"
    label = "suz_wagtail"
    verbose_name = _("Order management: pages")
    default_auto_field = "django.db.models.BigAutoField"
