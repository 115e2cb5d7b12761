"""The demo's provider: no PBX, a call that plays itself out on a short clock.

A manager's call: the manager's phone rings at once, is answered after ``ring_seconds``, the customer's phone
rings, the customer answers after another ``ring_seconds``, they talk for ``talk_seconds`` and hang up; a short
generated recording follows. A robot's call: the customer answers after ``ring_seconds``, hears the text, presses
``robot_digits`` and hangs up. Nothing runs in the background: ``poll(call, now)`` reports what has happened by
``now`` (the order card polls while a call is in progress), so it works without a worker. The numbers dialled
are written to the log, never to the page.
"""

import io
import logging
import math
import struct
import uuid
import wave
from datetime import timedelta

from ..vocabulary import Event, Kind, Outcome
from .base import BaseBackend, ProviderEvent

logger = logging.getLogger(__name__)

RATE = 8000


def generated_recording(seconds: int) -> bytes:
    """A short WAV (8 kHz, mono) standing in for a conversation: two 'voices' taking turns, with pauses."""
    seconds = max(2, min(int(seconds), 30))
    frames = bytearray()
    for i in range(seconds * RATE):
        t = i / RATE
        turn = int(t / 1.5) % 3  # manager, customer, pause
        if turn == 2:
            sample = 0.0
        else:
            pitch = 220.0 if turn == 0 else 330.0
            syllable = 0.5 + 0.5 * math.sin(2 * math.pi * 3 * t)  # speech-like rhythm
            sample = 0.3 * syllable * math.sin(2 * math.pi * pitch * t)
        frames += struct.pack("<h", int(sample * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


class ConsoleBackend(BaseBackend):
    key = "console"
    polls = True

    def __init__(self, ring_seconds=3, talk_seconds=15, robot_digits="1", fail="", **options):
        super().__init__(**options)
        self.ring_seconds, self.talk_seconds = int(ring_seconds), int(talk_seconds)
        self.robot_digits, self.fail = robot_digits, fail

    def start_call(self, call):
        if self.fail:
            from .base import ProviderUnavailable

            raise ProviderUnavailable(self.fail)
        call_id = f"console-{uuid.uuid4().hex}"
        logger.info("console telephony: call %s (%s) from %s to %s as %s", call_id, call.kind,
                    call.from_address or "robot", call.to_number, call.caller_id)
        return call_id

    def script(self, call):
        """``(seconds after the start, event, extra)`` of the whole simulated call."""
        ring, talk = self.ring_seconds, self.talk_seconds
        if call.kind == Kind.ROBOT:
            steps = [(0, Event.CUSTOMER_RINGING, {}), (ring, Event.CONNECTED, {})]
            if self.robot_digits:
                steps.append((ring + talk, Event.DIGITS, {"digits": self.robot_digits}))
            end = ring + talk + 1
        else:
            steps = [(0, Event.MANAGER_RINGING, {}), (ring, Event.MANAGER_ANSWERED, {}),
                     (ring, Event.CUSTOMER_RINGING, {}), (2 * ring, Event.CONNECTED, {})]
            end = 2 * ring + talk
        answered = ring if call.kind == Kind.ROBOT else 2 * ring
        steps.append((end, Event.ENDED, {"outcome": Outcome.ANSWERED, "duration": end - answered}))
        steps.append((end, Event.RECORDING, {"filename": "recording.wav"}))
        return steps

    def poll(self, call, now):
        if not call.provider_call_id:
            return []
        elapsed = (now - call.created_at).total_seconds()
        events = []
        for offset, event, extra in self.script(call):
            if offset > elapsed:
                break
            if event == Event.RECORDING:  # generated only once the call is over
                extra = {**extra, "content": generated_recording(self.talk_seconds)}
            events.append(ProviderEvent(call_id=call.provider_call_id, event=event,
                                        at=call.created_at + timedelta(seconds=offset), **extra))
        return events
