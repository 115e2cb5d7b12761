"""The customer's view of an order: a guest opens it by a signed link, a registered customer in the account."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views import generic
from oscar.core.loading import get_model

Order = get_model("order", "Order")


def order_status_url(order):
    """The page where the customer follows ``order``.

    A guest's link carries Oscar's verification hash (an HMAC of the order number under ``SECRET_KEY``):
    unguessable, and it asks for nothing the guest never gave (Oscar's own page asks for an email).
    """
    if order.user_id is not None:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse("suz-order-status", kwargs={"number": order.number, "hash": order.verification_hash()})


class OrderStatusView(generic.DetailView):
    """A guest's order page, by its signed link; a registered customer's order goes to the account."""

    template_name = "suz/storefront/order_status.html"
    context_object_name = "order"

    def get_object(self, queryset=None):
        number, signature = self.kwargs["number"], self.kwargs["hash"]
        order = Order.objects.filter(number=number).select_related("shipping_address").first()
        if order is None or not order.check_verification_hash(signature):
            raise Http404
        return order

    def get(self, request, *args, **kwargs):
        order = self.get_object()
        if order.user_id is not None:
            return redirect(order_status_url(order))
        self.object = order
        return self.render_to_response(self.get_context_data(object=order))
