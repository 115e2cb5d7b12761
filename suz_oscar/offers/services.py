"""Write-side operations on offers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from suz_oscar.core.html import clean_html

from .abstract_models import PRICE_MAX, PRICE_MIN, QUANTITY_MAX, default_currency
from .vocabulary import Availability, fallback_sku

if TYPE_CHECKING:  # names of the type hints only
    from oscar.apps.catalogue.models import Product, ProductClass

    from suz_oscar.dealers.models import Dealer

    from .models import OfferImport

StockRecord = get_model("partner", "StockRecord")


class OfferError(ValueError):
    """Input an offers service refuses, whoever the caller; the message is translated for the user."""


def shown_number(value: Decimal | int, places: int | None = 0) -> str:
    """A limit as a manager reads it in a message: «9 999 999 999,99», «2 147 483 647»."""
    return formats.number_format(value, places, force_grouping=True)


def valid_price(price) -> Decimal | None:
    """``price`` as a ``Decimal`` that fits the price columns (> 0, two decimals), ``None`` for no price.

    Raises ``OfferError`` otherwise: a caller that skipped its form cannot store a
    free or negative offer (a guest would check out with a negative total).
    """
    if price is None or price == "":
        return None
    try:
        value = price if isinstance(price, Decimal) else Decimal(str(price).strip())
        fits = value.is_finite() and 0 < value <= PRICE_MAX and value == value.quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        fits = False
    if not fits:
        raise OfferError(_("The price must be greater than zero, at most %(max)s, with at most two decimal places.")
                         % {"max": shown_number(PRICE_MAX, 2)})
    return value.quantize(Decimal("0.01"))


def valid_quantity(quantity) -> int | None:
    """``quantity`` as an ``int`` between 0 and 2,147,483,647 (``num_in_stock`` is a 32-bit column), or ``None``."""
    if quantity is None or quantity == "":
        return None
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 0 <= quantity <= QUANTITY_MAX:
        raise OfferError(_("The quantity must be a whole number from 0 to %(max)s.")
                         % {"max": shown_number(QUANTITY_MAX)})
    return quantity


def needs_price(*, availability, price, has_recommended_price: bool) -> bool:
    """An offer without a price follows the recommended price: with none, the dealer must give one."""
    return availability != Availability.NOT_OFFERED and not price and not has_recommended_price


def price_changed_by(base: Decimal, percent: Decimal) -> Decimal:
    """``base`` changed by ``percent`` (−10 lowers by a tenth), rounded to whole roubles.

    Raises ``OfferError`` when the result is not a price (zero or less, or over the column).
    """
    price = (base * (1 + Decimal(percent) / 100)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    shown = {"percent": shown_number(percent, None), "price": shown_number(price), "max": shown_number(PRICE_MAX, 2)}
    if price < PRICE_MIN:
        raise OfferError(_("Changed by %(percent)s%%, the price would be %(price)s: a price must be greater than "
                           "zero.") % shown)
    if price > PRICE_MAX:
        raise OfferError(_("Changed by %(percent)s%%, the price would exceed %(max)s.") % shown)
    return price


def offer_request_record(*, product, currency: str) -> StockRecord:
    """The manufacturer's stock record of ``product`` (created with its partner the first time someone orders a
    product nobody in their city offers): its order lines wait for staff, who find a dealer."""
    from suz_oscar.core.cache import bump
    from suz_oscar.core.conf import suz_settings

    Partner = get_model("partner", "Partner")
    partner, created = Partner.objects.get_or_create(code=suz_settings.SUZ_MANUFACTURER_PARTNER_CODE,
                                                     defaults={"name": _("Manufacturer")})
    if created:
        bump()
    record, _created = StockRecord.objects.get_or_create(
        partner=partner, product=product,
        defaults={"partner_sku": fallback_sku(product.pk), "price": None, "price_currency": currency,
                  "num_in_stock": None})
    return record


def offer_materialize(*, stockrecord: StockRecord) -> StockRecord:
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
        stockrecord.partner_sku = fallback_sku(stockrecord.product_id)
        stockrecord, _ = StockRecord.objects.get_or_create(
            partner=stockrecord.partner, product=stockrecord.product,
            defaults={"partner_sku": stockrecord.partner_sku, "price_currency": stockrecord.price_currency},
        )
    return stockrecord



def stock_fields(availability: str, quantity: int | None) -> int | None:
    """``num_in_stock`` for an availability: N in stock, empty = in stock without a number, 0 = on order."""
    if availability == Availability.ON_ORDER:
        return 0
    return quantity if quantity else None


def availability_of(stockrecord: StockRecord | None, dealer: Dealer | None = None,
                    product: Product | None = None) -> tuple[Availability, int | None]:
    """``(Availability, quantity)`` of a dealer's stock record as the dealer set it (see ``stock_fields``).

    With ``dealer`` and ``product``, a product without a record reads «in stock» when the dealer offers the
    whole line and the product has a recommended price (the implied offer).
    """
    if stockrecord is None:
        if dealer is not None and dealer.offers_whole_line and getattr(product, "recommended_price", None):
            return Availability.IN_STOCK, None
        return Availability.NOT_OFFERED, None
    if stockrecord.num_in_stock == 0:
        return Availability.ON_ORDER, None
    return Availability.IN_STOCK, stockrecord.num_in_stock


def _checked_rows(rows):
    """``{product_id: (row, price, quantity)}``; ``OfferError`` on any bad value or product, before any write."""
    checked = {}
    for row in rows:
        product_id = row.get("product_id")
        if isinstance(product_id, bool) or not isinstance(product_id, int):
            raise OfferError(_("Unknown product."))
        if product_id in checked:
            raise OfferError(_("A product is listed twice."))
        if row.get("availability") not in Availability.values:
            raise OfferError(_("Unknown availability."))
        checked[product_id] = (row, valid_price(row.get("price")), valid_quantity(row.get("quantity")))
    return checked


@transaction.atomic
def offers_apply(*, dealer: Dealer, rows: list[dict]) -> tuple[int, int, int]:
    """Set the dealer's offers from ``rows`` (dicts: product_id, price, availability, quantity, keep_price).

    One transaction, a handful of bulk queries for any number of rows. A price
    of ``None`` follows the recommended price; ``not_offered`` removes the offer.
    Every row is checked first (``OfferError``: nothing is written): prices and
    quantities must fit their columns, products must be in the dealer's catalogue
    (the manufacturer's and its own, never another dealer's own products).
    "In stock" at the recommended price without a number is what a whole-line
    dealer offers anyway: such a row writes nothing.
    Returns ``(created, updated, removed)``.
    """
    from .selectors import dealer_catalogue

    partner = dealer.partner
    by_product = _checked_rows(rows)
    skus = dict(dealer_catalogue(dealer).filter(pk__in=by_product).values_list("pk", "upc"))
    if len(skus) != len(by_product):
        raise OfferError(_("Some products are not in your catalogue; nothing was changed."))
    existing = {
        sr.product_id: sr
        for sr in StockRecord.objects.select_for_update().filter(partner=partner, product_id__in=by_product)
    }
    implied = set()
    if dealer.offers_whole_line:
        implied = set(get_model("suz_offers", "RecommendedPrice").objects.filter(
            product_id__in=[pk for pk in by_product if pk not in existing]).values_list("product_id", flat=True))
    to_create, to_update, to_remove = [], [], []
    for product_id, (row, price, quantity) in by_product.items():
        record = existing.get(product_id)
        if row["availability"] == Availability.NOT_OFFERED:
            if record is not None:
                to_remove.append(record.pk)
            continue
        if row.get("keep_price") and record is not None:
            price = record.price  # a file without prices changes availability only
        stock = stock_fields(row["availability"], quantity)
        if record is None and product_id in implied and price is None and stock is None:
            continue  # the whole line offers it already, exactly so
        if record is None:
            to_create.append(StockRecord(
                partner=partner, product_id=product_id, partner_sku=skus.get(product_id) or fallback_sku(product_id),
                price=price, price_currency=default_currency(), num_in_stock=stock,
            ))
        elif record.price != price or record.num_in_stock != stock:
            record.price, record.num_in_stock = price, stock
            to_update.append(record)
    StockRecord.objects.bulk_create(to_create, batch_size=1000)
    StockRecord.objects.bulk_update(to_update, ["price", "num_in_stock"], batch_size=1000)
    StockRecord.objects.filter(pk__in=to_remove).delete()
    return len(to_create), len(to_update), len(to_remove)


def dealer_set_whole_line(*, dealer: Dealer, enabled: bool) -> None:
    """Switch "whole product line in stock": no per-product rows are written either way."""
    dealer.offers_whole_line = enabled
    dealer.save(update_fields=["offers_whole_line", "updated_at"])


# Checked price files kept per dealer (the preview and the history of uploads); older ones are deleted.
KEPT_IMPORTS = 20


@transaction.atomic
def offer_import_record(*, dealer: Dealer, filename: str, user, rows: list[dict], errors: list[dict]) -> OfferImport:
    """Keep a checked price file for its preview, and forget the dealer's oldest beyond ``KEPT_IMPORTS``."""
    OfferImport = get_model("suz_offers", "OfferImport")
    record = OfferImport.objects.create(dealer=dealer, filename=filename[:255], rows=rows, errors=errors,
                                        uploaded_by=user if user is not None and user.is_authenticated else None)
    stale = dealer.offer_imports.order_by("-uploaded_at", "-pk").values_list("pk", flat=True)[KEPT_IMPORTS:]
    OfferImport.objects.filter(pk__in=list(stale)).delete()
    return record


