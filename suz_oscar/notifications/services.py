"""Writes of notifications: outbox rows for an event, their delivery, staff's retry, preferences.

Delivery is at most once per row: a row is claimed by one conditional UPDATE (state pending, due, not claimed
or its claim expired) before its backend is called, so a task, its retry and the sweep racing for the same row
send it once. A backend that raises leaves the row pending with the next attempt after a growing pause
(``SUZ_NOTIFICATION_RETRY_DELAYS``); after the last one it is failed, shown to staff, who may retry it.
A worker that dies between the provider's answer and the row's update leaves a claim that expires after
``SUZ_NOTIFICATION_CLAIM_SECONDS``: that message may go out twice, the only case it can.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.loader import render_to_string
from django.utils import timezone, translation
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.core.mail import render_email
from suz_oscar.core.outbox import announce
from suz_oscar.core.queue import enqueue, run_later
from suz_oscar.core.sites import site_url

from . import registry
from .backends import DeliveryError, Message, get_backend
from .selectors import channels_for
from .vocabulary import SITE_ADDRESS, Channel, Role, State

if TYPE_CHECKING:
    from datetime import datetime

    from django.contrib.auth.models import AbstractBaseUser as User

OutboxMessage = get_model("suz_notifications", "OutboxMessage")
Preference = get_model("suz_notifications", "Preference")
Contact = get_model("suz_notifications", "Contact")

logger = logging.getLogger("suz.notifications")
DELIVER_TASK = "suz_oscar.notifications.tasks.deliver_task"
# Backends whose whole delivery is a write to our own database: the row is marked sent in the same transaction.
TRANSACTIONAL = {Channel.SITE}


# ---------------------------------------------------------------- writing the rows

def _staff_texts(event_type, context):
    """The texts staff wrote for the type in Oscar's «Communications» (a ``CommunicationEventType`` whose code is
    the type's key in capitals), rendered: ``{"subject", "body", "sms"}``, a blank field left out. A text that
    does not render (a template error) is left out too and logged: the file template stands in."""
    row = get_model("communication", "CommunicationEventType").objects.filter(code=event_type.key.upper()).first()
    if row is None:
        return {}
    texts = {}
    for name, field in (("subject", "email_subject_template"), ("body", "email_body_template"),
                        ("sms", "sms_template")):
        source = (getattr(row, field) or "").strip()
        if not source:
            continue
        try:
            template = engines["django"].from_string("{% autoescape off %}" + source + "{% endautoescape %}")
            texts[name] = template.render(context)
        except (TemplateSyntaxError, ValueError, TypeError, AttributeError) as exc:
            logger.warning("The staff's %s of %s does not render (%s); the file template is used", name,
                           row.code, exc)
    return texts


def _render(event_type, context):
    """``(subject, email body, short text)`` in the notification language: the staff's texts of the type in
    Oscar's «Communications» where written, else the files; the short text (SMS, the site's list) is
    ``<template>_sms.txt`` if there is one, else the subject."""
    subject, body = render_email(event_type.template, context)
    with translation.override(suz_settings.SUZ_NOTIFICATION_LANGUAGE):
        try:
            short = " ".join(render_to_string(f"{event_type.template}_sms.txt", context).split())
        except TemplateDoesNotExist:
            short = subject
        staff = _staff_texts(event_type, context)
    subject = " ".join(staff["subject"].split()) if staff.get("subject") else subject
    body = staff.get("body") or body
    short = " ".join(staff["sms"].split()) if staff.get("sms") else short
    return subject[:255], body, short


def _audience(users, dealers, staff):
    """Active users to tell, each once: the given ones, the dealers' managers, staff."""
    User = get_user_model()
    found = {user.pk: user for user in users if user is not None and user.is_active}
    for dealer in dealers:
        for user in dealer.partner.users.all():
            if user.is_active:
                found.setdefault(user.pk, user)
    if staff:
        for user in User.objects.filter(is_staff=True, is_active=True):
            found.setdefault(user.pk, user)
    return list(found.values())


