"""The order card's robot block: the robot's last call to the customer, what came of it, what it said."""

from datetime import datetime

from django import template

from suz_oscar.core.conf import suz_settings
from suz_oscar.telephony import robot, services
from suz_oscar.telephony.vocabulary import RobotResult

register = template.Library()


@register.inclusion_tag("suz/telephony/_robot_card.html", takes_context=True)
def suz_robot_block(context, dispatch, dealer=None):
    """For staff and the dealer holding the order; nothing for anyone else (or before the robot called)."""
    request = context["request"]
    user = request.user
    if not (user.is_staff or (dealer is not None and dispatch.claimed_by_id == dealer.pk)):
        return {"shown": False}
    call = robot.latest_robot_call(dispatch)
    if call is None:
        return {"shown": False}
    if not call.is_final:
        # A provider driven by the clock (the demo's console) reports what happened by now; others: a no-op.
        call = services.call_refresh(call=call)
        call.refresh_from_db()
    retry_at = call.data.get("retry_at") if call.result == RobotResult.RETRY else None
    return {"shown": True, "call": call, "request": request, "attempts": suz_settings.SUZ_ROBOT_RETRIES + 1,
            "retry_at": datetime.fromisoformat(retry_at) if retry_at else None}
