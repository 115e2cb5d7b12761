from django import template
from django.core.exceptions import ObjectDoesNotExist

from suz_oscar.offers import selectors

register = template.Library()


@register.inclusion_tag("suz/storefront/city_picker.html", takes_context=True)
def suz_city_picker(context):
    """The visitor's city and the form to change it (for the site header)."""
    request = context["request"]
    return {"request": request, "city": getattr(request, "suz_city", None), "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("suz/storefront/city_notice.html", takes_context=True)
def suz_city_notice(context):
    """Above every storefront page: a city without dealers says so, and what the visitor can still do."""
    from suz_oscar.core.conf import suz_settings

    request = context.get("request")
    strategy = getattr(request, "strategy", None)
    city = getattr(strategy, "city", None) if hasattr(strategy, "dealers") else None
    if city is None or strategy.dealers:
        return {}
    return {"city": city, "requests": bool(suz_settings.SUZ_MANUFACTURER_PARTNER_CODE)}


@register.inclusion_tag("suz/storefront/services.html", takes_context=True)
def suz_services(context):
    """Services offered in the visitor's city, with the best price and a button to add each."""
    request = context["request"]
    strategy = request.strategy
    if not hasattr(strategy, "offers"):
        return {"items": []}
    services = selectors.services_list()
    strategy.prefetch(services)
    items = [(service, strategy.best_offer(service)) for service in services]
    return {"items": [(s, o) for s, o in items if o is not None], "city": strategy.city,
            "csrf_token": context.get("csrf_token"), "request": request}


@register.inclusion_tag("suz/storefront/regional_offers.html", takes_context=True)
def suz_regional_offers(context, product):
    """Every offer of ``product`` (or of each of its variants) in the visitor's city."""
    from suz_oscar.core.conf import suz_settings

    request = context["request"]
    strategy = request.strategy
    if not hasattr(strategy, "offers"):  # another strategy is plugged in
        return {"rows": None}
    variants = list(product.get_public_children()) if product.is_parent else [product]
    strategy.prefetch(variants)
    rows = [(variant, strategy.offers(variant)) for variant in variants]
    selectors.attach_nearest_outlets([o for _, offers in rows for o in offers], strategy.city)
    nearest = None
    offered = any(offers for _, offers in rows)
    if not offered:
        nearest = selectors.nearest_offer_anywhere(variants[0], strategy.city) if variants else None
        if nearest is not None and (nearest.distance_km or 0) > suz_settings.SUZ_MAP_NEAR_KM:
            nearest = None  # a shop two thousand kilometres away is no place to buy
    return {
        "product": product,
        "rows": rows,
        "city": strategy.city,
        "nearest": nearest,
        "offered": offered,
        # A city without any dealer: the notice above the page already explains ordering by request.
        "no_dealers": not getattr(strategy, "dealers", True),
        "show_variant": product.is_parent,
        # Nobody in the city offers it (or some variant): the manufacturer takes the order as a request.
        "requests": any(hasattr(strategy, "request_offer") and strategy.request_offer(v) is not None
                        for v, offers in rows if not offers),
    }


@register.inclusion_tag("suz/storefront/price_note.html", takes_context=True)
def suz_price_note(context, product):
    """Under the product page's price: whose price it is, and why the customer pays it when another dealer of
    the city is cheaper; the manufacturer's request when nobody in the city offers it."""
    request = context["request"]
    strategy = request.strategy
    if not hasattr(strategy, "offers") or not getattr(strategy, "dealers", True):
        return {}  # a city without dealers: the notice above the page says what the customer can do, once
    city = strategy.city
    if product.is_parent:
        variants = list(product.get_public_children())
        strategy.prefetch(variants)
        offered = [strategy.best_offer(v) for v in variants]
        return {"family": True, "city": city, "offered": any(o is not None for o in offered),
                "requests": not any(offered) and any(strategy.request_offer(v) for v in variants)}
    offers = strategy.offers(product)
    if not offers:
        return {"city": city, "request": strategy.request_offer(product)}
    best = offers[0]
    cheaper = min((o for o in offers[1:] if o.price < best.price), key=lambda o: o.price, default=None)
    return {"city": city, "best": best, "cheaper": cheaper, "count": len(offers)}


@register.inclusion_tag("suz/storefront/payment_and_call.html", takes_context=True)
def suz_payment_and_call(context, order=None):
    """Nothing is paid on the site; who calls the customer, and when (checkout preview, confirmation)."""
    from suz_oscar.core.conf import suz_settings

    request = context["request"]
    place = getattr(order, "suz_place", None) if order is not None else None
    city = place.city if place is not None else getattr(request, "suz_city", None)
    minutes = _site_callback_minutes(context)
    return {"city": city.display_name if city else "",
            "callback_minutes": minutes if minutes is not None else suz_settings.SUZ_CALLBACK_MINUTES,
            "to_manufacturer": _to_manufacturer(order, request)}


def _to_manufacturer(order, request) -> bool:
    """Whether the order (or the basket at checkout) has a line nobody in its city sells: the manufacturer's staff
    find it a dealer first."""
    manufacturer = selectors.manufacturer_partner_id()
    if manufacturer is None:
        return False
    if order is not None:
        return any(line.partner_id == manufacturer for line in order.lines.all())
    basket = getattr(request, "basket", None)
    return basket is not None and any(line.stockrecord is not None and line.stockrecord.partner_id == manufacturer
                                      for line in basket.all_lines())


def _site_callback_minutes(context):
    """The promise editors set in Wagtail («Настройки магазина», ``suz_wagtail``), when the site has it.

    Read through Wagtail's ``settings`` context processor, by name: the storefront does not import the pages app.
    """
    proxy = context.get("settings")
    if proxy is None:
        return None
    try:
        return proxy["suz_wagtail"]["SuzShopSettings"].callback_minutes
    except (LookupError, AttributeError, TypeError, ObjectDoesNotExist):
        return None  # no Wagtail site for this request's host, or no such app: the setting's promise


@register.inclusion_tag("suz/storefront/order_status_card.html")
def suz_order_status(order):
    """The order's state as its customer understands it, and its dealer once one has taken it."""
    from suz_oscar.core.conf import suz_settings
    from suz_oscar.dispatch.selectors import customer_status, manager_first_name

    status, dealer = customer_status(order)
    return {"status": status, "dealer": dealer, "callback_minutes": suz_settings.SUZ_CALLBACK_MINUTES,
            "manager": manager_first_name(order, dealer)}


@register.simple_tag
def suz_order_status_url(order):
    """Where the customer follows ``order``: the account's page, or a guest's signed link."""
    from suz_oscar.checkout.links import order_status_path

    return order_status_path(order)


@register.filter
def suz_order_token(order):
    """The token of the customer's links to ``order`` (the order page's forms post to them)."""
    from suz_oscar.checkout.links import order_token

    return order_token(order)


@register.inclusion_tag("suz/storefront/order_actions.html", takes_context=True)
def suz_customer_actions(context, order):
    """What the customer may still do: cancel while nobody has processed the order, ask the holding dealer for
    a change (in words or another variant of a line) while it is open, and see a request waiting."""
    from oscar.core.loading import get_model

    from suz_oscar.dispatch import selectors
    from suz_oscar.dispatch.vocabulary import CHANGEABLE, CUSTOMER_CANCELLABLE

    dispatch = get_model("suz_dispatch", "Dispatch").objects.filter(order=order).first()
    ctx = {"order": order, "dispatch": dispatch, "csrf_token": context.get("csrf_token"),
           "hash": suz_order_token(order)}
    if dispatch is None:
        return ctx
    pending = selectors.pending_change(dispatch)
    may_change = dispatch.status in CHANGEABLE and dispatch.claimed_by_id is not None and pending is None
    variants = []
    if may_change:
        for line in order.lines.select_related("product"):
            options = selectors.change_variants(line)
            if options:
                variants.append((line, options))
    ctx.update({"may_cancel": dispatch.status in CUSTOMER_CANCELLABLE, "may_change": may_change,
                "pending": pending, "variants": variants})
    return ctx
