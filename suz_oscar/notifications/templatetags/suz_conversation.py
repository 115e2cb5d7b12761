"""The order's conversation in templates: the dashboard's order card and the customer's order pages."""

from django import template
from oscar.core.loading import get_model

from suz_oscar.checkout.links import order_token
from suz_oscar.notifications import selectors

register = template.Library()


@register.inclusion_tag("suz/dashboard/notifications/_thread.html", takes_context=True)
def suz_order_thread(context, dispatch, dealer=None):
    """The whole thread for staff and the dealer holding the order, with the comment form; nothing for others."""
    user = context["request"].user
    allowed = selectors.may_comment(dispatch, user, dealer)
    return {"dispatch": dispatch, "allowed": allowed, "request": context["request"],
            "entries": selectors.timeline(dispatch, public_only=False) if allowed else [],
            "status_labels": dict(get_model("suz_dispatch", "Dispatch").STATUSES)}


@register.inclusion_tag("suz/storefront/order_thread.html", takes_context=True)
def suz_customer_thread(context, order):
    """The public entries of the order's conversation and the customer's message form."""
    dispatch = get_model("suz_dispatch", "Dispatch").objects.filter(order=order).first()
    entries = selectors.timeline(dispatch, public_only=True) if dispatch is not None else []
    return {"order": order, "dispatch": dispatch, "entries": entries, "request": context["request"],
            "hash": order_token(order), "csrf_token": context.get("csrf_token")}
