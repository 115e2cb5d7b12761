"""The Celery beat entries django-suz needs: a host adds them to its own schedule.

``CELERY_BEAT_SCHEDULE = {**beat_schedule(), ...}`` (or ``app.conf.beat_schedule.update(beat_schedule())``).
Without them nothing is lost but stage notifications wait for their ETA tasks only, SLA breaches are never
seen and a rolling rating window never rolls; the system check ``suz.W003`` says so.
"""

# task name -> seconds between runs
PERIODIC_TASKS = {
    "suz_oscar.dispatch.tasks.sweep_stage_notifications": 60.0,
    "suz_oscar.dispatch.tasks.sla_watch": 300.0,
    "suz_oscar.scoring.tasks.recompute_ratings": 24 * 3600.0,
    "suz_oscar.analytics.tasks.refresh_rollup": 300.0,
    "suz_oscar.analytics.tasks.rebuild_rollup": 24 * 3600.0,
    "suz_oscar.notifications.tasks.sweep_outbox": 30.0,
    "suz_oscar.telephony.robot_tasks.robot_retry_due_task": 60.0,
    "suz_oscar.feedback.tasks.complaint_sla_watch": 600.0,
}


def beat_schedule() -> dict:
    """django-suz's periodic tasks as a Celery beat schedule."""
    return {f"suz-{name.rsplit('.', 1)[1].replace('_', '-')}": {"task": name, "schedule": seconds}
            for name, seconds in PERIODIC_TASKS.items()}
