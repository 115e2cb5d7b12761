
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.core.outbox import announce
from suz_oscar.core.tokens import new_nonce

from .links import order_status_path

if TYPE_CHECKING:  # names of the type hints only
    from oscar.apps.order.models import Order

City = get_model("suz_dealers", "City")
OrderPlace = get_model("suz_checkout", "OrderPlace")


# What the checkout keeps in its session for the order's place.
CHECKOUT_KEYS = ("city_id", "latitude", "longitude", "phone", "notify_sms", "notify_email")


def _decimal(value):
    try:
        return Decimal(value) if value not in (None, "") else None
    except (InvalidOperation, TypeError):
        return None


def order_place_record(*, order: Order, data: dict, fallback_city: City | None = None) -> OrderPlace | None:
    """Record where ``order`` goes, from the checkout's data (coordinates only when known)."""
    city = City.objects.select_related("region").filter(pk=data.get("city_id")).first() or fallback_city
    if city is None:
        return None
    latitude, longitude = _decimal(data.get("latitude")), _decimal(data.get("longitude"))
    if latitude is None or longitude is None:
        latitude = longitude = None
    address = order.shipping_address
    phone = data.get("phone") or (address.phone_number if address is not None else "") or ""
    return OrderPlace.objects.create(
        order=order, city=city, region=city.region, latitude=latitude, longitude=longitude, phone=phone,
        notify_sms=data.get("notify_sms") is not False, notify_email=data.get("notify_email") is not False,
        link_sent_at=timezone.now(),
    )


def _absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def order_placed_announce(*, order: Order, base_url: str) -> None:
    """Tell the customer the order is received, with the link to its page (a guest's signed link), by the
    channels chosen at checkout — in the placement's transaction."""
    announce("order_placed", key=f"order-placed:{order.pk}", customers=[order],
             context={"order": order, "lines": order.lines.all(),
                      "status_url": _absolute(base_url, order_status_path(order))})


def _send_link(order, place, base_url, now):
    addresses = [("email", order.guest_email)] if order.guest_email else []
    addresses.append(("sms", place.phone.as_e164))
    announce("order_link", key=f"order-link:{order.pk}:{int(now.timestamp())}", addresses=addresses,
             context={"order": order, "status_url": _absolute(base_url, order_status_path(order))})
    OrderPlace.objects.filter(pk=place.pk).update(link_sent_at=now)


@transaction.atomic
def order_link_resend(*, number: str, phone: str, base_url: str, now=None) -> bool:
    """A guest whose link no longer works asks for a new one: when ``phone`` is the order's, a fresh link goes
    to the order's phone and email (never shown on the page), at most once per
    ``SUZ_ORDER_LINK_RESEND_MINUTES``. Returns whether one was sent; the caller answers the same either way."""
    now = now or timezone.now()
    place = (OrderPlace.objects.select_for_update().select_related("order")
             .filter(order__number=number, order__user__isnull=True).first())
    if place is None or place.phone.as_e164 != phone:
        return False
    pause = timedelta(minutes=suz_settings.SUZ_ORDER_LINK_RESEND_MINUTES)
    if place.link_sent_at is not None and now - place.link_sent_at < pause:
        return False
    _send_link(place.order, place, base_url, now)
    return True


@transaction.atomic
def order_links_revoke(*, order: Order, base_url: str, now=None) -> None:
    """Every link of ``order`` sent so far stops working (a new nonce) and a fresh one goes to the customer's
    phone and email: for a link forwarded to the wrong person."""
    now = now or timezone.now()
    place = OrderPlace.objects.select_for_update().filter(order=order).first()
    if place is None:
        return
    place.link_nonce = new_nonce()
    place.save(update_fields=["link_nonce"])
    order._suz_link_token = None
    if order.user_id is None:
        _send_link(order, place, base_url, now)
