from suz_oscar.dashboard.dealers import apps


class DealersDashboardConfig(apps.DealersDashboardConfig):
    name = "tests.fork_site.dealers_dashboard"
