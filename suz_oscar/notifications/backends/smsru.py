"""SMS.ru's HTTP API (https://sms.ru/api/send): ``POST /sms/send`` with ``api_id``, ``to``, ``msg``, ``json=1``.

Options (``SUZ_NOTIFICATION_BACKEND_OPTIONS["sms"]``): ``api_id`` (required), ``sender`` (an approved sender
name, optional), ``url`` (default ``https://sms.ru/sms/send``), ``timeout`` (seconds, default 10), ``test``
(SMS.ru's test mode: nothing is sent, nothing is charged). The answer is JSON: ``status`` "OK" and, per number,
``sms[<number>].status`` "OK" with an ``sms_id``; anything else raises ``DeliveryError`` and the row is tried
again later.
"""

import json
import urllib.error
import urllib.parse
import urllib.request

from .base import BaseBackend, DeliveryError

DEFAULT_URL = "https://sms.ru/sms/send"


def _number(phone: str) -> str:
    """SMS.ru takes numbers as digits only, with the country code: ``79161234567``."""
    return "".join(ch for ch in phone if ch.isdigit())


class SmsRuBackend(BaseBackend):
    def __init__(self, api_id="", sender="", url=DEFAULT_URL, timeout=10, test=False, **kwargs):
        super().__init__(**kwargs)
        self.api_id, self.sender, self.url, self.timeout, self.test = api_id, sender, url, timeout, test

    def send_messages(self, messages):
        sent = 0
        for message in messages:
            try:
                self._send(message)
            except DeliveryError:
                if not self.fail_silently:
                    raise
            else:
                sent += 1
        return sent

    def _send(self, message):
        number = _number(message.to)
        fields = {"api_id": self.api_id, "to": number, "msg": message.body, "json": "1"}
        if self.sender:
            fields["from"] = self.sender
        if self.test:
            fields["test"] = "1"
        request = urllib.request.Request(self.url, data=urllib.parse.urlencode(fields).encode(), method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (a set URL)
                answer = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            raise DeliveryError(f"SMS.ru: {exc}") from exc
        if not isinstance(answer, dict) or answer.get("status") != "OK":
            code = answer.get("status_code") if isinstance(answer, dict) else None
            text = answer.get("status_text", "") if isinstance(answer, dict) else ""
            raise DeliveryError(f"SMS.ru refused the request: {code} {text}".strip())
        result = (answer.get("sms") or {}).get(number) or {}
        if result.get("status") != "OK":
            raise DeliveryError(f"SMS.ru refused {number}: {result.get('status_code')} "
                                f"{result.get('status_text', '')}".strip())
        return result.get("sms_id")
