"""E-commerce events for the storefront's ``dataLayer``, in the GA4 format that Google Analytics 4 and Yandex
Metrica (``ecommerce: "dataLayer"``) both read: ``view_item``, ``add_to_cart``, ``begin_checkout``, ``purchase``.

Plain functions building dicts; the template tag ``suz_ecommerce`` renders them (as JSON, never as markup)
when a counter id is set. An addition to the basket happens on a POST that redirects: it waits in the session
for the next page.
"""

from decimal import Decimal

SESSION_KEY = "suz_ecommerce_events"
SENT_ORDERS_KEY = "suz_ecommerce_purchases"
MAX_PENDING = 20
CURRENCY = "RUB"


def item(product, price, quantity=1):
    return {"item_id": product.upc or str(product.pk), "item_name": product.get_title()[:100],
            "price": float(price or 0), "quantity": int(quantity)}


def event(name, items, **extra):
    value = sum(Decimal(str(i["price"])) * i["quantity"] for i in items)
    return {"event": name, "ecommerce": {"currency": CURRENCY, "value": float(value), "items": items, **extra}}


def queue(session, data):
    """Keep an event for the next page the visitor sees (at most ``MAX_PENDING``)."""
    pending = list(session.get(SESSION_KEY, []))[-(MAX_PENDING - 1):]
    session[SESSION_KEY] = pending + [data]


def pop_pending(session):
    return session.pop(SESSION_KEY, []) if SESSION_KEY in session else []


def purchase(session, order):
    """The ``purchase`` event of ``order``, once per visitor (a reloaded thank-you page sends nothing)."""
    sent = list(session.get(SENT_ORDERS_KEY, []))
    if order.number in sent:
        return None
    session[SENT_ORDERS_KEY] = (sent + [order.number])[-MAX_PENDING:]
    items = [item(line.product, line.unit_price_incl_tax, line.quantity) for line in order.lines.all()
             if line.product is not None]
    return event("purchase", items, transaction_id=order.number)
