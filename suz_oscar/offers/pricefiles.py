"""Dealers' price files: CSV or XLSX in, checked row by row; and the same format out.

Columns (Russian or English headers, any order): Артикул/sku, Название/title
(ignored on import), Цена/price (empty: the recommended price), Наличие/
availability (в наличии, под заказ, нет), Количество/quantity.

Sizes are bounded before any work: a file over ``MAX_FILE_SIZE`` is refused
unread, an XLSX whose parts unpack to more than ``MAX_UNPACKED_SIZE`` unopened;
rows are streamed (``csv`` line by line, openpyxl read-only) and reading stops
at the first row past ``MAX_ROWS``. Numbers are read with a strict pattern
(digits, ``,`` or ``.`` before the decimals, spaces as thousands separators),
never with ``Decimal()`` or ``int()`` on arbitrary text.
"""

import logging
import math
import re
from decimal import Decimal

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from oscar.core.loading import get_model

from suz_oscar.core import tabular
from suz_oscar.core.spreadsheets import export_dataset
from suz_oscar.core.tabular import TableFileError

from .abstract_models import PRICE_MAX, QUANTITY_MAX
from .selectors import dealer_catalogue, recommended_price_catalogue
from .services import availability_of, needs_price, shown_number
from .vocabulary import Availability, fallback_sku, sku_for

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
    Availability.IN_STOCK: ("в наличии", "есть", "да", "in stock", "in_stock", "yes"),
    Availability.ON_ORDER: ("под заказ", "заказ", "on order", "on_order"),
    Availability.NOT_OFFERED: ("нет", "не продаём", "no", "not offered", "not_offered"),
}
FORMATS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
logger = logging.getLogger("suz.offers")

MAX_ROWS = 50_000
MAX_ERRORS = 200  # row errors kept and shown; past them the file is only counted
# The bounds of reading are core.tabular's (a dashboard form and tests read them here).
MAX_FILE_SIZE = tabular.MAX_FILE_SIZE
MAX_UNPACKED_SIZE = tabular.MAX_UNPACKED_SIZE
MAX_LINE = tabular.MAX_LINE

SEPARATORS = " \u00a0\u202f\u2009"  # space, no-break, narrow no-break, thin: thousands separators
_DIGITS = rf"(?:[0-9]{{1,3}}(?:[{SEPARATORS}][0-9]{{3}})+|[0-9]+)"
PRICE_PATTERN = re.compile(rf"{_DIGITS}(?:[.,][0-9]+)?")
QUANTITY_PATTERN = re.compile(rf"{_DIGITS}(?:[.,]0+)?")
MAX_NUMBER_TEXT = 32
CENT = Decimal("0.01")


class PriceFileError(TableFileError):
    """The file as a whole cannot be read."""


class CellError(ValueError):
    """One value of a row is wrong; the message is translated."""


def export_headers():
    # A context of our own: Oscar's catalogue translates "SKU" differently and wins over ours.
    return [
        pgettext("price file", "SKU"), pgettext("price file", "Title"),
        pgettext("price file", "Recommended price"), pgettext("price file", "Price"),
        pgettext("price file", "Availability"), pgettext("price file", "Quantity"),
    ]


def availability_label(code):
    """The words an exported file uses (a file's «нет» reads better than «не предлагается»)."""
    labels = {Availability.IN_STOCK: _("in stock"), Availability.ON_ORDER: _("on order"),
              Availability.NOT_OFFERED: _("no")}
    return labels[code]


def export_offers(dealer, fmt):
    """The dealer's price list over its catalogue (``selectors.dealer_catalogue``): offers filled in, the rest "no".

    Uploaded back unchanged it changes nothing. A whole-line dealer's implied offers
    read "in stock" with an empty price, which is what they are.
    """
    products = dealer_catalogue(dealer).select_related("parent").order_by("upc", "pk")
    records = {sr.product_id: sr for sr in StockRecord.objects.filter(partner=dealer.partner)}
    rrp = dict(RecommendedPrice.objects.values_list("product_id", "price"))
    data = tablib.Dataset(headers=export_headers(), title=_("Price list")[:31])
    for product in products.only("pk", "upc", "title", "structure", "parent_id", "parent__title"):
        record = records.get(product.pk)
        availability, quantity = availability_of(record)
        if record is None and dealer.offers_whole_line and product.pk in rrp:
            availability = Availability.IN_STOCK
        data.append([
            sku_for(product), product.get_title(), rrp.get(product.pk, ""),
            record.price if record is not None and record.price is not None else "",
            availability_label(availability), quantity or "",
        ])
    return export_dataset(data, fmt)


