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

import json
from typing import TYPE_CHECKING

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils.translation import get_language
from oscar.core.loading import get_model

from suz_oscar.core.cache import cached
from suz_oscar.core.conf import suz_settings
from suz_oscar.dealers.cities import city_by_slug
from suz_oscar.dealers.selectors import taking_orders
from suz_oscar.feedback.selectors import published_reviews
from suz_oscar.offers.selectors import dealers_serving, distance_km, offers_for_products
from suz_oscar.offers.vocabulary import Availability
from suz_oscar.promotions import selectors as promotion_selectors

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


def _normalise(city_slug, product_id, promotion_id):
    """``(valid, city, product_pk, promotion_pk)`` from what the visitor typed; nothing unknown passes."""
    city = product_pk = promotion_pk = None
    if city_slug:
        city = city_by_slug(city_slug)
        if city is None:
            return False, None, None, None
    if product_id:
        product_pk = parse_id(product_id)
        if product_pk is None or not _product_exists(product_pk):
            return False, city, None, None
    if promotion_id:
        promotion_pk = parse_id(promotion_id)
        if promotion_pk not in {r.pk for r in promotion_selectors.running()}:
            return False, city, None, None
    return True, city, product_pk, promotion_pk


def dealer_map(*, city_slug: str | None = None, product_id: str | None = None,
               promotion_id: str | None = None) -> dict:
    """The map's data for a city (``None``: the whole country), optionally only the dealers with one product in
    stock, or only those taking part in one running promotion.

    A city, product or promotion that does not exist gives an empty map, never an error. ``city_slug``,
    ``product_id`` and ``promotion_id`` are what the visitor typed: they are checked here.
    """
    valid, city, product_pk, promotion_pk = _normalise(city_slug, product_id, promotion_id)
    if not valid:
        return empty_map(city)
    data = cached(f"dealer-map:{get_language()}:{city.pk if city else '-'}:{product_pk or '-'}",
                  lambda: _build(city, product_pk))
    if promotion_pk is not None:
        dealers = next(r.dealers for r in promotion_selectors.running() if r.pk == promotion_pk)
        data = {**data, "dealers": [d for d in data["dealers"] if d["id"] in dealers]}
    return data


def dealer_map_json(*, city_slug: str | None = None, product_id: str | None = None,
                    promotion_id: str | None = None) -> str:
    """:func:`dealer_map` as the JSON text the endpoint sends, cached as text: a cached answer costs no work
    but reading it (the whole country is about 1 MB at 1,000 dealers × 5 outlets)."""
    valid, city, product_pk, promotion_pk = _normalise(city_slug, product_id, promotion_id)
    if not valid:
        return json.dumps(compact(empty_map(city)), ensure_ascii=False, separators=(",", ":"))
    key = (f"dealer-map-json:{get_language()}:{city.pk if city else '-'}:{product_pk or '-'}:"
           f"{promotion_pk or '-'}")
    return cached(key, lambda: json.dumps(
        compact(dealer_map(city_slug=city_slug, product_id=product_id, promotion_id=promotion_id)),
        ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder))


# The list beside the map shows this much of a dealer's description (the dealer's page shows all of it).
DESCRIPTION_CHARS = 240


