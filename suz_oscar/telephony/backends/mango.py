"""Mango Office's VPBX API (https://www.mango-office.ru/support/api/): a cloud PBX over HTTP.

Every request is a form POST of ``vpbx_api_key``, ``sign`` and ``json``, where
``sign = sha256(vpbx_api_key + json + vpbx_api_salt)`` (hex) — ours to Mango, and Mango's to our webhook.

- Starting a call: ``POST {url}commands/callback`` with ``{"command_id", "from": {"extension"|"number"},
  "to_number", "line_number"}``: Mango rings the manager (``from``), then the customer (``to_number``) showing the
  site's number (``line_number``, ``SUZ_TELEPHONY_CALLER_ID``). Our ``command_id`` is the call's provider id.
  An answer other than ``{"result": 1000}`` (or no answer) leaves the call «failed to start».
- Events: Mango posts to our webhook (``/telephony/webhook/mango/`` + Mango's own path: ``events/call``,
  ``events/summary``, ``events/recording``, ``events/record/added``), signed the same way. A call's events carry
  our ``command_id`` first; later ones (summary, recording) only Mango's ``entry_id``, which we keep with the call.
- Recordings: ``POST {url}queries/recording/post`` with ``{"recording_id", "action": "download"}`` answers the
  audio (MP3).

Options (``SUZ_TELEPHONY_BACKEND_OPTIONS``): ``api_key``, ``api_salt`` (required), ``url`` (default
``https://app.mango-office.ru/vpbx/``), ``timeout`` (seconds, default 10).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import UTC, datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ..vocabulary import Event, Outcome
from .base import BadWebhook, BaseBackend, ProviderEvent, ProviderUnavailable, TelephonyError

DEFAULT_URL = "https://app.mango-office.ru/vpbx/"
SUCCESS = 1000
# Mango's disconnect reasons (the "11xx"/"12xx" families of its reference) that mean the line was busy.
BUSY_REASONS = {1110, 1111, 1114, 1115, 1126, 1127, 1131, 1132, 1133, 1134}


def sign(api_key: str, payload: str, api_salt: str) -> str:
    return hashlib.sha256((api_key + payload + api_salt).encode("utf-8")).hexdigest()


def _digits(number) -> str:
    return "".join(ch for ch in str(number or "") if ch.isdigit())


class MangoBackend(BaseBackend):
    key = "mango"

    def __init__(self, api_key="", api_salt="", url=DEFAULT_URL, timeout=10, **options):
        super().__init__(**options)
        self.api_key, self.api_salt, self.timeout = api_key, api_salt, float(timeout)
        self.url = url if url.endswith("/") else url + "/"

    # Requests to Mango -----------------------------------------------------------------------------------

    def _post(self, command: str, body: dict) -> bytes:
        payload = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        fields = {"vpbx_api_key": self.api_key, "sign": sign(self.api_key, payload, self.api_salt), "json": payload}
        request = urllib.request.Request(self.url + command, data=urllib.parse.urlencode(fields).encode(),
                                         method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (a set URL)
                return response.read()
        except urllib.error.HTTPError as exc:
            raise ProviderUnavailable(_("The telephony provider refused the request (HTTP %(code)s). Try again "
                                        "later or call the site's support.") % {"code": exc.code}) from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise ProviderUnavailable(_("The telephony provider does not answer. Try again in a few minutes."
                                        )) from exc

    def start_call(self, call):
        command_id = f"suz-{call.pk}-{uuid.uuid4().hex[:12]}"
        caller = {"extension": call.from_address} if call.from_address.isdigit() and len(call.from_address) < 8 \
            else {"number": _digits(call.from_address)}
        body = {"command_id": command_id, "from": caller, "to_number": _digits(call.to_number)}
        if call.caller_id:
            body["line_number"] = _digits(call.caller_id)
        answer = self._post("commands/callback", body)
        try:
            result = json.loads(answer.decode("utf-8")).get("result")
        except (ValueError, AttributeError, UnicodeDecodeError) as exc:
            raise ProviderUnavailable(_("The telephony provider answered something unexpected. Try again later."
                                        )) from exc
        if result != SUCCESS:
            raise ProviderUnavailable(_("The telephony provider refused the call (code %(code)s).")
                                      % {"code": result})
        return command_id

    def fetch_recording(self, call):
        content = self._post("queries/recording/post", {"recording_id": call.recording_id, "action": "download"})
        if not content:
            raise TelephonyError("empty recording")
        return content, "recording.mp3"

    # Mango's webhook ---------------------------------------------------------------------------------------

    def parse_webhook(self, request):
        """Events of one of Mango's posts; ``BadWebhook`` if unsigned, wrongly signed or malformed."""
        key, signature, payload = (request.POST.get(name, "") for name in ("vpbx_api_key", "sign", "json"))
        if not (key and signature and payload):
            raise BadWebhook("vpbx_api_key, sign and json are required")
        if not hmac.compare_digest(key, self.api_key) or \
                not hmac.compare_digest(signature.lower(), sign(self.api_key, payload, self.api_salt)):
            raise BadWebhook("wrong signature")
        try:
            data = json.loads(payload)
        except ValueError:
            raise BadWebhook("json is not JSON") from None
        if not isinstance(data, dict):
            raise BadWebhook("json is not an object")
        kind = request.path.rstrip("/").rsplit("/", 2)
        path = "/".join(kind[-2:]) if kind[-2] in ("events", "record") else kind[-1]
        try:
            return self._events(path, data)
        except (KeyError, TypeError, ValueError) as exc:
            raise BadWebhook(f"malformed {path}: {exc}") from None

    def _call(self, data):
        """Our call of Mango's event, locked (``selectors.calls_for_update``): by our ``command_id``, else by Mango's
        ``entry_id`` we learned with an earlier event; ``None`` when it is not ours."""
        from ..selectors import calls_for_update

        calls = calls_for_update().filter(provider=self.key)
        if data.get("command_id"):
            return calls.filter(provider_call_id=str(data["command_id"])).first()
        entry = str(data.get("entry_id") or "")
        return calls.filter(data__entry_id=entry).first() if entry else None

    @staticmethod
    def _at(value):
        return datetime.fromtimestamp(int(value), tz=UTC) if value else timezone.now()

    def _events(self, path, data):
        if path.endswith("events/call"):
            return self._call_events(data)
        call = self._call(data)
        if call is None:
            return []
        call_id = call.provider_call_id
        if path.endswith("events/summary"):
            talk = int(data.get("talk_time") or 0)
            end = int(data.get("end_time") or 0)
            answered = bool(talk) or str(data.get("entry_result")) == "1"
            reason = int(data.get("disconnect_reason") or 0)
            outcome = Outcome.ANSWERED if answered else Outcome.BUSY if reason in BUSY_REASONS else Outcome.NO_ANSWER
            return [ProviderEvent(call_id, Event.ENDED, self._at(end), outcome=outcome,
                                  duration=max(end - talk, 0) if talk and end else None, payload=data, call=call)]
        if path.endswith(("events/recording", "record/added")):
            recording = str(data.get("recording_id") or "")
            if not recording or data.get("recording_state", "Completed") != "Completed":
                return []
            return [ProviderEvent(call_id, Event.RECORDING, self._at(data.get("timestamp")),
                                  recording_id=recording, payload=data, call=call)]
        raise ValueError("unknown event path")

    def _call_events(self, data):
        state = data["call_state"]
        to = data.get("to") or {}
        if not isinstance(to, dict):
            raise TypeError("to is not an object")
        call = self._call(data)
        if call is None:
            return []
        at = self._at(data.get("timestamp"))
        manager_leg = bool(to.get("extension")) or _digits(to.get("number")) != _digits(call.to_number)
        entry = str(data.get("entry_id") or "")
        keep = {"payload": data, "call": call, "data": {"entry_id": entry} if entry else {}}
        if state == "Appeared":
            event = Event.MANAGER_RINGING if manager_leg else Event.CUSTOMER_RINGING
            return [ProviderEvent(call.provider_call_id, event, at, **keep)]
        if state == "Connected":
            event = Event.MANAGER_ANSWERED if manager_leg else Event.CONNECTED
            return [ProviderEvent(call.provider_call_id, event, at, **keep)]
        if state == "Disconnected":
            reason = int(data.get("disconnect_reason") or 0)
            outcome = "" if call.connected_at else Outcome.BUSY if reason in BUSY_REASONS else Outcome.NO_ANSWER
            return [ProviderEvent(call.provider_call_id, Event.ENDED, at, outcome=outcome, **keep)]
        if entry and call.data.get("entry_id") != entry:  # OnHold and the like: only Mango's id is kept
            get_model("suz_telephony", "Call").objects.filter(pk=call.pk).update(data={**call.data, "entry_id": entry})
        return []
