"""SMS backends for the demo and tests; ``smsru`` holds a real provider's."""

import sys
import threading

from .base import BaseBackend

#: What the locmem backend "sent": ``[Message]`` (tests empty it).
outbox = []
_lock = threading.Lock()


class ConsoleBackend(BaseBackend):
    """Writes each SMS to standard output (the demo)."""

    def __init__(self, stream=None, **kwargs):
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout

    def send_messages(self, messages):
        for m in messages:
            self.stream.write(f"SMS → {m.to}\n{m.body}\n{'-' * 40}\n")
        self.stream.flush()
        return len(messages)


class LocmemBackend(BaseBackend):
    """Keeps each SMS in ``sms.outbox`` (tests)."""

    def send_messages(self, messages):
        with _lock:
            outbox.extend(messages)
        return len(messages)
