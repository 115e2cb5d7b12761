"""Asterisk through its Manager Interface (AMI, ``telephony/ami.py``): the company's own PBX.

- **A manager's call**: ``Originate`` rings the manager's line first (an extension: ``extension_channel``, e.g.
  ``PJSIP/101``; a phone: ``phone_channel`` through the trunk), and once answered the dialplan context
  ``context`` dials the customer (``Exten`` = the customer's number), showing the site's number
  (``SUZ_TELEPHONY_CALLER_ID``, in the variable ``SUZ_CALLER_ID``) and recording with ``MixMonitor``, which we
  start on the manager's channel when the customer answers.
- **The robot's call**: ``Originate`` rings the customer through ``phone_channel`` into ``robot_context``, which
  plays the synthesised prompt (copied as 8 kHz WAV into ``prompts_dir``, a directory Asterisk reads; the
  variable ``SUZ_PROMPT``), reads one key and reports it with ``UserEvent(SuzDigits,…)``; key 2 dials
  ``SUZ_MANAGER`` (the manager's line).
- **Events**: ``listen()`` (run by ``manage.py suz_asterisk_events``) keeps one AMI connection open and turns
  ``Newstate``, ``DialBegin``, ``DialEnd``, ``Hangup``, ``OriginateResponse`` and our ``UserEvent`` into call
  events. Our calls are found by the channel id we give in ``Originate`` (``ChannelId``: ``suz-m-…`` for a
  manager's call, ``suz-r-…`` for the robot's), so every event of the call's first channel carries it.
- **Recordings**: ``MixMonitor`` writes ``<uid>.wav`` into ``monitor_dir`` (a path on the Asterisk machine);
  ``recordings_dir`` is the same directory as this machine sees it (a shared mount), read once the call ended.

Options (``SUZ_TELEPHONY_BACKEND_OPTIONS``): ``host``, ``port`` (5038), ``username``, ``secret``, ``timeout``
(seconds, 5), ``context`` (``suz-outbound``), ``robot_context`` (``suz-robot``), ``extension_channel``
(``PJSIP/{extension}``), ``phone_channel`` (``PJSIP/{number}@trunk``), ``ring_seconds`` (30), ``prompts_dir``,
``monitor_dir``, ``recordings_dir`` (defaults to ``monitor_dir``). The dialplan is in docs/robot-call.md.
"""

from __future__ import annotations

import array
import io
import logging
import re
import time
import uuid
import wave
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from ..ami import AMIClient, AMIError
from ..vocabulary import Event, Kind, Outcome
from .base import BaseBackend, ProviderEvent, ProviderUnavailable, TelephonyError

logger = logging.getLogger(__name__)

MANAGER_PREFIX, ROBOT_PREFIX = "suz-m-", "suz-r-"
RINGING_STATES = {"4", "5"}  # Ring, Ringing
UP = "6"
# Dial()'s DIALSTATUS and Originate's failure reasons in our outcomes.
DIAL_OUTCOMES = {"BUSY": Outcome.BUSY, "NOANSWER": Outcome.NO_ANSWER, "CANCEL": Outcome.NO_ANSWER,
                 "CONGESTION": Outcome.FAILED, "CHANUNAVAIL": Outcome.FAILED}
ORIGINATE_OUTCOMES = {"1": Outcome.NO_ANSWER, "3": Outcome.NO_ANSWER, "5": Outcome.BUSY, "8": Outcome.FAILED}
BUSY_CAUSES = {"17"}
NO_ANSWER_CAUSES = {"18", "19", "21"}
_SAFE = re.compile(r"[^0-9A-Za-z_+*#-]")


def _digits(value) -> str:
    return "".join(ch for ch in str(value or "") if ch.isdigit() or ch == "+")


def to_8khz(data: bytes) -> bytes:
    """A WAV (espeak-ng's: 22 050 Hz, 16 bit, mono) as 8 kHz 16-bit mono WAV, which Asterisk plays as ``wav``:
    each output sample is the mean of the input samples it covers (a crude low-pass, enough for a voice)."""
    with wave.open(io.BytesIO(data)) as src:
        rate, width, channels = src.getframerate(), src.getsampwidth(), src.getnchannels()
        frames = src.readframes(src.getnframes())
    if width != 2:
        raise ValueError("16-bit audio expected")
    samples = array.array("h")
    samples.frombytes(frames)
    if channels > 1:
        samples = array.array("h", samples[::channels])
    out = array.array("h")
    step = rate / 8000
    position = 0.0
    while int(position) < len(samples):
        start, end = int(position), max(int(position + step), int(position) + 1)
        chunk = samples[start:end]
        out.append(int(sum(chunk) / len(chunk)))
        position += step
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as dst:
        dst.setnchannels(1)
        dst.setsampwidth(2)
        dst.setframerate(8000)
        dst.writeframes(out.tobytes())
    return buffer.getvalue()


