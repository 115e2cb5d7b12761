"""The event types feedback announces (registered with the outbox's registry at start-up)."""

from django.utils.translation import gettext_lazy as _

from suz_oscar.notifications.registry import EventType, register
from suz_oscar.notifications.vocabulary import Audience, Channel

E, S, W = Channel.EMAIL, Channel.SMS, Channel.SITE

SURVEY_REQUEST = register(EventType(
    "survey_request", _("How did the dealer do? (survey)"), Audience.CUSTOMER, "suz/feedback/emails/survey",
    frozenset({E, S, W})))
COMPLAINT = register(EventType(
    "complaint", _("A customer complained about our order"), Audience.DEALER, "suz/feedback/emails/complaint",
    frozenset({E, S, W}), frozenset({W})))
# The manufacturer hears of every complaint: its channels cannot be switched off.
COMPLAINT_STAFF = register(EventType(
    "complaint_staff", _("A customer complained about a dealer"), Audience.STAFF,
    "suz/feedback/emails/complaint_staff", frozenset({E, W}), frozenset({E, W})))
COMPLAINT_ANSWERED = register(EventType(
    "complaint_answered", _("An answer to your complaint"), Audience.CUSTOMER,
    "suz/feedback/emails/complaint_answered", frozenset({E, S, W})))
COMPLAINT_SLA = register(EventType(
    "complaint_sla", _("A complaint is not answered in time"), Audience.STAFF, "suz/feedback/emails/complaint_sla",
    frozenset({E, W}), frozenset({W})))
