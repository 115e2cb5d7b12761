from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class TelephonyDashboardConfig(OscarDashboardConfig):
    """Click-to-call from the order card, the call's live state, recordings, the manager's phone line."""

    label = "suz_telephony_dashboard"
    name = "suz_oscar.dashboard.telephony"
    verbose_name = _("Telephony")
    default_auto_field = "django.db.models.BigAutoField"
    default_permissions = ["is_staff"]
    staff_or_dealer = (["is_staff"], ["partner.dashboard_access"])
    permissions_map = {
        "suz-call-start": staff_or_dealer,
        "suz-call-state": staff_or_dealer,
        "suz-call-recording": staff_or_dealer,
        "suz-call-prompt": staff_or_dealer,
        "suz-phone-line": staff_or_dealer,
    }

    def ready(self):
        self.start_view = get_class("suz_telephony_dashboard.views", "CallStartView")
        self.state_view = get_class("suz_telephony_dashboard.views", "CallStateView")
        self.recording_view = get_class("suz_telephony_dashboard.views", "RecordingView")
        self.line_view = get_class("suz_telephony_dashboard.views", "LineView")

    def get_urls(self):
        urls = [
            path("order/<int:pk>/call/", self.start_view.as_view(), name="suz-call-start"),
            path("<int:pk>/state/", self.state_view.as_view(), name="suz-call-state"),
            path("<int:pk>/recording/", self.recording_view.as_view(), name="suz-call-recording"),
            path("<int:pk>/prompt/", self.recording_view.as_view(field="prompt"), name="suz-call-prompt"),
            path("my-phone/", self.line_view.as_view(), name="suz-phone-line"),
        ]
        return self.post_process_urls(urls)
