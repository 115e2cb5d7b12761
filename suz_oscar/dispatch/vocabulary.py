"""The words dispatch shares with scoring, the dashboard and whatever listens to it: one definition each."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """An order's state in the dealer network: new → offered → accepted → processed → completed | failed |
    cancelled; «manual» when no dealer can take it and staff must assign it."""

    NEW = "new", _("new")
    OFFERED = "offered", _("offered")
    ACCEPTED = "accepted", _("accepted")
    PROCESSED = "processed", _("processed (customer contacted)")
    COMPLETED = "completed", _("completed")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")
    MANUAL = "manual", _("waiting for manual assignment")


CLOSED = (Status.COMPLETED, Status.FAILED, Status.CANCELLED)
# What the dealer holding the order may set next.
DEALER_MOVES = {
    Status.ACCEPTED: (Status.PROCESSED, Status.FAILED, Status.CANCELLED),
    Status.PROCESSED: (Status.COMPLETED, Status.FAILED, Status.CANCELLED),
}


class Fault(models.TextChoices):
    """Whose fault an order's failure (or a give-back) is: it decides whose record it counts against."""

    CUSTOMER = "customer", _("customer's fault")
    DEALER = "dealer", _("dealer's fault")


class Event(models.TextChoices):
    """What ``signals.dispatch_event`` reports (dealer scoring gives points by it)."""

    COMPLETED = "completed", _("order completed")
    FAILED = "failed", _("order failed")
    CANCELLED = "cancelled", _("order cancelled")
    GIVEN_BACK = "given_back", _("order given back")
    SLA_BREACH = "sla_breach", _("SLA breach")

# What the customer may still cancel: nobody has contacted them yet («обработан» not reached).
CUSTOMER_CANCELLABLE = (Status.NEW, Status.OFFERED, Status.ACCEPTED, Status.MANUAL)
# While a dealer holds the order and it is not closed, the customer may ask it for a change.
CHANGEABLE = (Status.ACCEPTED, Status.PROCESSED)


class ChangeState(models.TextChoices):
    """A customer's change request: waiting for the holding dealer, accepted, or the dealer could not."""

    PENDING = "pending", _("waiting for the dealer")
    ACCEPTED = "accepted", _("accepted")
    REFUSED = "refused", _("the dealer cannot")
