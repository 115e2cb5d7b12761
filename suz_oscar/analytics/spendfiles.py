"""Ad spend files as Yandex Direct and Google Ads export them (CSV or XLSX), checked row by row.

The header row is found among the first rows (both platforms put a report title and a period above it)
and its columns are mapped by name, the campaign's id («№ кампании», «Campaign ID») too where the report has
it. The file's size, its CSV/XLSX reading and the words for a file that cannot be read are ``core.tabular``'s;
a file with any bad row is not applied.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from suz_oscar.core import tabular
from suz_oscar.core.tabular import TableFileError

from .vocabulary import FIELD_LENGTHS

YANDEX, GOOGLE = "yandex_direct", "google_ads"
PLATFORM_TITLES = {YANDEX: "Яндекс Директ", GOOGLE: "Google Ads"}
# column -> {platform: header names}; headers are compared lower-cased, without a trailing "(руб.)", "(RUB)"…
HEADERS = {
    "day": {YANDEX: ("день", "дата"), GOOGLE: ("day", "date")},
    "campaign": {YANDEX: ("кампания", "название кампании", "кампания (название)"),
                 GOOGLE: ("campaign", "campaign name")},
    "campaign_id": {YANDEX: ("№ кампании", "n кампании", "id кампании", "номер кампании"),
                    GOOGLE: ("campaign id", "campaign_id")},
    "spend": {YANDEX: ("расход", "расход, руб.", "стоимость"), GOOGLE: ("cost", "spend", "amount spent")},
    "clicks": {YANDEX: ("клики",), GOOGLE: ("clicks",)},
    "impressions": {YANDEX: ("показы",), GOOGLE: ("impressions", "impr.", "impr")},
}
HEADER_SEARCH_ROWS = tabular.SNIFF_ROWS
MAX_ROWS = 50_000  # days × campaigns of one file
MAX_ERRORS = 200  # row errors kept and shown; past them the file is only counted
MAX_SPEND = Decimal("999999999999.99")
MAX_COUNT = 2_147_483_647
CAMPAIGN_ID = re.compile(r"[0-9A-Za-z_-]{1,32}")
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%m/%d/%Y", "%Y/%m/%d")


class SpendFileError(Exception):
    """The file as a whole cannot be used; the message is translated."""


def _header_key(value):
    text = tabular.text(value).lower().strip()
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
    text = tabular.text(value)[:20]
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
        number = tabular.float_to_places(value, places)
    else:
        text = tabular.text(value).replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
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
        rows_in = tabular.rows(content, filename)
        try:
            return _check(rows_in)
        finally:
            rows_in.close()
    except TableFileError as exc:
        raise SpendFileError(str(exc)) from exc


def _check(rows_in):
    columns = platform = None
    header_row = 0
    for header_row, row in enumerate(rows_in, start=1):
        if any("\x00" in tabular.text(cell) for cell in row):
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
        if number > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise SpendFileError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
        cells = {name: (row[index] if index < len(row) else None) for name, index in columns.items()}
        texts = {name: tabular.text(value) for name, value in cells.items()}
        if not any(texts.values()):
            continue
        first = texts["day"].lower()
        if first.startswith(("итого", "всего", "total")) or texts["campaign"].lower() in ("итого", "total", "всего"):
            continue  # the platforms' own total rows
        if len(errors) >= MAX_ERRORS:
            more += 1
            continue
        problems, values = [], {"platform": platform}
        if any("\x00" in text for text in texts.values()):
            errors.append({"row": number, "message": _("the row contains zero bytes (NUL)")})
            continue
        try:
            values["day"] = parse_day(cells["day"])
        except ValueError:
            problems.append(_("bad date “%(value)s”") % {"value": tabular.shown(cells["day"])})
        campaign = texts["campaign"]
        if not campaign:
            problems.append(_("no campaign"))
        elif len(campaign) > FIELD_LENGTHS["campaign"] or tabular.has_control_characters(campaign):
            problems.append(_("campaign name “%(value)s” is too long or has control characters")
                            % {"value": tabular.shown(campaign)})
        values["campaign"] = campaign
        values["campaign_id"] = texts.get("campaign_id", "")
        if values["campaign_id"] and not CAMPAIGN_ID.fullmatch(values["campaign_id"]):
            problems.append(_("bad campaign id “%(value)s”: digits and Latin letters, at most 32")
                            % {"value": tabular.shown(values["campaign_id"])})
        try:
            values["spend"] = parse_amount(cells["spend"], maximum=MAX_SPEND, places=2)
        except ValueError:
            problems.append(_("bad cost “%(value)s”") % {"value": tabular.shown(cells["spend"])})
        for name in ("clicks", "impressions"):
            try:
                values[name] = int(parse_amount(cells.get(name), maximum=MAX_COUNT, places=0))
            except ValueError:
                problems.append(_("bad number “%(value)s”") % {"value": tabular.shown(cells.get(name))})
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
