"""Mango Office's VPBX API against a local HTTP server on 127.0.0.1 that checks the signature as Mango does:
the call is started by ``commands/callback``, its events come back signed to our webhook, the recording is
fetched by its id. Bad signatures and malformed bodies are 400 with nothing changed; replays are no-ops."""

import hashlib
import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch import selectors as dispatch_selectors
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.telephony import services
from suz_oscar.telephony.vocabulary import Outcome, State
from suz_oscar.test.factories import create_manager

from .conftest import client_for, make_order, regional_network

Call = get_model("suz_telephony", "Call")
CallEvent = get_model("suz_telephony", "CallEvent")

KEY, SALT = "test-api-key", "test-api-salt"
MP3 = b"ID3" + bytes(range(256)) * 20


def signed(payload: str, key=KEY, salt=SALT):
    return hashlib.sha256((key + payload + salt).encode()).hexdigest()


class FakeMango(BaseHTTPRequestHandler):
    """Answers as Mango's API does, after checking ``sign``; remembers what it was asked."""

    requests: list = []
    answer_result = 1000

    def do_POST(self):  # noqa: N802 (http.server's name)
        fields = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        key, sign, payload = fields["vpbx_api_key"][0], fields["sign"][0], fields["json"][0]
        if key != KEY or sign != signed(payload):
            return self.reply(401, b'{"result": 3102}')
        body = json.loads(payload)
        type(self).requests.append((self.path, body))
        if self.path.endswith("/commands/callback"):
            return self.reply(200, json.dumps({"result": type(self).answer_result}).encode())
        if self.path.endswith("/queries/recording/post") and body.get("recording_id") == "rec-77":
            return self.reply(200, MP3, "audio/mpeg")
        return self.reply(404, b"{}")

    def reply(self, status, content, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *args):
        pass


@pytest.fixture
def mango(settings):
    FakeMango.requests, FakeMango.answer_result = [], 1000
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeMango)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.mango.MangoBackend"
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"api_key": KEY, "api_salt": SALT, "timeout": 2,
                                              "url": f"http://127.0.0.1:{server.server_port}/vpbx/"}
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def masked(db):
    net = regional_network([10])
    dealer = net["dealers"][0]
    dealer.call_from_site = True
    dealer.save()
    manager = create_manager(dealer)
    services.line_save(user=manager, extension="101")
    dispatch = dispatch_services.dispatch_plan(order=make_order(net["city"], net["product"]))
    dispatch_services.dispatch_claim(dispatch=dispatch, dealer=dealer)
    dispatch.refresh_from_db()
    return dispatch, manager


def post_event(path, body, *, key=KEY, salt=SALT, sign=None, client=None):
    payload = json.dumps(body)
    return (client or client_for()).post(
        reverse("suz-telephony-webhook", kwargs={"provider": "mango"}) + path,
        {"vpbx_api_key": key, "sign": sign or signed(payload, key, salt), "json": payload})


def call_body(call, state, *, to, seq, at):
    return {"entry_id": "ENTRY-1", "call_id": f"leg-{seq}", "timestamp": int(at.timestamp()), "seq": seq,
            "call_state": state, "location": "abonent", "command_id": call.provider_call_id,
            "from": {"number": "74951234567"}, "to": to}


def test_the_whole_call_through_mango(mango, masked, django_capture_on_commit_callbacks):
    dispatch, manager = masked
    client_for(manager).post(reverse("suz_telephony_dashboard:suz-call-start", kwargs={"pk": dispatch.pk}))
    call = Call.objects.get()
    path, body = FakeMango.requests[0]
    assert path == "/vpbx/commands/callback" and body["command_id"] == call.provider_call_id
    assert body["from"] == {"extension": "101"} and body["to_number"] == "79123456789"
    assert body["line_number"] == "74950000000"  # the site's number, not the manager's
    assert call.state == State.CALLING_MANAGER and call.provider == "mango"
    t0 = timezone.now().replace(microsecond=0)
    manager_leg, customer_leg = {"extension": "101"}, {"number": "79123456789"}
    for i, (state, to) in enumerate([("Appeared", manager_leg), ("Connected", manager_leg),
                                     ("Appeared", customer_leg), ("Connected", customer_leg)]):
        assert post_event("events/call", call_body(call, state, to=to, seq=i, at=t0 + timedelta(seconds=5 * i))
                          ).status_code == 200
    call.refresh_from_db()
    assert call.state == State.CONNECTED and call.connected_at == t0 + timedelta(seconds=15)
    assert dispatch_selectors.phone_visible(dispatch, dispatch.claimed_by)
    # The summary names the call by Mango's entry id only; the recording is fetched by its id after the commit.
    summary = {"entry_id": "ENTRY-1", "talk_time": int(t0.timestamp()) + 15, "end_time": int(t0.timestamp()) + 57,
               "entry_result": 1, "disconnect_reason": 1110}
    assert post_event("events/summary", summary).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert post_event("events/recording", {"entry_id": "ENTRY-1", "recording_id": "rec-77",
                                               "recording_state": "Completed"}).status_code == 200
    call.refresh_from_db()
    assert (call.state, call.outcome, call.duration) == (State.ENDED, Outcome.ANSWERED, 42)
    assert call.recording.read() == MP3 and call.recording_id == "rec-77"
    assert FakeMango.requests[-1] == ("/vpbx/queries/recording/post", {"recording_id": "rec-77",
                                                                       "action": "download"})
    # A replay of any event is a no-op.
    events = CallEvent.objects.count()
    assert post_event("events/call", call_body(call, "Connected", to=customer_leg, seq=3,
                                               at=t0 + timedelta(minutes=9))).status_code == 200
    call.refresh_from_db()
    assert CallEvent.objects.count() == events and call.connected_at == t0 + timedelta(seconds=15)


