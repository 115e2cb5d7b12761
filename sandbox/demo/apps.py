from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "sandbox.demo"
    label = "suz_demo"
    verbose_name = "django-suz demo data"
