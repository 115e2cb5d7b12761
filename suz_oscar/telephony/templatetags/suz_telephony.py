"""The order card's calls block: «Позвонить», the call in progress, the order's calls with their recordings."""

import phonenumbers
from django import template
from django.template.loader import select_template

from suz_oscar.core.conf import suz_settings
from suz_oscar.telephony import selectors, services

register = template.Library()


@register.inclusion_tag("suz/telephony/_order_calls_block.html", takes_context=True)
def suz_order_calls(context, dispatch, dealer=None):
    """For staff and the dealer holding the order; nothing for anyone else."""
    request = context["request"]
    user = request.user
    holds = user.is_staff or (dealer is not None and dispatch.claimed_by_id == dealer.pk)
    if not holds:
        return {"shown": False}
    calls = list(selectors.order_calls(dispatch, user))
    # A provider driven by the clock (the demo's console) reports what happened by now, so the list agrees with
    # the robot's block and the timeline rendered after it; other providers: a no-op.
    calls = [call if call.is_final else services.call_refresh(call=call) for call in calls]
    active = next((call for call in calls if call.manager_id == user.pk and call.state in selectors.ACTIVE_STATES),
                  None)
    return {
        "shown": True, "request": request, "dispatch": dispatch, "calls": calls, "active": active,
        "can_call": user.is_staff or dispatch.status not in dispatch.CLOSED,
        "line": selectors.line_of(user), "caller_id": _international(suz_settings.SUZ_TELEPHONY_CALLER_ID),
        "poll_ms": int(suz_settings.SUZ_TELEPHONY_POLL_SECONDS * 1000), "csrf_token": context.get("csrf_token"),
    }


def _international(number):
    """+74951234567 as +7 495 123-45-67 (as given if it does not parse)."""
    try:
        parsed = phonenumbers.parse(number, "RU")
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return number


@register.simple_tag
def suz_robot_template():
    """The robot call's partial if the robot feature provides one (``suz/telephony/_robot_call.html``)."""
    try:
        return select_template(["suz/telephony/_robot_call.html"]).template.name
    except template.TemplateDoesNotExist:
        return ""


@register.filter
def suz_mmss(seconds):
    """Seconds as 00:42 (or 1:02:03)."""
    if seconds in (None, ""):
        return ""
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