def test_bad_webhooks_are_400_and_change_nothing(mango, masked):
    dispatch, manager = masked
    call = services.call_start(dispatch=dispatch, user=manager)
    body = call_body(call, "Connected", to={"number": "79123456789"}, seq=1, at=timezone.now())
    url = reverse("suz-telephony-webhook", kwargs={"provider": "mango"}) + "events/call"
    payload = json.dumps(body)
    assert post_event("events/call", body, salt="wrong").status_code == 400
    assert post_event("events/call", body, key="other-key").status_code == 400
    assert client_for().post(url, {"json": payload}).status_code == 400
    assert client_for().post(url, {"vpbx_api_key": KEY, "sign": signed("{x"), "json": "{x"}).status_code == 400
    assert client_for().post(url, {"vpbx_api_key": KEY, "sign": signed("[1]"), "json": "[1]"}).status_code == 400
    broken = json.dumps({**body, "call_state": None, "to": "x"})
    assert client_for().post(url, {"vpbx_api_key": KEY, "sign": signed(broken), "json": broken}).status_code == 400
    no_state = json.dumps({k: v for k, v in body.items() if k != "call_state"})
    assert client_for().post(url, {"vpbx_api_key": KEY, "sign": signed(no_state), "json": no_state}
                             ).status_code == 400
    assert client_for().get(url).status_code == 405
    # A provider that is not the configured one does not exist.
    assert client_for().post(reverse("suz-telephony-webhook", kwargs={"provider": "asterisk"}),
                             {"json": payload}).status_code == 404
    call.refresh_from_db()
    assert call.state == State.CALLING_MANAGER and not CallEvent.objects.exists()
    # Unknown calls are ignored (200: Mango must not retry them forever).
    stranger = {**body, "command_id": "not-ours", "entry_id": "OTHER"}
    assert post_event("events/call", stranger).status_code == 200
    assert post_event("events/summary", {"entry_id": "OTHER", "talk_time": 0, "end_time": 0}).status_code == 200
    assert not CallEvent.objects.exists()


def test_mango_refusing_or_down_leaves_the_call_failed_to_start(mango, masked, settings):
    dispatch, manager = masked
    FakeMango.answer_result = 3100
    call = services.call_start(dispatch=dispatch, user=manager)
    assert call.state == State.FAILED and "3100" in call.error
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {**settings.SUZ_TELEPHONY_BACKEND_OPTIONS, "api_salt": "wrong"}
    call = services.call_start(dispatch=dispatch, user=manager)
    assert call.state == State.FAILED and "HTTP 401" in call.error
    mango.shutdown()
    mango.server_close()
    time.sleep(0.05)
    response = client_for(manager).post(reverse("suz_telephony_dashboard:suz-call-start",
                                                kwargs={"pk": dispatch.pk}), follow=True)
    assert response.status_code == 200 and "не отвечает" in response.content.decode()
    assert Call.objects.filter(state=State.FAILED).count() == 3
    assert not dispatch_selectors.phone_visible(dispatch, dispatch.claimed_by)


def test_a_webhook_event_costs_a_fixed_number_of_queries(mango, masked):
    """Each event: the call read once (locked, with its order), the replay check, the event's INSERT and one
    UPDATE; the first connection also refreshes the order's facts (analytics' first contact). The same for the
    first call and the fifth, and a replay reads two rows and writes nothing. (In the test's transaction the
    view's own transaction is a savepoint: two queries more than in production.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    dispatch, manager = masked
    t0 = timezone.now().replace(microsecond=0)
    customer = {"number": "79123456789"}
    first = None
    for n in range(5):
        call = services.call_start(dispatch=dispatch, user=manager)
        costs = []
        for i, (state, to) in enumerate([("Appeared", {"extension": "101"}), ("Connected", customer),
                                         ("Connected", customer), ("Disconnected", customer)]):
            body = {**call_body(call, state, to=to, seq=i, at=t0 + timedelta(seconds=i)), "entry_id": f"E-{n}"}
            with CaptureQueriesContext(connection) as queries:
                assert post_event("events/call", body).status_code == 200
            costs.append(len(queries))
        summary = {"entry_id": f"E-{n}", "talk_time": int(t0.timestamp()) + 1, "end_time": int(t0.timestamp()) + 3,
                   "entry_result": 1}
        with CaptureQueriesContext(connection) as queries:
            assert post_event("events/summary", summary).status_code == 200
        costs.append(len(queries))
        # ringing, connected (with the order facts' refresh: 7 queries on SQLite, 8 on PostgreSQL), its replay,
        # ended, the summary (a replay); the fifth call costs what the first did
        first = first if n else costs
        assert costs == first and costs[:1] + costs[2:] == [6, 4, 6, 4] and costs[1] <= 8, (n, costs)
        call.refresh_from_db()
        assert call.state == State.ENDED and call.connected_at and call.data["entry_id"] == f"E-{n}"
    assert CallEvent.objects.count() == 5 * 3
