"""Reads of notifications: a user's on-site list and unread count, the outbox for staff, the preference matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import F
from oscar.core.loading import get_model

from suz_oscar.core import timeline as core_timeline

from . import registry
from .vocabulary import Audience, Channel, State

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User
    from django.db.models import QuerySet

OutboxMessage = get_model("suz_notifications", "OutboxMessage")
Preference = get_model("suz_notifications", "Preference")
Contact = get_model("suz_notifications", "Contact")


def site_notifications(user: User) -> QuerySet:
    return get_model("communication", "Notification").objects.filter(recipient=user).order_by("-date_sent", "-pk")


def unread_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return site_notifications(user).filter(date_read=None).count()


def outbox(state: str | None = None) -> QuerySet:
    rows = OutboxMessage.objects.select_related("recipient").order_by("-created_at", "-pk")
    return rows.filter(state=state) if state else rows


def failed_count() -> int:
    return OutboxMessage.objects.filter(state=State.FAILED).count()


def event_types_for(user: User, is_manager: bool) -> list[registry.EventType]:
    """The types a user may be told about: staff's, and those of a dealer's managers for managers."""
    audiences = []
    if user.is_staff:
        audiences.append(Audience.STAFF)
    if is_manager:
        audiences += [Audience.STAGE_DEALERS, Audience.DEALER]
    return registry.for_audience(*audiences)


def preference_matrix(user: User, event_types) -> list[dict]:
    """Per type: ``{"type", "cells": [{"channel", "label", "on", "mandatory", "name"}]}``."""
    choices = {(p.event_type, p.channel): p.enabled for p in Preference.objects.filter(user=user)}
    rows = []
    for etype in event_types:
        on = channels_for(user, etype, choices)
        cells = [{"channel": value, "label": label, "on": value in on,
                  "mandatory": value in etype.mandatory_channels(), "name": f"{etype.key}:{value}"}
                 for value, label in Channel.choices]
        rows.append({"type": etype, "cells": cells})
    return rows


def phone_of(user: User) -> str:
    contact = Contact.objects.filter(user=user).first()
    return contact.phone.as_e164 if contact and contact.phone else ""


def channels_for(user: User, event_type: registry.EventType, choices: dict | None = None) -> set[str]:
    """The channels ``user`` gets ``event_type`` by: the defaults, less what they switched off, plus what they
    switched on, plus the mandatory ones. ``choices``: ``{(event, channel): enabled}`` read once per event."""
    if choices is None:
        choices = {(p.event_type, p.channel): p.enabled
                   for p in Preference.objects.filter(user=user, event_type=event_type.key)}
    chosen = set(event_type.default_channels())
    for channel in Channel.values:
        enabled = choices.get((event_type.key, channel))
        if enabled is True:
            chosen.add(channel)
        elif enabled is False:
            chosen.discard(channel)
    return chosen | set(event_type.mandatory_channels())


def timeline(dispatch, *, public_only: bool) -> list:
    """The order's conversation and history in one thread, oldest first (``core.timeline`` entries from every
    registered source). The customer (``public_only``) sees public entries only, and no status history (the
    page shows the status in their words); staff and the dealer holding the order see everything."""
    return core_timeline.entries(dispatch, public_only=public_only)


@core_timeline.source
def comments(dispatch_ids, *, public_only: bool, limit: int | None = None, before=None) -> list:
    Comment = get_model("suz_notifications", "Comment")
    found = Comment.objects.filter(dispatch_id__in=dispatch_ids).select_related("author", "dealer__partner")
    if public_only:
        found = found.filter(public=True)
    return [core_timeline.Entry("comment", c.created_at, "suz/notifications/_timeline_comment.html", {"comment": c},
                                c.dispatch_id, key=c.pk)
            for c in core_timeline.window(found, "created_at", "comment", limit=limit, before=before)]


@core_timeline.source
def status_changes(dispatch_ids, *, public_only: bool, limit: int | None = None, before=None) -> list:
    if public_only:
        return []
    History = get_model("suz_dispatch", "StatusChange")
    changes = History.objects.filter(dispatch_id__in=dispatch_ids).select_related(
        "dealer__partner", "user", "failure_reason", "decline_reason")
    return [core_timeline.Entry("change", ch.created_at, "suz/notifications/_timeline_change.html", {"change": ch},
                                ch.dispatch_id, key=ch.pk)
            for ch in core_timeline.window(changes, "created_at", "change", limit=limit, before=before)]


@core_timeline.source
def customer_deliveries(dispatch_ids, *, public_only: bool, limit: int | None = None, before=None) -> list:
    """What was sent to the customer about these orders, by which channel, and whether it arrived (staff and the
    holding dealer; the address is left out: the customer's phone stays masked)."""
    if public_only:
        return []
    customer_types = [t.key for t in registry.for_audience(Audience.CUSTOMER)]
    rows = (OutboxMessage.objects.filter(order__suz_dispatch__pk__in=dispatch_ids, event_type__in=customer_types)
            .annotate(dispatch_id=F("order__suz_dispatch__pk"))
            .only("event_type", "channel", "state", "subject", "created_at", "sent_at", "attempts", "order_id"))
    return [core_timeline.Entry("delivery", row.created_at, "suz/notifications/_timeline_delivery.html",
                                {"delivery": row}, row.dispatch_id, key=row.pk)
            for row in core_timeline.window(rows, "created_at", "delivery", limit=limit, before=before)]


def may_comment(dispatch, user, dealer) -> bool:
    """Staff on any order; a dealer's manager on the orders its dealer holds."""
    return user.is_staff or (dealer is not None and dispatch.claimed_by_id == dealer.pk)
