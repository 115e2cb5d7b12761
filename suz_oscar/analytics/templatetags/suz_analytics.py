"""``{% suz_ecommerce %}``: the page's e-commerce events and the Yandex Metrica counter, when a counter is set."""

from django import template
from django.conf import settings
from django.utils.html import json_script

from suz_oscar.analytics import ecommerce
from suz_oscar.core.conf import suz_settings

register = template.Library()


def _page_events(context, request):
    match = getattr(request, "resolver_match", None)
    name = f"{match.namespace}:{match.url_name}" if match else ""
    events = []
    if name == "catalogue:detail" and context.get("product") is not None:
        product = context["product"]
        info = request.strategy.fetch_for_product(product) if hasattr(request, "strategy") else None
        price = info.price.incl_tax if info is not None and info.price.exists else 0
        events.append(ecommerce.event("view_item", [ecommerce.item(product, price)]))
    elif name == "checkout:index" and getattr(request, "basket", None) is not None:
        lines = request.basket.all_lines()
        events.append(ecommerce.event("begin_checkout", [
            ecommerce.item(line.product, line.unit_price_incl_tax, line.quantity) for line in lines]))
    elif name == "checkout:thank-you" and context.get("order") is not None:
        purchase = ecommerce.purchase(request.session, context["order"])
        if purchase:
            events.append(purchase)
    return events


@register.inclusion_tag("suz/analytics/ecommerce.html", takes_context=True)
def suz_ecommerce(context):
    request = context.get("request")
    counter = suz_settings.SUZ_ANALYTICS_METRICA_COUNTER
    enabled = bool(counter or getattr(settings, "OSCAR_GOOGLE_ANALYTICS_ID", None))
    if request is None or not enabled or request.path.startswith(tuple(suz_settings.SUZ_ANALYTICS_SKIP_PATHS)):
        return {"enabled": False}
    events = []
    if hasattr(request, "session"):
        events = ecommerce.pop_pending(request.session) + _page_events(context, request)
    return {"enabled": True, "counter": counter if str(counter or "").isdigit() else None,
            "events": json_script(events, "suz-ecommerce") if events else ""}
