"""The words of notifications: channels and the states of an outbox row."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    EMAIL = "email", pgettext_lazy("notification channel", "email")
    SMS = "sms", pgettext_lazy("notification channel", "SMS")
    SITE = "site", pgettext_lazy("notification channel", "on the site")


class State(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("not delivered")


class Audience(models.TextChoices):
    STAGE_DEALERS = "stage_dealers", _("managers of the dealers the order is offered to")
    DEALER = "dealer", _("the dealer's managers")
    STAFF = "staff", _("the manufacturer's staff")
    INVITEE = "invitee", _("the invited person")
    CUSTOMER = "customer", _("the customer")


#: The address of the on-site channel: the user's id (one row per user and event).
SITE_ADDRESS = "user:{}"


class Role(models.TextChoices):
    """Who wrote an entry of an order's conversation."""

    CUSTOMER = "customer", _("customer")
    DEALER = "dealer", _("dealer")
    STAFF = "staff", _("manufacturer")
