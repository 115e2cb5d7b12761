from django import template

from suz_oscar.offers import selectors

register = template.Library()


@register.inclusion_tag("suz/storefront/city_picker.html", takes_context=True)
def suz_city_picker(context):
    """The visitor's city and the form to change it (for the site header)."""
    request = context["request"]
    return {"request": request, "city": getattr(request, "suz_city", None), "csrf_token": context.get("csrf_token")}


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
    request = context["request"]
    strategy = request.strategy
    if not hasattr(strategy, "offers"):  # another strategy is plugged in
        return {"rows": None}
    variants = list(product.get_public_children()) if product.is_parent else [product]
    strategy.prefetch(variants)
    rows = [(variant, strategy.offers(variant)) for variant in variants]
    selectors.attach_nearest_outlets([o for _, offers in rows for o in offers], strategy.city)
    nearest = None
    if not any(offers for _, offers in rows):
        nearest = selectors.nearest_offer_anywhere(variants[0], strategy.city) if variants else None
    return {
        "product": product,
        "rows": rows,
        "city": strategy.city,
        "nearest": nearest,
        "show_variant": product.is_parent,
    }
