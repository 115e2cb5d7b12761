"""The notifications outbox: rows in the event's transaction, delivery once per (event, recipient, channel),
retries after provider errors, the SMS.ru backend against a local HTTP server, a real Celery worker on Redis,
preferences, the notification centre and the outbox for staff."""

import json
import os
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.core.outbox import announce
from suz_oscar.dispatch import notifications as dispatch_notifications
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.notifications import services
from suz_oscar.notifications.backends import sms
from suz_oscar.notifications.vocabulary import Channel, State
from suz_oscar.test.factories import create_manager

from .conftest import client_for, make_order, regional_network

OutboxMessage = get_model("suz_notifications", "OutboxMessage")
Contact = get_model("suz_notifications", "Contact")
Preference = get_model("suz_notifications", "Preference")
Notification = get_model("communication", "Notification")
SMSRU = "suz_oscar.notifications.backends.smsru.SmsRuBackend"


def with_phone(user, phone="+79161234567"):
    Contact.objects.update_or_create(user=user, defaults={"phone": phone})
    return user


@pytest.fixture
def offered(db):
    """An order planned to the top-rated dealer first; its manager has a mobile number."""
    net = regional_network([10, 5])
    manager = with_phone(create_manager(net["dealers"][0]))
    dispatch = dispatch_services.dispatch_plan(order=make_order(net["city"], net["product"]))
    return dispatch, manager, net


def test_a_stage_opening_reaches_the_dealer_by_sms_and_on_site_within_a_minute(offered,
                                                                               django_capture_on_commit_callbacks):
    """Frozen clock: the stage opens at T; the beat sweep (every 60 s at worst) announces it at T+59 s, the
    outbox sweep (every 30 s) delivers. Each step takes the clock as an argument, so nothing waits."""
    dispatch, manager, _net = offered
    stage = dispatch.stages.get(position=0)
    opens = stage.opens_at
    with django_capture_on_commit_callbacks(execute=False):  # no eager delivery: the worker's sweep sends
        assert dispatch_notifications.notify_stage(stage.pk, now=opens + timedelta(seconds=29))
    rows = OutboxMessage.objects.filter(event_type="order_available", recipient=manager)
    assert sorted(rows.values_list("channel", flat=True)) == ["email", "site", "sms"]
    assert all(r.state == State.PENDING for r in rows)
    delivered_at = opens + timedelta(seconds=58)
    assert services.notification_deliver_due(now=delivered_at) == 3
    for row in rows.all():
        assert row.state == State.SENT and row.sent_at - opens < timedelta(minutes=1)
    assert [m.to for m in sms.outbox] == ["+79161234567"]
    assert str(dispatch.order.number) in sms.outbox[0].body
    assert Notification.objects.filter(recipient=manager, date_read=None).count() == 1
    assert [m.to for m in mail.outbox] == [[manager.email]]
    assert "/dashboard/inbox/" in mail.outbox[0].body  # the email links to the inbox
    # The ETA task and the sweep both firing later change nothing.
    assert not dispatch_notifications.notify_stage(stage.pk, now=delivered_at)
    assert services.notification_deliver_due(now=delivered_at + timedelta(minutes=5)) == 0
    assert len(sms.outbox) == 1 and len(mail.outbox) == 1


def test_rows_roll_back_with_the_event(offered):
    dispatch, manager, _net = offered
    with pytest.raises(RuntimeError), transaction.atomic():
        announce("order_available", key="rollback", context={"dealer": manager.partners.get().dealer,
                                                             "order": dispatch.order}, users=[manager])
        assert OutboxMessage.objects.filter(key="rollback").count() == 3
        raise RuntimeError
    assert not OutboxMessage.objects.filter(key="rollback").exists()


def test_without_a_broker_rows_are_delivered_after_commit_and_announcing_twice_sends_once(
        offered, django_capture_on_commit_callbacks):
    dispatch, manager, _net = offered
    context = {"dealer": manager.partners.get().dealer, "order": dispatch.order}
    with django_capture_on_commit_callbacks(execute=True):
        announce("order_available", key="k1", context=context, users=[manager])
    with django_capture_on_commit_callbacks(execute=True):
        announce("order_available", key="k1", context=context, users=[manager], dealers=[manager.partners.get().dealer])
    assert OutboxMessage.objects.filter(key="k1").count() == 3
    assert set(OutboxMessage.objects.filter(key="k1").values_list("state", flat=True)) == {State.SENT}
    assert len(sms.outbox) == 1 and len(mail.outbox) == 1


