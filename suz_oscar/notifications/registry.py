"""The event types the outbox knows: who is told, by which channels by default, what cannot be switched off.

A type is registered once, by the package that fires it (``register(EventType(...))``); telephony and feedback
add theirs the same way. The manufacturer changes the defaults and the mandatory channels with
``SUZ_NOTIFICATION_EVENTS`` (``{key: {"channels": [...], "mandatory": [...]}}``); each manager and staff member
switches the others per type and channel on their preferences page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from suz_oscar.core.conf import suz_settings

from .vocabulary import Audience, Channel


@dataclass(frozen=True)
class EventType:
    key: str
    title: str
    audience: str  # an ``Audience``
    template: str  # ``<template>_subject.txt``, ``_body.txt`` (email), ``_sms.txt`` (SMS and the site, optional)
    channels: frozenset = field(default_factory=frozenset)  # on by default
    mandatory: frozenset = field(default_factory=frozenset)  # cannot be switched off
    sensitive: bool = False  # the body holds a secret (a link with a token): blanked once sent, never shown
    editable: bool = True  # staff may rewrite its texts in «Письма» (not a message whose whole point is its link)

    def default_channels(self) -> frozenset:
        override = suz_settings.SUZ_NOTIFICATION_EVENTS.get(self.key, {})
        return frozenset(override.get("channels", self.channels)) | self.mandatory_channels()

    def mandatory_channels(self) -> frozenset:
        override = suz_settings.SUZ_NOTIFICATION_EVENTS.get(self.key, {})
        return frozenset(override.get("mandatory", self.mandatory))


_registry: dict[str, EventType] = {}


def register(event_type: EventType) -> EventType:
    _registry[event_type.key] = event_type
    return event_type


def get(key: str) -> EventType:
    return _registry[key]


def all_types() -> list[EventType]:
    return list(_registry.values())


def for_audience(*audiences: str) -> list[EventType]:
    return [t for t in _registry.values() if t.audience in audiences]


E, S, W = Channel.EMAIL, Channel.SMS, Channel.SITE

ORDER_AVAILABLE = register(EventType(
    "order_available", _("New order available to us"), Audience.STAGE_DEALERS, "suz/dispatch/emails/order_available",
    frozenset({E, S, W}), frozenset({W})))
ORDER_MANUAL = register(EventType(
    "order_manual", _("Order waiting for manual assignment"), Audience.STAFF, "suz/dispatch/emails/manual",
    frozenset({E, W}), frozenset({W})))
ORDER_DECLINED = register(EventType(
    "order_declined", _("Every dealer declined an order"), Audience.STAFF, "suz/dispatch/emails/declined",
    frozenset({E, W})))
SLA_BREACH = register(EventType(
    "sla_breach", _("Order not processed in time (SLA)"), Audience.STAFF, "suz/dispatch/emails/sla",
    frozenset({E, W})))
RATING_WARNING = register(EventType(
    "rating_warning", _("Our rating is low"), Audience.DEALER, "suz/scoring/emails/rating_warning",
    frozenset({E, W})))
DEALER_EXCLUDED = register(EventType(
    "dealer_excluded", _("We are taken out of dispatch"), Audience.DEALER, "suz/scoring/emails/excluded",
    frozenset({E, W}), frozenset({E})))
DEALER_EXCLUDED_STAFF = register(EventType(
    "dealer_excluded_staff", _("A dealer is taken out of dispatch"), Audience.STAFF,
    "suz/scoring/emails/excluded_staff", frozenset({E, W})))
INVITATION = register(EventType(
    "invitation", _("Invitation to manage a dealer"), Audience.INVITEE, "suz/dealers/emails/invitation",
    frozenset({E}), frozenset({E}), sensitive=True, editable=False))
CUSTOMER_MESSAGE = register(EventType(
    "customer_message", _("Message from the customer"), Audience.DEALER, "suz/notifications/emails/customer_message",
    frozenset({E, S, W}), frozenset({W})))
ORDER_PLACED = register(EventType(
    "order_placed", _("Your order is received (with the link to its page)"), Audience.CUSTOMER,
    "suz/notifications/emails/order_placed", frozenset({E, S, W}), sensitive=True))
ORDER_LINK = register(EventType(
    "order_link", _("A new link to your order"), Audience.CUSTOMER, "suz/notifications/emails/order_link",
    frozenset({E, S}), frozenset({E, S}), sensitive=True, editable=False))
DEALER_MESSAGE = register(EventType(
    "dealer_message", _("Message about your order"), Audience.CUSTOMER, "suz/notifications/emails/dealer_message",
    frozenset({E, S, W})))
ORDER_TAKEN = register(EventType(
    "order_taken", _("A dealer took your order"), Audience.CUSTOMER, "suz/notifications/emails/order_taken",
    frozenset({E, S, W})))
ORDER_RETURNED = register(EventType(
    "order_returned", _("Your order goes to another dealer"), Audience.CUSTOMER,
    "suz/notifications/emails/order_returned", frozenset({E, S, W})))
ORDER_CANCELLED_CUSTOMER = register(EventType(
    "order_cancelled_customer", _("The customer cancelled an order"), Audience.DEALER,
    "suz/notifications/emails/order_cancelled_customer", frozenset({E, S, W}), frozenset({W})))
CHANGE_REQUESTED = register(EventType(
    "change_requested", _("The customer asks for a change"), Audience.DEALER,
    "suz/notifications/emails/change_requested", frozenset({E, S, W}), frozenset({W})))
CHANGE_ANSWERED = register(EventType(
    "change_answered", _("Answer to your change request"), Audience.CUSTOMER,
    "suz/notifications/emails/change_answered", frozenset({E, S, W})))
