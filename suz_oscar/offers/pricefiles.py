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

import csv
import io
import itertools
import logging
import math
import re
import unicodedata
import zipfile
from decimal import Decimal

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from oscar.core.loading import get_model

from suz_oscar.core.spreadsheets import deneutralise, export_dataset

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
MAX_FILE_SIZE = 20 * 1024 * 1024  # bytes; the upload form says "20 MB"
# An XLSX is a zip: the sum of its unpacked parts. 50,000 rows of a price list unpack to about 15 MB; a
# file far past that is built to hold the server (openpyxl reads shared strings whole, ~1 s per MB).
MAX_UNPACKED_SIZE = 30 * 1024 * 1024
MAX_LINE = 64 * 1024  # characters of one CSV line
MAX_COLUMNS = 50  # columns read; headers further right are not looked at
SHOWN = 40  # characters of a bad value repeated in an error

SEPARATORS = " \u00a0\u202f\u2009"  # space, no-break, narrow no-break, thin: thousands separators
_DIGITS = rf"(?:[0-9]{{1,3}}(?:[{SEPARATORS}][0-9]{{3}})+|[0-9]+)"
PRICE_PATTERN = re.compile(rf"{_DIGITS}(?:[.,][0-9]+)?")
QUANTITY_PATTERN = re.compile(rf"{_DIGITS}(?:[.,]0+)?")
MAX_NUMBER_TEXT = 32
CENT = Decimal("0.01")


class PriceFileError(Exception):
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


def _shown(value):
    """A cell as it may be repeated in an error: printable, at most ``SHOWN`` characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in _text(value)[: SHOWN + 1])
    return text[:SHOWN] + "…" if len(text) > SHOWN else text


def _text(value):
    """A cell as text: numbers as a spreadsheet shows them, our exports' formula guard taken off."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, int | float | Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return deneutralise(str(value).strip())


def has_control_characters(text):
    """Whether ``text`` holds a control character (NUL, a line break…) or half of a surrogate pair."""
    return any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text)


def _csv_lines(stream):
    while line := stream.readline(MAX_LINE + 1):
        if len(line) > MAX_LINE and not line.endswith(("\n", "\r")):
            raise PriceFileError(ngettext("A line of the file is longer than %(max)d character.",
                                          "A line of the file is longer than %(max)d characters.", MAX_LINE)
                                 % {"max": MAX_LINE})
        yield line


def _csv_rows(content):
    if b"\x00" in content:  # UTF-16 ("Unicode text"), or not text at all
        raise PriceFileError(_("The file is not in UTF-8. Save it as “CSV UTF-8” or as XLSX."))
    stream = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8-sig", newline="")
    try:
        lines = _csv_lines(stream)
        first = next(lines, None)
        if first is None:
            return
        delimiter = ";" if first.count(";") > first.count(",") else ","
        for row in csv.reader(itertools.chain([first], lines), delimiter=delimiter):
            yield row[:MAX_COLUMNS]
    except UnicodeDecodeError as exc:
        raise PriceFileError(_("The file is not in UTF-8. Save it as “CSV UTF-8” or as XLSX.")) from exc
    except csv.Error as exc:
        raise _unreadable(exc) from exc


def _unreadable(exc):
    """A broken file, said in Russian; the library's own words (English, technical) go to the log."""
    logger.info("Unreadable price file: %r", exc)
    return PriceFileError(_("The file cannot be read: it is damaged, or not a CSV or XLSX price list. Save it "
                            "again from your spreadsheet (as “CSV UTF-8” or XLSX) and upload it."))