@transaction.atomic
def offer_import_apply(*, offer_import: OfferImport) -> tuple[int, int, int]:
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


def own_product_class() -> ProductClass:
    from django.utils.translation import gettext

    ProductClass = get_model("catalogue", "ProductClass")
    product_class, _ = ProductClass.objects.get_or_create(
        slug=OWN_PRODUCT_CLASS_SLUG,
        defaults={"name": gettext("Dealer's own product"), "requires_shipping": True, "track_stock": False},
    )
    return product_class


TITLE_MAX = 255  # Product.title


def clean_title(title: str) -> str:
    """A product title as plain text on one line: control characters become spaces, runs of spaces one."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(title or ""))
    return " ".join(text.split())


@transaction.atomic
def own_product_save(*, dealer, title, price, availability, product=None, description="", category=None,
                     image=None, quantity=None):
    """Create or change a dealer's own product together with its offer.

    The description is rich text that Oscar's product page renders with ``|safe``:
    it is stored sanitised (an allow-list, see ``suz_oscar.core.html``). A new
    image replaces the previous one. Raises ``OfferError`` on a bad title, price
    (own products have no recommended price: a price is required), availability
    or quantity, before anything is written.
    """
    Product = get_model("catalogue", "Product")
    DealerProduct = get_model("suz_offers", "DealerProduct")
    ProductImage = get_model("catalogue", "ProductImage")
    title = clean_title(title)
    if not title or len(title) > TITLE_MAX:
        raise OfferError(ngettext("Give the product a title of at most %(max)d character.",
                                  "Give the product a title of at most %(max)d characters.", TITLE_MAX)
                         % {"max": TITLE_MAX})
    if valid_price(price) is None:
        raise OfferError(_("Set a price: your own products have no recommended price."))
    if availability not in (Availability.IN_STOCK, Availability.ON_ORDER):
        raise OfferError(_("Unknown availability."))
    valid_quantity(quantity)
    if product is None:
        product = Product(structure=Product.STANDALONE, product_class=own_product_class(), is_public=True)
    elif not DealerProduct.objects.filter(product=product, dealer=dealer).exists():
        raise OfferError(_("Unknown product."))
    product.title, product.description = title, clean_html(description)
    product.save()
    DealerProduct.objects.get_or_create(product=product, dealer=dealer)
    product.categories.set([category] if category is not None else [])
    if image:
        for old in ProductImage.objects.filter(product=product):
            old.delete()
        ProductImage.objects.create(product=product, original=image, display_order=0)
    offers_apply(dealer=dealer, rows=[{
        "product_id": product.pk, "price": price, "availability": availability, "quantity": quantity,
    }])
    return product


# The manufacturer's recommended prices ------------------------------------------------------------


def _recommended_price_product(product_id, catalogue_ids):
    if product_id not in catalogue_ids:
        raise OfferError(_("Only the manufacturer's products without variants, and variants, have a recommended "
                           "price; nothing was changed."))


def recommended_price_set(*, product: Product, price) -> bool:
    """Set the product's recommended price, or with ``None`` remove it. Returns whether anything changed.

    ``OfferError`` (nothing written) for a price that does not fit, or a product that takes none: a parent
    of variants or a dealer's own product. A change bumps the storefront's cache (``receivers``).
    """
    from .selectors import recommended_price_catalogue

    price = valid_price(price)
    RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
    current = RecommendedPrice.objects.filter(product=product).first()
    if price is None:
        if current is None:
            return False
        current.delete()
        return True
    _recommended_price_product(product.pk, set(recommended_price_catalogue().filter(pk=product.pk)
                                               .values_list("pk", flat=True)))
    if current is None:
        RecommendedPrice.objects.create(product=product, price=price, currency=default_currency())
        return True
    if current.price == price:
        return False
    current.price = price
    current.save(update_fields=["price", "updated_at"])
    return True


def recommended_prices_plan(*, rows: list[dict], remove_empty: bool = True) -> dict:
    """What applying ``rows`` (dicts: product_id, price or ``None``) would do, read without writing.

    ``{"created": [(product_id, price)], "updated": [(RecommendedPrice, price)], "removed": [RecommendedPrice],
    "unchanged": n}``. ``OfferError`` on any bad value, repeated or unknown product. With ``remove_empty``
    false, rows without a price are left as they are.
    """
    from .selectors import recommended_price_catalogue

    checked = {}
    for row in rows:
        product_id = row.get("product_id")
        if isinstance(product_id, bool) or not isinstance(product_id, int):
            raise OfferError(_("Unknown product."))
        if product_id in checked:
            raise OfferError(_("A product is listed twice."))
        checked[product_id] = valid_price(row.get("price"))
    known = set(recommended_price_catalogue().filter(pk__in=checked).values_list("pk", flat=True))
    for product_id in checked:
        _recommended_price_product(product_id, known)
    RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
    existing = {r.product_id: r for r in RecommendedPrice.objects.filter(product_id__in=checked)}
    plan = {"created": [], "updated": [], "removed": [], "unchanged": 0}
    for product_id, price in checked.items():
        current = existing.get(product_id)
        if price is None:
            if current is not None and remove_empty:
                plan["removed"].append(current)
            else:
                plan["unchanged"] += 1
        elif current is None:
            plan["created"].append((product_id, price))
        elif current.price != price:
            plan["updated"].append((current, price))
        else:
            plan["unchanged"] += 1
    return plan


@transaction.atomic
def recommended_prices_apply(*, rows: list[dict], remove_empty: bool = True) -> tuple[int, int, int]:
    """Set many recommended prices at once (see ``recommended_prices_plan``): all of them or, on any bad row,
    none. A few bulk queries; the storefront's cache is bumped. Returns ``(created, updated, removed)``."""
    from suz_oscar.core import cache

    RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
    ids = [row.get("product_id") for row in rows if isinstance(row.get("product_id"), int)]
    list(RecommendedPrice.objects.select_for_update().filter(product_id__in=ids).values_list("pk"))
    plan = recommended_prices_plan(rows=rows, remove_empty=remove_empty)
    from django.utils import timezone

    currency, now = default_currency(), timezone.now()
    RecommendedPrice.objects.bulk_create(
        [RecommendedPrice(product_id=pk, price=price, currency=currency) for pk, price in plan["created"]],
        batch_size=1000)
    for record, price in plan["updated"]:
        record.price, record.updated_at = price, now  # bulk_update does not fill auto_now
    RecommendedPrice.objects.bulk_update([record for record, _price in plan["updated"]], ["price", "updated_at"],
                                         batch_size=1000)
    RecommendedPrice.objects.filter(pk__in=[record.pk for record in plan["removed"]]).delete()
    result = len(plan["created"]), len(plan["updated"]), len(plan["removed"])
    if any(result):
        cache.bump()  # bulk queries send no signals: dealers' empty prices follow the new ones
    return result


