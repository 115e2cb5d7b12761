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


def refresh_facts_of_dispatch(sender, instance, created=False, **kwargs):
    """A dispatch change (its ``StatusChange``: claim, status, assignment, give-back…) or a message that may be
    the first contact: the order's facts follow in the same transaction."""
    from django.db.models import Model

    from .services import fact_refresh

    dispatch = getattr(instance, "dispatch", None)
    if isinstance(dispatch, Model):
        fact_refresh(order_ids=[dispatch.order_id])


def refresh_facts_of_order(sender, instance, created=False, **kwargs):
    """The order's place (region, city), written after the order in its transaction."""
    from .services import fact_refresh

    fact_refresh(order_ids=[instance.order_id])


def connect():
    from django.apps import apps
    from django.db.models.signals import post_save
    from oscar.apps.basket.signals import basket_addition
    from oscar.apps.order.signals import order_placed
    from oscar.core.loading import get_model

    from .contact import CONTACT_MODELS

    # Saves that change an order's facts beside dispatch's: the first contact's sources and the amount earned.
    fact_models = {**CONTACT_MODELS, "suz_feedback.Earned": "suz_oscar.feedback"}

    order_placed.connect(attach_attribution, dispatch_uid="suz-analytics-attribution")
    basket_addition.connect(queue_add_to_cart, dispatch_uid="suz-analytics-add-to-cart")
    post_save.connect(refresh_facts_of_dispatch, sender=get_model("suz_dispatch", "StatusChange"),
                      dispatch_uid="suz-analytics-facts-dispatch")
    post_save.connect(refresh_facts_of_order, sender=get_model("suz_checkout", "OrderPlace"),
                      dispatch_uid="suz-analytics-facts-place")
    for label, module in fact_models.items():
        if apps.is_installed(module):
            post_save.connect(refresh_facts_of_dispatch, sender=apps.get_model(label),
                              dispatch_uid=f"suz-analytics-facts-{label}")
