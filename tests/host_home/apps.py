from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "tests.host_home"
    label = "home"  # as in a `wagtail start` project
    default_auto_field = "django.db.models.BigAutoField"
