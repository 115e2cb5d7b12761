"""Calls through the system: starting one, the provider's events (idempotent), the masking rule and «processed»."""

from datetime import timedelta

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch import selectors as dispatch_selectors
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.telephony import services
from suz_oscar.telephony.backends.locmem import LocmemBackend
from suz_oscar.telephony.exceptions import TelephonyError
from suz_oscar.telephony.vocabulary import Event, Kind, Outcome, State
from suz_oscar.test.factories import create_manager

from .conftest import make_order, regional_network

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
