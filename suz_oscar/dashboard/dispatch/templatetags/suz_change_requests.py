"""The customer's change request on the order card: the holding dealer answers it, staff see it."""

from django import template

from suz_oscar.dispatch import selectors

register = template.Library()


@register.inclusion_tag("suz/dashboard/dispatch/_change_request.html", takes_context=True)
def suz_change_request(context, dispatch, dealer=None):
    """The request waiting for an answer, with the variant's offer of the dealer holding the order (re-checked
    now): the answer form for that dealer, read-only for staff; nothing for anyone else."""
    user = context["request"].user
    holder = dealer is not None and dispatch.claimed_by_id == dealer.pk
    pending = selectors.pending_change(dispatch) if holder or user.is_staff else None
    offer = None
    if pending is not None and pending.product_id is not None and dispatch.claimed_by_id is not None:
        offer = selectors.dealer_offer(dispatch.claimed_by, pending.product)
    return {"dispatch": dispatch, "pending": pending, "offer": offer, "can_answer": holder,
            "csrf_token": context.get("csrf_token"), "order": dispatch.order}