# Reading -------------------------------------------------------------------------------------------


def _rows(content, filename):
    """The file's rows, the header first, one at a time (``core.tabular``: sizes, name and encoding checked),
    its errors as ``PriceFileError``."""
    try:
        yield from tabular.rows(content, filename)
    except PriceFileError:
        raise
    except TableFileError as exc:
        raise PriceFileError(str(exc)) from exc


def _header_columns(headers, known):
    """``{column: index}`` of the ``known`` columns (``{column: header names}``) found in the header row."""
    found = {}
    for index, header in enumerate(headers):
        if "\x00" in tabular.text(header):
            raise PriceFileError(_("The header row contains zero bytes (NUL)."))
        key = tabular.text(header).lower()
        for column, names in known.items():
            if key in names:
                found.setdefault(column, index)
    return found


def _columns(headers):
    found = _header_columns(headers, HEADERS)
    if "sku" not in found:
        raise PriceFileError(_("The file has no “SKU” column (Артикул)."))
    if "price" not in found and "availability" not in found:
        raise PriceFileError(_("The file needs a “Price” or an “Availability” column."))
    return found


def _cell(row, columns, name):
    index = columns.get(name)
    if index is None or index >= len(row):
        return None
    return row[index]


def parse_price(value):
    """A price cell as a ``Decimal`` with two places, ``None`` when empty; ``CellError`` otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    shown = tabular.shown(value)
    bad = CellError(_("bad price “%(price)s”") % {"price": shown})
    if isinstance(value, bool):
        raise bad
    if isinstance(value, int):
        number = Decimal(value) if abs(value) <= 10**15 else Decimal(10**15 if value > 0 else -1)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise bad
        if abs(value) > float(PRICE_MAX):
            number = Decimal(10**15) if value > 0 else Decimal(-1)
        else:
            try:
                number = tabular.float_to_places(value, 2)
            except ValueError:
                raise CellError(_("price “%(price)s” has more than two decimal places") % {"price": shown}) from None
    else:
        text = tabular.text(value)
        if len(text) > MAX_NUMBER_TEXT or not PRICE_PATTERN.fullmatch(text):
            if text.startswith("-") and PRICE_PATTERN.fullmatch(text[1:].strip()):
                raise CellError(_("price “%(price)s” must be greater than zero") % {"price": shown})
            raise bad
        for separator in SEPARATORS:
            text = text.replace(separator, "")
        number = Decimal(text.replace(",", "."))
    if number <= 0:
        raise CellError(_("price “%(price)s” must be greater than zero") % {"price": shown})
    if number > PRICE_MAX:
        raise CellError(_("price “%(price)s” is too large (at most %(max)s)")
                        % {"price": shown, "max": shown_number(PRICE_MAX, 2)})
    if number != number.quantize(CENT):
        raise CellError(_("price “%(price)s” has more than two decimal places") % {"price": shown})
    return number.quantize(CENT)


def parse_quantity(value):
    """A quantity cell as an ``int`` from 0 to 2,147,483,647, ``None`` when empty; ``CellError`` otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    shown = tabular.shown(value)
    bad = CellError(_("bad quantity “%(value)s”") % {"value": shown})
    if isinstance(value, bool):
        raise bad
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if math.isfinite(value) and abs(value) > QUANTITY_MAX:
            number = int(math.copysign(QUANTITY_MAX + 1, value))
        else:
            try:
                number = int(tabular.float_to_places(value, 0))
            except ValueError:
                raise bad from None
    else:
        text = tabular.text(value)
        if len(text) > MAX_NUMBER_TEXT or not QUANTITY_PATTERN.fullmatch(text):
            raise bad
        digits = re.split(r"[.,]", text)[0]
        for separator in SEPARATORS:
            digits = digits.replace(separator, "")
        number = int(digits)
    if number < 0:
        raise bad
    if number > QUANTITY_MAX:
        raise CellError(_("quantity “%(value)s” is too large (at most %(max)s)")
                        % {"value": shown, "max": shown_number(QUANTITY_MAX)})
    return number