def test_preferences_switch_channels_but_not_the_mandatory_ones(offered, django_capture_on_commit_callbacks):
    dispatch, manager, _net = offered
    client = client_for(manager)
    url = reverse("suz_notifications_dashboard:suz-notification-preferences")
    page = client.get(url)
    assert page.status_code == 200 and "Новый заказ доступен нам".encode() in page.content
    # Email off, SMS off; the site channel of «new order» is mandatory: posting nothing for it changes nothing.
    response = client.post(url, {"phone": "+7 916 765-43-21", "rating_warning:email": "on"})
    assert response.status_code == 302
    assert Contact.objects.get(user=manager).phone.as_e164 == "+79167654321"
    context = {"dealer": manager.partners.get().dealer, "order": dispatch.order}
    with django_capture_on_commit_callbacks(execute=True):
        announce("order_available", key="prefs", context=context, users=[manager])
    assert list(OutboxMessage.objects.filter(key="prefs").values_list("channel", flat=True)) == [Channel.SITE]
    assert not Preference.objects.filter(user=manager, event_type="order_available", channel="site").exists()


def test_preferences_refuse_a_bad_phone_and_change_nothing(offered):
    _dispatch, manager, _net = offered
    url = reverse("suz_notifications_dashboard:suz-notification-preferences")
    for phone in ["не телефон", "+7\x00916", "9" * 300]:
        response = client_for(manager).post(url, {"phone": phone})
        assert response.status_code == 200 and response.context["form"].errors["phone"]
    assert Contact.objects.get(user=manager).phone.as_e164 == "+79161234567"
    assert not Preference.objects.filter(user=manager).exists()


def test_on_site_text_is_escaped(offered, django_capture_on_commit_callbacks):
    dispatch, manager, _net = offered
    dealer = manager.partners.get().dealer
    dealer.partner.name = "<script>alert(1)</script>"
    with django_capture_on_commit_callbacks(execute=True):
        announce("rating_warning", key="xss", context={"dealer": dealer, "threshold": 1}, dealers=[dealer])
    page = client_for(manager).get(reverse("suz_notifications_dashboard:suz-notifications"))
    assert b"<script>alert(1)" not in page.content and b"&lt;script&gt;alert(1)" in page.content


def test_notification_centre_badge_poll_and_mark_read(offered, django_capture_on_commit_callbacks):
    dispatch, manager, _net = offered
    stage = dispatch.stages.get(position=0)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_notifications.notify_stage(stage.pk)
    client = client_for(manager)
    poll = client.get(reverse("suz_notifications_dashboard:suz-notifications-poll")).json()
    assert poll["unread"] == 1 and poll["inbox"] == 1 and str(dispatch.order.number) in poll["latest"]
    page = client.get(reverse("suz_notifications_dashboard:suz-notifications"))
    assert b"suz-notifications-badge" in page.content and str(dispatch.order.number).encode() in page.content
    client.post(reverse("suz_notifications_dashboard:suz-notifications-read"))
    assert client.get(reverse("suz_notifications_dashboard:suz-notifications-poll")).json()["unread"] == 0