def median_price(prices: list[Decimal]) -> Decimal:
    """The middle price (the mean of the two middle ones for an even count), to the kopeck, halves up."""
    ordered = sorted(prices)
    middle = len(ordered) // 2
    value = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def recommended_prices_from_stock(*, partners=None, overwrite: bool = False, dry_run: bool = False) -> dict:
    """Recommended prices from the shop's stock records: the median of the partners' prices of each product.

    ``partners``: only these partners' records (one partner: its price); by default every partner's. Only
    records priced in the shop's currency (``OSCAR_DEFAULT_CURRENCY``) count. A product that has a recommended
    price keeps it unless ``overwrite``. With ``dry_run`` nothing is written. One transaction.
    Returns ``{"created", "updated", "kept", "other_currency"}`` (numbers of products; records for the last).
    """
    from .selectors import recommended_price_catalogue

    currency = default_currency()
    records = StockRecord.objects.filter(product__in=recommended_price_catalogue(), price__isnull=False,
                                         price__gt=0)
    if partners is not None:
        records = records.filter(partner__in=list(partners))
    by_product, other_currency = {}, 0
    for product_id, price, record_currency in records.values_list("product_id", "price", "price_currency"):
        if record_currency != currency:
            other_currency += 1
            continue
        by_product.setdefault(product_id, []).append(price)
    RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
    with transaction.atomic():
        having = set(RecommendedPrice.objects.filter(product_id__in=by_product).values_list("product_id", flat=True))
        kept = 0 if overwrite else len(having)
        rows = [{"product_id": pk, "price": median_price(prices)} for pk, prices in sorted(by_product.items())
                if overwrite or pk not in having]
        plan = recommended_prices_plan(rows=rows, remove_empty=False)
        result = {"created": len(plan["created"]), "updated": len(plan["updated"]), "kept": kept,
                  "other_currency": other_currency}
        if not dry_run:
            recommended_prices_apply(rows=rows, remove_empty=False)
    return result


