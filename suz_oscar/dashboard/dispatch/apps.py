from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig


class DispatchDashboardConfig(OscarDashboardConfig):
    """A dealer's order inbox: orders available to it now, its own orders; claim and decline."""

    label = "suz_dispatch_dashboard"
    name = "suz_oscar.dashboard.dispatch"
    verbose_name = _("Order inbox")
    default_auto_field = "django.db.models.BigAutoField"
    default_permissions = ["is_staff"]
    staff_or_dealer = (["is_staff"], ["partner.dashboard_access"])
    permissions_map = {
        "suz-inbox": staff_or_dealer,
        "suz-inbox-claim": (["partner.dashboard_access"],),
        "suz-inbox-decline": (["partner.dashboard_access"],),
        "suz-inbox-order": staff_or_dealer,
        "suz-inbox-status": (["partner.dashboard_access"],),
        "suz-inbox-give-up": (["partner.dashboard_access"],),
        "suz-inbox-assign": ["is_staff"],
    }

    def ready(self):
        from . import views

        self.inbox_view = views.InboxView
        self.claim_view = views.ClaimView
        self.decline_view = views.DeclineView
        self.order_view = views.OrderView
        self.status_view = views.StatusView
        self.give_up_view = views.GiveUpView
        self.assign_view = views.AssignView

    def get_urls(self):
        urls = [
            path("", self.inbox_view.as_view(), name="suz-inbox"),
            path("<int:pk>/", self.order_view.as_view(), name="suz-inbox-order"),
            path("<int:pk>/claim/", self.claim_view.as_view(), name="suz-inbox-claim"),
            path("<int:pk>/decline/", self.decline_view.as_view(), name="suz-inbox-decline"),
            path("<int:pk>/status/", self.status_view.as_view(), name="suz-inbox-status"),
            path("<int:pk>/give-up/", self.give_up_view.as_view(), name="suz-inbox-give-up"),
            path("<int:pk>/assign/", self.assign_view.as_view(), name="suz-inbox-assign"),
        ]
        return self.post_process_urls(urls)
