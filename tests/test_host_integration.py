"""What a host site can get wrong, and what it may replace: system checks and forks the Oscar way."""

import os
import subprocess
import sys
from pathlib import Path

from celery import current_app
from django.core.checks import run_checks
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent


def ids(**kwargs):
    return [message.id for message in run_checks(**kwargs)]


def test_a_well_configured_site_passes_our_checks():
    assert [i for i in ids() if i.startswith("suz.")] == []


def test_oscars_own_class_loader_is_an_error():
    with override_settings(OSCAR_DYNAMIC_CLASS_LOADER="oscar.core.loading.default_class_loader"):
        assert "suz.E002" in ids()


def test_a_missing_or_misplaced_city_middleware_is_an_error(settings):
    middleware = list(settings.MIDDLEWARE)
    city = "suz_oscar.storefront.middleware.CityMiddleware"
    with override_settings(MIDDLEWARE=[m for m in middleware if m != city]):
        assert "suz.E003" in ids()
    with override_settings(MIDDLEWARE=[city] + [m for m in middleware if m != city]):
        assert "suz.E003" in ids()


def test_a_strategy_that_does_not_import_is_an_error():
    with override_settings(SUZ_DISPATCH_STRATEGIES=[{"CLASS": "myshop.nowhere.Strategy"},
                                                    {"CLASS": "django.views.View"}]):
        assert ids().count("suz.E004") == 2


def test_a_beat_schedule_without_our_sweeps_is_a_warning():
    schedule = dict(current_app.conf.beat_schedule)
    current_app.conf.beat_schedule = {}
    try:
        assert "suz.W003" in ids()
    finally:
        current_app.conf.beat_schedule = schedule
    assert "suz.W003" not in ids()


FORK_CHECK = r"""
import django
django.setup()
from django.apps import apps
from django.core.management import call_command
from django.urls import resolve
from oscar.core.loading import get_class

dashboard = apps.get_app_config("suz_dealers_dashboard")
assert dashboard.list_view.__module__ == "tests.fork_site.dealers_dashboard.views", dashboard.list_view
assert dashboard.list_view.forked_by_host
assert dashboard.outlet_list_view.__module__ == "suz_oscar.dashboard.dealers.views"  # not forked: ours
assert resolve("/dashboard/dealers/").func.view_class is dashboard.list_view
payment = get_class("checkout.views", "PaymentDetailsView")
assert payment.__module__ == "tests.fork_site.checkout.views" and payment.forked_by_host, payment
assert resolve("/checkout/payment-details/").func.view_class is payment
assert get_class("checkout.views", "IndexView").__module__ == "suz_oscar.checkout.views"  # ours over Oscar's
assert get_class("checkout.views", "ThankYouView").__module__ == "oscar.apps.checkout.views"
call_command("check", fail_level="ERROR")
print("forks win")
"""


def test_a_host_forks_a_dashboard_app_and_oscars_checkout_and_its_classes_win():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.fork_site.settings"}
    result = subprocess.run([sys.executable, "-c", FORK_CHECK], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and "forks win" in result.stdout, result.stdout + result.stderr


def test_adding_to_the_basket_works_with_oscars_default_strategy(db, monkeypatch):
    """A host that plugs in another strategy (no regional offers) keeps Oscar's add-to-basket."""
    from django.urls import reverse
    from oscar.apps.basket import middleware
    from oscar.apps.partner.strategy import Selector as OscarSelector
    from oscar.test.factories import ProductFactory

    from .conftest import client_for

    monkeypatch.setattr(middleware, "selector", OscarSelector())
    product = ProductFactory()  # with Oscar's own stock record
    response = client_for().post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert response.status_code == 302
