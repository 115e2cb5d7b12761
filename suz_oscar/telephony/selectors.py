"""Reads of telephony: an order's calls, a call for a viewer, the timeline's call entries."""

from __future__ import annotations

from django.db.models import F, Q
from oscar.core.loading import get_model

from suz_oscar.core import timeline
from suz_oscar.dealers.selectors import dealer_for_user

from .vocabulary import Kind, State

Call = get_model("suz_telephony", "Call")
Line = get_model("suz_telephony", "Line")

ACTIVE_STATES = (State.NEW, State.CALLING_MANAGER, State.CALLING_CUSTOMER, State.CONNECTED)


def visible_calls(user):
    """The calls ``user`` may see: staff all; a dealer's manager those of the orders its dealer holds (its own
    calls and the robot's calls of those orders)."""
    if user.is_staff:
        return Call.objects.all()
    dealer = dealer_for_user(user) if user.is_authenticated else None
    if dealer is None:
        return Call.objects.none()
    return Call.objects.filter(dispatch__claimed_by=dealer).filter(Q(dealer=dealer) | Q(kind=Kind.ROBOT))


def calls_for_update():
    """The calls as a provider's event reads them: the call's row locked (not its order's), its order joined (the
    receivers of ``signals.call_changed`` and the call's ``post_save`` read it). Inside a transaction only."""
    return Call.objects.select_for_update(of=("self",)).select_related("dispatch")


def call_for(user, pk):
    """The call ``pk`` if ``user`` may see it (and hear its recording), else ``None``."""
    return visible_calls(user).select_related("dispatch", "manager").filter(pk=pk).first()


def order_calls(dispatch, user):
    """The calls of the order ``dispatch`` that ``user`` may see, newest first."""
    return visible_calls(user).filter(dispatch=dispatch).select_related("manager")


def active_call(dispatch, user):
    """``user``'s call of this order still in progress, if any."""
    return Call.objects.filter(dispatch=dispatch, manager=user, state__in=ACTIVE_STATES).first()


def first_connected_at(dispatch, dealer):
    """When ``dealer``'s first call on this order connected with the customer, or ``None``."""
    return (Call.objects.filter(dispatch=dispatch, dealer=dealer, kind=Kind.MANAGER, connected_at__isnull=False)
            .order_by("connected_at").values_list("connected_at", flat=True).first())


def line_of(user):
    return Line.objects.filter(user=user).first()


@timeline.source
def call_entries(dispatch_ids, *, public_only, limit=None, before=None):
    """Calls in the order's thread (staff and the holding dealer; never on the customer's pages)."""
    if public_only:
        return []
    found = (Call.objects.filter(dispatch_id__in=dispatch_ids).select_related("manager")
             .annotate(holder_id=F("dispatch__claimed_by_id")))  # the customer card passes no dispatch
    return [timeline.Entry("call", call.created_at, "suz/telephony/_timeline_call.html", {"call": call},
                           dispatch_id=call.dispatch_id, key=call.pk)
            for call in timeline.window(found, "created_at", "call", limit=limit, before=before)]
