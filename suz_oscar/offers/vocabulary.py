"""The words of offers that the storefront, the dashboard, price files and dispatch share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Availability(models.TextChoices):
    """A dealer's offer of a product: in stock (with a quantity or without), on order, or none.

    Stored on Oscar's ``StockRecord.num_in_stock``: a number N in stock, empty in stock without a number,
    0 on order; no stock record (and no whole line) is no offer.
    """

    IN_STOCK = "in_stock", _("in stock")
    ON_ORDER = "on_order", _("on order")
    NOT_OFFERED = "not_offered", _("not offered")


def fallback_sku(product_id: int) -> str:
    """The SKU of a product without a UPC (Oscar's ``partner_sku`` is required)."""
    return f"suz-{product_id}"


def sku_for(product) -> str:
    """A product's SKU in price files and dealers' stock records: its UPC, else ``suz-<id>``."""
    return product.upc or fallback_sku(product.pk)
