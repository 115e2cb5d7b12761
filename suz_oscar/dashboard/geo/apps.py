from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class GeoDashboardConfig(OscarDashboardConfig):
    """Regions and cities: the manufacturer extends, renames and switches them off."""

    label = "suz_geo_dashboard"
    name = "suz_oscar.dashboard.geo"
    verbose_name = _("Regions and cities dashboard")
    default_auto_field = "django.db.models.BigAutoField"
    default_permissions = ["is_staff"]

    def ready(self):
        # Through Oscar's get_class: a site forks this app the Oscar way and replaces one view.
        self.region_list_view = get_class("suz_geo_dashboard.views", "RegionListView")
        self.region_create_view = get_class("suz_geo_dashboard.views", "RegionCreateView")
        self.region_update_view = get_class("suz_geo_dashboard.views", "RegionUpdateView")
        self.city_list_view = get_class("suz_geo_dashboard.views", "CityListView")
        self.city_create_view = get_class("suz_geo_dashboard.views", "CityCreateView")
        self.city_update_view = get_class("suz_geo_dashboard.views", "CityUpdateView")

    def get_urls(self):
        urls = [
            path("", self.region_list_view.as_view(), name="suz-region-list"),
            path("create/", self.region_create_view.as_view(), name="suz-region-create"),
            path("<int:pk>/", self.region_update_view.as_view(), name="suz-region-update"),
            path("cities/", self.city_list_view.as_view(), name="suz-city-list"),
            path("cities/create/", self.city_create_view.as_view(), name="suz-city-create"),
            path("cities/<int:pk>/", self.city_update_view.as_view(), name="suz-city-update"),
        ]
        return self.post_process_urls(urls)
