"""Regional offers: which dealer offers what, at which price, in the visitor's city.

Every function here costs a fixed number of queries, whatever the number of
dealers or products asked about.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import ExpressionWrapper, F, FloatField, Q, Value
from oscar.core.loading import get_model

from suz_oscar.core.cache import cached
from suz_oscar.dealers.selectors import taking_orders
from suz_oscar.promotions import selectors as promotion_selectors

from .vocabulary import Availability

if TYPE_CHECKING:  # names of the type hints only
    from collections.abc import Iterable

    from django.db.models import QuerySet
    from oscar.apps.catalogue.models import Product

    from suz_oscar.dealers.models import City

Dealer = get_model("suz_dealers", "Dealer")
Outlet = get_model("suz_dealers", "Outlet")
StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")



@dataclass
class Offer:
    """One dealer's offer of one product, real (a stock record) or implied by the whole line."""

    dealer: Dealer
    product_id: int
    price: Decimal
    currency: str
    kind: Availability  # in stock or on order
    quantity: int | None = None
    stockrecord: StockRecord | None = None
    nearest_outlet: Outlet | None = field(default=None, compare=False)
    distance_km: float | None = field(default=None, compare=False)
    old_price: Decimal | None = field(default=None, compare=False)  # the price before a promotion
    promotion: object = field(default=None, compare=False)  # promotions.selectors.Running, when one prices it

    @property
    def on_order(self):
        return self.kind == Availability.ON_ORDER

    @property
    def is_implied(self):
        return self.stockrecord is None

    def sort_key(self):
        """Rating first, then the manufacturer's priority, then the lower price."""
        return (-self.dealer.rating, -self.dealer.priority, self.price, self.dealer.pk)


@dataclass
class RequestOffer:
    """A product nobody in the city offers, ordered from the manufacturer at its recommended price: the order
    waits for staff (dispatch's manual queue), who find it a dealer."""

    product_id: int
    price: Decimal
    currency: str
    stockrecord: StockRecord | None = None

    dealer = None
    promotion = None
    on_order = True


def manufacturer_partner_id() -> int | None:
    """The id of the Oscar partner standing for the manufacturer (``SUZ_MANUFACTURER_PARTNER_CODE``), ``None``
    before its first request or when requests are off (cached)."""
    from suz_oscar.core.conf import suz_settings

    code = suz_settings.SUZ_MANUFACTURER_PARTNER_CODE
    if not code:
        return None
    Partner = get_model("partner", "Partner")
    return cached(f"manufacturer-partner:{code}",
                  lambda: Partner.objects.filter(code=code).values_list("pk", flat=True).first() or 0) or None


def request_prices(product_ids: Iterable[int]) -> dict[int, RequestOffer | None]:
    """``{product_id: RequestOffer or None}``: the manufacturer's products (not dealers' own, not families) at
    their recommended price, when the manufacturer takes requests. One query (none when requests are off)."""
    from suz_oscar.core.conf import suz_settings

    product_ids = list(product_ids)
    result = dict.fromkeys(product_ids)
    if not product_ids or not suz_settings.SUZ_MANUFACTURER_PARTNER_CODE:
        return result
    for rrp in RecommendedPrice.objects.filter(product_id__in=product_ids, product__suz_owner__isnull=True):
        result[rrp.product_id] = RequestOffer(rrp.product_id, rrp.price, rrp.currency)
    return result


def dealers_serving(city: City | None) -> list[Dealer]:
    """Active dealers taking site orders that serve ``city`` or its whole region (cached; else one query)."""
    if city is None:
        return []
    return cached(f"dealers:{city.pk}", lambda: list(
        taking_orders()
        .filter(Q(cities=city) | Q(regions=city.region_id))
        .select_related("partner")
        .distinct()
    ))


def visible_products(queryset: QuerySet, dealers: Iterable[Dealer]) -> QuerySet:
    """Manufacturer products, and dealers' own products only where their dealer serves."""
    return queryset.filter(Q(suz_owner__isnull=True) | Q(suz_owner__dealer__in=[d.pk for d in dealers]))


def catalogue_for_dealer(queryset: QuerySet, dealer: Dealer) -> QuerySet:
    """What a dealer can offer: manufacturer products and its own, not other dealers' own products."""
    return queryset.filter(Q(suz_owner__isnull=True) | Q(suz_owner__dealer=dealer))