# Staff's checked files of recommended prices kept (the preview and the history of uploads).
KEPT_RECOMMENDED_PRICE_IMPORTS = 20


@transaction.atomic
def recommended_price_import_record(*, filename: str, user, rows: list[dict], errors: list[dict]):
    """Keep a checked file of recommended prices for its preview, forgetting the oldest past the last 20."""
    RecommendedPriceImport = get_model("suz_offers", "RecommendedPriceImport")
    record = RecommendedPriceImport.objects.create(
        filename=filename[:255], rows=rows, errors=errors,
        uploaded_by=user if user is not None and user.is_authenticated else None)
    stale = RecommendedPriceImport.objects.order_by("-uploaded_at", "-pk").values_list(
        "pk", flat=True)[KEPT_RECOMMENDED_PRICE_IMPORTS:]
    RecommendedPriceImport.objects.filter(pk__in=list(stale)).delete()
    return record


@transaction.atomic
def recommended_price_import_apply(*, price_import) -> tuple[int, int, int]:
    """Apply a checked file without errors, once: every row or, on any failure, none."""
    from django.utils import timezone

    locked = type(price_import).objects.select_for_update().get(pk=price_import.pk)
    if locked.errors or locked.status == locked.APPLIED:
        raise ValueError("Only a checked file without errors can be applied once")
    result = recommended_prices_apply(rows=locked.rows)
    locked.status, locked.applied_at = locked.APPLIED, timezone.now()
    locked.save(update_fields=["status", "applied_at"])
    price_import.status, price_import.applied_at = locked.status, locked.applied_at
    return result
