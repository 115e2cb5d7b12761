from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def default_currency():
    return settings.OSCAR_DEFAULT_CURRENCY


class AbstractRecommendedPrice(models.Model):
    """The manufacturer's recommended retail price of a product.

    Dealers follow it (a stock record without a price, or the whole line) or
    set their own price on their stock record.
    """

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="recommended_price",
        verbose_name=_("product"),
    )
    price = models.DecimalField(_("recommended price"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=12, default=default_currency)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
        app_label = "suz_offers"
        verbose_name = _("recommended price")
        verbose_name_plural = _("recommended prices")

    def __str__(self):
        return f"{self.product}: {self.price} {self.currency}"
