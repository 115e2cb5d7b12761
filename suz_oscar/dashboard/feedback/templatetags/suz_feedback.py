"""Feedback's blocks in other apps' pages: the order card's results and map, the scorecard's figures, the
complaints tab of the staff order list. Each page includes them with one line."""

from django import template

from suz_oscar.core.conf import suz_settings
from suz_oscar.feedback import selectors

register = template.Library()


def _may_see(dispatch, user, dealer):
    return user.is_staff or (dealer is not None and dispatch.claimed_by_id == dealer.pk)


@register.inclusion_tag("suz/feedback/_order_results.html", takes_context=True)
def suz_order_results(context, dispatch, dealer=None):
    """Status, «заработано», the order's points from the ledger, the survey and complaints: for staff and the
    dealer holding the order."""
    request = context["request"]
    allowed = _may_see(dispatch, request.user, dealer)
    return {"allowed": allowed, "dispatch": dispatch, "request": request, "csrf_token": context.get("csrf_token"),
            "results": selectors.order_results(dispatch) if allowed else None,
            "is_holder": dealer is not None and dispatch.claimed_by_id == dealer.pk}


@register.inclusion_tag("suz/feedback/_order_map.html", takes_context=True)
def suz_order_map(context, dispatch, dealer=None):
    """The delivery point on a Leaflet map (the city's centre when the customer set none): staff, and the dealer
    once it holds the order."""
    request = context["request"]
    place = getattr(dispatch.order, "suz_place", None)
    allowed = _may_see(dispatch, request.user, dealer) and place is not None
    point, exact = None, False
    if allowed:
        if place.latitude is not None and place.longitude is not None:
            point, exact = (float(place.latitude), float(place.longitude)), True
        elif place.city.latitude is not None and place.city.longitude is not None:
            point = (float(place.city.latitude), float(place.city.longitude))
    return {"allowed": allowed, "point": point, "exact": exact, "place": place, "order": dispatch.order,
            "tiles": suz_settings.SUZ_MAP_TILE_URL, "attribution": suz_settings.SUZ_MAP_ATTRIBUTION}


@register.inclusion_tag("suz/feedback/_scorecard.html")
def suz_feedback_scorecard(dealer, since=None):
    return {"feedback": selectors.dealer_feedback(dealer, since=since), "dealer": dealer}


@register.inclusion_tag("suz/feedback/_complaints_tab.html", takes_context=True)
def suz_complaints_tab(context):
    """«Жалобы (N)» beside the status tabs of the staff order list."""
    request = context["request"]
    return {"count": selectors.open_complaint_count() if request.user.is_staff else 0,
            "show": request.user.is_staff}