def notification_announce(*, event_type: str, key: str, context: dict, users=(), dealers=(), staff: bool = False,
                          customers=(), addresses=(), now: datetime | None = None) -> list[int]:
    """Write the outbox rows of one event (in the caller's transaction) and deliver them after commit.

    Returns the ids of the rows still pending for this event. Announcing the same ``key`` again adds only the
    rows of recipients not told yet.
    """
    etype = registry.get(event_type)
    now = now or timezone.now()
    users, addresses = list(users), list(addresses)
    order_phones = {}  # a registered customer's SMS goes to the order's phone, if they chose SMS at checkout
    for order in customers:
        if order.user_id:
            users.append(order.user)
            place = _place(order)
            if place is not None and place.notify_sms and place.phone:
                order_phones[order.user_id] = place.phone.as_e164
        else:
            addresses += customer_addresses(order)
    people = _audience(users, dealers, staff)
    if customers and "site_url" not in context:
        context = {**context, "site_url": site_url()}
    subject, body, short = _render(etype, context)
    ids = [user.pk for user in people]
    choices = {}
    for p in Preference.objects.filter(user_id__in=ids, event_type=etype.key):
        choices.setdefault(p.user_id, {})[(p.event_type, p.channel)] = p.enabled
    phones = {uid: phone.as_e164 for uid, phone in
              Contact.objects.filter(user_id__in=ids).exclude(phone="").values_list("user_id", "phone")}
    texts = {Channel.EMAIL: body, Channel.SMS: short, Channel.SITE: body}
    rows = []
    order = context.get("order")
    order_id = order.pk if isinstance(order, get_model("order", "Order")) else None

    def row(channel, address, user=None):
        rows.append(OutboxMessage(event_type=etype.key, key=key[:128], channel=channel, recipient=user,
                                  order_id=order_id,
                                  address=str(address)[:254],
                                  subject=subject if channel != Channel.SMS else short[:255],
                                  body=texts[channel], created_at=now, next_attempt_at=now))

    for user in people:
        chosen = channels_for(user, etype, choices.get(user.pk, {}))
        if Channel.EMAIL in chosen and user.email:
            row(Channel.EMAIL, user.email, user)
        phone = phones.get(user.pk) or order_phones.get(user.pk)
        if Channel.SMS in chosen and phone:
            row(Channel.SMS, phone, user)
        if Channel.SITE in chosen:
            row(Channel.SITE, SITE_ADDRESS.format(user.pk), user)
    for channel, address in addresses:
        if address and channel != Channel.SITE:
            row(channel, address)
    if not rows:
        return []
    OutboxMessage.objects.bulk_create(rows, ignore_conflicts=True)
    pending = list(OutboxMessage.objects.filter(event_type=etype.key, key=key[:128], state=State.PENDING)
                   .values_list("pk", flat=True))
    transaction.on_commit(lambda: deliver_soon(pending))
    return pending


def deliver_soon(ids: list[int]) -> None:
    """Hand the rows to a worker; without a broker (the demo) deliver them here, now."""
    if ids:
        run_later(DELIVER_TASK, args=(list(ids),), inline=lambda: notification_deliver_many(ids=ids))


# ---------------------------------------------------------------- delivery

def _claim(pk, now):
    lease = now + timedelta(seconds=suz_settings.SUZ_NOTIFICATION_CLAIM_SECONDS)
    return OutboxMessage.objects.filter(
        Q(claimed_until=None) | Q(claimed_until__lt=now), pk=pk, state=State.PENDING, next_attempt_at__lte=now,
    ).update(claimed_until=lease, attempts=F("attempts") + 1)


def _message(row):
    etype = registry._registry.get(row.event_type)
    return Message(to=row.address, subject=row.subject, body=row.body, user=row.recipient,
                   sensitive=bool(etype and etype.sensitive))


def _sent_fields(row, now):
    fields = {"state": State.SENT, "sent_at": now, "claimed_until": None, "last_error": ""}
    etype = registry._registry.get(row.event_type)
    if etype is not None and etype.sensitive:
        fields["body"] = ""  # the link with its token is the invitee's alone
    return fields


def notification_deliver(*, pk: int, now: datetime | None = None) -> bool:
    """Send one row if it is due and nobody else is sending it. Returns whether it was sent now."""
    now = now or timezone.now()
    if not _claim(pk, now):
        return False
    return _send(OutboxMessage.objects.select_related("recipient").get(pk=pk), now)


def _send(row, now):
    """Send a row this worker has claimed; mark it sent, or leave it for its next attempt."""
    try:
        backend = get_backend(row.channel)
        if row.channel in TRANSACTIONAL:
            with transaction.atomic():
                if backend.send_messages([_message(row)]) != 1:
                    raise DeliveryError("the backend sent nothing")
                OutboxMessage.objects.filter(pk=row.pk).update(**_sent_fields(row, now))
            return True
        if backend.send_messages([_message(row)]) != 1:
            raise DeliveryError("the backend sent nothing")
    except Exception as exc:  # any backend's error: the row waits for its next attempt
        _failed(row, exc, now)
        return False
    OutboxMessage.objects.filter(pk=row.pk).update(**_sent_fields(row, now))
    return True


def _failed(row, exc, now):
    delays = suz_settings.SUZ_NOTIFICATION_RETRY_DELAYS
    error = f"{type(exc).__name__}: {exc}"[:1000]
    if row.attempts > len(delays):
        OutboxMessage.objects.filter(pk=row.pk).update(state=State.FAILED, claimed_until=None, last_error=error)
        logger.warning("Notification %s failed for good after %s attempts: %s", row.pk, row.attempts, error)
        return
    retry_at = now + timedelta(seconds=delays[row.attempts - 1])
    OutboxMessage.objects.filter(pk=row.pk).update(next_attempt_at=retry_at, claimed_until=None, last_error=error)
    logger.info("Notification %s not sent (%s); next attempt at %s", row.pk, error, retry_at)
    enqueue(DELIVER_TASK, args=([row.pk],), eta=retry_at)  # a nudge: the sweep finds it anyway


