"""When the robot calls: a dealer took the order (a history entry to «accepted»), or the order was placed
(Oscar's ``order_placed``, once dispatch planned it), each after the commit and through Celery when there is a
worker; and what a robot call's event means (``signals.call_changed``)."""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from suz_oscar.core import queue

from . import robot, robot_tasks
from .signals import call_changed
from .vocabulary import Event, Kind

logger = logging.getLogger(__name__)


def _request(dispatch_id, trigger):
    if robot.suz_settings.SUZ_ROBOT_CALL_ON and trigger in robot.suz_settings.SUZ_ROBOT_CALL_ON:
        def run():
            if queue.enqueue(robot_tasks.robot_call_task, args=(dispatch_id, trigger)):
                return
            try:  # no worker (the demo): in place, after the commit; a failure never reaches the dealer's page
                robot.robot_call_requested(dispatch_id=dispatch_id, trigger=trigger)
            except Exception:
                logger.exception("robot call for dispatch %s (%s) failed", dispatch_id, trigger)

        transaction.on_commit(run)


def claimed(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.to_status == "accepted" and instance.dealer_id:
        _request(instance.dispatch_id, robot.CLAIMED)


def placed(sender, order, **kwargs):
    """Oscar's ``order_placed``: after the commit, once dispatch has stored the order's plan (its receiver was
    connected first, so its ``on_commit`` runs first)."""
    def run():
        dispatch_id = get_model("suz_dispatch", "Dispatch").objects.filter(order=order).values_list(
            "pk", flat=True).first()
        if dispatch_id is not None:
            _request(dispatch_id, robot.PLACED)

    if robot.PLACED in (robot.suz_settings.SUZ_ROBOT_CALL_ON or ()):
        transaction.on_commit(run)


def settle(sender, call, event, at=None, **kwargs):
    if call.kind == Kind.ROBOT and event in (Event.DIGITS, Event.ENDED, Event.FAILED):
        robot.robot_call_settle(call=call, event=event, now=at, locked=True)


def connect():
    post_save.connect(claimed, sender=get_model("suz_dispatch", "StatusChange"), dispatch_uid="suz-robot-claimed")
    order_placed.connect(placed, dispatch_uid="suz-robot-placed")
    call_changed.connect(settle, dispatch_uid="suz-robot-settle")
