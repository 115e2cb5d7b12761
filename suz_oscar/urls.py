"""URLs of django-suz. Include them before Oscar's: ``path("", include("suz_oscar.urls"))``."""

from django.apps import apps
from django.urls import include, path

from .dashboard.views import dashboard_index

urlpatterns = [
    # Answers /dashboard/ before Oscar does. Named "index" like Oscar's pattern:
    # Oscar's menu resolves the URL and looks its permissions up by that name.
    path("dashboard/", dashboard_index, name="index"),
    path(
        "dashboard/dealers/",
        include((apps.get_app_config("suz_dealers_dashboard").urls[0], "suz_dashboard")),
    ),
    path(
        "dashboard/regions/",
        include((apps.get_app_config("suz_geo_dashboard").urls[0], "suz_dashboard_geo")),
    ),
]
