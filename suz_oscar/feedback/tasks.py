from celery import shared_task


@shared_task(name="suz_oscar.feedback.tasks.complaint_sla_watch")
def complaint_sla_watch():
    from .services import complaint_sla_watch

    return len(complaint_sla_watch())
