"""Write-side operations on offers."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from .abstract_models import default_currency

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


# Availability of a dealer's offer, as the dashboard and price files speak of it.
IN_STOCK, ON_ORDER, NOT_OFFERED = "in_stock", "on_order", "not_offered"


def stock_fields(availability, quantity):
    """``num_in_stock`` for an availability: N in stock, empty = in stock without a number, 0 = on order."""
    if availability == ON_ORDER:
        return 0
    return quantity if quantity else None


def availability_of(stockrecord):
    if stockrecord is None:
        return NOT_OFFERED, None
    if stockrecord.num_in_stock == 0:
        return ON_ORDER, None
    return IN_STOCK, stockrecord.num_in_stock


@transaction.atomic
def offers_apply(*, dealer, rows):
    """Set the dealer's offers from ``rows`` (dicts: product_id, price, availability, quantity, keep_price).

    One transaction, a handful of bulk queries for any number of rows. A price
    of ``None`` follows the recommended price; ``not_offered`` removes the offer.
    Returns ``(created, updated, removed)``.
    """
    partner = dealer.partner
    by_product = {row["product_id"]: row for row in rows}
    existing = {
        sr.product_id: sr
        for sr in StockRecord.objects.select_for_update().filter(partner=partner, product_id__in=by_product)
    }
    skus = dict(
        get_model("catalogue", "Product").objects.filter(pk__in=by_product).values_list("pk", "upc")
    )
    to_create, to_update, to_remove = [], [], []
    for product_id, row in by_product.items():
        record = existing.get(product_id)
        if row["availability"] == NOT_OFFERED:
            if record is not None:
                to_remove.append(record.pk)
            continue
        price = Decimal(row["price"]) if row.get("price") not in (None, "") else None
        if row.get("keep_price") and record is not None:
            price = record.price  # a file without prices changes availability only
        stock = stock_fields(row["availability"], row.get("quantity"))
        if record is None:
            to_create.append(StockRecord(
                partner=partner, product_id=product_id, partner_sku=skus.get(product_id) or f"suz-{product_id}",
                price=price, price_currency=default_currency(), num_in_stock=stock,
            ))
        elif record.price != price or record.num_in_stock != stock:
            record.price, record.num_in_stock = price, stock
            to_update.append(record)
    StockRecord.objects.bulk_create(to_create, batch_size=1000)
    StockRecord.objects.bulk_update(to_update, ["price", "num_in_stock"], batch_size=1000)
    StockRecord.objects.filter(pk__in=to_remove).delete()
    return len(to_create), len(to_update), len(to_remove)


def dealer_set_whole_line(*, dealer, enabled):
    """Switch "whole product line in stock": no per-product rows are written either way."""
    dealer.offers_whole_line = enabled
    dealer.save(update_fields=["offers_whole_line", "updated_at"])


@transaction.atomic
def offer_import_apply(*, offer_import):
    """Apply a checked price file (all rows or, on any failure, none) and mark it applied."""
    from django.utils import timezone

    locked = type(offer_import).objects.select_for_update().get(pk=offer_import.pk)
    if locked.errors or locked.status == locked.APPLIED:
        raise ValueError("Only a checked file without errors can be applied once")
    result = offers_apply(dealer=locked.dealer, rows=locked.rows)
    locked.status, locked.applied_at = locked.APPLIED, timezone.now()
    locked.save(update_fields=["status", "applied_at"])
    offer_import.status, offer_import.applied_at = locked.status, locked.applied_at
    return result


OWN_PRODUCT_CLASS_SLUG = "suz-dealer-product"


def own_product_class():
    from django.utils.translation import gettext

    ProductClass = get_model("catalogue", "ProductClass")
    product_class, _ = ProductClass.objects.get_or_create(
        slug=OWN_PRODUCT_CLASS_SLUG,
        defaults={"name": gettext("Dealer's own product"), "requires_shipping": True, "track_stock": False},
    )
    return product_class


@transaction.atomic
def own_product_save(*, dealer, title, price, availability, product=None, description="", category=None,
                     image=None, quantity=None):
    """Create or change a dealer's own product together with its offer."""
    Product = get_model("catalogue", "Product")
    DealerProduct = get_model("suz_offers", "DealerProduct")
    if product is None:
        product = Product(structure=Product.STANDALONE, product_class=own_product_class(), is_public=True)
    product.title, product.description = title, description
    product.save()
    DealerProduct.objects.get_or_create(product=product, dealer=dealer)
    if category is not None:
        product.categories.set([category])
    if image:
        get_model("catalogue", "ProductImage").objects.create(product=product, original=image, display_order=0)
    offers_apply(dealer=dealer, rows=[{
        "product_id": product.pk, "price": price, "availability": availability, "quantity": quantity,
    }])
    return product
