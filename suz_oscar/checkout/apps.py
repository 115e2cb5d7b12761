from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class CheckoutConfig(OscarConfig):
    """Guest checkout by phone, delivery city from our list, the order's place.

    Oscar's own checkout app stays installed; our classes replace some of its
    classes through ``suz_oscar.core.loading.class_loader``.
    """

    label = "suz_checkout"
    name = "suz_oscar.checkout"
    verbose_name = _("Checkout")
    default_auto_field = "django.db.models.BigAutoField"
