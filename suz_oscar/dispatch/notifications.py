"""Who dispatch tells what: «a new order is available» once per stage when it opens, and staff's alerts.

Each is announced through ``core.outbox`` inside the transaction of the change, so the outbox rows commit
with it; ``suz_oscar.notifications`` delivers them by each recipient's channels. Announcing a stage is
claimed by one conditional UPDATE of ``Stage.notified_at``, so the ETA task and the periodic sweep may both
fire and managers are still told once. Timers only notify; who sees what is decided by the stored plan.
"""

import logging

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.core.outbox import announce
from suz_oscar.core.queue import enqueue
from suz_oscar.core.sites import site_url

from . import selectors

Stage = get_model("suz_dispatch", "Stage")
Visibility = get_model("suz_dispatch", "Visibility")
Dispatch = get_model("suz_dispatch", "Dispatch")
logger = logging.getLogger("suz.dispatch")
NOTIFY_STAGE_TASK = "suz_oscar.dispatch.tasks.notify_stage_task"



@transaction.atomic
def notify_stage(stage_id, now=None):
    """Tell the managers of a stage's dealers that the order is theirs to take. Returns True if announced now."""
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
    inbox_url = site_url() + reverse("suz_dispatch_dashboard:suz-inbox")
    for dealer in dealers:
        announce("order_available", key=f"stage:{stage.pk}",
                 context={"dealer": dealer, "order": stage.dispatch.order, "inbox_url": inbox_url}, dealers=[dealer])
    return True


def due_stages(now=None):
    """Stages open but not yet announced, of orders nobody has taken."""
    now = now or timezone.now()
    return Stage.objects.filter(notified_at=None, opens_at__lte=now, dispatch__claimed_by=None).filter(
        ~Q(dispatch__status=Dispatch.MANUAL)
    )


def tell_staff_sla(dispatch, dealer, hours, returned):
    """An order accepted but not processed in time (once per claim)."""
    announce("sla_breach", key=f"dispatch:{dispatch.pk}:{dispatch.claimed_at:%Y%m%d%H%M%S%f}", staff=True,
             context={"order": dispatch.order, "dealer": dealer, "hours": hours, "returned": returned})


def tell_staff_manual(dispatch):
    """No dealer can take the order: staff assign it by hand."""
    announce("order_manual", key=f"dispatch:{dispatch.pk}", staff=True,
             context={"order": dispatch.order, "dispatch": dispatch})


def tell_staff_declined(dispatch, stage=None):
    """Every dealer declined: ``stage`` is the one that opened early (or none is left)."""
    announce("order_declined", key=f"dispatch:{dispatch.pk}:{stage.pk if stage is not None else 'last'}",
             staff=True, context={"order": dispatch.order, "stage": stage})


def tell_customer_taken(dispatch, dealer):
    """A dealer took the order: the customer learns who will call."""
    announce("order_taken", key=f"dispatch:{dispatch.pk}:{dispatch.claimed_at:%Y%m%d%H%M%S%f}",
             customers=[dispatch.order], context={"order": dispatch.order, "dealer": dealer})


def tell_customer_returned(dispatch, now):
    """The dealer gave the order back: the customer learns another dealer is being found."""
    announce("order_returned", key=f"dispatch:{dispatch.pk}:{now:%Y%m%d%H%M%S%f}", customers=[dispatch.order],
             context={"order": dispatch.order})


def schedule_stages(dispatch):
    """Queue one ETA task per stage, never holding the request for a slow broker (``core.queue``).

    A broker that is down or stuck loses nothing: the beat sweep sends what was not queued. A site that runs no
    worker at all (``SUZ_USE_BROKER = False``: the demo) announces the stages open already here and now.
    """
    for stage in dispatch.stages.all():
        if enqueue(NOTIFY_STAGE_TASK, args=(stage.pk,), eta=stage.opens_at):
            continue
        if not suz_settings.SUZ_USE_BROKER and stage.opens_at <= timezone.now():
            notify_stage(stage.pk)
        else:
            logger.info("Stage %s of dispatch %s not queued; the sweep will announce it", stage.pk, dispatch.pk)


def tell_customer_declined(dispatch):
    """A dealer turned the order down before anyone took it: the customer learns another dealer is being found.
    Once per round of offers (the count of claims so far), however many dealers decline in it."""
    rounds = dispatch.history.filter(to_status=Dispatch.ACCEPTED).count()
    announce("order_returned", key=f"dispatch:{dispatch.pk}:declined:{rounds}", customers=[dispatch.order],
             context={"order": dispatch.order})


def tell_dealer_cancelled(dispatch, dealer):
    """The customer cancelled the order the dealer holds."""
    announce("order_cancelled_customer", key=f"dispatch:{dispatch.pk}", dealers=[dealer],
             context={"order": dispatch.order, "dealer": dealer})


def tell_dealer_change_requested(dispatch, request, url=""):
    """The customer asks the holding dealer for a change."""
    announce("change_requested", key=f"change:{request.pk}", dealers=[dispatch.claimed_by],
             context={"order": dispatch.order, "request": request, "url": url})


def tell_customer_change(dispatch, request):
    """The dealer accepted the customer's change, or could not (another dealer is being found)."""
    announce("change_answered", key=f"change:{request.pk}", customers=[dispatch.order],
             context={"order": dispatch.order, "request": request})