class AsteriskBackend(BaseBackend):
    key = "asterisk"

    def __init__(self, host="127.0.0.1", port=5038, username="", secret="", timeout=5, context="suz-outbound",
                 robot_context="suz-robot", extension_channel="PJSIP/{extension}",
                 phone_channel="PJSIP/{number}@trunk", ring_seconds=30, prompts_dir="", monitor_dir="",
                 recordings_dir="", **options):
        super().__init__(**options)
        self.host, self.port, self.username, self.secret = host, int(port), username, secret
        self.timeout, self.context, self.robot_context = float(timeout), context, robot_context
        self.extension_channel, self.phone_channel = extension_channel, phone_channel
        self.ring_seconds = int(ring_seconds)
        self.prompts_dir, self.monitor_dir = prompts_dir, monitor_dir
        self.recordings_dir = recordings_dir or monitor_dir
        # What the listener learnt of each call so far (one connection, one process).
        self._channels: dict[str, str] = {}  # uid -> the channel's name (for MixMonitor)
        self._outcomes: dict[str, str] = {}  # uid -> how Dial() ended
        self._recorded: set[str] = set()

    # Starting calls ------------------------------------------------------------------------------------------
    def client(self, events="off") -> AMIClient:
        client = AMIClient(self.host, self.port, timeout=self.timeout).connect()
        try:
            client.login(self.username, self.secret, events=events)
        except AMIError:
            client.close()
            raise
        return client

    def line_channel(self, address: str) -> str:
        """The channel that rings a manager's line: an extension (digits, short) or a phone number."""
        address = _SAFE.sub("", address)
        if address.startswith("+") or len(address) > 6:
            return self.phone_channel.format(number=address.lstrip("+"))
        return self.extension_channel.format(extension=address)

    def caller_id(self, call) -> str:
        name = re.sub(r'["<>\\\x00-\x1f]', " ", getattr(settings, "OSCAR_SHOP_NAME", "") or "").strip()
        number = _digits(call.caller_id).lstrip("+")
        return f'"{name}" <{number}>' if name else number

    def start_call(self, call) -> str:
        robot = call.kind == Kind.ROBOT
        uid = f"{ROBOT_PREFIX if robot else MANAGER_PREFIX}{call.pk}-{uuid.uuid4().hex[:8]}"
        customer = _digits(call.to_number).lstrip("+")
        variables = [f"SUZ_CALL={uid}", f"SUZ_CALLER_ID={_digits(call.caller_id).lstrip('+')}"]
        if robot:
            variables.append(f"SUZ_PROMPT={self._place_prompt(call, uid)}")
            manager = self._manager_line(call)
            if manager:
                variables.append(f"SUZ_MANAGER={manager}")
            fields = {"Channel": self.phone_channel.format(number=customer), "Context": self.robot_context,
                      "Exten": "s"}
        else:
            fields = {"Channel": self.line_channel(call.from_address), "Context": self.context, "Exten": customer}
        fields.update(Priority="1", CallerID=self.caller_id(call), Timeout=str(self.ring_seconds * 1000),
                      Async="true", ChannelId=uid, Variable=variables)
        try:
            with self.client() as client:
                client.action("Originate", action_id=uid, **fields)
        except AMIError as exc:
            logger.warning("asterisk: call %s not started: %s", call.pk, exc)
            raise ProviderUnavailable(_("The PBX did not take the call (%(error)s). Try again in a minute.")
                                      % {"error": exc}) from exc
        return uid

    def _manager_line(self, call) -> str:
        """For the robot's key 2: the line of the manager who took the order, as a channel (or "")."""
        dispatch = call.dispatch
        if not dispatch.claimed_by_id:
            return ""
        entry = (dispatch.history.filter(to_status="accepted", dealer_id=dispatch.claimed_by_id, user__isnull=False)
                 .order_by("-created_at").select_related("user__suz_line").first())
        line = getattr(entry.user, "suz_line", None) if entry else None
        return self.line_channel(line.address) if line is not None and line.address else ""

    def _place_prompt(self, call, uid) -> str:
        """Copy the synthesised prompt where Asterisk reads it; the path without extension, as Playback wants."""
        if not call.prompt:
            raise ProviderUnavailable(_("The robot has no audio to play: espeak-ng is not installed."))
        if not self.prompts_dir:
            raise ProviderUnavailable(_("The robot's prompts directory (prompts_dir) is not configured."))
        with call.prompt.open("rb") as f:
            audio = to_8khz(f.read())
        path = Path(self.prompts_dir) / f"{uid}.wav"
        try:
            path.write_bytes(audio)
        except OSError as exc:
            raise ProviderUnavailable(_("The robot's prompt could not be written for the PBX.")) from exc
        return str(path.with_suffix(""))

    # Events ----------------------------------------------------------------------------------------------------
    def events_for(self, message: dict, client: AMIClient | None = None, now: datetime | None = None):
        """The call events one AMI event means (``[]`` for the others). With ``client``, a customer who answers a
        manager's call starts ``MixMonitor`` on the manager's channel."""
        at = now or datetime.now(UTC)
        name = message.get("Event", "")
        uid = message.get("Uniqueid", "")
        if name == "UserEvent" and message.get("UserEvent") == "SuzDigits":
            uid = message.get("Call", "")
        if name == "OriginateResponse":
            uid = message.get("ActionID", "")
        if not uid.startswith((MANAGER_PREFIX, ROBOT_PREFIX)):
            return []
        robot = uid.startswith(ROBOT_PREFIX)
        payload = {k: v for k, v in message.items() if k in (
            "Event", "ChannelState", "ChannelStateDesc", "DialStatus", "Cause", "Cause-txt", "Response", "Reason")}

        def event(kind, **extra):
            return ProviderEvent(call_id=uid, event=kind, at=at, payload=payload, **extra)

        if message.get("Channel"):
            self._channels.setdefault(uid, message["Channel"])
        if name == "Newstate":
            state = message.get("ChannelState")
            if state in RINGING_STATES:
                return [event(Event.CUSTOMER_RINGING if robot else Event.MANAGER_RINGING)]
            if state == UP:
                return [event(Event.CONNECTED if robot else Event.MANAGER_ANSWERED)]
        elif name == "DialBegin" and not robot:
            return [event(Event.CUSTOMER_RINGING)]
        elif name == "DialEnd" and not robot:
            status = message.get("DialStatus", "")
            if status == "ANSWER":
                self._record(uid, client)
                return [event(Event.CONNECTED)]
            self._outcomes[uid] = DIAL_OUTCOMES.get(status, Outcome.FAILED)
        elif name == "UserEvent":
            digits = "".join(ch for ch in message.get("Digits", "") if ch in "0123456789*#")
            return [event(Event.DIGITS, digits=digits)] if digits else []
        elif name == "Hangup":
            cause = message.get("Cause", "")
            outcome = self._outcomes.pop(uid, "") or (
                Outcome.BUSY if cause in BUSY_CAUSES else Outcome.NO_ANSWER if cause in NO_ANSWER_CAUSES else "")
            events = [event(Event.ENDED, outcome=outcome)]
            self._channels.pop(uid, None)
            if uid in self._recorded:
                self._recorded.discard(uid)
                events.append(event(Event.RECORDING, recording_id=f"{uid}.wav", filename=f"{uid}.wav"))
            return events
        elif name == "OriginateResponse" and message.get("Response", "").lower() == "failure":
            reason = message.get("Reason", "0")
            if reason in ORIGINATE_OUTCOMES:
                return [event(Event.ENDED, outcome=ORIGINATE_OUTCOMES[reason])]
            return [event(Event.FAILED, error=_("The PBX could not reach the line."))]
        return []

    def _record(self, uid, client):
        channel = self._channels.get(uid)
        if client is None or not channel or not self.monitor_dir:
            return
        try:
            client.action("MixMonitor", Channel=channel, File=f"{self.monitor_dir.rstrip('/')}/{uid}.wav",
                          Options="b")
            self._recorded.add(uid)
        except AMIError as exc:  # the call goes on without a recording
            logger.warning("asterisk: MixMonitor on %s refused: %s", channel, exc)

    def listen(self, handle, *, seconds: float | None = None, idle: float = 1.0, retry: float = 5.0):
        """Read AMI events and ``handle(ProviderEvent)`` each of our calls' (``services.call_event``), for
        ``seconds`` (None: for ever), reconnecting ``retry`` seconds after a lost connection."""
        deadline = None if seconds is None else time.monotonic() + seconds
        while deadline is None or time.monotonic() < deadline:
            try:
                with self.client(events="call,user") as client:
                    while deadline is None or time.monotonic() < deadline:
                        message = client.read_event(timeout=idle)
                        if message is None:
                            continue
                        for item in self.events_for(message, client):
                            try:
                                handle(item)
                            except Exception:
                                logger.exception("asterisk: event %s of %s not recorded", item.event, item.call_id)
            except AMIError as exc:
                logger.warning("asterisk: event connection: %s; again in %ss", exc, retry)
                time.sleep(retry if deadline is None else min(retry, max(deadline - time.monotonic(), 0)))

    # Recordings ------------------------------------------------------------------------------------------------
    def fetch_recording(self, call) -> tuple[bytes, str]:
        name = Path(call.recording_id or "").name  # never a path out of the directory
        if not name or not self.recordings_dir:
            raise TelephonyError(_("The recording is not available."))
        path = Path(self.recordings_dir) / name
        try:
            return path.read_bytes(), name
        except OSError as exc:
            raise TelephonyError(_("The recording is not available yet.")) from exc
