"""Pieces shared by the dashboard's table pages."""

from suz_oscar.core.conf import suz_settings


class FixedPageSizeMixin:
    """django-tables2 pages of ``SUZ_DASHBOARD_PAGE_SIZE`` rows.

    django-tables2 would also take ``?per_page=`` from the URL, and ``0`` or ``-5`` there fail the page.
    """

    def get_table_pagination(self, table):
        return {"per_page": suz_settings.SUZ_DASHBOARD_PAGE_SIZE}

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "per_page_field": "suz-page-size-is-fixed"}
