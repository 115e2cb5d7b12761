from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from oscar.apps.checkout import views as oscar_views

from suz_oscar.storefront.city import change_city

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

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.request.user.is_authenticated or not self.checkout_session.get_guest_email():
            # A registered customer's emails follow the account's settings; a guest without email has none.
            form.fields.pop("notify_email", None)
        return form

    def form_valid(self, form):
        city = form.cleaned_data["city"]
        self.checkout_session._set(NAMESPACE, "city_id", city.pk)
        for name in ("notify_sms", "notify_email"):
            if name in form.fields:
                self.checkout_session._set(NAMESPACE, name, bool(form.cleaned_data.get(name)))
        for name in ("latitude", "longitude"):
            value = form.cleaned_data.get(name)
            self.checkout_session._set(NAMESPACE, name, str(value) if value is not None else None)
        response = super().form_valid(form)
        return self.follow_delivery_city(city) or response

    def follow_delivery_city(self, city):
        """The basket was priced for the city in the header; the order goes to the delivery city's dealers.

        When they differ, the basket is re-priced for the delivery city (the visitor's city changes with it)
        and the customer is told; a line nobody offers there sends the customer back to the basket.
        """
        visitor_city = getattr(self.request, "suz_city", None)
        if visitor_city is not None and visitor_city.pk == city.pk:
            return None
        change_city(self.request, city)
        basket = self.request.basket
        unavailable = [line for line in basket.all_lines()
                       if not self.request.strategy.fetch_for_line(line).availability.is_available_to_buy]
        if unavailable:
            messages.error(self.request, _("Not everything in your basket can be delivered to %(city)s: remove what "
                                           "is not offered there, or choose another city.")
                           % {"city": city.display_name})
            return redirect("basket:summary")
        messages.info(self.request, _("The order goes to %(city)s: check the prices, they are those of its "
                                      "dealers.") % {"city": city.display_name})
        return None


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
            services.order_placed_announce(order=order, base_url=self.request.build_absolute_uri("/"))
        return order

    def send_order_placed_email(self, order):
        """The confirmation goes through the outbox (``services.order_placed_announce``): by email and SMS as the
        customer chose, with the link to the order's page, after the commit and with retries — not here."""


