"""The Done-when journey of telephony through the site, as a dealer's manager lives it, against both real
providers' stand-ins on 127.0.0.1: the AMI server of ``test_asterisk`` (events read by ``suz_asterisk_events``)
and the Mango-style HTTP server of ``test_telephony_mango`` (events posted, signed, to our webhook).

The «звонок с сайта» dealer's manager takes the order (the number is nowhere on the card), presses «Позвонить»,
the provider's events connect the call, the card's polling shows the number (a tel: link), the recording plays
with range requests, and «Обработан» is accepted.
"""

import json
import re
import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.telephony import services
from suz_oscar.telephony.vocabulary import Outcome, State
from suz_oscar.test.factories import create_manager

from .conftest import client_for, make_order, regional_network
from .test_asterisk import AMIServer, manager_call_events
from .test_telephony_mango import MP3, FakeMango, call_body, mango, post_event  # noqa: F401 (mango: a fixture)

Call = get_model("suz_telephony", "Call")

NATIONAL = "9123456789"  # make_order's +7 912 345-67-89, found in any format
DIGITS = re.compile(r"\D{0,4}".join(NATIONAL))


@pytest.fixture
def offered(db):
    """A new order offered to a «звонок с сайта» dealer whose manager has a PBX extension (101)."""
    net = regional_network([10])
    dealer = net["dealers"][0]
    dealer.call_from_site = True
    dealer.save()
    manager = create_manager(dealer)
    services.line_save(user=manager, extension="101")
    dispatch = dispatch_services.dispatch_plan(order=make_order(net["city"], net["product"]))
    return dispatch, manager


def card(client, dispatch):
    response = client.get(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}))
    assert response.status_code == 200
    return response.content.decode()


def take_and_call(client, dispatch):
    """Take the order and press «Позвонить»; the number is nowhere on the card meanwhile. Returns the call."""
    response = client.post(reverse("suz_dispatch_dashboard:suz-inbox-claim", kwargs={"pk": dispatch.pk}))
    assert response.status_code == 302
    dispatch.refresh_from_db()
    assert dispatch.status == "accepted"
    page = card(client, dispatch)
    assert 'id="call-button"' in page and "Позвонить" in page
    assert not DIGITS.search(page) and "tel:" not in page
    refused = client.post(reverse("suz_dispatch_dashboard:suz-inbox-status", kwargs={"pk": dispatch.pk}),
                          {"status": "processed"}, follow=True)
    dispatch.refresh_from_db()
    assert dispatch.status == "accepted" and "позвоните покупателю через систему" in refused.content.decode()
    response = client.post(reverse("suz_telephony_dashboard:suz-call-start", kwargs={"pk": dispatch.pk}))
    assert response.status_code == 302 and response["Location"].endswith("#order-calls")
    call = Call.objects.get(dispatch=dispatch)
    assert call.state == State.CALLING_MANAGER
    state = client.get(reverse("suz_telephony_dashboard:suz-call-state", kwargs={"pk": call.pk})).json()
    assert "phone" not in state and not DIGITS.search(json.dumps(state, ensure_ascii=False))
    return call


def finish(client, dispatch, call, recording: bytes):
    """After the provider's events: the card shows the number and plays the recording; «Обработан» is accepted."""
    state = client.get(reverse("suz_telephony_dashboard:suz-call-state", kwargs={"pk": call.pk})).json()
    assert state["final"] and state["state"] == State.ENDED
    assert 'href="tel:+79123456789"' in state["phone"]
    page = card(client, dispatch)
    assert 'href="tel:+79123456789"' in page
    url = reverse("suz_telephony_dashboard:suz-call-recording", kwargs={"pk": call.pk})
    assert url in page and "<audio" in page
    whole = client.get(url)
    assert whole.status_code == 200 and b"".join(whole.streaming_content) == recording
    part = client.get(url, HTTP_RANGE="bytes=4-15")  # the <audio> element seeks
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 4-15/{len(recording)}"
    assert b"".join(part.streaming_content) == recording[4:16]
    response = client.post(reverse("suz_dispatch_dashboard:suz-inbox-status", kwargs={"pk": dispatch.pk}),
                           {"status": "processed"})
    dispatch.refresh_from_db()
    assert response.status_code == 302 and dispatch.status == "processed"


def test_the_journey_through_asterisk(offered, settings, tmp_path, django_capture_on_commit_callbacks):
    dispatch, manager = offered
    (tmp_path / "rec").mkdir()
    server = AMIServer(script=manager_call_events, recordings=tmp_path / "rec")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.asterisk.AsteriskBackend"
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {
        "host": "127.0.0.1", "port": server.server_address[1], "username": "suz", "secret": "s3cret", "timeout": 2,
        "monitor_dir": "/var/spool/asterisk/monitor", "recordings_dir": str(tmp_path / "rec")}
    try:
        client = client_for(manager)
        call = take_and_call(client, dispatch)
        assert [a for a, _f in server.actions].count("Originate") == 1
        with django_capture_on_commit_callbacks(execute=True):  # the recording is read after the commit
            call_command("suz_asterisk_events", seconds=0.8)  # runs next to the site: the PBX's events
        call.refresh_from_db()
        assert call.state == State.ENDED and call.outcome == Outcome.ANSWERED and call.connected_at
        finish(client, dispatch, call, b"RIFF....WAVEfmt recording")
    finally:
        server.shutdown()
        server.server_close()


def test_the_journey_through_mango(offered, mango, django_capture_on_commit_callbacks):  # noqa: F811
    dispatch, manager = offered
    client = client_for(manager)
    call = take_and_call(client, dispatch)
    path, body = FakeMango.requests[0]
    assert path == "/vpbx/commands/callback" and body["command_id"] == call.provider_call_id
    t0 = timezone.now().replace(microsecond=0) - timedelta(minutes=1)
    manager_leg, customer_leg = {"extension": "101"}, {"number": "79123456789"}
    for i, (state, to) in enumerate([("Appeared", manager_leg), ("Connected", manager_leg),
                                     ("Appeared", customer_leg), ("Connected", customer_leg)]):
        assert post_event("events/call", call_body(call, state, to=to, seq=i, at=t0 + timedelta(seconds=5 * i))
                          ).status_code == 200
    live = client.get(reverse("suz_telephony_dashboard:suz-call-state", kwargs={"pk": call.pk})).json()
    assert live["state"] == State.CONNECTED and 'href="tel:+79123456789"' in live["phone"]
    # The connection is the order's first contact in the sales reports' facts (analytics listens to the call's save).
    call.refresh_from_db()
    fact = get_model("suz_analytics", "OrderFact").objects.get(order_id=dispatch.order_id)
    assert fact.contacted_at == call.connected_at == t0 + timedelta(seconds=15)
    summary = {"entry_id": "ENTRY-1", "talk_time": int(t0.timestamp()) + 15, "end_time": int(t0.timestamp()) + 57,
               "entry_result": 1}
    assert post_event("events/summary", summary).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # Mango hands the recording out by its id
        assert post_event("events/recording", {"entry_id": "ENTRY-1", "recording_id": "rec-77",
                                               "recording_state": "Completed"}).status_code == 200
    call.refresh_from_db()
    assert (call.state, call.outcome, call.duration) == (State.ENDED, Outcome.ANSWERED, 42)
    finish(client, dispatch, call, MP3)
