"""The order's timeline, assembled from sources that apps register.

The order card (staff and the dealer holding the order) and the customer's order page show one thread,
oldest first: comments and status changes (notifications, dispatch), calls (telephony), surveys and
complaints (feedback)… Those apps sit side by side in layer 6 and must not import each other, so each
registers a source here in its ``AppConfig.ready()``::

    from suz_oscar.core import timeline

    @timeline.source
    def calls(dispatch_ids, *, public_only):
        return [timeline.Entry("call", call.started_at, "suz/telephony/_timeline_call.html", {"call": call},
                               dispatch_id=call.dispatch_id)
                for call in Call.objects.filter(dispatch_id__in=dispatch_ids)]

A source gets a list of dispatch ids (one order's card asks for one; the customer card for all of a customer's
orders, so a source must answer with a fixed number of queries, not one per order) and returns what the viewer
may see: ``public_only`` is the customer's view (public entries only).
Each entry is rendered with its own template; the template gets ``entry`` and the entry's ``data`` keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

Source = Callable[..., list["Entry"]]

_sources: list[Source] = []


@dataclass
class Entry:
    kind: str
    at: datetime
    template: str
    data: dict = field(default_factory=dict)
    dispatch_id: int | None = None

    def __getitem__(self, key):  # templates read ``entry.comment`` as well as ``entry.data.comment``
        if key in ("kind", "at", "template"):
            return getattr(self, key)
        return self.data[key]


def source(fn: Source) -> Source:
    """Register ``fn(dispatch_ids, *, public_only) -> list[Entry]``; registering it twice is a no-op."""
    if fn not in _sources:
        _sources.append(fn)
    return fn


def entries(dispatch, *, public_only: bool) -> list[Entry]:
    """Every registered source's entries for one order's ``dispatch``, oldest first."""
    return entries_for([dispatch.pk], public_only=public_only)


def entries_for(dispatch_ids, *, public_only: bool) -> list[Entry]:
    """Every registered source's entries for several orders (the customer card), oldest first."""
    ids = list(dispatch_ids)
    found: list[Entry] = []
    for fn in _sources:
        found.extend(fn(ids, public_only=public_only))
    return sorted(found, key=lambda e: e.at)
