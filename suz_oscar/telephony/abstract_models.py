from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from .vocabulary import FINAL_STATES, Direction, Event, Kind, Outcome, State


def recording_path(call, filename):
    return f"suz/calls/{timezone.now():%Y/%m}/{call.pk or 'new'}-{filename}"


def prompt_path(call, filename):
    return f"suz/robot/{timezone.now():%Y/%m}/{call.pk or 'new'}-{filename}"


class AbstractLine(models.Model):
    """A manager's phone for click-to-call: the PBX extension (preferred) or a phone number. The system rings it
    first, then the customer; the customer sees the site's number (``SUZ_TELEPHONY_CALLER_ID``), never this one."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suz_line",
                                verbose_name=_("user"))
    extension = models.CharField(_("PBX extension"), max_length=16, blank=True,
                                 help_text=_("The internal number of your phone on the company's PBX, e.g. 101."))
    phone = PhoneNumberField(_("phone for calls"), blank=True,
                             help_text=_("Your mobile or desk phone, if you have no PBX extension."))

    class Meta:
        abstract = True
        app_label = "suz_telephony"
        verbose_name = _("phone line")
        verbose_name_plural = _("phone lines")

    def __str__(self):
        return self.extension or str(self.phone)

    @property
    def address(self) -> str:
        """What the provider dials: the extension, else the number in E.164."""
        return self.extension or (self.phone.as_e164 if self.phone else "")


class AbstractCall(models.Model):
    """One call through the system: a manager's click-to-call or the robot's confirmation call.

    ``(provider, provider_call_id)`` is unique, so a provider's event finds its call and a duplicate call
    cannot be recorded. States carry their times; ``outcome`` is set when the call ends. The customer's number
    (``to_number``) is stored for the provider, never shown to a dealer who may not see it.
    """

    dispatch = models.ForeignKey("suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="calls",
                                 verbose_name=_("order"))
    dealer = models.ForeignKey("suz_dealers.Dealer", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("dealer"))
    manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("manager"))
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices,
                                 default=Direction.OUTBOUND)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.MANAGER)
    provider = models.CharField(_("provider"), max_length=32)
    provider_call_id = models.CharField(_("provider's call id"), max_length=128, blank=True)
    from_address = models.CharField(_("manager's line"), max_length=32, blank=True)
    to_number = models.CharField(_("customer's number"), max_length=32, blank=True)
    caller_id = models.CharField(_("caller ID"), max_length=32, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.NEW)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    manager_answered_at = models.DateTimeField(_("manager answered"), null=True, blank=True)
    customer_dialed_at = models.DateTimeField(_("customer dialled"), null=True, blank=True)
    connected_at = models.DateTimeField(_("connected"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    duration = models.PositiveIntegerField(_("duration, s"), null=True, blank=True)
    recording = models.FileField(_("recording"), upload_to=recording_path, blank=True, max_length=255)
    recording_id = models.CharField(_("provider's recording id"), max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)
    # The robot's call (telephony.robot): what it said, the audio the customer heard, the keys pressed, the
    # result (confirmed, wants the manager, no answer) and which attempt this is.
    script = models.TextField(_("text read"), blank=True)
    prompt = models.FileField(_("audio played"), upload_to=prompt_path, blank=True, max_length=255)
    digits = models.CharField(_("keys pressed"), max_length=16, blank=True)
    result = models.CharField(_("result"), max_length=32, blank=True)
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    data = models.JSONField(_("provider's data"), default=dict, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_telephony"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [models.UniqueConstraint(fields=["provider", "provider_call_id"],
                                               condition=~models.Q(provider_call_id=""),
                                               name="suz_call_provider_id_unique")]
        indexes = [models.Index(fields=["dispatch", "dealer", "connected_at"], name="suz_call_first_connected")]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} ({self.get_state_display()})"

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    def talk_seconds(self, now=None) -> int | None:
        """Seconds of conversation: the provider's duration once ended, else since connecting."""
        if self.duration is not None:
            return self.duration
        if self.connected_at is None:
            return None
        end = self.ended_at or now or timezone.now()
        return max(int((end - self.connected_at).total_seconds()), 0)


class AbstractCallEvent(models.Model):
    """One event of a call as the provider reported it; ``(call, event)`` is unique, so a replay is a no-op."""

    call = models.ForeignKey("suz_telephony.Call", on_delete=models.CASCADE, related_name="events",
                             verbose_name=_("call"))
    event = models.CharField(_("event"), max_length=24, choices=Event.choices)
    at = models.DateTimeField(_("at"))
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    payload = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_telephony"
        ordering = ["at", "pk"]
        verbose_name = _("call event")
        verbose_name_plural = _("call events")
        constraints = [models.UniqueConstraint(fields=["call", "event"], name="suz_call_event_once")]

    def __str__(self):
        return f"{self.call_id} {self.event}"