def dealer_catalogue(dealer: Dealer) -> QuerySet:
    """The products a dealer prices: the offers tab, its price-file export and import, ``offers_apply``.

    Every product that can carry an offer (not parents of variants): the manufacturer's,
    services included, and the dealer's own — never another dealer's own products.
    """
    Product = get_model("catalogue", "Product")
    return catalogue_for_dealer(Product.objects.exclude(structure=Product.PARENT), dealer)


def recommended_price_catalogue() -> QuerySet:
    """The products that may carry a recommended price: the manufacturer's, not parents of variants (their
    variants are priced) and not dealers' own products (no other dealer offers them)."""
    Product = get_model("catalogue", "Product")
    return Product.objects.exclude(structure=Product.PARENT).filter(suz_owner__isnull=True)


def offered_by(dealer: Dealer) -> Q:
    """A condition on products: those ``dealer`` offers (a stock record, or the whole line at the recommended
    price)."""
    offered = Q(pk__in=StockRecord.objects.filter(partner=dealer.partner).values("product_id"))
    if dealer.offers_whole_line:
        offered |= Q(recommended_price__isnull=False)
    return offered


def services_list() -> list[Product]:
    """The services as a list, cached (the list changes when the manufacturer edits it)."""
    return cached("services", lambda: list(services()))


def services() -> QuerySet:
    """The manufacturer's list of services (products of ``SUZ_SERVICE_PRODUCT_CLASS``)."""
    from oscar.core.loading import get_model as _get_model

    from suz_oscar.core.conf import suz_settings

    Product = _get_model("catalogue", "Product")
    return Product.objects.filter(
        product_class__slug=suz_settings.SUZ_SERVICE_PRODUCT_CLASS, is_public=True, parent=None
    ).order_by("title")


def stock_kind(stockrecord: StockRecord) -> tuple[Availability, int | None]:
    """``(Availability, free quantity or None)`` of a stock record as customers see it: what is allocated to
    orders is not in stock any more (``services.availability_of`` reads it as the dealer set it)."""
    if stockrecord.num_in_stock is None:
        return Availability.IN_STOCK, None
    available = stockrecord.num_in_stock - (stockrecord.num_allocated or 0)
    if available > 0:
        return Availability.IN_STOCK, available
    return Availability.ON_ORDER, None


def offers_for_products(product_ids: Iterable[int], dealers: list[Dealer],
                        recommended: dict | None = None, city: City | None = None) -> dict[int, list[Offer]]:
    """All offers of ``dealers`` for ``product_ids`` in ``city``: ``{product_id: [Offer, …]}`` ranked.

    The city decides which promotions price them (a promotion runs in its regions only; without a city only
    the promotions of every region do).

    Two queries: the dealers' stock records for these products, and the
    recommended prices (used by whole-line dealers and records without a price),
    unless the caller read them already: ``recommended`` is ``{product_id: RecommendedPrice}``.
    """
    product_ids = list(product_ids)
    result = {pk: [] for pk in product_ids}
    if not product_ids or not dealers:
        return result
    by_partner = {d.partner_id: d for d in dealers}
    records = StockRecord.objects.filter(product_id__in=product_ids, partner_id__in=by_partner)
    rrp = recommended if recommended is not None else {
        r.product_id: r
        for r in RecommendedPrice.objects.filter(product_id__in=product_ids)
    }
    offered = set()
    for sr in records:
        price, currency = sr.price, sr.price_currency
        if price is None:
            recommended = rrp.get(sr.product_id)
            if recommended is None:
                continue
            price, currency = recommended.price, recommended.currency
        kind, quantity = stock_kind(sr)
        result[sr.product_id].append(
            Offer(by_partner[sr.partner_id], sr.product_id, price, currency, kind, quantity, sr)
        )
        offered.add((sr.partner_id, sr.product_id))
    whole_line = [d for d in dealers if d.offers_whole_line]
    for product_id, recommended in rrp.items():
        for dealer in whole_line:
            if (dealer.partner_id, product_id) not in offered:
                result[product_id].append(
                    Offer(dealer, product_id, recommended.price, recommended.currency, Availability.IN_STOCK)
                )
    apply_promotions(result, rrp, city.region_id if city is not None else None)
    for offers in result.values():
        offers.sort(key=Offer.sort_key)
    return result


