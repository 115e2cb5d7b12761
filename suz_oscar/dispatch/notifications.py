"""«A new order is available»: sent once per stage, when it opens.

Sending is claimed by one conditional UPDATE of ``Stage.notified_at``, so the
ETA task and the periodic sweep may both fire and managers still get one email.
Timers only notify; who sees what is decided by the stored plan (see selectors).
"""

import logging

from django.core.mail import send_mail, send_mass_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from oscar.core.loading import get_model

from suz_oscar.conf import suz_settings

from . import selectors

Stage = get_model("suz_dispatch", "Stage")
Visibility = get_model("suz_dispatch", "Visibility")

logger = logging.getLogger("suz.dispatch")


def render_email(name, context, folder="dispatch"):
    """``(subject, body)`` of ``suz/<folder>/emails/<name>_subject|body.txt`` in the notification language."""
    with translation.override(suz_settings.SUZ_NOTIFICATION_LANGUAGE):
        subject = " ".join(render_to_string(f"suz/{folder}/emails/{name}_subject.txt", context).split())
        body = render_to_string(f"suz/{folder}/emails/{name}_body.txt", context)
    return subject, body


def staff_emails():
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
                .values_list("email", flat=True))


def email_staff(name, context, recipients=None, folder="dispatch"):
    """Send one email to the manufacturer's staff (``recipients`` saves the lookup in loops)."""
    recipients = staff_emails() if recipients is None else recipients
    if recipients:
        subject, body = render_email(name, context, folder)
        send_mail(subject, body, None, recipients)


def manager_emails(dealer):
    """Addresses of a dealer's active managers (``partner.users`` prefetched or not)."""
    return [user.email for user in dealer.partner.users.all() if user.is_active and user.email]


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
    messages = []
    for dealer in dealers:
        subject, body = render_email("order_available", {"dealer": dealer, "order": stage.dispatch.order})
        messages += [(subject, body, None, [email]) for email in manager_emails(dealer)]
    send_mass_mail(messages, fail_silently=False)
    return True


def due_stages(now=None):
    """Stages open but not yet announced, of orders nobody has taken."""
    now = now or timezone.now()
    return Stage.objects.filter(notified_at=None, opens_at__lte=now, dispatch__claimed_by=None).filter(
        ~Q(dispatch__status="manual")
    )


def schedule_stage_notifications(dispatch):
    """Queue one ETA task per stage, never holding the request for a slow broker (``core.queue``).

    A broker that is down or stuck loses nothing: the beat sweep sends what was not queued.
    """
    from suz_oscar.core.queue import enqueue

    from .tasks import notify_stage_task

    for stage in dispatch.stages.all():
        if not enqueue(notify_stage_task, args=(stage.pk,), eta=stage.opens_at):
            logger.info("Stage %s of dispatch %s not queued; the sweep will announce it", stage.pk, dispatch.pk)