def notification_deliver_many(*, ids, now: datetime | None = None) -> int:
    return sum(notification_deliver(pk=pk, now=now) for pk in ids)


def notification_deliver_due(*, now: datetime | None = None, limit: int = 500) -> int:
    """The sweep: up to ``limit`` pending rows that are due and not being sent, claimed in one statement
    (rows another worker holds are skipped, not waited for). Returns how many were sent."""
    now = now or timezone.now()
    lease = now + timedelta(seconds=suz_settings.SUZ_NOTIFICATION_CLAIM_SECONDS)
    due = (OutboxMessage.objects.filter(state=State.PENDING, next_attempt_at__lte=now)
           .filter(Q(claimed_until=None) | Q(claimed_until__lt=now)))
    with transaction.atomic():
        ids = list(due.select_for_update(skip_locked=True).order_by("next_attempt_at", "pk")
                   .values_list("pk", flat=True)[:limit])
        if not ids:
            return 0
        due.filter(pk__in=ids).update(claimed_until=lease, attempts=F("attempts") + 1)
    rows = OutboxMessage.objects.filter(pk__in=ids, claimed_until=lease).select_related("recipient").order_by("pk")
    return sum(_send(row, now) for row in rows)


def notification_retry(*, ids, now: datetime | None = None) -> int:
    """Staff send failed rows again: pending, due now, attempts from zero. Returns how many."""
    now = now or timezone.now()
    rows = list(OutboxMessage.objects.filter(pk__in=ids, state=State.FAILED).values_list("pk", flat=True))
    OutboxMessage.objects.filter(pk__in=rows, state=State.FAILED).update(
        state=State.PENDING, attempts=0, next_attempt_at=now, claimed_until=None)
    transaction.on_commit(lambda: deliver_soon(rows))
    return len(rows)


# ---------------------------------------------------------------- the reader's side

def notifications_mark_read(*, user: User, ids=None, now: datetime | None = None) -> int:
    """Mark the user's on-site notifications read (``ids``: only those). Returns how many."""
    Notification = get_model("communication", "Notification")
    unread = Notification.objects.filter(recipient=user, date_read=None)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(date_read=now or timezone.now())


@transaction.atomic
def preferences_save(*, user: User, event_types, enabled: set, phone=None) -> None:
    """Store ``user``'s matrix: for each of ``event_types`` and each channel that may be switched off, whether
    ``(event key, channel)`` is in ``enabled``; ``phone``: their number for SMS ("" to remove it)."""
    for etype in event_types:
        for channel in Channel.values:
            if channel in etype.mandatory_channels():
                continue
            Preference.objects.update_or_create(user=user, event_type=etype.key, channel=channel,
                                                defaults={"enabled": (etype.key, channel) in enabled})
    if phone is not None:
        Contact.objects.update_or_create(user=user, defaults={"phone": phone})


# ---------------------------------------------------------------- the order's conversation

def _clean(text):
    return text.replace("\x00", "").strip()[:2000]


@transaction.atomic
def comment_add(*, dispatch, author: User | None, role: str, text: str, public: bool = False, dealer=None,
                url: str = "", now: datetime | None = None):
    """Add an entry to the order's conversation and tell the other side in the same transaction.

    A customer's message (always public) goes to the managers of the dealer holding the order, or to staff
    while nobody holds it; a public comment of a dealer or staff goes to the customer (the account, the
    order's email and phone). Internal comments tell nobody. ``url``: the page the recipient opens.
    """
    Comment = get_model("suz_notifications", "Comment")
    text = _clean(text)
    if not text:
        raise ValueError("empty comment")
    public = public or role == Role.CUSTOMER
    comment = Comment.objects.create(dispatch=dispatch, author=author if author and author.is_authenticated else None,
                                     role=role, dealer=dealer, text=text, public=public,
                                     created_at=now or timezone.now())
    order = dispatch.order
    context = {"order": order, "comment": comment, "dealer": dealer, "url": url}
    key = f"comment:{comment.pk}"
    if role == Role.CUSTOMER:
        holder = dispatch.claimed_by
        if holder is not None:
            announce("customer_message", key=key, context=context, dealers=[holder])
        else:
            announce("customer_message", key=key, context=context, staff=True)
    elif public:
        announce("dealer_message", key=key, context=context, customers=[order])
    return comment


def _place(order):
    return get_model("suz_checkout", "OrderPlace").objects.filter(order=order).first()


def customer_addresses(order) -> list[tuple[str, str]]:
    """Where a guest hears about the order, as chosen at checkout or on the order's page: the email given at
    checkout and the order's phone (SMS). A registered customer is told as a user: the account's channels per
    event type, SMS to the order's phone when chosen for the order."""
    if order.user_id:
        return []
    place = _place(order)
    found = []
    if order.guest_email and (place is None or place.notify_email):
        found.append((Channel.EMAIL, order.guest_email))
    if place is not None and place.phone and place.notify_sms:
        found.append((Channel.SMS, place.phone.as_e164))
    return found
