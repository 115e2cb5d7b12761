from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class DispatchConfig(OscarConfig):
    label = "suz_dispatch"
    name = "suz_oscar.dispatch"
    verbose_name = _("Order dispatch")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers, selectors  # noqa: F401 (selectors registers a timeline source)

        receivers.connect()
        receivers.connect_config_cache()
