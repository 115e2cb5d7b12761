"""Who feedback tells what, through ``core.outbox`` in the transaction of the change."""

from django.urls import reverse

from suz_oscar.core.mail import site_url
from suz_oscar.core.outbox import announce


def card_url(dispatch) -> str:
    return site_url() + reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk})


def ask_customer(survey, token):
    """The survey's link to the customer, by the customer's channels (a new message each time it is sent)."""
    url = site_url() + reverse("suz-survey", kwargs={"token": token})
    order = survey.dispatch.order
    announce("survey_request", key=f"survey:{survey.pk}:{survey.times_sent}", customers=[order],
             context={"order": order, "dealer": survey.dealer, "sold": survey.sold, "url": url})


def complaint_filed(complaint):
    """The holding dealer's managers by their channels, and staff always."""
    dispatch = complaint.dispatch
    context = {"order": dispatch.order, "dealer": complaint.dealer, "complaint": complaint, "url": card_url(dispatch)}
    if complaint.dealer is not None:
        announce("complaint", key=f"complaint:{complaint.pk}", dealers=[complaint.dealer], context=context)
    announce("complaint_staff", key=f"complaint:{complaint.pk}", staff=True, context=context)


def customer_order_url(order) -> str:
    """The customer's page of ``order`` (a guest's by its signed link), as the storefront links it."""
    if order.user_id is not None:
        path = reverse("customer:order", kwargs={"order_number": order.number})
    else:
        path = reverse("suz-order-status", kwargs={"number": order.number, "hash": order.verification_hash()})
    return site_url() + path


def complaint_answered(complaint, message):
    order = complaint.dispatch.order
    url = customer_order_url(order)
    announce("complaint_answered", key=f"complaint-answer:{message.pk}", customers=[order],
             context={"order": order, "complaint": complaint, "message": message, "url": url})


def complaint_late(complaint, hours):
    dispatch = complaint.dispatch
    announce("complaint_sla", key=f"complaint-sla:{complaint.pk}", staff=True,
             context={"order": dispatch.order, "dealer": complaint.dealer, "complaint": complaint, "hours": hours,
                      "url": card_url(dispatch)})
