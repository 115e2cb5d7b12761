"""«A new order is available»: sent once per stage, when it opens.

Sending is claimed by one conditional UPDATE of ``Stage.notified_at``, so the
ETA task and the periodic sweep may both fire and managers still get one email.
Timers only notify; who sees what is decided by the stored plan (see selectors).
"""

from django.db.models import Q
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.core.mail import email_staff, send_each
from suz_oscar.core.queue import run_later
from suz_oscar.dealers.selectors import manager_addresses

from . import selectors

Stage = get_model("suz_dispatch", "Stage")
Visibility = get_model("suz_dispatch", "Visibility")
Dispatch = get_model("suz_dispatch", "Dispatch")

EMAILS = "suz/dispatch/emails/"


def notify_stage(stage_id, now=None):
    """Email the managers of a stage's dealers that the order is theirs to take. Returns True if sent now."""
    now = now or timezone.now()
    claimed = Stage.objects.filter(pk=stage_id, notified_at=None, opens_at__lte=now).update(notified_at=now)
    if not claimed:
        return False
    stage = Stage.objects.select_related("dispatch__order").get(pk=stage_id)
    if stage.dispatch.claimed_by_id is not None:
        return True  # taken meanwhile: nothing to announce
    if stage.everyone:
        # Dealers with a row were in an earlier stage (told then) or declined or gave the order back.
        told = Visibility.objects.filter(dispatch=stage.dispatch).values("dealer_id")
        dealers = selectors.network_dealers().exclude(pk__in=told)
    else:
        declined = Visibility.objects.filter(dispatch=stage.dispatch, declined_at__isnull=False).values("dealer_id")
        # The audience as planned, less those that left the network since (they can no longer take it).
        dealers = stage.dealers.exclude(pk__in=declined).filter(pk__in=selectors.network_dealers().values("pk"))
    dealers = dealers.select_related("partner").prefetch_related("partner__users")
    send_each([(EMAILS + "order_available", {"dealer": dealer, "order": stage.dispatch.order}, [address])
               for dealer in dealers for address in manager_addresses(dealer)])
    return True


def due_stages(now=None):
    """Stages open but not yet announced, of orders nobody has taken."""
    now = now or timezone.now()
    return Stage.objects.filter(notified_at=None, opens_at__lte=now, dispatch__claimed_by=None).filter(
        ~Q(dispatch__status=Dispatch.MANUAL)
    )


def tell_staff_sla(dispatch, dealer, hours, returned, recipients=None):
    """An order accepted but not processed in time (``recipients``: staff looked up once per sweep)."""
    email_staff(EMAILS + "sla", {"order": dispatch.order, "dealer": dealer, "hours": hours, "returned": returned},
                recipients)


def tell_staff(event, dispatch_id, stage_id=None):
    """An email to staff about an order, by ``event``: «declined» (every dealer declined; ``stage`` the one that
    opened early, or none left) or «manual» (no dealer can take it, assign it by hand). Run by a worker."""
    dispatch = Dispatch.objects.select_related("order").get(pk=dispatch_id)
    if event == "manual":
        email_staff(EMAILS + "manual", {"order": dispatch.order, "dispatch": dispatch})
    else:
        stage = Stage.objects.filter(pk=stage_id).first() if stage_id else None
        email_staff(EMAILS + "declined", {"order": dispatch.order, "stage": stage})


def tell_staff_later(event, dispatch, stage=None):
    """``tell_staff`` by a Celery worker, never in the customer's or dealer's request when a broker is there."""
    args = (event, dispatch.pk, stage.pk if stage is not None else None)
    run_later("suz_oscar.dispatch.tasks.tell_staff_task", args=args, inline=lambda: tell_staff(*args))
