"""CSV and XLSX exports that a spreadsheet opens without running anything.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
read by Excel and LibreOffice as a formula (``=HYPERLINK(…)``, ``=cmd|…``): anyone who
can put text into an export — a dealer's name, a competitor's product title — could
make it run on the reader's machine. As OWASP recommends, such text gets a leading
single quote; numbers stay numbers (a negative *number* is not a formula).
Every export of django-suz goes through :func:`export_dataset` or :class:`SafeTableExport`.
"""

import tablib
from django_tables2.export import TableExport

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value):
    """``value``, with a leading ``'`` if it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def deneutralise(text):
    """Undo :func:`neutralise` on text read back from one of our exports."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def sheet_title(title) -> str:
    """A worksheet's name in the site's language: ``title``, else «Данные» (never django-tables2's English «Export
    Data» or tablib's «Tablib Dataset»); at most 31 characters, none of those Excel forbids."""
    from django.utils.text import capfirst
    from django.utils.translation import gettext

    text = capfirst(str(title or "").strip()) or gettext("Data")
    if text == "Export Data":
        text = gettext("Data")
    return "".join(" " if ch in "[]:*?/\\" else ch for ch in text)[:31]


def neutralise_dataset(dataset):
    """A copy of a tablib ``Dataset`` with every cell (headers too) neutralised, under a sheet name in the site's
    language."""
    safe = tablib.Dataset(title=sheet_title(dataset.title))
    if dataset.headers:
        safe.headers = [neutralise(header) for header in dataset.headers]
    for row in dataset:
        safe.append([neutralise(value) for value in row])
    return safe


def export_dataset(dataset, fmt):
    """Export ``dataset`` as ``"csv"`` (text) or ``"xlsx"`` (bytes), neutralised."""
    if fmt not in FORMATS:
        raise ValueError(f"Unsupported export format: {fmt!r}")
    return neutralise_dataset(dataset).export(fmt)


class SafeTableExport(TableExport):
    """django-tables2's export, CSV and XLSX only, every cell neutralised.

    Use it as ``export_class`` of a view with ``ExportMixin``. Other formats
    (``?_export=xls``, ``ods``, ``yaml``…) are not served: the view renders its page.
    """

    FORMATS = FORMATS

    @classmethod
    def is_valid_format(cls, export_format):
        return export_format in cls.FORMATS

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        # django-tables2 names the sheet by ``verbose_name_plural.title()`` («Дилеры»… in English title case) or
        # «Export Data»: the model's plural as written, in the site's language, instead.
        model = getattr(getattr(table, "Meta", None), "model", None)
        kwargs = {"title": model._meta.verbose_name_plural if model is not None else ""}
        kwargs.update(dataset_kwargs or {})
        return neutralise_dataset(super().table_to_dataset(table, exclude_columns, kwargs))
