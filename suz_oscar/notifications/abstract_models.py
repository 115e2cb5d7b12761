from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from .vocabulary import Channel, Role, State


class AbstractOutboxMessage(models.Model):
    """One notification to one recipient by one channel: written in the event's transaction, then delivered.

    ``(event_type, key, channel, address)`` is unique: announcing an event twice, or two recipients sharing an
    address, sends one message. A worker claims a row (``claimed_until``) before sending, so two workers or a
    task and the sweep never send it twice.
    """

    event_type = models.CharField(_("event"), max_length=64)
    key = models.CharField(_("event key"), max_length=128)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="suz_outbox", verbose_name=_("recipient"))
    address = models.CharField(_("address"), max_length=254)
    # The order the event is about (the context's ``order``), so the customer card lists what was sent about
    # each order and whether it arrived.
    order = models.ForeignKey("order.Order", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("order"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_notifications"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        constraints = [models.UniqueConstraint(fields=["event_type", "key", "channel", "address"],
                                               name="suz_outbox_once_per_address")]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="suz_outbox_due")]

    def __str__(self):
        return f"{self.event_type} {self.channel} → {self.address}"

    def event_title(self):
        """The event type's title (its key if the type is no longer registered)."""
        from .registry import _registry

        event_type = _registry.get(self.event_type)
        return event_type.title if event_type is not None else self.event_type


class AbstractPreference(models.Model):
    """A manager's or staff member's choice for one event type and channel (absent: the type's default)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suz_preferences")
    event_type = models.CharField(_("event"), max_length=64)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    enabled = models.BooleanField(_("on"), default=True)

    class Meta:
        abstract = True
        app_label = "suz_notifications"
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "event_type", "channel"],
                                               name="suz_preference_once")]


class AbstractContact(models.Model):
    """Where a user gets SMS (their mobile number); email and the site need nothing more than the account."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suz_contact")
    phone = PhoneNumberField(_("mobile phone for SMS"), blank=True)

    class Meta:
        abstract = True
        app_label = "suz_notifications"
        verbose_name = _("notification contact")
        verbose_name_plural = _("notification contacts")


class AbstractComment(models.Model):
    """An entry of an order's conversation: a customer's message, or a dealer's or staff's comment — public
    (the customer sees it and is told) or internal (staff and the dealer holding the order only)."""

    dispatch = models.ForeignKey("suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="comments",
                                 verbose_name=_("order"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("author"))
    role = models.CharField(_("written by"), max_length=16, choices=Role.choices)
    dealer = models.ForeignKey("suz_dealers.Dealer", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("dealer"))
    text = models.TextField(_("text"), max_length=2000)
    public = models.BooleanField(_("visible to the customer"), default=False)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        abstract = True
        app_label = "suz_notifications"
        ordering = ["created_at", "pk"]
        verbose_name = _("order comment")
        verbose_name_plural = _("order comments")
        indexes = [models.Index(fields=["dispatch", "created_at"], name="suz_comment_thread")]
