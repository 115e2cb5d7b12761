"""Writes of telephony: starting a call, recording what the provider reports, storing recordings, lines.

Every provider's events go through ``call_event`` — a webhook, an AMI connection, the console's clock — so
a replay, a duplicate or an event of a call we never made changes nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.dealers.selectors import dealer_for_user

from . import selectors
from .backends import get_backend
from .exceptions import ProviderUnavailable, TelephonyError
from .signals import call_changed
from .vocabulary import FINAL_STATES, Direction, Event, Kind, Outcome, State

if TYPE_CHECKING:
    from datetime import datetime

logger = logging.getLogger(__name__)

Call = get_model("suz_telephony", "Call")
CallEvent = get_model("suz_telephony", "CallEvent")
Line = get_model("suz_telephony", "Line")
Dispatch = get_model("suz_dispatch", "Dispatch")

# The order of a call's progress: an event never moves a call back (a late "ringing" after "connected").
_RANK = {State.NEW: 0, State.CALLING_MANAGER: 1, State.CALLING_CUSTOMER: 2, State.CONNECTED: 3,
         State.ENDED: 4, State.FAILED: 4}


def _customer_number(dispatch) -> str:
    place = getattr(dispatch.order, "suz_place", None)
    phone = getattr(place, "phone", None)
    return phone.as_e164 if phone else ""


def call_refusal(*, dispatch, user) -> str | None:
    """Why ``user`` may not call the customer of ``dispatch`` now (translated), or ``None``."""
    if not user.is_staff:
        dealer = dealer_for_user(user)
        if dealer is None or dispatch.claimed_by_id != dealer.pk:
            return _("Only the dealer holding the order can call its customer.")
        if dispatch.status in Dispatch.CLOSED:
            return _("The order is closed.")
    line = Line.objects.filter(user=user).first()
    if line is None or not line.address:
        return _("Add your phone or PBX extension to your profile first: the system rings you, then the customer.")
    if not _customer_number(dispatch):
        return _("The order has no customer's phone number.")
    if Call.objects.filter(dispatch=dispatch, manager=user, kind=Kind.MANAGER,
                           state__in=(State.NEW, State.CALLING_MANAGER, State.CALLING_CUSTOMER,
                                      State.CONNECTED)).exists():
        return _("You are already calling this customer.")
    return None


def call_start(*, dispatch, user=None, kind: str = Kind.MANAGER, now: datetime | None = None, script: str = "",
               prompt=None, attempt: int = 1, data: dict | None = None):
    """Start a call for the order ``dispatch`` and return the ``Call`` (saved; state CALLING_… or FAILED).

    ``kind=MANAGER``: ``user`` (the holding dealer's manager or staff) is rung on their line, then the
    customer; raises ``TelephonyError`` (translated) when ``call_refusal`` says no — nothing is stored then.
    ``kind=ROBOT``: the customer is called and hears ``script`` (``prompt``: a ``django.core.files.File`` of the
    synthesised audio, stored with the call); ``user`` is None. The provider is asked outside any transaction;
    when it is down or refuses, the call is kept as FAILED with the provider's message in ``error``.
    """
    now = now or timezone.now()
    backend = get_backend()
    dealer = dispatch.claimed_by if dispatch.claimed_by_id else None
    from_address = ""
    if kind == Kind.MANAGER:
        refusal = call_refusal(dispatch=dispatch, user=user)
        if refusal:
            raise TelephonyError(refusal)
        from_address = user.suz_line.address
        if user.is_staff and (dealer is None or dealer_for_user(user) != dealer):
            dealer = None  # the manufacturer's own call: it does not reveal the number to the dealer
    to_number = _customer_number(dispatch)
    if not to_number:
        raise TelephonyError(_("The order has no customer's phone number."))
    call = Call.objects.create(
        dispatch=dispatch, dealer=dealer, manager=user if kind == Kind.MANAGER else None,
        direction=Direction.OUTBOUND, kind=kind, provider=backend.key, from_address=from_address,
        to_number=to_number, caller_id=suz_settings.SUZ_TELEPHONY_CALLER_ID, created_at=now, script=script,
        attempt=attempt, data=data or {})
    if prompt is not None:
        call.prompt.save(getattr(prompt, "name", "") or "prompt.wav", prompt, save=True)
    try:
        provider_call_id = backend.start_call(call)
    except ProviderUnavailable as exc:
        Call.objects.filter(pk=call.pk).update(state=State.FAILED, outcome=Outcome.FAILED, error=str(exc),
                                               ended_at=timezone.now())
        call.refresh_from_db()
        return call
    except Exception as exc:  # a provider's bug must not become a 500 either
        logger.exception("telephony: %s could not start call %s", backend.key, call.pk)
        Call.objects.filter(pk=call.pk).update(
            state=State.FAILED, outcome=Outcome.FAILED, ended_at=timezone.now(),
            error=_("The telephony provider could not start the call (%(error)s). Try again later.")
            % {"error": exc.__class__.__name__})
        call.refresh_from_db()
        return call
    first = State.CALLING_MANAGER if kind == Kind.MANAGER else State.CALLING_CUSTOMER
    # Events may have arrived before we knew the id (a fast webhook): only move forward from NEW.
    Call.objects.filter(pk=call.pk).update(provider_call_id=provider_call_id)
    Call.objects.filter(pk=call.pk, state=State.NEW).update(state=first)
    call.refresh_from_db()
    return call


def call_event(*, provider: str, call_id: str, event: str, at: datetime, outcome: str = "",
               duration: int | None = None, recording_id: str = "", content: bytes | None = None,
               filename: str = "", digits: str = "", error: str = "", payload: dict | None = None,
               data: dict | None = None, call=None):
    """Record what ``provider`` reports of its call ``call_id``; returns the ``Call``, or ``None`` when the call is
    not ours (unknown ids are ignored) or the event was already recorded (a replay: nothing changes).

    ``event`` is a ``vocabulary.Event``. Each event is recorded once per call (``CallEvent``, unique); the call's
    state only moves forward, its times are set by the first event that tells them. ``RECORDING`` stores
    ``content`` (bytes) or, with only ``recording_id``, fetches it from the provider after the commit. ``data``:
    what the provider wants kept with the call (merged into ``Call.data``, e.g. Mango's ``entry_id``).
    ``call``: the call, when the backend already locked it in this transaction (``selectors.calls_for_update``).

    Queries (it runs for every event of every call): the call locked with its order (unless given), the replay
    check, the event's INSERT and one UPDATE of the call's changed fields. The call is saved as a model (its
    ``post_save``: the order's facts in analytics) only when it first connects, which is what those read; the
    event joins the caller's transaction (no savepoint of its own).
    """
    if event not in Event.values:
        raise ValueError(f"unknown call event {event!r}")
    with transaction.atomic(savepoint=False):
        if call is None:
            call = selectors.calls_for_update().filter(provider=provider, provider_call_id=call_id).first()
        if call is None:
            return None
        if CallEvent.objects.filter(call=call, event=event).exists():  # the call is locked: no race
            return None
        CallEvent.objects.create(call=call, event=event, at=at, payload=_plain(payload or {}))
        fields = _apply(call, event, at, outcome=outcome, duration=duration, recording_id=recording_id,
                        digits=digits, error=error)
        if data and any(call.data.get(k) != v for k, v in data.items()):
            call.data = {**call.data, **data}
            fields.append("data")
        if event == Event.RECORDING and content is not None:
            call.recording.save((filename or "recording.wav").rsplit("/", 1)[-1][:80], ContentFile(content),
                                save=False)
            fields.append("recording")
        if "connected_at" in fields and call.kind == Kind.MANAGER:
            call.save(update_fields=fields)  # the first contact: analytics' receiver refreshes the order's facts
        elif fields:
            Call.objects.filter(pk=call.pk).update(**{name: getattr(call, name) for name in fields})
        if event == Event.RECORDING and content is None and recording_id and not call.recording:
            pk = call.pk
            transaction.on_commit(lambda: _fetch_recording_quietly(pk))
        call_changed.send(sender=Call, call=call, event=event, at=at)
    return call


def _plain(payload):
    """What can be stored as JSON of what the provider sent (bytes are dropped)."""
    return {k: v for k, v in payload.items() if isinstance(v, (str, int, float, bool, type(None), list, dict))}


def _advance(call, state) -> bool:
    if _RANK[state] > _RANK[call.state] and call.state not in FINAL_STATES:
        call.state = state
        return True
    return False


def _apply(call, event, at, *, outcome, duration, recording_id, digits, error) -> list[str]:
    fields = []
    if event == Event.MANAGER_RINGING:
        fields += ["state"] if _advance(call, State.CALLING_MANAGER) else []
    elif event == Event.MANAGER_ANSWERED:
        if call.manager_answered_at is None:
            call.manager_answered_at = at
            fields.append("manager_answered_at")
        fields += ["state"] if _advance(call, State.CALLING_CUSTOMER) else []
    elif event == Event.CUSTOMER_RINGING:
        if call.customer_dialed_at is None:
            call.customer_dialed_at = at
            fields.append("customer_dialed_at")
        fields += ["state"] if _advance(call, State.CALLING_CUSTOMER) else []
    elif event == Event.CONNECTED:
        if call.customer_dialed_at is None:
            call.customer_dialed_at = at
            fields.append("customer_dialed_at")
        if call.connected_at is None and call.state not in FINAL_STATES:
            call.connected_at = at
            fields.append("connected_at")
        fields += ["state"] if _advance(call, State.CONNECTED) else []
    elif event == Event.DIGITS:
        call.digits = (call.digits + digits)[:16]
        fields.append("digits")
    elif event == Event.ENDED:
        if call.state not in FINAL_STATES:
            call.ended_at = at
            call.outcome = outcome or (Outcome.ANSWERED if call.connected_at else Outcome.NO_ANSWER)
            if duration is None and call.connected_at is not None:
                duration = max(int((at - call.connected_at).total_seconds()), 0)
            call.duration = duration
            call.state = State.ENDED
            fields += ["ended_at", "outcome", "duration", "state"]
    elif event == Event.RECORDING:
        if recording_id and not call.recording_id:
            call.recording_id = recording_id[:255]
            fields.append("recording_id")
    elif event == Event.FAILED:
        if call.state not in FINAL_STATES:
            call.state, call.outcome, call.ended_at = State.FAILED, Outcome.FAILED, at
            call.error = error or _("The telephony provider could not make the call.")
            fields += ["state", "outcome", "ended_at", "error"]
    return fields


def _store_recording(call, content: bytes, filename: str = ""):
    name = (filename or "recording.wav").rsplit("/", 1)[-1][:80]
    call.recording.save(name, ContentFile(content), save=False)
    Call.objects.filter(pk=call.pk).update(recording=call.recording.name)


def call_fetch_recording(*, call) -> bool:
    """Fetch ``call``'s recording from the provider by its id and store it (Django's storage); True if stored."""
    if call.recording or not call.recording_id:
        return bool(call.recording)
    backend = get_backend()
    if backend.key != call.provider:
        return False
    content, filename = backend.fetch_recording(call)
    _store_recording(call, content, filename)
    return True


def _fetch_recording_quietly(pk):
    call = Call.objects.filter(pk=pk).first()
    if call is None:
        return
    try:
        call_fetch_recording(call=call)
    except Exception:  # the provider is down: the recording view tries again when someone asks for it
        logger.warning("telephony: recording of call %s not fetched yet", pk, exc_info=True)


def call_refresh(*, call, now: datetime | None = None):
    """Let a provider that advances calls by the clock (the console backend) report what has happened by ``now``;
    the page's polling calls this. Returns the call as it is now."""
    backend = get_backend()
    if backend.polls and backend.key == call.provider and (not call.is_final or not call.recording):
        done = set(CallEvent.objects.filter(call=call).values_list("event", flat=True))
        for event in backend.poll(call, now or timezone.now()):
            if event.event not in done:
                call_event(provider=backend.key, **event.as_kwargs())
        call.refresh_from_db()
    return call


def line_save(*, user, extension: str = "", phone=None):
    """Set ``user``'s phone line for click-to-call (both empty: no line)."""
    line, _created = Line.objects.update_or_create(user=user, defaults={"extension": extension.strip(),
                                                                         "phone": phone or ""})
    return line
