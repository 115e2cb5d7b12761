def attach_attribution(sender, order, **kwargs):
    """Oscar's ``order_placed``: the order gets the touches of the visitor whose request placed it (in the order's
    transaction); an order placed outside a storefront request is recorded as «unknown»."""
    from . import middleware, services

    request = middleware.current_request()
    services.attribution_attach(order=order, touches=middleware.touches(request))
    middleware.forget_queries(request)


def connect():
    from oscar.apps.order.signals import order_placed

    order_placed.connect(attach_attribution, dispatch_uid="suz-analytics-attribution")
