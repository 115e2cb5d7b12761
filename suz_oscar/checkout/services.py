
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from oscar.core.loading import get_model

if TYPE_CHECKING:  # names of the type hints only
    from oscar.apps.order.models import Order

City = get_model("suz_dealers", "City")
OrderPlace = get_model("suz_checkout", "OrderPlace")


# What the checkout keeps in its session for the order's place.
CHECKOUT_KEYS = ("city_id", "latitude", "longitude", "phone")


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
    )
