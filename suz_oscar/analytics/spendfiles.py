"""Ad spend files as Yandex Direct and Google Ads export them (CSV or XLSX), checked row by row.

The header row is found among the first rows (both platforms put a report title and a period above it)
and its columns are mapped by name. The file limits, the CSV/XLSX reading and the wording of whole-file
errors are the dealers' price files' (``offers.pricefiles``); a file with any bad row is not applied.
"""

import csv
import datetime
import io
import itertools
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from suz_oscar.offers import pricefiles
from suz_oscar.offers.pricefiles import PriceFileError

from .vocabulary import FIELD_LENGTHS

YANDEX, GOOGLE = "yandex_direct", "google_ads"
PLATFORM_TITLES = {YANDEX: "Яндекс Директ", GOOGLE: "Google Ads"}
# column -> {platform: header names}; headers are compared lower-cased, without a trailing "(руб.)", "(RUB)"…
HEADERS = {
    "day": {YANDEX: ("день", "дата"), GOOGLE: ("day", "date")},
    "campaign": {YANDEX: ("кампания", "название кампании", "кампания (название)"),
                 GOOGLE: ("campaign", "campaign name")},
    "spend": {YANDEX: ("расход", "расход, руб.", "стоимость"), GOOGLE: ("cost", "spend", "amount spent")},
    "clicks": {YANDEX: ("клики",), GOOGLE: ("clicks",)},
    "impressions": {YANDEX: ("показы",), GOOGLE: ("impressions", "impr.", "impr")},
}
HEADER_SEARCH_ROWS = 10
MAX_SPEND = Decimal("999999999999.99")
MAX_COUNT = 2_147_483_647
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%m/%d/%Y", "%Y/%m/%d")


def _csv_rows(content):
    """The price files' CSV reading, with the separator (``;``, ``,`` or tab) taken from the first lines that
    have one: both platforms start their files with a title line without any."""
    if b"\x00" in content:
        raise PriceFileError(_("The file is not in UTF-8. Save it as “CSV UTF-8” or as XLSX."))
    stream = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8-sig", newline="")
    try:
        lines = pricefiles._csv_lines(stream)
        head = list(itertools.islice(lines, HEADER_SEARCH_ROWS))
        sample = "".join(head)
        delimiter = max(";,\t", key=sample.count)
        for row in csv.reader(itertools.chain(head, lines), delimiter=delimiter):
            yield row[:pricefiles.MAX_COLUMNS]
    except UnicodeDecodeError as exc:
        raise PriceFileError(_("The file is not in UTF-8. Save it as “CSV UTF-8” or as XLSX.")) from exc
    except csv.Error as exc:
        raise pricefiles._unreadable(exc) from exc


def _rows(content, filename):
    if filename.lower().endswith(".csv"):
        return _csv_rows(content)
    return pricefiles._rows(content, filename)


class SpendFileError(Exception):
    """The file as a whole cannot be used; the message is translated."""


def _header_key(value):
    text = pricefiles._text(value).lower().strip()
    return re.sub(r"\s*\((?:руб\.?|rub|₽|usd|eur)\)$", "", text).strip(" ,")


def _columns(header):
    found, platforms = {}, set()
    for index, cell in enumerate(header):
        key = _header_key(cell)
        for column, names in HEADERS.items():
            for platform, words in names.items():
                if key in words and column not in found:
                    found[column] = index
                    platforms.add(platform)
    if {"day", "campaign", "spend"} <= found.keys():
        return found, (YANDEX if YANDEX in platforms else GOOGLE)
    return None, None