def _xlsx_rows(content):
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise _unreadable(exc) from exc
    if unpacked > MAX_UNPACKED_SIZE:
        raise PriceFileError(_("The file unpacks to more than %(max)d MB: it cannot be a price list.")
                             % {"max": MAX_UNPACKED_SIZE // (1024 * 1024)})
    workbook = None
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True, keep_links=False)
        sheet = workbook.active
        sheet.reset_dimensions()  # do not trust the file's own "dimension": read the rows it has
        for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            yield list(row)
    except PriceFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise _unreadable(exc) from exc
    finally:
        if workbook is not None:
            workbook.close()


def _rows(content, filename):
    """The file's rows, the header first, one at a time."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _xlsx_rows(content)
    if name.endswith(".csv"):
        return _csv_rows(content)
    raise PriceFileError(_("Upload a CSV or XLSX file."))


def _header_columns(headers, known):
    """``{column: index}`` of the ``known`` columns (``{column: header names}``) found in the header row."""
    found = {}
    for index, header in enumerate(headers):
        if "\x00" in _text(header):
            raise PriceFileError(_("The header row contains zero bytes (NUL)."))
        key = _text(header).lower()
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


def _float_to_cents(value, places):
    """A float from XLSX rounded to ``places`` decimals if it is that number up to binary noise."""
    if not math.isfinite(value):
        raise ValueError
    rounded = round(value, places)
    if abs(value - rounded) > 1e-9 * max(1.0, abs(value)):
        raise ValueError
    return Decimal(repr(rounded))


def parse_price(value):
    """A price cell as a ``Decimal`` with two places, ``None`` when empty; ``CellError`` otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    shown = _shown(value)
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
                number = _float_to_cents(value, 2)
            except ValueError:
                raise CellError(_("price “%(price)s” has more than two decimal places") % {"price": shown}) from None
    else:
        text = _text(value)
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
    shown = _shown(value)
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
                number = int(_float_to_cents(value, 0))
            except ValueError:
                raise bad from None
    else:
        text = _text(value)
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
    if len(content) > MAX_FILE_SIZE:
        raise PriceFileError(_("The file is larger than 20 MB."))
    if has_control_characters(filename):
        raise PriceFileError(_("The file name contains control characters (such as zero bytes). "
                               "Rename the file and upload it again."))
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
        sku = _text(_cell(row, columns, "sku"))
        if not sku and not any(_text(value) for value in row):
            continue  # blank line
        problems = []
        if len(errors) >= MAX_ERRORS:
            more_errors += 1  # counted, not kept: a file of 50,000 bad rows must not fill the database
            continue
        if any("\x00" in _text(_cell(row, columns, name)) for name in columns):
            errors.append({"row": number, "sku": _shown(sku), "message": _("the row contains zero bytes (NUL)")})
            continue
        product_id = skus.get(sku)
        if product_id is None:
            problems.append(_("unknown SKU “%(sku)s”") % {"sku": _shown(sku)})
        elif product_id in seen:
            problems.append(_("SKU “%(sku)s” repeats row %(row)d") % {"sku": sku, "row": seen[product_id]})
        price = quantity = None
        try:
            price = parse_price(_cell(row, columns, "price"))
        except CellError as exc:
            problems.append(str(exc))
        availability_cell = _cell(row, columns, "availability")
        availability_text = _text(availability_cell).lower()
        availability = Availability.IN_STOCK if not availability_text else next(
            (code for code, words in AVAILABILITY.items() if availability_text in words), None
        )
        if availability is None:
            problems.append(_("unknown availability “%(value)s”") % {"value": _shown(availability_cell)})
        try:
            quantity = parse_quantity(_cell(row, columns, "quantity"))
        except CellError as exc:
            problems.append(str(exc))
        if not problems and not keeps_price and needs_price(availability=availability, price=price,
                                                            has_recommended_price=product_id in with_rrp):
            problems.append(_("no price, and the product has no recommended price"))
        if problems:
            errors.append({"row": number, "sku": _shown(sku), "message": "; ".join(problems)})
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
    if len(content) > MAX_FILE_SIZE:
        raise PriceFileError(_("The file is larger than 20 MB."))
    if has_control_characters(filename):
        raise PriceFileError(_("The file name contains control characters (such as zero bytes). "
                               "Rename the file and upload it again."))
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
        sku = _text(_cell(row, columns, "sku"))
        if not sku and not any(_text(value) for value in row):
            continue  # blank line
        if len(errors) >= MAX_ERRORS:
            more_errors += 1
            continue
        if any("\x00" in _text(_cell(row, columns, name)) for name in columns):
            errors.append({"row": number, "sku": _shown(sku), "message": _("the row contains zero bytes (NUL)")})
            continue
        problems = []
        product_id = skus.get(sku)
        if product_id is None:
            problems.append(_("unknown SKU “%(sku)s”") % {"sku": _shown(sku)})
        elif product_id in seen:
            problems.append(_("SKU “%(sku)s” repeats row %(row)d") % {"sku": sku, "row": seen[product_id]})
        price = None
        try:
            price = parse_price(_cell(row, columns, "price"))
        except CellError as exc:
            problems.append(str(exc))
        if problems:
            errors.append({"row": number, "sku": _shown(sku), "message": "; ".join(problems)})
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