class SmsRu(BaseHTTPRequestHandler):
    """SMS.ru's /sms/send as its documentation describes it (https://sms.ru/api/send): a POST of api_id, to
    (digits with the country code), msg and json=1; the answer's status and the number's own status."""

    mode = "ok"
    received = []

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", 0))
        fields = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        assert self.path == "/sms/send"
        assert self.headers["Content-Type"] == "application/x-www-form-urlencoded"
        if SmsRu.mode == "slow":
            time.sleep(1.5)
        if fields.get("api_id") != "KEY-1" or fields.get("json") != "1" or not fields.get("to", "").isdigit():
            answer = {"status": "ERROR", "status_code": 200, "status_text": "Неправильный api_id"}
        elif SmsRu.mode == "down":
            answer = {"status": "ERROR", "status_code": 220, "status_text": "Сервис временно недоступен"}
        else:
            SmsRu.received.append(fields)
            answer = {"status": "OK", "status_code": 100, "balance": 100.5,
                      "sms": {fields["to"]: {"status": "OK", "status_code": 100, "sms_id": f"0-{len(SmsRu.received)}"}}}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def smsru(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), SmsRu)
    SmsRu.mode, SmsRu.received = "ok", []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.SUZ_NOTIFICATION_BACKENDS = {**settings.SUZ_NOTIFICATION_BACKENDS, "sms": SMSRU}
    settings.SUZ_NOTIFICATION_BACKEND_OPTIONS = {"sms": {
        "api_id": "KEY-1", "url": f"http://127.0.0.1:{server.server_address[1]}/sms/send", "timeout": 0.5}}
    yield SmsRu
    server.shutdown()
    server.server_close()


def test_smsru_error_and_timeout_keep_the_row_pending_then_it_is_sent_once(offered, smsru, settings,
                                                                          django_capture_on_commit_callbacks):
    dispatch, manager, _net = offered
    settings.SUZ_NOTIFICATION_RETRY_DELAYS = [30, 60]
    context = {"dealer": manager.partners.get().dealer, "order": dispatch.order}
    with django_capture_on_commit_callbacks(execute=False):
        announce("order_available", key="smsru", context=context, users=[manager])
    now = timezone.now()
    row = OutboxMessage.objects.get(key="smsru", channel=Channel.SMS)

    smsru.mode = "down"  # the provider answers with an error
    assert not services.notification_deliver(pk=row.pk, now=now)
    row.refresh_from_db()
    assert row.state == State.PENDING and row.attempts == 1 and "220" in row.last_error
    assert row.next_attempt_at == now + timedelta(seconds=30)
    assert not services.notification_deliver(pk=row.pk, now=now + timedelta(seconds=10))  # not due yet

    smsru.mode = "slow"  # the provider does not answer in time
    assert not services.notification_deliver(pk=row.pk, now=now + timedelta(seconds=31))
    row.refresh_from_db()
    assert row.state == State.PENDING and row.attempts == 2 and "SMS.ru" in row.last_error

    smsru.mode = "ok"
    assert services.notification_deliver_due(now=now + timedelta(seconds=100)) == 3  # sms, email, site
    assert services.notification_deliver_due(now=now + timedelta(seconds=500)) == 0
    row.refresh_from_db()
    assert row.state == State.SENT
    time.sleep(1.2)  # the slow answer's request has reached the server by now
    ok = [f for f in smsru.received if f["msg"] == row.body]
    assert len(ok) <= 2  # the timed-out request may have gone through at the provider: at most that one more
    assert ok[-1]["to"] == "79161234567" and str(dispatch.order.number) in ok[-1]["msg"]


