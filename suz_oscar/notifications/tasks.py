"""Celery tasks of notifications: thin, they call services."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def deliver_task(ids):
    services.notification_deliver_many(ids=ids)


@shared_task(ignore_result=True)
def sweep_outbox():
    """Periodic (celery beat): whatever is due and was not delivered (a broker or provider outage, retries)."""
    while services.notification_deliver_due(limit=500):
        pass