def parse_price_file(content, filename, dealer):
    """Check every row: returns ``(rows, errors)``; ``errors`` are ``{"row": n, "sku": …, "message": …}``.

    Row numbers are the spreadsheet's (the header is row 1). Raises
    ``PriceFileError`` when the file as a whole is unreadable or too large.
    Every returned row has a price that fits the column (or none) and a quantity
    from 0 to 2,147,483,647 (or none).
    """
    rows_in = _rows(content, filename)
    try:
        return _check_rows(rows_in, dealer)
    finally:
        rows_in.close()  # an XLSX stays open until its rows are read or closed


def _check_rows(rows_in, dealer):
    header = next(rows_in, None)
    if header is None:
        raise PriceFileError(_("The file is empty."))
    columns = _columns(header)

    skus = {}
    for pk, upc in dealer_catalogue(dealer).values_list("pk", "upc"):
        skus[upc or fallback_sku(pk)] = pk
        skus.setdefault(fallback_sku(pk), pk)
    with_rrp = set(RecommendedPrice.objects.values_list("product_id", flat=True))
    keeps_price = "price" not in columns
    rows, errors, seen, more_errors = [], [], {}, 0
    for number, row in enumerate(rows_in, start=2):
        if number > MAX_ROWS + 1:
            raise PriceFileError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
        sku = tabular.text(_cell(row, columns, "sku"))
        if not sku and not any(tabular.text(value) for value in row):
            continue  # blank line
        problems = []
        if len(errors) >= MAX_ERRORS:
            more_errors += 1  # counted, not kept: a file of 50,000 bad rows must not fill the database
            continue
        if any("\x00" in tabular.text(_cell(row, columns, name)) for name in columns):
            errors.append({"row": number, "sku": tabular.shown(sku), "message": _("the row contains zero bytes (NUL)")})
            continue
        product_id = skus.get(sku)
        if product_id is None:
            problems.append(_("unknown SKU “%(sku)s”") % {"sku": tabular.shown(sku)})
        elif product_id in seen:
            problems.append(_("SKU “%(sku)s” repeats row %(row)d") % {"sku": sku, "row": seen[product_id]})
        price = quantity = None
        try:
            price = parse_price(_cell(row, columns, "price"))
        except CellError as exc:
            problems.append(str(exc))
        availability_cell = _cell(row, columns, "availability")
        availability_text = tabular.text(availability_cell).lower()
        availability = Availability.IN_STOCK if not availability_text else next(
            (code for code, words in AVAILABILITY.items() if availability_text in words), None
        )
        if availability is None:
            problems.append(_("unknown availability “%(value)s”") % {"value": tabular.shown(availability_cell)})
        try:
            quantity = parse_quantity(_cell(row, columns, "quantity"))
        except CellError as exc:
            problems.append(str(exc))
        if not problems and not keeps_price and needs_price(availability=availability, price=price,
                                                            has_recommended_price=product_id in with_rrp):
            problems.append(_("no price, and the product has no recommended price"))
        if problems:
            errors.append({"row": number, "sku": tabular.shown(sku), "message": "; ".join(problems)})
            continue
        seen[product_id] = number
        rows.append({
            "product_id": product_id, "sku": sku, "keep_price": keeps_price,
            "price": str(price) if price is not None else None,
            "availability": availability, "quantity": quantity,
        })
    if more_errors:
        errors.append({"row": None, "sku": "", "more": more_errors, "message": ngettext(
            "and %(count)d more row with errors or not checked", "and %(count)d more rows with errors or not checked",
            more_errors) % {"count": more_errors}})
    if not rows and not errors:
        raise PriceFileError(_("The file has no rows under its header."))
    return rows, errors


