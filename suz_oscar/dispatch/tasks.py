"""Celery tasks of dispatch: thin, they load by id and call notifications and services."""

from celery import shared_task

from . import notifications, services


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
    """Queue one ETA task per stage (``notifications.schedule_stages``)."""
    notifications.schedule_stages(dispatch)
