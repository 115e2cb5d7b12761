from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


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
        "suz-inbox-change": (["partner.dashboard_access"],),
        "suz-inbox-assign": ["is_staff"],
        # The manufacturer's dispatch settings (default_permissions: staff only).
    }

    def ready(self):
        # Through Oscar's get_class: a site forks this app the Oscar way and replaces one view.
        self.inbox_view = get_class("suz_dispatch_dashboard.views", "InboxView")
        self.claim_view = get_class("suz_dispatch_dashboard.views", "ClaimView")
        self.decline_view = get_class("suz_dispatch_dashboard.views", "DeclineView")
        self.order_view = get_class("suz_dispatch_dashboard.views", "OrderView")
        self.status_view = get_class("suz_dispatch_dashboard.views", "StatusView")
        self.give_up_view = get_class("suz_dispatch_dashboard.views", "GiveUpView")
        self.assign_view = get_class("suz_dispatch_dashboard.views", "AssignView")
        self.change_view = get_class("suz_dispatch_dashboard.views", "ChangeAnswerView")
        self.strategy_list_view = get_class("suz_dispatch_dashboard.settings_views", "StrategyListView")
        self.strategy_action_view = get_class("suz_dispatch_dashboard.settings_views", "StrategyActionView")
        self.strategy_edit_view = get_class("suz_dispatch_dashboard.settings_views", "StrategyEditView")
        self.priority_dealers_view = get_class("suz_dispatch_dashboard.settings_views", "PriorityDealersView")
        self.decline_reasons_view = get_class("suz_dispatch_dashboard.settings_views", "DeclineReasonsView")
        self.failure_reasons_view = get_class("suz_dispatch_dashboard.settings_views", "FailureReasonsView")

    def get_urls(self):
        urls = [
            path("", self.inbox_view.as_view(), name="suz-inbox"),
            path("<int:pk>/", self.order_view.as_view(), name="suz-inbox-order"),
            path("<int:pk>/claim/", self.claim_view.as_view(), name="suz-inbox-claim"),
            path("<int:pk>/decline/", self.decline_view.as_view(), name="suz-inbox-decline"),
            path("<int:pk>/status/", self.status_view.as_view(), name="suz-inbox-status"),
            path("<int:pk>/give-up/", self.give_up_view.as_view(), name="suz-inbox-give-up"),
            path("<int:pk>/assign/", self.assign_view.as_view(), name="suz-inbox-assign"),
            path("<int:pk>/change/<int:request_pk>/", self.change_view.as_view(), name="suz-inbox-change"),
            path("strategies/", self.strategy_list_view.as_view(), name="suz-strategies"),
            path("strategies/action/", self.strategy_action_view.as_view(), name="suz-strategy-action"),
            path("strategies/edit/", self.strategy_edit_view.as_view(), name="suz-strategy-edit"),
            path("priority-dealers/", self.priority_dealers_view.as_view(), name="suz-priority-dealers"),
            path("decline-reasons/", self.decline_reasons_view.as_view(), name="suz-decline-reasons"),
            path("failure-reasons/", self.failure_reasons_view.as_view(), name="suz-failure-reasons"),
        ]
        return self.post_process_urls(urls)
