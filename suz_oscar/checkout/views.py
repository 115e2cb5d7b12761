from django.db import transaction
from django.shortcuts import redirect
from oscar.apps.checkout import views as oscar_views

from . import services
from .session import NAMESPACE


class IndexView(oscar_views.IndexView):
    """The gateway: keeps the guest's phone for the address and the order."""

    template_name = "suz/checkout/gateway.html"

    def form_valid(self, form):
        phone = form.cleaned_data.get("phone")
        if phone:
            self.checkout_session._set(NAMESPACE, "phone", phone.as_e164)
        return super().form_valid(form)


class ShippingAddressView(oscar_views.ShippingAddressView):
    def get_initial(self):
        initial = super().get_initial() or {}
        initial.setdefault("phone_number", self.checkout_session._get(NAMESPACE, "phone"))
        city_id = self.checkout_session._get(NAMESPACE, "city_id")
        visitor_city = getattr(self.request, "suz_city", None)
        initial.setdefault("city", city_id or (visitor_city.pk if visitor_city else None))
        return initial

    def form_valid(self, form):
        city = form.cleaned_data["city"]
        self.checkout_session._set(NAMESPACE, "city_id", city.pk)
        for name in ("latitude", "longitude"):
            value = form.cleaned_data.get(name)
            self.checkout_session._set(NAMESPACE, name, str(value) if value is not None else None)
        return super().form_valid(form)


class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """Places the order together with its place (city, region, phone) in one transaction.

    There is nothing to pay on the site: the customer pays the dealer who takes
    the order, so the payment step goes straight to the preview.
    """

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def place_order(self, *args, **kwargs):
        with transaction.atomic():
            order = super().place_order(*args, **kwargs)
            data = {key: self.checkout_session._get(NAMESPACE, key) for key in services.CHECKOUT_KEYS}
            services.order_place_record(order=order, data=data, fallback_city=getattr(self.request, "suz_city", None))
        return order

    def send_order_placed_email(self, order):
        # A guest who gave only a phone gets no email (Oscar would try the
        # account's address of a user that does not exist); the call confirms.
        if order.user_id is None and not order.guest_email:
            return
        super().send_order_placed_email(order)


