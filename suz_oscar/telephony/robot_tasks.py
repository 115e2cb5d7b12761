"""Thin Celery tasks of the robot's call (loaded by the app's ``ready()``; beat: ``schedule.beat_schedule``)."""

from celery import shared_task


@shared_task(ignore_result=True)
def robot_call_task(dispatch_id, trigger):
    from . import robot

    robot.robot_call_requested(dispatch_id=dispatch_id, trigger=trigger)


@shared_task(ignore_result=True)
def robot_retry_due_task():
    from . import robot

    return robot.robot_retry_due()