def compact(data: dict) -> dict:
    """The map's JSON as the page reads it: what its first paint needs, in short keys, repeated texts once.

    ``{"city", "product", "places": [city names], "hours": [opening hours], "dealers": [{"i": id, "s": slug,
    "n": name, "r": rating, "d": description (the first 240 characters), "l": logo, "w": website, "p": phone,
    "k": km, "$": price, "o": [[lat, lon, place index, address, hours index, phone, outlet name]]}]}``; empty
    fields and trailing empty outlet fields are left out. At 1,000 dealers × 5 outlets it is a third of the
    readable form, and compresses well (the same keys and texts repeat).
    """
    places, hours = {}, {}

    def index(table, value):
        return table.setdefault(value, len(table)) if value else -1

    dealers = []
    for dealer in data["dealers"]:
        row = {"i": dealer["id"], "s": dealer["slug"], "n": dealer["name"], "r": dealer["rating"]}
        description = dealer["description"] or ""
        if len(description) > DESCRIPTION_CHARS:
            description = description[:DESCRIPTION_CHARS].rstrip() + "…"
        for key, value in (("d", description), ("l", dealer["logo"]), ("w", dealer["website"]),
                           ("p", dealer["phone"]), ("k", dealer["km"]), ("$", dealer["price"])):
            if value not in (None, ""):
                row[key] = value
        outlets = []
        for outlet in dealer["outlets"]:
            item = [None if outlet["lat"] is None else round(outlet["lat"], 5),
                    None if outlet["lon"] is None else round(outlet["lon"], 5),
                    index(places, outlet["city"]), outlet["address"], index(hours, outlet["hours"]),
                    outlet["phone"], outlet["name"]]
            while item and item[-1] in ("", None):
                item.pop()
            outlets.append(item)
        row["o"] = outlets
        dealers.append(row)
    return {"city": data["city"], "product": data["product"], "places": list(places), "hours": list(hours),
            "dealers": dealers}


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
        offers = offers_for_products([product_pk], dealers, city=city)[product_pk]
        for offer in offers:
            if offer.kind == Availability.IN_STOCK:
                prices.setdefault(offer.dealer.pk, (offer.price, offer.currency))
        dealers = [d for d in dealers if d.pk in prices]
    outlets = {}
    english = (get_language() or "").startswith("en")
    for row in (Outlet.objects.filter(dealer__in=[d.pk for d in dealers], is_active=True).order_by("pk")
                .values_list("dealer_id", "latitude", "longitude", "name", "address", "opening_hours", "phone",
                             "city__name", "city__name_en")):
        outlets.setdefault(row[0], []).append(row)
    rows = []
    near_km = suz_settings.SUZ_MAP_NEAR_KM
    for dealer in dealers:
        own = outlets.get(dealer.pk, [])
        if city is not None and city.latitude is not None and near_km:
            # Where to buy in a city: the dealer's shops near it. A dealer of a vast region whose shops are all
            # far away is not listed (its outlets elsewhere are not on this city's map).
            located = [(o, distance_km(city.latitude, city.longitude, o[1], o[2])) for o in own if o[1] is not None]
            near = [o for o, km in located if km <= near_km]
            if located and not near:
                continue
            own = near + [o for o in own if o[1] is None]
        rows.append((dealer, own, _nearest_km(own, city)))
    # The best rated first (as shown: one decimal); among equals the manufacturer's priority, then the nearest.
    rows.sort(key=lambda row: (-round(float(row[0].rating), 1), -row[0].priority,
                               row[2] if row[2] is not None else float("inf"), row[0].name.casefold(), row[0].pk))
    reviews = published_reviews([d.pk for d in dealers])  # staff-moderated customer reviews: count, average
    return {
        "city": _city_json(city),
        "product": {"id": product["pk"], "title": product["title"]} if product else None,
        "dealers": [{**_dealer_json(dealer, own, km, prices.get(dealer.pk), english),
                     "reviews": reviews.get(dealer.pk)} for dealer, own, km in rows],
    }


def _nearest_km(outlets, city) -> float | None:
    if city is None or city.latitude is None:
        return None
    distances = [distance_km(city.latitude, city.longitude, o[1], o[2]) for o in outlets if o[1] is not None]
    return min(distances) if distances else None


def _city_json(city: City | None) -> dict | None:
    if city is None:
        return None
    located = city.latitude is not None
    return {"slug": city.slug, "name": city.display_name,
            "lat": float(city.latitude) if located else None, "lon": float(city.longitude) if located else None}


def _dealer_json(dealer: Dealer, outlets: list, km: float | None, price, english: bool = False) -> dict:
    """A dealer as the page shows it. Phones go out as stored (E.164); the page formats them."""
    return {
        "id": dealer.pk,
        "slug": dealer.partner.code,
        "name": dealer.name,
        "rating": float(dealer.rating),
        "description": dealer.description,
        "logo": dealer.logo.url if dealer.logo else "",
        "website": dealer.website,
        "phone": str(dealer.phone or ""),
        "km": round(km, 1) if km is not None else None,
        "price": str(price[0]) if price else None,
        "currency": price[1] if price else None,
        "outlets": [
            {
                "lat": float(lat) if lat is not None else None,
                "lon": float(lon) if lon is not None else None,
                "name": name,
                "city": (city_en if english and city_en else city_name),
                "address": address,
                "hours": hours,
                "phone": str(phone) if phone else "",
            }
            for _dealer, lat, lon, name, address, hours, phone, city_name, city_en in outlets
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


def running_promotion(pk) -> object | None:
    """A running promotion (``promotions.selectors.Running``) by id, or ``None``."""
    return next((r for r in promotion_selectors.running() if r.pk == pk), None)


def promotion_products(promotion, limit: int = 24) -> list:
    """The public products a running promotion covers (families, not their variants), for its page."""
    if promotion is None:
        return []
    return list(Product.objects.browsable().filter(pk__in=promotion.products, is_public=True)
                .select_related("product_class").prefetch_related("images", "children")
                .order_by("title")[:limit])
