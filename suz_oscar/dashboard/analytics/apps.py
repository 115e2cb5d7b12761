from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class AnalyticsDashboardConfig(OscarDashboardConfig):
    """«Аналитика»: the sales reports and the ad spend import (staff only)."""

    label = "suz_analytics_dashboard"
    name = "suz_oscar.dashboard.analytics"
    verbose_name = _("Sales analytics dashboard")
    default_auto_field = "django.db.models.BigAutoField"
    default_permissions = ["is_staff"]

    def ready(self):
        # Through Oscar's get_class: a site forks this app the Oscar way and replaces one view.
        self.sales_view = get_class("suz_analytics_dashboard.views", "SalesReportView")
        self.funnel_view = get_class("suz_analytics_dashboard.views", "FunnelReportView")
        self.refusals_view = get_class("suz_analytics_dashboard.views", "RefusalsReportView")
        self.advertising_view = get_class("suz_analytics_dashboard.views", "AdvertisingReportView")
        self.spend_import_view = get_class("suz_analytics_dashboard.views", "SpendImportView")
        self.conversions_view = get_class("suz_analytics_dashboard.views", "OfflineConversionsView")

    def get_urls(self):
        urls = [
            path("", self.sales_view.as_view(), name="suz-analytics-sales"),
            path("funnel/", self.funnel_view.as_view(), name="suz-analytics-funnel"),
            path("refusals/", self.refusals_view.as_view(), name="suz-analytics-refusals"),
            path("advertising/", self.advertising_view.as_view(), name="suz-analytics-advertising"),
            path("advertising/import/", self.spend_import_view.as_view(), name="suz-analytics-spend-import"),
            path("advertising/conversions/", self.conversions_view.as_view(), name="suz-analytics-conversions"),
        ]
        return self.post_process_urls(urls)
