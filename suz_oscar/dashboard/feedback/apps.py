from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class FeedbackDashboardConfig(OscarDashboardConfig):
    """Complaints, surveys, reviews and the customer card; the order card's results block and map."""

    label = "suz_feedback_dashboard"
    name = "suz_oscar.dashboard.feedback"
    verbose_name = _("Customer feedback")
    default_auto_field = "django.db.models.BigAutoField"
    default_permissions = ["is_staff"]
    staff_or_dealer = (["is_staff"], ["partner.dashboard_access"])
    permissions_map = {
        "suz-complaints": staff_or_dealer,
        "suz-complaint": staff_or_dealer,
        "suz-complaint-reply": staff_or_dealer,
        "suz-earned": staff_or_dealer,
        "suz-customers": staff_or_dealer,
        "suz-customer": staff_or_dealer,
    }

    def ready(self):
        # Through Oscar's get_class: a site forks this app the Oscar way and replaces one view.
        for name in ("SurveySendView", "EarnedView", "ComplaintListView", "ComplaintView", "ComplaintReplyView",
                     "ComplaintCloseView", "ReviewListView", "ReviewModerateView", "SurveyQuestionsView",
                     "CustomerSearchView", "CustomerCardView"):
            setattr(self, name, get_class("suz_feedback_dashboard.views", name))

    def get_urls(self):
        urls = [
            path("order/<int:pk>/survey/", self.SurveySendView.as_view(), name="suz-survey-send"),
            path("order/<int:pk>/earned/", self.EarnedView.as_view(), name="suz-earned"),
            path("complaints/", self.ComplaintListView.as_view(), name="suz-complaints"),
            path("complaints/<int:pk>/", self.ComplaintView.as_view(), name="suz-complaint"),
            path("complaints/<int:pk>/reply/", self.ComplaintReplyView.as_view(), name="suz-complaint-reply"),
            path("complaints/<int:pk>/close/", self.ComplaintCloseView.as_view(), name="suz-complaint-close"),
            path("reviews/", self.ReviewListView.as_view(), name="suz-reviews"),
            path("reviews/<int:pk>/", self.ReviewModerateView.as_view(), name="suz-review-moderate"),
            path("questions/", self.SurveyQuestionsView.as_view(), name="suz-survey-questions"),
            path("customers/", self.CustomerSearchView.as_view(), name="suz-customers"),
            path("customers/<int:pk>/", self.CustomerCardView.as_view(), name="suz-customer"),
        ]
        return self.post_process_urls(urls)
