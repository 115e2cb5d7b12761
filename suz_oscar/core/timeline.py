"""The order's timeline, assembled from sources that apps register.

The order card (staff and the dealer holding the order) and the customer's order page show one thread,
oldest first: comments and status changes (notifications, dispatch), calls (telephony), surveys and
complaints (feedback)… Those apps sit side by side in layer 6 and must not import each other, so each
registers a source here in its ``AppConfig.ready()``::

    from suz_oscar.core import timeline

    @timeline.source
    def calls(dispatch_ids, *, public_only, limit=None, before=None):
        found = timeline.window(Call.objects.filter(dispatch_id__in=dispatch_ids), "created_at", "call",
                                limit=limit, before=before)
        return [timeline.Entry("call", call.created_at, "suz/telephony/_timeline_call.html", {"call": call},
                               dispatch_id=call.dispatch_id, key=call.pk)
                for call in found]

A source gets a list of dispatch ids (one order's card asks for one; the customer card for all of a customer's
orders, so a source must answer with a fixed number of queries, not one per order) and returns what the viewer
may see: ``public_only`` is the customer's view (public entries only).

The customer card shows a page of the newest entries, not the whole story: a source also takes ``limit`` (at most
that many entries, the newest) and ``before`` (a :class:`Cursor`: only entries older than it), both ``None`` for
everything. :func:`window` orders and cuts a queryset in SQL for one kind of entry. Entries are ordered by
``(at, kind, key)``; ``key`` (the row's id) tells apart entries of one kind at the same moment, so paging neither
skips nor repeats them.

Each entry is rendered with its own template; the template gets ``entry`` and the entry's ``data`` keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db.models import Q

Source = Callable[..., list["Entry"]]

_sources: list[Source] = []

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class Entry:
    kind: str
    at: datetime
    template: str
    data: dict = field(default_factory=dict)
    dispatch_id: int | None = None
    key: int = 0

    def __getitem__(self, key):  # templates read ``entry.comment`` as well as ``entry.data.comment``
        if key in ("kind", "at", "template"):
            return getattr(self, key)
        return self.data[key]

    @property
    def sort_key(self):
        return (self.at, self.kind, self.key)

    @property
    def cursor(self) -> Cursor:
        """The cursor of the entries older than this one."""
        return Cursor(self.at, self.kind, self.key)


@dataclass(frozen=True)
class Cursor:
    """A place in the timeline: entries before it are older (by time, then kind, then id). In a URL it reads
    ``<microseconds since 1970>_<kind>_<id>``; a bare timestamp means «before this moment»."""

    at: datetime
    kind: str = ""
    key: int = 0

    def __str__(self):
        micros = (self.at - _EPOCH) // timedelta(microseconds=1)
        return f"{micros}_{self.kind}_{self.key}" if self.kind else str(micros)

    @classmethod
    def parse(cls, text) -> Cursor | None:
        """The cursor ``text`` names, or ``None`` when it is no cursor."""
        found = re.fullmatch(r"(-?[0-9]{1,17})(?:_([a-z][a-z0-9_]{0,40})_([0-9]{1,18}))?", str(text or "").strip())
        if found is None:
            return None
        try:
            at = _EPOCH + timedelta(microseconds=int(found[1]))
        except OverflowError:
            return None
        return cls(at, found[2] or "", int(found[3] or 0))


def source(fn: Source) -> Source:
    """Register ``fn(dispatch_ids, *, public_only, limit=None, before=None) -> list[Entry]``; registering it twice
    is a no-op."""
    if fn not in _sources:
        _sources.append(fn)
    return fn


def window(queryset, at_field: str, kind: str, *, limit: int | None, before: Cursor | None, key_field: str = "pk"):
    """``queryset``'s rows of one ``kind`` of entry dated by ``at_field``: the newest ``limit`` of those before the
    cursor, newest first, filtered, ordered and cut in SQL (everything when both are ``None``)."""
    if before is not None:
        if kind < before.kind:  # same moment, a kind ordered before the cursor's: older
            queryset = queryset.filter(**{f"{at_field}__lte": before.at})
        elif kind == before.kind:
            queryset = queryset.filter(Q(**{f"{at_field}__lt": before.at})
                                       | Q(**{at_field: before.at, f"{key_field}__lt": before.key}))
        else:
            queryset = queryset.filter(**{f"{at_field}__lt": before.at})
    queryset = queryset.order_by(f"-{at_field}", f"-{key_field}")
    return queryset[:limit] if limit is not None else queryset


def entries(dispatch, *, public_only: bool) -> list[Entry]:
    """Every registered source's entries for one order's ``dispatch``, oldest first."""
    return entries_for([dispatch.pk], public_only=public_only)


def entries_for(dispatch_ids, *, public_only: bool, limit: int | None = None,
                before: Cursor | None = None) -> list[Entry]:
    """Registered sources' entries for several orders (the customer card), oldest first: every one, or the newest
    ``limit`` before the cursor ``before``."""
    ids = list(dispatch_ids)
    found: list[Entry] = []
    for fn in _sources:
        found.extend(fn(ids, public_only=public_only, limit=limit, before=before))
    found.sort(key=lambda e: e.sort_key)
    return found[-limit:] if limit is not None else found


@dataclass
class Page:
    entries: list[Entry]  # oldest first
    older: Cursor | None  # the cursor of the next (older) page, ``None`` when this one reaches the beginning


def page(dispatch_ids, *, public_only: bool, limit: int, before: Cursor | None = None) -> Page:
    """The newest ``limit`` entries before ``before``, and whether older ones remain: one query per source."""
    found = entries_for(dispatch_ids, public_only=public_only, limit=limit + 1, before=before)
    more = len(found) > limit
    found = found[1:] if more else found
    return Page(found, found[0].cursor if more and found else None)

