"""A small client of Asterisk's Manager Interface (AMI): a line protocol over TCP.

The server greets with one line (``Asterisk Call Manager/9.0.0``); then both sides exchange *messages*, each a
block of ``Key: Value`` lines ended by a blank line (CRLF). We send *actions* (``Action: Login`` …) with an
``ActionID``; the server answers each with a *response* carrying the same ``ActionID`` (``Response: Success`` or
``Error`` with ``Message``) and, in between, sends *events* (``Event: Newstate`` …) of the calls it handles.

``AMIClient`` sends one action at a time and waits for its response; events that arrive meanwhile are queued
and read with ``read_event()``. A value with a line break is refused: it would smuggle a header into the action
(``Exten: 100\\r\\nAction: Command``).
"""

from __future__ import annotations

import itertools
import socket
import time
from collections import deque

ENCODING = "utf-8"


class AMIError(Exception):
    """The connection failed, or Asterisk refused an action (its ``Message``)."""


def encode(fields: list[tuple[str, str]]) -> bytes:
    """An action as bytes: ``Key: Value`` lines and the blank line that ends the message."""
    lines = []
    for key, value in fields:
        value = "" if value is None else str(value)
        if any(ch in f"{key}{value}" for ch in "\r\n\x00") or ":" in key:
            raise ValueError(f"AMI field {key!r} holds a line break or a colon in its name")
        lines.append(f"{key}: {value}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode(ENCODING)


def decode(block: bytes) -> dict:
    """One message as a dict (keys as Asterisk spells them; a repeated key keeps its last value, except
    ``Variable`` and ``ChanVariable`` lines, gathered into ``{"name": "value"}`` dicts)."""
    message: dict = {}
    for raw in block.decode(ENCODING, errors="replace").split("\r\n"):
        if not raw:
            continue
        key, sep, value = raw.partition(":")
        if not sep:
            message.setdefault("_text", []).append(raw)  # output of a command: kept, not parsed
            continue
        key, value = key.strip(), value.strip()
        if key in ("Variable", "ChanVariable") and "=" in value:
            name, _eq, var = value.partition("=")
            message.setdefault(key, {})[name] = var
        else:
            message[key] = value
    return message


class AMIClient:
    """One AMI connection: ``connect()``, ``login()``, ``action(name, **fields)``, ``read_event()``, ``close()``."""

    _ids = itertools.count(1)

    def __init__(self, host: str, port: int = 5038, timeout: float = 10.0):
        self.host, self.port, self.timeout = host, int(port), float(timeout)
        self.sock: socket.socket | None = None
        self.banner = ""
        self._buffer = b""
        self.events: deque[dict] = deque()

    # Connection -----------------------------------------------------------------------------------------------
    def connect(self):
        try:
            self.sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
            self.banner = self._read_line()
        except OSError as exc:
            self.close()
            raise AMIError(f"cannot connect to {self.host}:{self.port}: {exc}") from exc
        if not self.banner.startswith("Asterisk Call Manager"):
            self.close()
            raise AMIError(f"not an Asterisk Manager Interface: {self.banner[:60]!r}")
        return self

    def login(self, username: str, secret: str, events: str = "off"):
        """``events``: ``off`` for a connection that only sends actions, ``on`` (or a class list such as
        ``call,user``) for the one that listens."""
        return self.action("Login", Username=username, Secret=secret, Events=events)

    def close(self):
        if self.sock is not None:
            try:
                self.sock.sendall(encode([("Action", "Logoff"), ("ActionID", f"suz-{next(self._ids)}")]))
            except OSError:
                pass
            try:
                self.sock.close()
            except OSError:
                pass
        self.sock = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # Reading ----------------------------------------------------------------------------------------------------
    def _fill(self, timeout: float | None):
        if self.sock is None:
            raise AMIError("not connected")
        self.sock.settimeout(timeout)
        try:
            chunk = self.sock.recv(65536)
        except TimeoutError:
            return False
        except OSError as exc:
            raise AMIError(f"connection lost: {exc}") from exc
        if not chunk:
            raise AMIError("Asterisk closed the connection")
        self._buffer += chunk
        return True

    def _read_line(self) -> str:
        while b"\r\n" not in self._buffer:
            if not self._fill(self.timeout):
                raise AMIError("no greeting from Asterisk")
        line, _sep, self._buffer = self._buffer.partition(b"\r\n")
        return line.decode(ENCODING, errors="replace")

    def _read_message(self, timeout: float | None) -> dict | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\r\n\r\n" not in self._buffer:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return None
            if not self._fill(left):
                return None
        block, _sep, self._buffer = self._buffer.partition(b"\r\n\r\n")
        return decode(block)

    def read_event(self, timeout: float | None = None) -> dict | None:
        """The next event (queued first), or ``None`` when none came within ``timeout`` seconds."""
        if self.events:
            return self.events.popleft()
        while True:
            message = self._read_message(timeout)
            if message is None:
                return None
            if "Event" in message:
                return message
            # A response to nobody's action (a late one): not an event, read on.

    # Actions ------------------------------------------------------------------------------------------------------
    def action(self, name: str, action_id: str = "", **fields) -> dict:
        """Send action ``name`` and wait for its response (events meanwhile are queued). ``fields`` with a list
        value repeat the key (``Variable=["A=1", "B=2"]``); ``action_id`` names the action (else a counter).
        Raises ``AMIError`` on ``Response: Error``."""
        if self.sock is None:
            raise AMIError("not connected")
        action_id = action_id or f"suz-{next(self._ids)}"
        lines = [("Action", name), ("ActionID", action_id)]
        for key, value in fields.items():
            for item in value if isinstance(value, list | tuple) else [value]:
                lines.append((key, item))
        try:
            self.sock.sendall(encode(lines))
        except OSError as exc:
            raise AMIError(f"cannot send {name}: {exc}") from exc
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._read_message(max(deadline - time.monotonic(), 0))
            if message is None:
                raise AMIError(f"no response to {name}")
            if "Response" not in message:  # an event (an OriginateResponse event carries an ActionID too)
                self.events.append(message)
                continue
            if message.get("ActionID") != action_id:
                continue
            if message.get("Response", "").lower() == "error":
                raise AMIError(message.get("Message") or f"{name} refused")
            return message
