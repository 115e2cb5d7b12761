"""A broker that hangs, several processes sharing one cache, and the settings a production site runs with."""

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from oscar.core.loading import get_model

from suz_oscar.core import queue
from suz_oscar.dealers import services as dealer_services
from suz_oscar.dispatch import tasks
from suz_oscar.test.factories import CityFactory, DealerFactory, create_manager

from .conftest import client_for
from .test_checkout import place_order
from .test_offers_storefront import add_to_basket, world  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parent.parent
Dispatch = get_model("suz_dispatch", "Dispatch")
REDIS_URL = os.environ.get("REDIS_URL")


@contextmanager
def broker_at(url):
    """Point the sandbox's Celery app at ``url`` (a fresh connection pool), then back."""
    from sandbox.celery_app import app

    def fresh_pools():  # as Celery does after a fork
        app._pool = None
        app.amqp._producer_pool = None

    previous = app.conf.broker_url
    app.conf.broker_url = url
    fresh_pools()
    try:
        yield app
    finally:
        app.conf.broker_url = previous
        fresh_pools()


@contextmanager
def stuck_server():
    """A TCP server that accepts connections and never says a word (a hung Redis)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)  # the kernel completes the handshakes; nobody ever reads or answers
    try:
        yield server.getsockname()[1]
    finally:
        server.close()


@pytest.mark.django_db(transaction=True)
def test_a_hung_broker_does_not_hold_checkout_and_the_sweep_catches_up(world, shipping_country):  # noqa: F811
    queue.reset()  # a site with a broker (that then hangs)
    managers = [create_manager(world["dx_top"]), create_manager(world["dx_cheap"])]
    with stuck_server() as port, broker_at(f"redis://127.0.0.1:{port}/0"):
        client = client_for()
        client.get("/", {"city": "x-city"})
        add_to_basket(client, world["product"])
        started = time.monotonic()
        order = place_order(client, world["x"], {"options": "anonymous", "phone": "+79123456789", "username": ""})
        # Hanging would take minutes (the socket's own timeout); the bound here is the broker timeout.
        assert time.monotonic() - started < 10
        assert not queue.broker_available()  # it gave up on the broker, and leaves it alone for a while
        second = time.monotonic()
        client = client_for()
        client.get("/", {"city": "x-city"})
        add_to_basket(client, world["product"])
        place_order(client, world["x"], {"options": "anonymous", "phone": "+79123456789", "username": ""})
        assert time.monotonic() - second < 5
    dispatch = Dispatch.objects.get(order=order)
    assert dispatch.status == Dispatch.OFFERED and len(mail.outbox) == 0
    tasks.sweep_stage_notifications()  # beat, once the broker is back
    recipients = {address for m in mail.outbox for address in m.to}
    assert {m.email for m in managers} <= recipients


def test_enqueue_hands_the_task_over_when_the_broker_answers():
    queue.reset()
    with broker_at("memory://"):
        assert queue.enqueue(tasks.sweep_stage_notifications)
    assert queue.broker_available()


CACHE_READER = r"""
import json, sys
import django
django.setup()
from oscar.core.loading import get_model
from suz_oscar.offers.selectors import dealers_serving
City = get_model("suz_dealers", "City")
for line in sys.stdin:
    city = City.objects.get(pk=int(line))
    print(json.dumps(sorted(d.pk for d in dealers_serving(city))), flush=True)
