"""URLs of django-suz. Include them before Oscar's: ``path("", include("suz_oscar.urls"))``."""

from django.apps import apps
from django.urls import include, path

urlpatterns = [
    path(
        "dashboard/dealers/",
        include((apps.get_app_config("suz_dealers_dashboard").urls[0], "suz_dashboard")),
    ),
    path(
        "dashboard/regions/",
        include((apps.get_app_config("suz_geo_dashboard").urls[0], "suz_dashboard_geo")),
    ),
]