def parse_day(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = pricefiles._text(value)[:20]
    for fmt in DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if 2000 <= day.year <= 2100:
            return day
    raise ValueError


def parse_amount(value, *, maximum, places):
    """A non-negative number of at most ``places`` decimals: «1 234,56», «1,234.56», 1234.5."""
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = pricefiles._float_to_cents(value, places)
    else:
        text = pricefiles._text(value).replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        if not text:
            return Decimal(0)
        if len(text) > 32:
            raise ValueError
        if "," in text and "." in text:
            text = text.replace(",", "")
        text = text.replace(",", ".")
        if not NUMBER.fullmatch(text):
            raise ValueError
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError from None
    step = Decimal(1).scaleb(-places)
    if number < 0 or number > maximum or number != number.quantize(step):
        raise ValueError
    return number.quantize(step)


def parse_spend_file(content, filename):
    """``(rows, errors, platform)``: rows ``{"day", "platform", "campaign", "spend", "clicks", "impressions"}``,
    errors ``{"row": n, "message": …}`` (the spreadsheet's row numbers). Raises ``SpendFileError``."""
    try:
        if len(content) > pricefiles.MAX_FILE_SIZE:
            raise SpendFileError(_("The file is larger than 20 MB."))
        if pricefiles.has_control_characters(filename):
            raise SpendFileError(_("The file name contains control characters (such as zero bytes). "
                                   "Rename the file and upload it again."))
        rows_in = _rows(content, filename)
        try:
            return _check(rows_in)
        finally:
            rows_in.close()
    except PriceFileError as exc:
        raise SpendFileError(str(exc)) from exc


def _check(rows_in):
    columns = platform = None
    header_row = 0
    for header_row, row in enumerate(rows_in, start=1):
        if any("\x00" in pricefiles._text(cell) for cell in row):
            raise SpendFileError(_("The file contains zero bytes (NUL) in row %(row)d.") % {"row": header_row})
        columns, platform = _columns(row)
        if columns or header_row >= HEADER_SEARCH_ROWS:
            break
    if header_row == 0:
        raise SpendFileError(_("The file is empty."))
    if not columns:
        raise SpendFileError(_("No header row with the columns “Day”, “Campaign” and “Cost” (Яндекс Директ: "
                               "«День», «Кампания», «Расход») in the first %(rows)d rows.")
                             % {"rows": HEADER_SEARCH_ROWS})
    rows, errors, seen, more = [], [], {}, 0
    for number, row in enumerate(rows_in, start=header_row + 1):
        if number > pricefiles.MAX_ROWS + HEADER_SEARCH_ROWS:
            raise SpendFileError(_("The file has more than %(max)d rows.") % {"max": pricefiles.MAX_ROWS})
        cells = {name: (row[index] if index < len(row) else None) for name, index in columns.items()}
        texts = {name: pricefiles._text(value) for name, value in cells.items()}
        if not any(texts.values()):
            continue
        first = texts["day"].lower()
        if first.startswith(("итого", "всего", "total")) or texts["campaign"].lower() in ("итого", "total", "всего"):
            continue  # the platforms' own total rows
        if len(errors) >= pricefiles.MAX_ERRORS:
            more += 1
            continue
        problems, values = [], {"platform": platform}
        if any("\x00" in text for text in texts.values()):
            errors.append({"row": number, "message": _("the row contains zero bytes (NUL)")})
            continue
        try:
            values["day"] = parse_day(cells["day"])
        except ValueError:
            problems.append(_("bad date “%(value)s”") % {"value": pricefiles._shown(cells["day"])})
        campaign = texts["campaign"]
        if not campaign:
            problems.append(_("no campaign"))
        elif len(campaign) > FIELD_LENGTHS["campaign"] or pricefiles.has_control_characters(campaign):
            problems.append(_("campaign name “%(value)s” is too long or has control characters")
                            % {"value": pricefiles._shown(campaign)})
        values["campaign"] = campaign
        try:
            values["spend"] = parse_amount(cells["spend"], maximum=MAX_SPEND, places=2)
        except ValueError:
            problems.append(_("bad cost “%(value)s”") % {"value": pricefiles._shown(cells["spend"])})
        for name in ("clicks", "impressions"):
            try:
                values[name] = int(parse_amount(cells.get(name), maximum=MAX_COUNT, places=0))
            except ValueError:
                problems.append(_("bad number “%(value)s”") % {"value": pricefiles._shown(cells.get(name))})
        key = (values.get("day"), campaign)
        if not problems and key in seen:
            problems.append(_("the campaign and day repeat row %(row)d") % {"row": seen[key]})
        if problems:
            errors.append({"row": number, "message": "; ".join(problems)})
            continue
        seen[key] = number
        rows.append(values)
    if more:
        errors.append({"row": None, "message": ngettext(
            "and %(count)d more row with errors or not checked", "and %(count)d more rows with errors or not checked",
            more) % {"count": more}})
    if not rows and not errors:
        raise SpendFileError(_("The file has no rows under its header."))
    return rows, errors, platform