"""


@pytest.mark.skipif(connection.vendor != "postgresql" or not REDIS_URL,
                    reason="two processes on one database and one Redis: PostgreSQL and REDIS_URL")
@pytest.mark.django_db(transaction=True)
def test_a_dealer_suspended_in_one_process_disappears_from_another_at_once():
    cache_url = REDIS_URL.rsplit("/", 1)[0] + "/15"
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": cache_url}}
    city = CityFactory()
    first = DealerFactory(cities=[city])
    db = connection.settings_dict
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "CACHE_URL": cache_url,
           "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"}
    other = subprocess.Popen([sys.executable, "-c", CACHE_READER], cwd=ROOT, env=env, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask():
        other.stdin.write(f"{city.pk}\n")
        other.stdin.flush()
        return json.loads(other.stdout.readline())

    try:
        with override_settings(CACHES=caches):
            from django.core.cache import cache

            cache.clear()
            assert ask() == [first.pk]
            second = DealerFactory()
            second.cities.add(city)  # a change the cache hears of (m2m signal): seen by the other process
            assert ask() == sorted([first.pk, second.pk])
            get_model("suz_dealers", "Dealer").objects.filter(pk=second.pk).update(priority=5)
            assert ask() == sorted([first.pk, second.pk])  # a silent update: the other process reads its cache
            dealer_services.dealer_suspend(dealer=first)  # here, in this process
            assert ask() == [second.pk]  # there, at once
            cache.clear()
    finally:
        other.stdin.close()
        other.wait(timeout=30)


def test_the_sandbox_is_safe_by_default():
    from django.conf import settings

    from sandbox import settings as sandbox

    assert sandbox.DEBUG is False or os.environ.get("DEBUG")
    assert "*" not in sandbox.ALLOWED_HOSTS
    assert settings.SECRET_KEY and "not-secret" not in settings.SECRET_KEY and len(settings.SECRET_KEY) >= 50


def run_manage(*args, env):
    return subprocess.run([sys.executable, "sandbox/manage.py", *args], cwd=ROOT, text=True, capture_output=True,
                          env={**os.environ, **env}, timeout=120)


PRODUCTION = {
    "SECRET_KEY": "x7$Lq!v9-production-like-secret-key-with-enough-entropy-3kP#w2",
    "ALLOWED_HOSTS": "shop.example.ru",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/suz_production_check",
}


def test_production_settings_pass_the_deploy_checks():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", "--settings=sandbox.settings_production",
                        env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = run_manage("check", "--settings=sandbox.settings_production", env=env)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_the_deploy_check_warns_of_a_per_process_cache():
    from django.core.checks import run_checks

    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}):
        assert "suz.W002" in [m.id for m in run_checks(include_deployment_checks=True)]
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                               "LOCATION": "redis://127.0.0.1:6379/1"}}):
        assert "suz.W002" not in [m.id for m in run_checks(include_deployment_checks=True)]


def test_staff_emails_go_to_a_worker_when_there_is_one_and_are_sent_in_place_when_not(
        db, staff, django_capture_on_commit_callbacks):
    from suz_oscar.dispatch import notifications, services
    from suz_oscar.notifications import tasks as notification_tasks

    from .conftest import make_order, regional_network

    network = regional_network([10], far=False)
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]))
    rows = get_model("suz_notifications", "OutboxMessage").objects.filter(event_type="order_manual")
    queue.reset()
    with broker_at("memory://"), django_capture_on_commit_callbacks(execute=True):
        notifications.tell_staff_manual(dispatch)
    assert len(mail.outbox) == 0 and rows.filter(state="pending").count() == 2  # queued for a worker (email, site)
    notification_tasks.deliver_task(list(rows.values_list("pk", flat=True)))  # the worker
    assert len(mail.outbox) == 1 and staff.email in mail.outbox[0].to
    queue.mark_unavailable()  # no broker: delivered in place, after commit
    with django_capture_on_commit_callbacks(execute=True):
        notifications.tell_staff_declined(dispatch)
    assert len(mail.outbox) == 2


def test_a_site_without_workers_does_the_work_itself(settings):
    """The demo on a machine where a Redis answers but no worker runs: nothing is handed to the broker."""
    from suz_oscar.core import queue

    queue.reset()
    settings.SUZ_USE_BROKER = False
    assert not queue.broker_available()
    settings.SUZ_USE_BROKER = True
    assert queue.broker_available()
