def attach_attribution(sender, order, **kwargs):
    """Oscar's ``order_placed``: the order gets the touches of the visitor whose request placed it (in the order's
    transaction); an order placed outside a storefront request is recorded as «unknown»."""
    from . import middleware, services

    request = middleware.current_request()
    services.attribution_attach(order=order, touches=middleware.touches(request))
    middleware.forget_queries(request)


def queue_add_to_cart(sender, product, request=None, **kwargs):
    """Oscar's ``basket_addition``: the ``add_to_cart`` event waits in the session for the next page (the
    addition is a POST that redirects). Only when a counter is set."""
    from django.conf import settings

    from suz_oscar.core.conf import suz_settings

    from . import ecommerce

    if request is None or not hasattr(request, "session") or not (
            suz_settings.SUZ_ANALYTICS_METRICA_COUNTER or getattr(settings, "OSCAR_GOOGLE_ANALYTICS_ID", None)):
        return
    quantity = request.POST.get("quantity", "1")
    quantity = int(quantity) if quantity.isascii() and quantity.isdigit() and 0 < int(quantity) < 10_000 else 1
    line = getattr(sender, "line", None)  # Oscar's add view keeps the line it added to
    price = line.unit_price_incl_tax if line is not None and line.unit_price_incl_tax is not None else 0
    ecommerce.queue(request.session, ecommerce.event("add_to_cart", [ecommerce.item(product, price, quantity)]))


def connect():
    from oscar.apps.basket.signals import basket_addition
    from oscar.apps.order.signals import order_placed

    order_placed.connect(attach_attribution, dispatch_uid="suz-analytics-attribution")
    basket_addition.connect(queue_add_to_cart, dispatch_uid="suz-analytics-add-to-cart")
