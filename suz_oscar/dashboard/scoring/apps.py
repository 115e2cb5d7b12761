from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class ScoringDashboardConfig(OscarDashboardConfig):
    """Dealer scorecards (staff: any dealer; managers: their own) and the manufacturer's points table."""

    label = "suz_scoring_dashboard"
    name = "suz_oscar.dashboard.scoring"
    verbose_name = _("Dealer scoring")
    default_auto_field = "django.db.models.BigAutoField"
    default_permissions = ["is_staff"]
    staff_or_dealer = (["is_staff"], ["partner.dashboard_access"])
    permissions_map = {
        "suz-scorecard": staff_or_dealer,
        "suz-scorecard-mine": staff_or_dealer,
    }

    def ready(self):
        # Through Oscar's get_class: a site forks this app the Oscar way and replaces one view.
        self.scorecard_view = get_class("suz_scoring_dashboard.views", "ScorecardView")
        self.mine_view = get_class("suz_scoring_dashboard.views", "MyScorecardView")
        self.adjust_view = get_class("suz_scoring_dashboard.views", "AdjustView")
        self.restore_view = get_class("suz_scoring_dashboard.views", "RestoreView")
        self.order_points_view = get_class("suz_scoring_dashboard.views", "OrderPointsView")
        self.rules_view = get_class("suz_scoring_dashboard.views", "RulesView")

    def get_urls(self):
        urls = [
            path("", self.mine_view.as_view(), name="suz-scorecard-mine"),
            path("dealer/<int:pk>/", self.scorecard_view.as_view(), name="suz-scorecard"),
            path("dealer/<int:pk>/adjust/", self.adjust_view.as_view(), name="suz-scoring-adjust"),
            path("dealer/<int:pk>/restore/", self.restore_view.as_view(), name="suz-scoring-restore"),
            path("order/<int:pk>/points/", self.order_points_view.as_view(), name="suz-order-points"),
            path("rules/", self.rules_view.as_view(), name="suz-scoring-rules"),
        ]
        return self.post_process_urls(urls)
