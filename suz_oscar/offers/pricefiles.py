"""Dealers' price files: CSV or XLSX in, checked row by row; and the same format out.

Columns (Russian or English headers, any order): Артикул/sku, Название/title
(ignored on import), Цена/price (empty: the recommended price), Наличие/
availability (в наличии, под заказ, нет), Количество/quantity.
"""

import io
from decimal import Decimal, InvalidOperation

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from oscar.core.loading import get_model

from .services import IN_STOCK, NOT_OFFERED, ON_ORDER, availability_of

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")

HEADERS = {
    "sku": ("артикул", "sku"),
    "title": ("название", "title", "товар"),
    "price": ("цена", "price"),
    "availability": ("наличие", "availability"),
    "quantity": ("количество", "quantity", "остаток"),
}
AVAILABILITY = {
    IN_STOCK: ("в наличии", "есть", "да", "in stock", "in_stock", "yes"),
    ON_ORDER: ("под заказ", "заказ", "on order", "on_order"),
    NOT_OFFERED: ("нет", "не продаём", "no", "not offered", "not_offered"),
}
FORMATS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
MAX_ROWS = 50_000


class PriceFileError(Exception):
    """The file as a whole cannot be read."""


def export_headers():
    # A context of our own: Oscar's catalogue translates "SKU" differently and wins over ours.
    return [
        pgettext("price file", "SKU"), pgettext("price file", "Title"),
        pgettext("price file", "Recommended price"), pgettext("price file", "Price"),
        pgettext("price file", "Availability"), pgettext("price file", "Quantity"),
    ]


def availability_label(code):
    return {IN_STOCK: _("in stock"), ON_ORDER: _("on order"), NOT_OFFERED: _("no")}[code]


def export_offers(dealer, fmt):
    """The dealer's price list over the whole catalogue: its offers filled in, the rest empty."""
    records = {sr.product_id: sr for sr in StockRecord.objects.filter(partner=dealer.partner)}
    rrp = dict(RecommendedPrice.objects.values_list("product_id", "price"))
    data = tablib.Dataset(headers=export_headers(), title=_("Price list")[:31])
    products = Product.objects.exclude(structure=Product.PARENT).order_by("upc", "pk")
    for product in products.only("pk", "upc", "title", "structure", "parent_id").select_related("parent"):
        record = records.get(product.pk)
        availability, quantity = availability_of(record)
        if record is None and dealer.offers_whole_line and product.pk in rrp:
            availability = IN_STOCK
        data.append([
            product.upc or f"suz-{product.pk}", product.get_title(), rrp.get(product.pk, ""),
            record.price if record is not None and record.price is not None else "",
            availability_label(availability), quantity or "",
        ])
    return data.export(fmt)


def _read(content, filename):
    name = filename.lower()
    try:
        if name.endswith(".xlsx"):
            return tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        if name.endswith(".csv"):
            text = content.decode("utf-8-sig")
            delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
            return tablib.Dataset().load(text, format="csv", delimiter=delimiter)
    except UnicodeDecodeError as exc:
        raise PriceFileError(_("The file is not in UTF-8. Save it as “CSV UTF-8” or as XLSX.")) from exc
    except Exception as exc:  # tablib raises many kinds on a broken file
        raise PriceFileError(_("The file cannot be read: %(error)s") % {"error": exc}) from exc
    raise PriceFileError(_("Upload a CSV or XLSX file."))


def _columns(headers):
    found = {}
    for index, header in enumerate(headers or []):
        key = str(header or "").strip().lower()
        for column, names in HEADERS.items():
            if key in names:
                found.setdefault(column, index)
    if "sku" not in found:
        raise PriceFileError(_("The file has no “SKU” column (Артикул)."))
    if "price" not in found and "availability" not in found:
        raise PriceFileError(_("The file needs a “Price” or an “Availability” column."))
    return found


def _cell(row, columns, name):
    index = columns.get(name)
    if index is None or index >= len(row):
        return ""
    value = row[index]
    return "" if value is None else str(value).strip()


def parse_price_file(content, filename, dealer):
    """Check every row: returns ``(rows, errors)``; ``errors`` are ``{"row": n, "message": …}``.

    Row numbers are the spreadsheet's (the header is row 1). Raises
    ``PriceFileError`` when the file as a whole is unreadable.
    """
    data = _read(content, filename)
    if data.height > MAX_ROWS:
        raise PriceFileError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
    columns = _columns(data.headers)
    from .selectors import catalogue_for_dealer

    skus = {}
    for pk, upc in catalogue_for_dealer(Product.objects.exclude(structure=Product.PARENT), dealer).values_list(
        "pk", "upc"
    ):
        skus[upc or f"suz-{pk}"] = pk
        skus.setdefault(f"suz-{pk}", pk)
    with_rrp = set(RecommendedPrice.objects.values_list("product_id", flat=True))
    rows, errors, seen = [], [], {}
    for number, row in enumerate(data, start=2):
        sku = _cell(row, columns, "sku")
        if not sku and not any(str(v or "").strip() for v in row):
            continue  # blank line
        problems = []
        product_id = skus.get(sku)
        if product_id is None:
            problems.append(_("unknown SKU “%(sku)s”") % {"sku": sku})
        elif product_id in seen:
            problems.append(_("SKU “%(sku)s” repeats row %(row)d") % {"sku": sku, "row": seen[product_id]})
        price_text = _cell(row, columns, "price").replace(" ", "").replace("\u00a0", "").replace(",", ".")
        price = None
        if price_text:
            try:
                price = Decimal(price_text)
                if price <= 0 or price.as_tuple().exponent < -2 or price >= Decimal("10000000000"):
                    raise InvalidOperation
            except InvalidOperation:
                problems.append(_("bad price “%(price)s”") % {"price": _cell(row, columns, "price")})
        availability_text = _cell(row, columns, "availability").lower()
        availability = IN_STOCK if not availability_text else next(
            (code for code, words in AVAILABILITY.items() if availability_text in words), None
        )
        if availability is None:
            problems.append(_("unknown availability “%(value)s”") % {"value": _cell(row, columns, "availability")})
        quantity_text = _cell(row, columns, "quantity")
        quantity = None
        if quantity_text:
            try:
                quantity = int(Decimal(quantity_text.replace(",", ".")))
                if quantity < 0:
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                problems.append(_("bad quantity “%(value)s”") % {"value": quantity_text})
        keeps_price = "price" not in columns
        if (not problems and price is None and availability != NOT_OFFERED and product_id not in with_rrp
                and not keeps_price):
            problems.append(_("no price, and the product has no recommended price"))
        if problems:
            errors.append({"row": number, "sku": sku, "message": "; ".join(problems)})
            continue
        seen[product_id] = number
        rows.append({
            "product_id": product_id, "sku": sku, "keep_price": keeps_price,
            "price": str(price) if price is not None else None,
            "availability": availability, "quantity": quantity,
        })
    return rows, errors
