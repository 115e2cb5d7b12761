"""Write-side operations on offers."""

from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")


def offer_materialize(*, stockrecord):
    """Save the stock record of a whole-line offer the first time someone buys it.

    Whole-line offers write no rows when switched on; a basket line needs a real
    stock record, so one row appears per product actually bought. It follows the
    recommended price (``price`` empty) and reads as "in stock".
    """
    if stockrecord.pk:
        return stockrecord
    existing = StockRecord.objects.filter(partner=stockrecord.partner, product=stockrecord.product).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            stockrecord.save()
    except IntegrityError:
        # The dealer already uses this SKU for another product of its own.
        stockrecord.pk = None
        stockrecord.partner_sku = f"suz-{stockrecord.product_id}"
        stockrecord, _ = StockRecord.objects.get_or_create(
            partner=stockrecord.partner, product=stockrecord.product,
            defaults={"partner_sku": stockrecord.partner_sku, "price_currency": stockrecord.price_currency},
        )
    return stockrecord
