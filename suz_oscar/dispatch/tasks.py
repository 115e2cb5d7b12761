"""Celery tasks of dispatch: thin, they load by id and call notifications and services."""

import logging

from celery import shared_task
from django.utils import timezone

from suz_oscar.core.conf import suz_settings
from suz_oscar.core.queue import enqueue

from . import notifications, services

logger = logging.getLogger("suz.dispatch")


@shared_task(ignore_result=True)
def notify_stage_task(stage_id):
    notifications.notify_stage(stage_id)


@shared_task(ignore_result=True)
def sweep_stage_notifications():
    """Periodic (celery beat): announce every stage that opened without its ETA task having run."""
    for stage_id in notifications.due_stages().values_list("pk", flat=True):
        notifications.notify_stage(stage_id)


@shared_task(ignore_result=True)
def sla_watch():
    """Periodic (celery beat): orders accepted but not processed within ``SUZ_DISPATCH_SLA_HOURS``."""
    services.dispatch_sla_watch()


def schedule_stage_notifications(dispatch):
    """Queue one ETA task per stage, never holding the request for a slow broker (``core.queue``).

    A broker that is down or stuck loses nothing: the beat sweep sends what was not queued. A site that runs no
    worker at all (``SUZ_USE_BROKER = False``: the demo) announces the stages open already here and now.
    """
    for stage in dispatch.stages.all():
        if enqueue(notify_stage_task, args=(stage.pk,), eta=stage.opens_at):
            continue
        if not suz_settings.SUZ_USE_BROKER and stage.opens_at <= timezone.now():
            notifications.notify_stage(stage.pk)
        else:
            logger.info("Stage %s of dispatch %s not queued; the sweep will announce it", stage.pk, dispatch.pk)