# The manufacturer's recommended prices (staff) ---------------------------------------------------------
#
# Columns: Артикул/SKU (the product's UPC, else suz-<id>), Название/Title (ignored on import), Рекомендованная
# цена/Recommended price (empty: no recommended price). The same limits, number reading and error cap as
# dealers' files; only the rows of the file are touched.

RECOMMENDED_HEADERS = {
    "sku": ("артикул", "sku", "upc"),
    "title": ("название", "title", "товар"),
    "price": ("рекомендованная цена", "recommended price", "ррц", "rrp"),
}


def recommended_price_headers():
    return [pgettext("price file", "SKU"), pgettext("price file", "Title"),
            pgettext("price file", "Recommended price")]


def export_recommended_prices(fmt):
    """Every product that may carry a recommended price, with it or empty. Uploaded back unchanged it
    changes nothing."""
    rrp = dict(RecommendedPrice.objects.values_list("product_id", "price"))
    data = tablib.Dataset(headers=recommended_price_headers(), title=_("Recommended prices")[:31])
    products = recommended_price_catalogue().select_related("parent").order_by("upc", "pk")
    for product in products.only("pk", "upc", "title", "structure", "parent_id", "parent__title"):
        data.append([sku_for(product), product.get_title(), rrp.get(product.pk, "")])
    return export_dataset(data, fmt)


def _recommended_columns(headers):
    found = _header_columns(headers, RECOMMENDED_HEADERS)
    if "sku" not in found:
        raise PriceFileError(_("The file has no “SKU” column (Артикул)."))
    if "price" not in found:
        raise PriceFileError(_("The file has no “Recommended price” column (Рекомендованная цена)."))
    return found


def parse_recommended_price_file(content, filename):
    """Check every row of a file of recommended prices: ``(rows, errors)`` as ``parse_price_file`` returns.

    Rows are ``{"product_id", "sku", "price"}`` (``price`` a string, or ``None`` for no recommended price).
    """
    rows_in = _rows(content, filename)
    try:
        return _check_recommended_rows(rows_in)
    finally:
        rows_in.close()


def _check_recommended_rows(rows_in):
    header = next(rows_in, None)
    if header is None:
        raise PriceFileError(_("The file is empty."))
    columns = _recommended_columns(header)
    skus = {}
    for pk, upc in recommended_price_catalogue().values_list("pk", "upc"):
        skus[upc or fallback_sku(pk)] = pk
        skus.setdefault(fallback_sku(pk), pk)
    rows, errors, seen, more_errors = [], [], {}, 0
    for number, row in enumerate(rows_in, start=2):
        if number > MAX_ROWS + 1:
            raise PriceFileError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
        sku = tabular.text(_cell(row, columns, "sku"))
        if not sku and not any(tabular.text(value) for value in row):
            continue  # blank line
        if len(errors) >= MAX_ERRORS:
            more_errors += 1
            continue
        if any("\x00" in tabular.text(_cell(row, columns, name)) for name in columns):
            errors.append({"row": number, "sku": tabular.shown(sku), "message": _("the row contains zero bytes (NUL)")})
            continue
        problems = []
        product_id = skus.get(sku)
        if product_id is None:
            problems.append(_("unknown SKU “%(sku)s”") % {"sku": tabular.shown(sku)})
        elif product_id in seen:
            problems.append(_("SKU “%(sku)s” repeats row %(row)d") % {"sku": sku, "row": seen[product_id]})
        price = None
        try:
            price = parse_price(_cell(row, columns, "price"))
        except CellError as exc:
            problems.append(str(exc))
        if problems:
            errors.append({"row": number, "sku": tabular.shown(sku), "message": "; ".join(problems)})
            continue
        seen[product_id] = number
        rows.append({"product_id": product_id, "sku": sku, "price": str(price) if price is not None else None})
    if more_errors:
        errors.append({"row": None, "sku": "", "more": more_errors, "message": ngettext(
            "and %(count)d more row with errors or not checked", "and %(count)d more rows with errors or not checked",
            more_errors) % {"count": more_errors}})
    if not rows and not errors:
        raise PriceFileError(_("The file has no rows under its header."))
    return rows, errors
