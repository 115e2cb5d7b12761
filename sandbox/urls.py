from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.staticfiles.views import serve as static_serve
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("suz_oscar.urls")),
    # Oscar's shop (catalogue, basket, checkout, accounts, dashboard); our Shop
    # config leaves "/" free for Wagtail.
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SANDBOX_SERVE_MEDIA", False):
    # The demo without DEBUG serves its own files (never in production: the web server does). Served here, not
    # by `runserver --insecure`, so a hostile path is refused like any bad request (400), not a server error.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
        re_path(rf"^{settings.STATIC_URL.lstrip('/')}(?P<path>.*)$", static_serve, {"insecure": True}),
    ]

# Wagtail serves every other path, the home page "/" among them: keep it last.
urlpatterns += [path("", include(wagtail_urls))]

# Oscar's error pages (in the shop's layout and language) instead of Django's bare ones.
handler403 = "oscar.views.handler403"
handler404 = "oscar.views.handler404"
handler500 = "oscar.views.handler500"
