"""The robot's confirmation call: it calls after a claim (or a placement, by setting) with the order read back and
its audio, 1 confirms, 2 asks for the manager (the dealer is told), no answer is tried again after a pause and
then the dealer is told; the order card shows the result, the text and the audio to staff and the holding dealer
only; the robot's call never reveals the customer's number to the dealer."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from suz_oscar.dispatch import selectors as dispatch_selectors
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.notifications.backends import sms
from suz_oscar.telephony import robot, services
from suz_oscar.telephony.backends.locmem import LocmemBackend
from suz_oscar.telephony.vocabulary import Event, Kind, Outcome, RobotResult, State
from suz_oscar.test.factories import create_manager

from .conftest import client_for, make_order, regional_network

Call = get_model("suz_telephony", "Call")
OutboxMessage = get_model("suz_notifications", "OutboxMessage")


@pytest.fixture(autouse=True)
def _robot_on(settings):
    settings.SUZ_ROBOT_CALL_ON = ("claimed",)
    settings.SUZ_ROBOT_RETRIES = 2
    settings.SUZ_ROBOT_RETRY_MINUTES = 15
    settings.SUZ_ROBOT_NOUNS = {}
    LocmemBackend.started.clear()
    sms.outbox.clear()
    yield
    LocmemBackend.started.clear()
    sms.outbox.clear()


@pytest.fixture
def net(db):
    net = regional_network([10, 5])
    holder, other = net["dealers"]
    holder.call_from_site = True
    holder.save()
    manager = create_manager(holder, first_name="Ирина", last_name="Петрова")
    other_manager = create_manager(other)
    order = make_order(net["city"], net["product"])
    dispatch = dispatch_services.dispatch_plan(order=order)
    return {**net, "holder": holder, "manager": manager, "other_manager": other_manager, "dispatch": dispatch}


def claim(net, capture):
    with capture(execute=True):
        dispatch_services.dispatch_claim(dispatch=net["dispatch"], dealer=net["holder"], user=net["manager"])
    return Call.objects.get(dispatch=net["dispatch"], kind=Kind.ROBOT, attempt=1)


def report(call, *events, at=None):
    at = at or timezone.now()
    for event, extra in events:
        services.call_event(provider="locmem", call_id=call.provider_call_id, event=event, at=at, **extra)
    call.refresh_from_db()
    return call


def test_a_claim_makes_the_robot_call_with_the_order_read_back(net, django_capture_on_commit_callbacks):
    call = claim(net, django_capture_on_commit_callbacks)
    assert [c.pk for _id, c in LocmemBackend.started] == [call.pk]
    assert call.state == State.CALLING_CUSTOMER and call.manager is None and call.dealer == net["holder"]
    assert call.to_number == "+79123456789" and call.caller_id == "+74950000000"
    assert "Ирина Петрова" in call.script and net["holder"].partner.name in call.script
    assert "одна штука" in call.script and "нажмите 1" in call.script
    assert call.prompt.name.endswith(".wav") and call.data == {"trigger": "claimed", "speech": "espeak-ng"}
    with call.prompt.open("rb") as f:
        assert f.read(4) == b"RIFF"
    # A second claim of the same dealer (or anything that saves the history again) does not call twice.
    robot.robot_call_requested(dispatch_id=net["dispatch"].pk, trigger="claimed")
    assert Call.objects.filter(kind=Kind.ROBOT).count() == 1


def test_key_1_confirms_and_the_number_stays_hidden(net, django_capture_on_commit_callbacks):
    call = claim(net, django_capture_on_commit_callbacks)
    call = report(call, (Event.CUSTOMER_RINGING, {}), (Event.CONNECTED, {}), (Event.DIGITS, {"digits": "1"}),
                  (Event.ENDED, {"outcome": Outcome.ANSWERED}))
    assert call.result == RobotResult.CONFIRMED and call.connected_at
    assert not dispatch_selectors.phone_visible(net["dispatch"], net["holder"])
    assert dispatch_selectors.status_refusal(net["dispatch"], net["holder"], "processed")
    assert not OutboxMessage.objects.filter(event_type__startswith="robot_").exists()
    # Replayed events change nothing.
    report(call, (Event.DIGITS, {"digits": "2"}))
    call.refresh_from_db()
    assert call.digits == "1" and call.result == RobotResult.CONFIRMED


def test_key_2_asks_for_the_manager_and_the_dealer_is_told(net, django_capture_on_commit_callbacks):
    call = claim(net, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        call = report(call, (Event.CONNECTED, {}), (Event.DIGITS, {"digits": "2"}))
    assert call.result == RobotResult.WANTS_MANAGER
    told = OutboxMessage.objects.filter(event_type="robot_wants_manager")
    assert {m.recipient_id for m in told} == {net["manager"].pk}
    assert net["other_manager"].pk not in {m.recipient_id for m in OutboxMessage.objects.all()}


def test_no_answer_is_tried_again_after_the_pause_then_the_dealer_is_told(net, django_capture_on_commit_callbacks):
    call = claim(net, django_capture_on_commit_callbacks)
    start = timezone.now()
    call = report(call, (Event.CUSTOMER_RINGING, {}), (Event.ENDED, {"outcome": Outcome.NO_ANSWER}), at=start)
    assert call.result == RobotResult.RETRY
    assert robot.robot_retry_due(now=start + timedelta(minutes=14)) == 0  # the pause is not over
    assert robot.robot_retry_due(now=start + timedelta(minutes=15, seconds=1)) == 1
    assert robot.robot_retry_due(now=start + timedelta(minutes=16)) == 0  # taken once
    second = Call.objects.get(kind=Kind.ROBOT, attempt=2)
    assert second.script == call.script
    second = report(second, (Event.ENDED, {"outcome": Outcome.BUSY}), at=start + timedelta(minutes=16))
    assert second.result == RobotResult.RETRY
    robot.robot_retry_due(now=start + timedelta(minutes=32))
    third = Call.objects.get(kind=Kind.ROBOT, attempt=3)
    with django_capture_on_commit_callbacks(execute=True):
        third = report(third, (Event.CONNECTED, {}), (Event.ENDED, {}), at=start + timedelta(minutes=33))
    assert third.result == RobotResult.NO_ANSWER  # answered, no key: counts as no answer; last attempt
    assert robot.robot_retry_due(now=start + timedelta(hours=2)) == 0
    assert list(Call.objects.filter(kind=Kind.ROBOT).order_by("attempt").values_list("result", flat=True)) == [
        RobotResult.RETRIED, RobotResult.RETRIED, RobotResult.NO_ANSWER]
    told = OutboxMessage.objects.filter(event_type="robot_no_answer")
    assert {m.recipient_id for m in told} == {net["manager"].pk}
    assert "3" in told.filter(channel="email").get().body


def test_without_workers_the_dashboards_poll_calls_again(net, settings, django_capture_on_commit_callbacks):
    """The demo has no beat: the dashboard's poll runs the robot's retry sweep (at most once per
    SUZ_SWEEP_SECONDS), so a customer the robot did not reach is called again there too."""
    from django.core.cache import cache

    settings.SUZ_USE_BROKER = False
    cache.delete("suz:sweeps-without-workers")
    call = claim(net, django_capture_on_commit_callbacks)
    call = report(call, (Event.ENDED, {"outcome": Outcome.NO_ANSWER}), at=timezone.now() - timedelta(minutes=16))
    assert call.result == RobotResult.RETRY
    poll = reverse("suz_notifications_dashboard:suz-notifications-poll")
    assert client_for(net["manager"]).get(poll).status_code == 200
    second = Call.objects.get(kind=Kind.ROBOT, attempt=2)
    assert second.state == State.CALLING_CUSTOMER and second.script == call.script
    call.refresh_from_db()
    assert call.result == RobotResult.RETRIED
    # Not before the pause is over, and not again within SUZ_SWEEP_SECONDS.
    report(second, (Event.ENDED, {"outcome": Outcome.BUSY}))
    cache.delete("suz:sweeps-without-workers")
    assert client_for(net["manager"]).get(poll).status_code == 200
    Call.objects.filter(pk=second.pk).update(data={**second.data, "retry_at": timezone.now().isoformat()})
    assert client_for(net["manager"]).get(poll).status_code == 200
    assert not Call.objects.filter(kind=Kind.ROBOT, attempt=3).exists()
    cache.delete("suz:sweeps-without-workers")
    assert client_for(net["manager"]).get(poll).status_code == 200
    assert Call.objects.filter(kind=Kind.ROBOT, attempt=3).exists()


def test_a_provider_that_is_down_counts_as_an_attempt(net, settings, django_capture_on_commit_callbacks):
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"fail": "503 Service Unavailable"}
    call = claim(net, django_capture_on_commit_callbacks)
    assert call.state == State.FAILED and call.result == RobotResult.RETRY and "503" in call.error


def test_a_closed_order_is_not_called_again(net, django_capture_on_commit_callbacks):
    call = claim(net, django_capture_on_commit_callbacks)
    report(call, (Event.ENDED, {"outcome": Outcome.NO_ANSWER}))
    dispatch_services.dispatch_set_status(dispatch=net["dispatch"], dealer=net["holder"], to_status="cancelled",
                                          user=net["manager"])
    assert robot.robot_retry_due(now=timezone.now() + timedelta(hours=1)) == 0
    assert Call.objects.filter(kind=Kind.ROBOT).count() == 1


def test_the_setting_decides_when_the_robot_calls(net, settings, django_capture_on_commit_callbacks):
    settings.SUZ_ROBOT_CALL_ON = ()
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_services.dispatch_claim(dispatch=net["dispatch"], dealer=net["holder"], user=net["manager"])
    assert not Call.objects.exists()
    settings.SUZ_ROBOT_CALL_ON = ("placed", "claimed")
    order = make_order(net["city"], net["product"])
    with django_capture_on_commit_callbacks(execute=True):
        order_placed.send(sender=None, order=order, user=None)
    placed = Call.objects.get(dispatch__order=order, kind=Kind.ROBOT)
    assert placed.data["trigger"] == "placed" and placed.dealer is None
    assert "Заказ принял дилер" not in placed.script and "с вами связались" in placed.script


def test_the_order_card_shows_the_result_text_and_audio_to_staff_and_the_holder(net, staff,
                                                                                 django_capture_on_commit_callbacks):
    call = claim(net, django_capture_on_commit_callbacks)
    report(call, (Event.CONNECTED, {}), (Event.DIGITS, {"digits": "1"}), (Event.ENDED, {}))
    url = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": net["dispatch"].pk})
    for user in (staff, net["manager"]):
        page = client_for(user).get(url).content.decode()
        assert 'id="robot-call"' in page and "suz-robot-text" in page
        assert "Ирина Петрова" in page  # the text as it was read
    page = client_for(net["other_manager"]).get(url)
    assert page.status_code == 404 or 'id="robot-call"' not in page.content.decode()
    # The holder does not learn the number from the robot's block or its text.
    page = client_for(net["manager"]).get(url).content.decode()
    for form in ("79123456789", "912 345-67-89", "912) 345", "9123456789"):
        assert form not in page


def test_the_console_backend_plays_the_robot_call_in_the_demo(net, settings, django_capture_on_commit_callbacks):
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.console.ConsoleBackend"
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {"ring_seconds": 0, "talk_seconds": 0}
    call = claim(net, django_capture_on_commit_callbacks)
    url = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": net["dispatch"].pk})
    page = client_for(net["manager"]).get(url).content.decode()  # the card plays the simulation by the clock
    call.refresh_from_db()
    assert call.digits == "1" and call.result == RobotResult.CONFIRMED
    assert "badge-success" in page


def test_on_the_demos_card_the_calls_list_agrees_with_the_robots_block(net, settings,
                                                                       django_capture_on_commit_callbacks):
    """The console's robot call, played out by the clock while nobody looked: the card's list of calls (rendered
    before the robot's block) shows it ended and confirmed, in Russian, as the block and the thread do."""
    settings.SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.console.ConsoleBackend"
    settings.SUZ_TELEPHONY_BACKEND_OPTIONS = {}
    call = claim(net, django_capture_on_commit_callbacks)
    Call.objects.filter(pk=call.pk).update(created_at=timezone.now() - timedelta(minutes=1))
    url = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": net["dispatch"].pk})
    page = client_for(net["manager"]).get(url).content.decode()
    row = page.split(f'id="call-{call.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Разговор состоялся" in row and "Подтверждён покупателем" in row
    assert "confirmed" not in row and "Идёт разговор" not in row
