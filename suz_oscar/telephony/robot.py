"""The robot's confirmation call: after a dealer takes the order (``SUZ_ROBOT_CALL_ON``: also right after
placement) the robot calls the customer, reads the order back (``speech``), and the customer presses 1 to
confirm or 2 to be put through to the manager. No answer: called again ``SUZ_ROBOT_RETRIES`` times,
``SUZ_ROBOT_RETRY_MINUTES`` apart, then the dealer's managers are told.

Each attempt is a ``Call`` of kind ROBOT (the provider's events come back through ``services.call_event`` as for
any call); its ``result`` says what came of it (``vocabulary.RobotResult``), ``script`` and ``prompt`` keep what
the customer heard. A robot's call never reveals the number to the dealer, nor counts as the dealer's contact:
those read only the manager's calls.

The robot's writes (keyword-only, as ``services``): ``robot_call_start``, ``robot_call_settle``,
``robot_retry_due``; ``robot_call_requested`` is what the receivers call after a claim or a placement.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.core.outbox import announce
from suz_oscar.notifications.registry import EventType, register
from suz_oscar.notifications.vocabulary import Audience, Channel

from . import services, speech
from .vocabulary import ROBOT_FINAL, Event, Kind, RobotResult, State

logger = logging.getLogger(__name__)

Call = get_model("suz_telephony", "Call")
Dispatch = get_model("suz_dispatch", "Dispatch")

CLAIMED, PLACED = "claimed", "placed"

ROBOT_NO_ANSWER = register(EventType(
    "robot_no_answer", _("The robot could not reach the customer"), Audience.DEALER,
    "suz/telephony/emails/robot_no_answer", frozenset({Channel.EMAIL, Channel.SITE}), frozenset({Channel.SITE})))
ROBOT_WANTS_MANAGER = register(EventType(
    "robot_wants_manager", _("The customer asked the robot for the manager"), Audience.DEALER,
    "suz/telephony/emails/robot_wants_manager", frozenset({Channel.EMAIL, Channel.SMS, Channel.SITE}),
    frozenset({Channel.SITE})))


def robot_call_requested(*, dispatch_id: int, trigger: str, now=None):
    """A claim or a placement asks for the robot (``trigger``: ``claimed`` or ``placed``): one call per trigger
    and dealer, only when ``SUZ_ROBOT_CALL_ON`` lists the trigger. Returns the call or ``None``."""
    if trigger not in suz_settings.SUZ_ROBOT_CALL_ON:
        return None
    dispatch = Dispatch.objects.select_related("order", "claimed_by__partner").filter(pk=dispatch_id).first()
    if dispatch is None or dispatch.status in Dispatch.CLOSED:
        return None
    if trigger == CLAIMED and not dispatch.claimed_by_id:
        return None
    already = Call.objects.filter(dispatch=dispatch, kind=Kind.ROBOT, data__trigger=trigger)
    if trigger == CLAIMED:
        already = already.filter(dealer_id=dispatch.claimed_by_id)
    if already.exists():
        return None
    return robot_call_start(dispatch=dispatch, trigger=trigger, now=now)


def robot_call_start(*, dispatch, trigger: str = CLAIMED, attempt: int = 1, now=None):
    """Call the customer of ``dispatch`` with the order read back: the text rendered now (the order as it is),
    its audio synthesised by espeak-ng (without it the call carries the text only, ``data["speech"]``).
    A provider that is down leaves a FAILED call, settled at once (tried again later). Never raises for the
    provider; returns the ``Call`` (``None`` when the order has no customer's number)."""
    if not services._customer_number(dispatch):
        return None
    script = speech.render_script(dispatch.order, dispatch)
    audio = speech.synthesise_file(script.text)
    call = services.call_start(dispatch=dispatch, kind=Kind.ROBOT, now=now, script=script.text, prompt=audio,
                               attempt=attempt,
                               data={"trigger": trigger, "speech": "espeak-ng" if audio is not None else "text"})
    if call.state == State.FAILED:
        robot_call_settle(call=call, now=now)
    return call


@transaction.atomic
def robot_call_settle(*, call, event: str = "", now=None, locked: bool = False):
    """What a robot call's event means: key 1 → confirmed; key 2 → wants the manager (the dealer is told);
    ended or failed without a key → tried again later, or after the last attempt «no answer» (the dealer is
    told). A settled call does not change again. ``locked``: ``call`` is current and its row locked by the
    caller (``services.call_event``'s receivers), so it is not read again."""
    if call.kind != Kind.ROBOT:
        return call
    now = now or timezone.now()
    if not locked:
        call = Call.objects.select_for_update().select_related("dispatch__order").get(pk=call.pk)
    if call.result:
        return call
    choice = next((d for d in call.digits if d in (speech.CONFIRM_KEY, speech.MANAGER_KEY)), "")
    if choice == speech.CONFIRM_KEY:
        call.result = RobotResult.CONFIRMED
    elif choice == speech.MANAGER_KEY:
        call.result = RobotResult.WANTS_MANAGER
        _tell(ROBOT_WANTS_MANAGER.key, call)
    elif call.state in (State.ENDED, State.FAILED) or event in (Event.ENDED, Event.FAILED):
        if call.attempt <= suz_settings.SUZ_ROBOT_RETRIES:
            call.result = RobotResult.RETRY
            retry_at = now + timedelta(minutes=suz_settings.SUZ_ROBOT_RETRY_MINUTES)
            call.data = {**call.data, "retry_at": retry_at.isoformat()}
        else:
            call.result = RobotResult.NO_ANSWER
            _tell(ROBOT_NO_ANSWER.key, call)
    else:
        return call
    # An UPDATE, not a save: a robot's call is no dealer's contact, the call's post_save receivers have nothing
    # to do.
    Call.objects.filter(pk=call.pk).update(result=call.result, data=call.data)
    return call


def _tell(event_type, call):
    dispatch = call.dispatch
    dealer = dispatch.claimed_by if dispatch.claimed_by_id else None
    announce(event_type, key=f"robot:{call.pk}", context={"order": dispatch.order, "call": call, "dealer": dealer},
             dealers=[dealer] if dealer else [], staff=dealer is None)


def robot_retry_due(*, now=None) -> int:
    """Start the next attempt of every robot call whose pause is over (Celery beat, every minute). Each is taken
    by one conditional UPDATE, so two sweeps never call twice. Returns how many calls were started."""
    now = now or timezone.now()
    started = 0
    for call in Call.objects.filter(kind=Kind.ROBOT, result=RobotResult.RETRY).select_related("dispatch__order"):
        retry_at = call.data.get("retry_at")
        if retry_at and datetime.fromisoformat(retry_at) > now:
            continue
        if not Call.objects.filter(pk=call.pk, result=RobotResult.RETRY).update(result=RobotResult.RETRIED):
            continue
        dispatch = call.dispatch
        if dispatch.status in Dispatch.CLOSED:
            continue  # the order was closed meanwhile: nothing to confirm
        robot_call_start(dispatch=dispatch, trigger=call.data.get("trigger", CLAIMED), attempt=call.attempt + 1,
                         now=now)
        started += 1
    return started


def latest_robot_call(dispatch):
    """The order's last robot call (what the order card shows), or ``None``."""
    return Call.objects.filter(dispatch=dispatch, kind=Kind.ROBOT).order_by("-created_at", "-pk").first()


def is_settled(call) -> bool:
    return call.result in ROBOT_FINAL
