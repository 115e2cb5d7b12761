"""«Где купить»: the dealers and outlets the map and its list show (reads only).

One dictionary per (city, product) — the JSON of ``DealerMapView`` — built in a fixed number of queries
whatever the number of dealers and outlets, and cached under the storefront's version (any change to
dealers, outlets, cities or offers bumps it). Dealers come in the order of the storefront: rating, then
the manufacturer's priority, then the nearest outlet to the city's centre, then name.

Only what a visitor may see goes out: dealers taking site orders (active, not taken out by scoring),
their active outlets, and their public profile (no legal name, email, managers or internal fields).
The text is the dealer's own: the page puts it on screen as text, never as HTML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from oscar.core.loading import get_model

from suz_oscar.core.cache import cached
from suz_oscar.dealers.cities import city_by_slug
from suz_oscar.dealers.selectors import taking_orders
from suz_oscar.offers.selectors import dealers_serving, distance_km, offers_for_products
from suz_oscar.offers.vocabulary import Availability

if TYPE_CHECKING:  # names of the type hints only
    from suz_oscar.dealers.models import City, Dealer

Product = get_model("catalogue", "Product")
Outlet = get_model("suz_dealers", "Outlet")
City = get_model("suz_dealers", "City")

# Ids from a query string beyond this are no product (and never reach the database or a cache key).
MAX_ID = 2**63 - 1
# How many products the page's filter lists (the most a select stays usable with).
FILTER_PRODUCTS = 1000


def parse_id(value) -> int | None:
    """A positive database id from a query string, or ``None`` for anything else."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def empty_map(city: City | None = None) -> dict:
    return {"city": _city_json(city), "product": None, "dealers": []}


def dealer_map(*, city_slug: str | None = None, product_id: str | None = None) -> dict:
    """The map's data for a city (``None``: the whole country) and optionally one product in stock.

    A city or product that does not exist gives an empty map, never an error. ``city_slug`` and
    ``product_id`` are what the visitor typed: they are checked here.
    """
    city = None
    if city_slug:
        city = city_by_slug(city_slug)
        if city is None:
            return empty_map()
    product_pk = None
    if product_id:
        product_pk = parse_id(product_id)
        if product_pk is None or not _product_exists(product_pk):
            return empty_map(city)
    key = f"dealer-map:{city.pk if city else '-'}:{product_pk or '-'}"
    return cached(key, lambda: _build(city, product_pk))


def _product_exists(pk: int) -> bool:
    return cached(f"map-product:{pk}", lambda: Product.objects.filter(
        pk=pk, is_public=True).exclude(structure=Product.PARENT).exists())


def _build(city: City | None, product_pk: int | None) -> dict:
    if city is not None:
        dealers = dealers_serving(city)
    else:
        dealers = list(taking_orders().select_related("partner"))
    product = None
    prices = {}
    if product_pk is not None:
        product = Product.objects.filter(pk=product_pk).values("pk", "title").first()
        offers = offers_for_products([product_pk], dealers)[product_pk]
        for offer in offers:
            if offer.kind == Availability.IN_STOCK:
                prices.setdefault(offer.dealer.pk, (offer.price, offer.currency))
        dealers = [d for d in dealers if d.pk in prices]
    outlets = {}
    for outlet in (Outlet.objects.filter(dealer__in=[d.pk for d in dealers], is_active=True)
                   .select_related("city").order_by("pk")):
        outlets.setdefault(outlet.dealer_id, []).append(outlet)
    rows = []
    for dealer in dealers:
        own = outlets.get(dealer.pk, [])
        nearest = _nearest_km(own, city)
        rows.append((dealer, own, nearest))
    rows.sort(key=lambda row: (-row[0].rating, -row[0].priority,
                               row[2] if row[2] is not None else float("inf"), row[0].name.casefold(), row[0].pk))
    return {
        "city": _city_json(city),
        "product": {"id": product["pk"], "title": product["title"]} if product else None,
        "dealers": [_dealer_json(dealer, own, km, prices.get(dealer.pk)) for dealer, own, km in rows],
    }


def _nearest_km(outlets, city) -> float | None:
    if city is None or city.latitude is None:
        return None
    distances = [distance_km(city.latitude, city.longitude, o.latitude, o.longitude)
                 for o in outlets if o.latitude is not None]
    return min(distances) if distances else None


