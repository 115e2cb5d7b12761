"""The tests' provider: calls are kept in ``LocmemBackend.started`` (like Django's ``mail.outbox``); a test reports
their progress with ``services.call_event(provider="locmem", call_id=…)``. Options: ``fail`` — a message: every
``start_call`` raises ``ProviderUnavailable`` with it (a provider that is down)."""

import itertools

from .base import BaseBackend, ProviderUnavailable, TelephonyError

_ids = itertools.count(1)


class LocmemBackend(BaseBackend):
    key = "locmem"
    #: every call asked for, in order: ``(provider_call_id, call)``
    started: list = []
    #: recordings the provider "has", by id: ``{recording_id: (bytes, filename)}``
    recordings: dict = {}

    def __init__(self, fail="", **options):
        super().__init__(**options)
        self.fail = fail

    def start_call(self, call):
        if self.fail:
            raise ProviderUnavailable(self.fail)
        call_id = f"locmem-{next(_ids)}"
        type(self).started.append((call_id, call))
        return call_id

    def fetch_recording(self, call):
        try:
            return type(self).recordings[call.recording_id]
        except KeyError:
            raise TelephonyError("no such recording") from None