def apply_promotions(offers_by_product: dict[int, list[Offer]], recommended: dict, region_id=None) -> None:
    """Price the offers of dealers that joined a running promotion of the product in the region by it, when it
    is lower (``old_price`` keeps the dealer's own). The running promotions are cached: no query on a warm
    cache."""
    running = promotion_selectors.running()
    if not running:
        return
    for product_id, offers in offers_by_product.items():
        for offer in offers:
            promotion = promotion_selectors.promotion_for(offer.dealer.pk, product_id, running, region_id)
            if promotion is None:
                continue
            rrp = recommended.get(product_id)
            price = promotion.price_from(rrp.price if rrp is not None else None)
            if price is not None and price < offer.price:
                offer.old_price, offer.price, offer.promotion = offer.price, price, promotion


def distance_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, map(float, (lat1, lon1, lat2, lon2)))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def nearest_outlets(dealer_ids: Iterable[int], city: City | None) -> dict[int, tuple[Outlet, float | None]]:
    """``{dealer_id: (outlet, km)}``: each dealer's outlet nearest to ``city``'s centre. One query."""
    nearest = {}
    outlets = Outlet.objects.filter(dealer_id__in=dealer_ids, is_active=True).select_related("city")
    for outlet in outlets:
        if outlet.latitude is None or city is None or city.latitude is None:
            km = None
        else:
            km = distance_km(city.latitude, city.longitude, outlet.latitude, outlet.longitude)
        best = nearest.get(outlet.dealer_id)
        if best is None or (km is not None and (best[1] is None or km < best[1])):
            nearest[outlet.dealer_id] = (outlet, km)
    return nearest


def _nearest_or_none(dealer_ids, city):
    found = nearest_outlets(dealer_ids, city)
    return {pk: found.get(pk, (None, None)) for pk in dealer_ids}


def attach_nearest_outlets(offers: list[Offer], city: City | None) -> list[Offer]:
    """Set ``nearest_outlet`` and ``distance_km`` of each offer, from ``city``'s centre.

    The outlets of the city's own dealers are cached per city (a dealer without an outlet too: it is no
    reason to ask again); others cost one query.
    """
    dealer_ids = {o.dealer.pk for o in offers}
    if not dealer_ids:
        return offers
    nearest = {}
    if city is not None:
        local = cached(f"outlets:{city.pk}", lambda: _nearest_or_none([d.pk for d in dealers_serving(city)], city))
        nearest.update({pk: value for pk, value in local.items() if pk in dealer_ids})
    others = dealer_ids - set(nearest)
    if others:
        nearest.update(nearest_outlets(others, city))
    for offer in offers:
        offer.nearest_outlet, offer.distance_km = nearest.get(offer.dealer.pk, (None, None))
    return offers


def nearest_offer_anywhere(product: Product, city: City | None) -> Offer | None:
    """Where the product is offered nearest to ``city`` when nobody offers it there.

    Returns an ``Offer`` with ``nearest_outlet`` set, or ``None``. The nearest
    outlet is found in SQL (an equirectangular distance is exact enough to
    rank), so the cost does not depend on how many dealers offer the product.
    """
    if city is None or city.latitude is None:
        return None
    offering = Q(dealer__partner_id__in=StockRecord.objects.filter(product=product).values("partner_id"))
    if RecommendedPrice.objects.filter(product=product).exists():
        offering |= Q(dealer__offers_whole_line=True)
    lat, lon = float(city.latitude), float(city.longitude)
    scale = math.cos(math.radians(lat))
    outlet = (
        Outlet.objects.filter(is_active=True, dealer__is_active=True, dealer__accepts_site_orders=True)
        .filter(offering)
        .exclude(latitude=None)
        .annotate(d2=ExpressionWrapper(
            (F("latitude") - Value(lat)) ** 2 + ((F("longitude") - Value(lon)) * Value(scale)) ** 2,
            output_field=FloatField(),
        ))
        .order_by("d2")
        .select_related("dealer__partner", "city")
        .first()
    )
    if outlet is None:
        return None
    offers = offers_for_products([product.pk], [outlet.dealer], city=outlet.city)[product.pk]
    if not offers:
        return None
    offer = offers[0]
    offer.nearest_outlet = outlet
    offer.distance_km = distance_km(lat, lon, outlet.latitude, outlet.longitude)
    return offer
