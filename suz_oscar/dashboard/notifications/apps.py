from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class NotificationsDashboardConfig(OscarDashboardConfig):
    """Each user's notification centre and preferences (staff and dealer managers); the outbox (staff)."""

    label = "suz_notifications_dashboard"
    name = "suz_oscar.dashboard.notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"
    default_permissions = ["is_staff"]
    staff_or_dealer = (["is_staff"], ["partner.dashboard_access"])
    permissions_map = {
        "suz-notifications": staff_or_dealer,
        "suz-notifications-read": staff_or_dealer,
        "suz-notifications-poll": staff_or_dealer,
        "suz-notification-preferences": staff_or_dealer,
        "suz-order-comment": staff_or_dealer,
    }

    def ready(self):
        self.list_view = get_class("suz_notifications_dashboard.views", "NotificationListView")
        self.read_view = get_class("suz_notifications_dashboard.views", "MarkReadView")
        self.poll_view = get_class("suz_notifications_dashboard.views", "PollView")
        self.preferences_view = get_class("suz_notifications_dashboard.views", "PreferencesView")
        self.outbox_view = get_class("suz_notifications_dashboard.views", "OutboxView")
        self.retry_view = get_class("suz_notifications_dashboard.views", "RetryView")
        self.comment_view = get_class("suz_notifications_dashboard.views", "CommentView")
        self.link_revoke_view = get_class("suz_notifications_dashboard.views", "OrderLinkRevokeView")

    def get_urls(self):
        urls = [
            path("", self.list_view.as_view(), name="suz-notifications"),
            path("read/", self.read_view.as_view(), name="suz-notifications-read"),
            path("poll/", self.poll_view.as_view(), name="suz-notifications-poll"),
            path("preferences/", self.preferences_view.as_view(), name="suz-notification-preferences"),
            path("outbox/", self.outbox_view.as_view(), name="suz-outbox"),
            path("outbox/retry/", self.retry_view.as_view(), name="suz-outbox-retry"),
            path("order/<int:pk>/comment/", self.comment_view.as_view(), name="suz-order-comment"),
            path("order/<int:pk>/revoke-link/", self.link_revoke_view.as_view(), name="suz-order-link-revoke"),
        ]
        return self.post_process_urls(urls)
