"""The words of telephony: a call's direction, kind, state, outcome and the events providers report."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Direction(models.TextChoices):
    OUTBOUND = "outbound", pgettext_lazy("call direction", "outgoing")
    INBOUND = "inbound", pgettext_lazy("call direction", "incoming")


class Kind(models.TextChoices):
    MANAGER = "manager", _("manager's call")  # click-to-call: the manager's line first, then the customer
    ROBOT = "robot", _("robot's call")  # the confirmation call: the customer hears the order read back


class State(models.TextChoices):
    """Where a call is. A manager's call: NEW → CALLING_MANAGER → CALLING_CUSTOMER → CONNECTED → ENDED;
    a robot's call skips CALLING_MANAGER. FAILED: the provider did not take the call (``Call.error`` says why)."""

    NEW = "new", pgettext_lazy("call state", "starting")
    CALLING_MANAGER = "calling_manager", pgettext_lazy("call state", "calling you")
    CALLING_CUSTOMER = "calling_customer", pgettext_lazy("call state", "calling the customer")
    CONNECTED = "connected", pgettext_lazy("call state", "connected")
    ENDED = "ended", pgettext_lazy("call state", "ended")
    FAILED = "failed", pgettext_lazy("call state", "failed to start")


#: States after which nothing changes but the recording.
FINAL_STATES = frozenset({State.ENDED, State.FAILED})


class Outcome(models.TextChoices):
    ANSWERED = "answered", pgettext_lazy("call outcome", "answered")
    NO_ANSWER = "no_answer", pgettext_lazy("call outcome", "no answer")
    BUSY = "busy", pgettext_lazy("call outcome", "busy")
    FAILED = "failed", pgettext_lazy("call outcome", "failed")


class Event(models.TextChoices):
    """What a provider reports, in our words (each backend translates its own). Each happens at most once per
    call, so ``services.call_event`` records it once and a replay is a no-op."""

    MANAGER_RINGING = "manager_ringing", _("the manager's phone rings")
    MANAGER_ANSWERED = "manager_answered", _("the manager answered")
    CUSTOMER_RINGING = "customer_ringing", _("the customer's phone rings")
    CONNECTED = "connected", _("the customer answered")
    DIGITS = "digits", _("the customer pressed keys")  # the robot's call: ``digits="1"``
    ENDED = "ended", _("hung up")  # with ``outcome`` (and ``duration`` if the provider knows it)
    RECORDING = "recording", _("recording ready")  # with ``recording_id`` (fetched) or ``content`` (bytes)
    FAILED = "failed", _("the provider could not make the call")  # with ``error``


class RobotResult(models.TextChoices):
    """What came of the robot's confirmation call (``Call.result``)."""

    CONFIRMED = "confirmed", _("the customer confirmed the order")  # pressed 1
    WANTS_MANAGER = "wants_manager", _("the customer asked for the manager")  # pressed 2
    RETRY = "retry", _("no answer, the robot will call again")  # ``data["retry_at"]``
    RETRIED = "retried", _("no answer, called again")  # the next attempt is a call of its own
    NO_ANSWER = "no_answer", _("the customer did not answer")  # after the last attempt: the dealer is told


#: The robot's results after which it calls no more for that claim.
ROBOT_FINAL = frozenset({RobotResult.CONFIRMED, RobotResult.WANTS_MANAGER, RobotResult.NO_ANSWER})
