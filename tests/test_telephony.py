"""Calls through the system: starting one, the provider's events (idempotent), the masking rule and «processed»."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch import selectors as dispatch_selectors
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.telephony import services
from suz_oscar.telephony.backends.locmem import LocmemBackend
from suz_oscar.telephony.exceptions import TelephonyError
from suz_oscar.telephony.vocabulary import Event, Kind, Outcome, State
from suz_oscar.test.factories import create_manager

from .conftest import client_for, make_order, regional_network

Call = get_model("suz_telephony", "Call")
CallEvent = get_model("suz_telephony", "CallEvent")


@pytest.fixture(autouse=True)
def _empty_locmem():
    LocmemBackend.started.clear()
    LocmemBackend.recordings.clear()
    yield
    LocmemBackend.started.clear()
    LocmemBackend.recordings.clear()


@pytest.fixture
def masked(db):
    """An order claimed by a «звонок с сайта» dealer whose manager has a PBX extension."""
    net = regional_network([10, 5])
    holder, other = net["dealers"]
    holder.call_from_site = True
    holder.save()
    manager, other_manager = create_manager(holder), create_manager(other)
    services.line_save(user=manager, extension="101")
    services.line_save(user=other_manager, extension="102")
    order = make_order(net["city"], net["product"])
    dispatch = dispatch_services.dispatch_plan(order=order)
    dispatch_services.dispatch_claim(dispatch=dispatch, dealer=holder)
    dispatch.refresh_from_db()
    return dispatch, manager, other_manager


def progress(call, *events, start=None):
    """Report ``events`` of ``call`` one second apart, as the provider would."""
    at = start or timezone.now()
    for i, event in enumerate(events):
        kwargs = event if isinstance(event, dict) else {"event": event}
        services.call_event(provider="locmem", call_id=call.provider_call_id, at=at + timedelta(seconds=i), **kwargs)
    call.refresh_from_db()
    return call


def test_a_connected_call_reveals_the_number_and_allows_processed(masked):
    dispatch, manager, _other = masked
    dealer = dispatch.claimed_by
    assert not dispatch_selectors.phone_visible(dispatch, dealer)
    assert dispatch_selectors.status_refusal(dispatch, dealer, "processed")
    call = services.call_start(dispatch=dispatch, user=manager)
    assert call.state == State.CALLING_MANAGER and call.provider == "locmem"
    assert LocmemBackend.started == [(call.provider_call_id, call)]
    assert (call.from_address, call.to_number, call.caller_id) == ("101", "+79123456789", "+74950000000")
    progress(call, Event.MANAGER_RINGING, Event.MANAGER_ANSWERED, Event.CUSTOMER_RINGING)
    assert call.state == State.CALLING_CUSTOMER and not dispatch_selectors.phone_visible(dispatch, dealer)
    progress(call, Event.CONNECTED)
    assert call.state == State.CONNECTED and dispatch_selectors.phone_visible(dispatch, dealer)
    assert dispatch_selectors.status_refusal(dispatch, dealer, "processed") is None
    progress(call, {"event": Event.ENDED, "duration": 42})
    assert (call.state, call.outcome, call.duration) == (State.ENDED, Outcome.ANSWERED, 42)


def test_replays_and_unknown_ids_change_nothing(masked):
    dispatch, manager, _other = masked
    call = services.call_start(dispatch=dispatch, user=manager)
    at = timezone.now()
    assert services.call_event(provider="locmem", call_id=call.provider_call_id, event=Event.CONNECTED, at=at)
    assert services.call_event(provider="locmem", call_id=call.provider_call_id, event=Event.CONNECTED,
                               at=at + timedelta(minutes=5)) is None
    assert services.call_event(provider="locmem", call_id="nobody", event=Event.ENDED, at=at) is None
    assert services.call_event(provider="other", call_id=call.provider_call_id, event=Event.ENDED, at=at) is None
    call.refresh_from_db()
    assert call.connected_at == at and call.state == State.CONNECTED and CallEvent.objects.count() == 1


def test_provider_down_leaves_the_call_failed_to_start(masked, settings):
    dispatch, manager, _other = masked
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"fail": "Провайдер не отвечает"}
    call = services.call_start(dispatch=dispatch, user=manager)
    assert (call.state, call.error) == (State.FAILED, "Провайдер не отвечает")
    assert not dispatch_selectors.phone_visible(dispatch, dispatch.claimed_by)


def test_only_the_holding_dealer_calls(masked):
    dispatch, _manager, other_manager = masked
    with pytest.raises(TelephonyError):
        services.call_start(dispatch=dispatch, user=other_manager)
    assert not Call.objects.exists() and LocmemBackend.started == []


def test_the_robot_call_does_not_unmask(masked):
    dispatch, _manager, _other = masked
    call = services.call_start(dispatch=dispatch, kind=Kind.ROBOT, script="Здравствуйте")
    assert call.state == State.CALLING_CUSTOMER and call.manager is None
    progress(call, Event.CONNECTED, {"event": Event.DIGITS, "digits": "1"}, Event.ENDED)
    assert call.digits == "1"
    assert not dispatch_selectors.phone_visible(dispatch, dispatch.claimed_by)


# The order card: «Позвонить», the live state, the recording ---------------------------------------------

def card_url(dispatch):
    return reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk})


def start_url(dispatch):
    return reverse("suz_telephony_dashboard:suz-call-start", kwargs={"pk": dispatch.pk})


def state_of(client, call):
    response = client.get(reverse("suz_telephony_dashboard:suz-call-state", kwargs={"pk": call.pk}))
    assert response.status_code == 200
    return response.json()


WAV = b"RIFF" + bytes(range(256)) * 40  # 10 KB standing in for a recording


def test_the_card_journey_of_a_masked_dealer(masked):
    dispatch, manager, _other = masked
    client = client_for(manager)
    page = client.get(card_url(dispatch)).content.decode()
    assert "id=\"call-button\"" in page and "9123456789" not in page and "tel:" not in page
    response = client.post(start_url(dispatch))
    assert response.status_code == 302 and response["Location"].endswith("#order-calls")
    call = Call.objects.get()
    page = client.get(card_url(dispatch)).content.decode()
    assert "call-live" in page and "call-button" not in page  # one call at a time
    assert "Звоним вам" in state_of(client, call)["html"]
    progress(call, Event.MANAGER_ANSWERED, Event.CUSTOMER_RINGING)
    data = state_of(client, call)
    assert "Звоним покупателю" in data["html"] and "phone" not in data and "9123456789" not in str(data)
    progress(call, Event.CONNECTED, start=timezone.now() - timedelta(seconds=42))
    data = state_of(client, call)
    assert data["state"] == "connected" and "00:4" in data["html"]
    assert 'href="tel:+79123456789"' in data["phone"]
    progress(call, {"event": Event.ENDED, "duration": 42}, {"event": Event.RECORDING, "content": WAV})
    assert state_of(client, call)["final"]
    page = client.get(card_url(dispatch)).content.decode()
    assert 'href="tel:+79123456789"' in page and "00:42" in page
    assert reverse("suz_telephony_dashboard:suz-call-recording", kwargs={"pk": call.pk}) in page
    assert "timeline-call-" in page  # and in the order's thread
    response = client.post(reverse("suz_dispatch_dashboard:suz-inbox-status", kwargs={"pk": dispatch.pk}),
                           {"status": "processed"})
    dispatch.refresh_from_db()
    assert response.status_code == 302 and dispatch.status == "processed"


def test_processed_is_refused_without_a_connected_call(masked):
    dispatch, manager, _other = masked
    client_for(manager).post(reverse("suz_dispatch_dashboard:suz-inbox-status", kwargs={"pk": dispatch.pk}),
                             {"status": "processed"})
    dispatch.refresh_from_db()
    assert dispatch.status == "accepted"


def test_a_manager_without_a_line_is_told_to_add_one(masked):
    dispatch, manager, _other = masked
    services.line_save(user=manager)
    client = client_for(manager)
    assert "call-no-line" in client.get(card_url(dispatch)).content.decode()
    response = client.post(start_url(dispatch), follow=True)
    assert "Сначала укажите свой телефон" in response.content.decode() and not Call.objects.exists()
    line_url = reverse("suz_telephony_dashboard:suz-phone-line")
    page = client.get(line_url, {"next": card_url(dispatch)}).content.decode()
    assert f'value="{card_url(dispatch)}"' in page
    assert 'name="next" value=""' in client.get(line_url, {"next": "//evil.example.com/"}).content.decode()
    response = client.post(reverse("suz_telephony_dashboard:suz-phone-line"),
                           {"extension": "12a", "phone": "", "next": card_url(dispatch)})
    assert response.status_code == 200 and "от 2 до 8 цифр" in response.content.decode()
    response = client.post(reverse("suz_telephony_dashboard:suz-phone-line"),
                           {"extension": "", "phone": "8 916 123-45-67", "next": card_url(dispatch)})
    assert response["Location"] == card_url(dispatch)
    assert get_model("suz_telephony", "Line").objects.get(user=manager).address == "+79161234567"
    response = client.post(reverse("suz_telephony_dashboard:suz-phone-line"),
                           {"extension": "", "phone": "", "next": "https://evil.example.com/"})
    assert response["Location"] == reverse("suz_telephony_dashboard:suz-phone-line")


def test_provider_down_is_a_clear_message_not_a_500(masked, settings):
    dispatch, manager, _other = masked
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"fail": "Телефония недоступна"}
    response = client_for(manager).post(start_url(dispatch), follow=True)
    assert response.status_code == 200 and "Телефония недоступна" in response.content.decode()
    assert Call.objects.get().state == State.FAILED


def test_staff_call_from_any_order_without_unmasking_the_dealer(masked, staff):
    dispatch, _manager, _other = masked
    services.line_save(user=staff, extension="100")
    client_for(staff).post(start_url(dispatch))
    call = Call.objects.get()
    assert call.manager == staff and call.dealer is None
    progress(call, Event.CONNECTED)
    assert not dispatch_selectors.phone_visible(dispatch, dispatch.claimed_by)


def test_another_dealer_gets_nothing(masked):
    dispatch, manager, other_manager = masked
    call = services.call_start(dispatch=dispatch, user=manager)
    progress(call, Event.CONNECTED, {"event": Event.RECORDING, "content": WAV})
    other = client_for(other_manager)
    assert other.post(start_url(dispatch)).status_code == 404
    for name in ("suz-call-state", "suz-call-recording", "suz-call-prompt"):
        assert other.get(reverse(f"suz_telephony_dashboard:{name}", kwargs={"pk": call.pk})).status_code == 404
    assert Call.objects.count() == 1


def test_recordings_stream_with_range_requests(masked, staff):
    dispatch, manager, _other = masked
    call = services.call_start(dispatch=dispatch, user=manager)
    progress(call, Event.CONNECTED, Event.ENDED, {"event": Event.RECORDING, "content": WAV, "filename": "a.wav"})
    url = reverse("suz_telephony_dashboard:suz-call-recording", kwargs={"pk": call.pk})
    for user in (manager, staff):
        whole = client_for(user).get(url)
        assert whole.status_code == 200 and b"".join(whole.streaming_content) == WAV
        assert whole["Accept-Ranges"] == "bytes" and whole["Content-Type"] == "audio/x-wav"
    part = client_for(manager).get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 100-199/{len(WAV)}"
    assert b"".join(part.streaming_content) == WAV[100:200] and part["Content-Length"] == "100"
    tail = client_for(manager).get(url, HTTP_RANGE="bytes=-10")
    assert b"".join(tail.streaming_content) == WAV[-10:]
    opened = client_for(manager).get(url, HTTP_RANGE=f"bytes={len(WAV) - 5}-")
    assert b"".join(opened.streaming_content) == WAV[-5:]
    for bad in (f"bytes={len(WAV)}-", "bytes=abc", "bytes=5-2", "items=0-1"):
        assert client_for(manager).get(url, HTTP_RANGE=bad).status_code == 416


def test_the_holder_plays_its_call_on_the_customer_card_too(masked, staff):
    dispatch, manager, _other = masked
    call = services.call_start(dispatch=dispatch, user=manager)
    progress(call, Event.CONNECTED, Event.ENDED, {"event": Event.RECORDING, "content": WAV, "filename": "a.wav"})
    recording = reverse("suz_telephony_dashboard:suz-call-recording", kwargs={"pk": call.pk})
    card = reverse("suz_feedback_dashboard:suz-customer", kwargs={"pk": dispatch.pk})
    for user in (manager, staff):
        assert f'src="{recording}"' in client_for(user).get(card).content.decode()


def test_a_recording_kept_by_the_provider_is_fetched_by_its_id(masked):
    dispatch, manager, _other = masked
    call = services.call_start(dispatch=dispatch, user=manager)
    LocmemBackend.recordings["rec-1"] = (WAV, "rec.wav")
    progress(call, Event.CONNECTED, Event.ENDED, {"event": Event.RECORDING, "recording_id": "rec-1"})
    url = reverse("suz_telephony_dashboard:suz-call-recording", kwargs={"pk": call.pk})
    assert b"".join(client_for(manager).get(url).streaming_content) == WAV
    call.refresh_from_db()
    assert call.recording.name.endswith(".wav")


def test_time_to_first_contact_is_the_first_connected_call(masked):
    from suz_oscar.scoring.selectors import scorecard

    dispatch, manager, _other = masked
    claimed_at = dispatch.claimed_at
    OrderFact = get_model("suz_analytics", "OrderFact")

    def contacted():  # the analytics funnel's first contact, kept in the order's facts
        return OrderFact.objects.get(order_id=dispatch.order_id).contacted_at

    assert contacted() is None
    missed = services.call_start(dispatch=dispatch, user=manager)
    progress(missed, Event.CUSTOMER_RINGING, {"event": Event.ENDED, "outcome": Outcome.NO_ANSWER},
             start=claimed_at + timedelta(minutes=3))
    call = services.call_start(dispatch=dispatch, user=manager)
    progress(call, Event.CONNECTED, start=claimed_at + timedelta(minutes=10))
    assert contacted() == call.connected_at
    assert scorecard(dispatch.claimed_by)["median_contact_minutes"] == 10.0


def test_a_provider_without_its_credentials_is_a_system_check_error(settings):
    from django.core import checks

    from suz_oscar.checks import telephony_provider

    assert telephony_provider(None) == []  # the tests' locmem backend needs nothing
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.mango.MangoBackend"
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"api_key": "k"}
    [error] = telephony_provider(None)
    assert error.id == "suz.E022" and error.level == checks.ERROR and "api_salt" in error.msg
    assert "api_key" not in error.msg
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"api_key": "k", "api_salt": "  "}
    assert [e.id for e in telephony_provider(None)] == ["suz.E022"]
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"api_key": "k", "api_salt": "s"}
    assert telephony_provider(None) == []
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.asterisk.AsteriskBackend"
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"host": "pbx.local", "username": "suz"}
    [error] = telephony_provider(None)
    assert error.id == "suz.E022" and "secret" in error.msg and "username" not in error.msg
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"username": "suz", "secret": "s3cret"}
    assert telephony_provider(None) == []
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.nowhere.Backend"
    assert [e.id for e in telephony_provider(None)] == ["suz.E021"]
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.console.ConsoleBackend"
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {}
    assert telephony_provider(None) == []
