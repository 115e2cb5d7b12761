"""A host's URLs with language prefixes (``i18n_patterns``), as django-oscar's own sandbox has them."""

from django.apps import apps
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

urlpatterns = [path("i18n/", include("django.conf.urls.i18n"))]
urlpatterns += i18n_patterns(
    path("", include("suz_oscar.urls")),
    path("", include(apps.get_app_config("oscar").urls[0])),
)
