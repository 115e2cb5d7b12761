"""Reading uploaded tables (CSV or XLSX) row by row, whatever they hold: bounded, streamed, said in words.

Sizes are bounded before any work: a file over ``MAX_FILE_SIZE`` is refused unread, an XLSX whose parts
unpack to more than ``MAX_UNPACKED_SIZE`` unopened; rows are streamed (``csv`` line by line, openpyxl
read-only). A file that cannot be used raises ``TableFileError`` with a translated message that speaks of
"the file" (the caller says what the file should be); the library's own words go to the log.
Used by the dealers' price files (``offers.pricefiles``) and the ad spend files (``analytics.spendfiles``).
"""

import csv
import io
import itertools
import logging
import math
import unicodedata
import zipfile
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .spreadsheets import deneutralise

logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 20 * 1024 * 1024  # bytes; the upload forms say "20 MB"
MAX_UNPACKED_SIZE = 30 * 1024 * 1024
MAX_LINE = 64 * 1024  # characters of one CSV line
MAX_COLUMNS = 50  # columns read; anything further right is not looked at
SHOWN = 40  # characters of a bad value repeated in an error
SNIFF_ROWS = 10  # CSV lines the separator is guessed from


class TableFileError(Exception):
    """The file as a whole cannot be read; the message is translated."""


def text(value):
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


def shown(value):
    """A cell as it may be repeated in an error: printable, at most ``SHOWN`` characters."""
    cut = "".join(ch if ch.isprintable() else " " for ch in text(value)[: SHOWN + 1])
    return cut[:SHOWN] + "…" if len(cut) > SHOWN else cut


def has_control_characters(value):
    """Whether ``value`` holds a control character (NUL, a line break…) or half of a surrogate pair."""
    return any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value)


def float_to_places(value, places):
    """A float from XLSX as a ``Decimal`` of ``places`` decimals if it is that number up to binary noise;
    ``ValueError`` otherwise."""
    if not math.isfinite(value):
        raise ValueError
    rounded = round(value, places)
    if abs(value - rounded) > 1e-9 * max(1.0, abs(value)):
        raise ValueError
    return Decimal(repr(rounded))


def _unreadable(exc):
    logger.info("Unreadable table file: %r", exc)
    return TableFileError(_("The file cannot be read: it is damaged, or not a CSV or XLSX table. Save it again "
                            "from your spreadsheet (as “CSV UTF-8” or XLSX) and upload it."))


def _not_utf8():
    return TableFileError(_("The file is not in UTF-8. Save it as “CSV UTF-8” or as XLSX."))


def _csv_lines(stream):
    while line := stream.readline(MAX_LINE + 1):
        if len(line) > MAX_LINE and not line.endswith(("\n", "\r")):
            raise TableFileError(ngettext("A line of the file is longer than %(max)d character.",
                                          "A line of the file is longer than %(max)d characters.", MAX_LINE)
                                 % {"max": MAX_LINE})
        yield line


def csv_rows(content):
    """The rows of a CSV file; the separator (``;``, ``,`` or tab) is the commonest in its first lines (report
    exports put a title line without any above the header)."""
    if b"\x00" in content:  # UTF-16 ("Unicode text"), or not text at all
        raise _not_utf8()
    stream = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8-sig", newline="")
    try:
        lines = _csv_lines(stream)
        head = list(itertools.islice(lines, SNIFF_ROWS))
        delimiter = max(";,\t", key="".join(head).count)
        for row in csv.reader(itertools.chain(head, lines), delimiter=delimiter):
            yield row[:MAX_COLUMNS]
    except UnicodeDecodeError as exc:
        raise _not_utf8() from exc
    except csv.Error as exc:
        raise _unreadable(exc) from exc


def xlsx_rows(content):
    """The rows of the first sheet of an XLSX file, as cell values."""
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise _unreadable(exc) from exc
    if unpacked > MAX_UNPACKED_SIZE:
        raise TableFileError(_("The file unpacks to more than %(max)d MB: it is not a table we can read.")
                             % {"max": MAX_UNPACKED_SIZE // (1024 * 1024)})
    workbook = None
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True, keep_links=False)
        sheet = workbook.active
        sheet.reset_dimensions()  # do not trust the file's own "dimension": read the rows it has
        for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            yield list(row)
    except TableFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise _unreadable(exc) from exc
    finally:
        if workbook is not None:
            workbook.close()


def rows(content, filename):
    """The file's rows one at a time, after the checks of its size and name."""
    if len(content) > MAX_FILE_SIZE:
        raise TableFileError(_("The file is larger than 20 MB."))
    if has_control_characters(filename):
        raise TableFileError(_("The file name contains control characters (such as zero bytes). "
                               "Rename the file and upload it again."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        return xlsx_rows(content)
    if name.endswith(".csv"):
        return csv_rows(content)
    raise TableFileError(_("Upload a CSV or XLSX file."))
