"""The interface every telephony provider implements (in the shape of Django's email backends).

``SUZ_TELEPHONY_BACKEND`` names the class, ``SUZ_TELEPHONY_BACKEND_OPTIONS`` its keyword arguments;
``backends.get_backend()`` builds it. The services call it; nothing else does.

- ``start_call(call)`` asks the provider to make ``call`` (a saved ``Call``: ``call.kind`` says whether the
  manager's line is rung first (``from_address``) or the robot plays ``call.prompt`` / reads ``call.script``;
  ``call.to_number`` is the customer, ``call.caller_id`` what the customer sees). Returns the provider's call
  id (unique for the provider). Raises ``ProviderUnavailable`` with a message for the manager when the
  provider is down or refuses: the call is then «failed to start», never a 500.
- Events come back to us as ``ProviderEvent``s, through ``services.call_event(...)`` — from the provider's
  webhook (``parse_webhook(request)`` turns one HTTP request into events, raising ``BadWebhook`` when the
  signature or the body is wrong; it runs in the transaction its events are recorded in, so a backend that must
  read the call to understand an event finds it with ``selectors.calls_for_update()`` and hands it on as
  ``ProviderEvent.call``, read once), from a connection the backend reads itself (Asterisk's AMI), or, for the
  console backend, from ``poll(call, now)`` which the page's polling drives.
- ``fetch_recording(call)`` returns ``(bytes, filename)`` for a provider that hands out recordings by id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from ..exceptions import BadWebhook, ProviderUnavailable, TelephonyError

if TYPE_CHECKING:
    from django.http import HttpRequest

__all__ = ["BadWebhook", "BaseBackend", "ProviderEvent", "ProviderUnavailable", "TelephonyError"]


@dataclass
class ProviderEvent:
    """One event in our words (``vocabulary.Event``) for ``services.call_event``."""

    call_id: str  # the provider's call id (``Call.provider_call_id``)
    event: str
    at: datetime
    outcome: str = ""  # ENDED: vocabulary.Outcome
    duration: int | None = None  # ENDED: seconds of conversation, if the provider says
    recording_id: str = ""  # RECORDING: the provider's id to fetch it by
    content: bytes | None = None  # RECORDING: the audio itself, if the provider sends it
    filename: str = ""
    digits: str = ""  # DIGITS
    error: str = ""  # FAILED
    payload: dict = field(default_factory=dict)  # what the provider sent, kept with the event
    data: dict = field(default_factory=dict)  # what to keep with the call (``Call.data``), e.g. Mango's entry id
    call: object = None  # the ``Call`` when the backend found it locked (``selectors.calls_for_update``)

    def as_kwargs(self) -> dict:
        return {"call_id": self.call_id, "event": self.event, "at": self.at, "outcome": self.outcome,
                "duration": self.duration, "recording_id": self.recording_id, "content": self.content,
                "filename": self.filename, "digits": self.digits, "error": self.error, "payload": self.payload,
                "data": self.data, "call": self.call}


class BaseBackend:
    #: stored in ``Call.provider``; a webhook URL names it (``/telephony/webhook/<key>/``)
    key = "base"
    #: whether ``poll(call, now)`` advances calls (the console backend: the demo has no PBX and no worker)
    polls = False
    #: whether the provider records calls itself (a recording event follows the end of the call)
    records = True

    def __init__(self, **options):
        self.options = options

    def start_call(self, call) -> str:
        raise NotImplementedError

    def parse_webhook(self, request: HttpRequest) -> list[ProviderEvent]:
        raise BadWebhook("this provider has no webhook")

    def fetch_recording(self, call) -> tuple[bytes, str]:
        raise TelephonyError("this provider does not hand out recordings")

    def poll(self, call, now: datetime) -> list[ProviderEvent]:
        return []