def test_a_row_that_keeps_failing_is_shown_to_staff_who_send_it_again(offered, smsru, settings, staff,
                                                                       django_capture_on_commit_callbacks):
    dispatch, manager, _net = offered
    settings.SUZ_NOTIFICATION_RETRY_DELAYS = [1]
    smsru.mode = "down"
    with django_capture_on_commit_callbacks(execute=False):
        announce("order_available", key="fail", context={"dealer": manager.partners.get().dealer,
                                                         "order": dispatch.order}, users=[manager])
    now = timezone.now()
    row = OutboxMessage.objects.get(key="fail", channel=Channel.SMS)
    services.notification_deliver(pk=row.pk, now=now)
    services.notification_deliver(pk=row.pk, now=now + timedelta(seconds=2))
    row.refresh_from_db()
    assert row.state == State.FAILED and row.attempts == 2
    page = client_for(staff).get(reverse("suz_notifications_dashboard:suz-outbox"), {"state": "failed"})
    assert list(page.context["rows"]) == [row] and b"220" in page.content
    # Not staff: refused. Junk ids: a clear error, nothing changes.
    assert client_for(manager).post(reverse("suz_notifications_dashboard:suz-outbox-retry"),
                                    {"ids": [row.pk]}).status_code == 403
    client_for(staff).post(reverse("suz_notifications_dashboard:suz-outbox-retry"),
                           {"ids": ["x\x00", "99999999999999999999"]})
    row.refresh_from_db()
    assert row.state == State.FAILED
    smsru.mode = "ok"
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(reverse("suz_notifications_dashboard:suz-outbox-retry"), {"ids": [row.pk]})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.state == State.SENT and len(smsru.received) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: SQLite's in-memory test database "
                    "locks whole tables across threads")
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_deliveries_of_one_row_send_it_once():
    from django.db import connections

    from suz_oscar.test.factories import UserFactory

    user = UserFactory(is_staff=True)
    rows = [OutboxMessage.objects.create(event_type="sla_breach", key="race", channel=channel, recipient=user,
                                         address=address, subject="SLA", body="SLA").pk
            for channel, address in [(Channel.EMAIL, user.email), (Channel.SITE, f"user:{user.pk}")]]
    barrier, results = threading.Barrier(20), []

    def deliver(pk):
        try:
            barrier.wait()
            results.append(services.notification_deliver(pk=pk))
        finally:
            connections.close_all()

    for pk in rows:
        threads = [threading.Thread(target=deliver, args=(pk,)) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert results.count(True) == len(rows)
    assert len(mail.outbox) == 1 and Notification.objects.filter(recipient=user).count() == 1


REDIS_URL = os.environ.get("REDIS_URL")


@pytest.mark.skipif(connection.vendor != "postgresql" or not REDIS_URL,
                    reason="a Celery worker thread beside the test: PostgreSQL (SQLite's in-memory test database locks "
                    "whole tables across threads) and REDIS_URL")
@pytest.mark.django_db(transaction=True)
def test_a_real_celery_worker_on_redis_delivers_the_outbox():
    from celery.contrib.testing.worker import start_worker

    from sandbox.celery_app import app
    from suz_oscar.core import queue
    from suz_oscar.test.factories import UserFactory

    user = UserFactory(is_staff=True)
    old = app.conf.broker_url
    app.conf.broker_url = REDIS_URL
    queue.reset()
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            with transaction.atomic():
                announce("order_manual", key="worker", staff=True, context={"order": None, "dispatch": None})
            assert queue.broker_available()  # handed to the worker, not delivered here in its place
            deadline = time.monotonic() + 20
            rows = OutboxMessage.objects.filter(key="worker")
            while time.monotonic() < deadline and rows.exclude(state=State.SENT).exists():
                time.sleep(0.2)
    finally:
        app.conf.broker_url = old
        queue.mark_unavailable()
    assert sorted(rows.values_list("channel", "state")) == [("email", "sent"), ("site", "sent")]
    assert Notification.objects.filter(recipient=user).count() == 1


def test_the_invitation_link_is_not_kept_in_the_outbox(dealer_a, staff, django_capture_on_commit_callbacks):
    from suz_oscar.dealers import services as dealer_services

    with django_capture_on_commit_callbacks(execute=True):
        dealer_services.invitation_send(dealer=dealer_a, email="new@example.com")
    row = OutboxMessage.objects.get(event_type="invitation")
    assert row.state == State.SENT and row.body == "" and "/dealer-invitation/" in mail.outbox[0].body


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: SQLite's in-memory test database "
                    "locks whole tables across threads")
@pytest.mark.django_db(transaction=True)
def test_concurrent_sweeps_send_each_row_once():
    from django.db import connections

    from suz_oscar.test.factories import UserFactory

    users = [UserFactory() for _ in range(40)]
    OutboxMessage.objects.bulk_create([
        OutboxMessage(event_type="sla_breach", key="sweeps", channel=Channel.EMAIL, recipient=u, address=u.email,
                      subject="SLA", body="SLA") for u in users])
    barrier, sent = threading.Barrier(4), []

    def sweep():
        try:
            barrier.wait()
            while count := services.notification_deliver_due(limit=7):
                sent.append(count)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sweep) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(sent) == 40 and sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    assert set(OutboxMessage.objects.values_list("state", "attempts")) == {(State.SENT, 1)}