def _city_json(city: City | None) -> dict | None:
    if city is None:
        return None
    located = city.latitude is not None
    return {"slug": city.slug, "name": city.display_name,
            "lat": float(city.latitude) if located else None, "lon": float(city.longitude) if located else None}


def _dealer_json(dealer: Dealer, outlets: list, km: float | None, price) -> dict:
    return {
        "id": dealer.pk,
        "slug": dealer.partner.code,
        "name": dealer.name,
        "rating": float(dealer.rating),
        "description": dealer.description,
        "logo": dealer.logo.url if dealer.logo else "",
        "website": dealer.website,
        "phone": str(dealer.phone) if dealer.phone else "",
        "km": round(km, 1) if km is not None else None,
        "price": str(price[0]) if price else None,
        "currency": price[1] if price else None,
        "outlets": [
            {
                "lat": float(o.latitude) if o.latitude is not None else None,
                "lon": float(o.longitude) if o.longitude is not None else None,
                "name": o.name,
                "city": o.city.display_name,
                "address": o.address,
                "hours": o.opening_hours,
                "phone": str(o.phone) if o.phone else "",
            }
            for o in outlets
        ],
    }


def map_cities() -> list[City]:
    """The cities with an active outlet of a dealer taking orders, for the page's city filter (cached)."""
    return cached("dealer-map:cities", lambda: list(
        City.objects.filter(is_active=True, outlets__is_active=True,
                            outlets__dealer__in=taking_orders().values("pk"))
        .distinct().order_by("name")
    ))


def map_products() -> list[dict]:
    """``[{"id", "title"}]`` of the products the page's filter offers (public, not parents; cached)."""
    return cached("dealer-map:products", lambda: list(
        Product.objects.filter(is_public=True).exclude(structure=Product.PARENT)
        .filter(Q(recommended_price__isnull=False) | Q(stockrecords__isnull=False))
        .distinct().order_by("title").values("id", "title")[:FILTER_PRODUCTS]
    ))


def dealer_by_slug(slug: str | None) -> Dealer | None:
    """A dealer taking orders by its slug (the code of its Oscar partner), with its outlets; else ``None``."""
    if not isinstance(slug, str) or not slug or len(slug) > 128:
        return None
    return taking_orders().select_related("partner").filter(partner__code=slug).first()


def dealer_outlets(dealer: Dealer) -> list:
    return list(dealer.outlets.filter(is_active=True).select_related("city").order_by("city__name", "address"))


def dealer_offers(dealer: Dealer, limit: int = 60) -> tuple[list, list]:
    """``(products, services)`` the dealer offers, with its prices: ``[(product, price, currency, kind)]``.

    Three queries: the products (the first ``limit`` by title, services apart), then their offers.
    """
    from suz_oscar.offers.selectors import offered_by, services_list

    services = [p for p in services_list()]
    service_ids = [p.pk for p in services]
    products = list(Product.objects.filter(is_public=True).exclude(structure=Product.PARENT)
                    .exclude(pk__in=service_ids).filter(offered_by(dealer)).order_by("title")[:limit])
    offers = offers_for_products([p.pk for p in products] + service_ids, [dealer])

    def priced(items):
        return [(p, offers[p.pk][0].price, offers[p.pk][0].currency, offers[p.pk][0].kind)
                for p in items if offers.get(p.pk)]

    return priced(products), priced(services)


def carousel_products(*, category_id: str | None = None, count: int = 8) -> list:
    """Public products (families and single products, not services) of a category and its subcategories, newest
    first, ready for Oscar's product tile. An unknown category gives none."""
    from suz_oscar.offers.selectors import services_list

    Category = get_model("catalogue", "Category")
    products = Product.objects.browsable().filter(is_public=True).exclude(
        pk__in=[p.pk for p in services_list()])
    if category_id:
        pk = parse_id(str(category_id))
        category = Category.objects.filter(pk=pk).first() if pk else None
        if category is None:
            return []
        products = products.filter(categories__in=category.get_descendants_and_self()).distinct()
    return list(products.select_related("product_class").prefetch_related("images", "children")
                .order_by("-date_created", "-pk")[:count])
