"""Which promotions run, for whom, and at what price (reads).

``running()`` is one cached structure (under the storefront's version; a change to a promotion or a participation
bumps it): the current promotions with their participants and the products they cover, categories resolved to
products. The price of an offer then costs no query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.core.cache import cached

Promotion = get_model("suz_promotions", "Promotion")
Participation = get_model("suz_promotions", "Participation")
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


# ``region_id`` of a caller that does not know the region (and checked the price otherwise): every region.
ANY_REGION = object()


@dataclass(frozen=True)
class Running:
    pk: int
    title: str
    starts_at: object
    ends_at: object
    dealers: frozenset
    products: frozenset
    promotion: object
    regions: frozenset = frozenset()  # empty: every region

    def runs_in(self, region_id) -> bool:
        """Whether the promotion runs in a region (``None``: the region is unknown, only a promotion of every
        region runs there)."""
        return region_id is ANY_REGION or not self.regions or region_id in self.regions

    def price_from(self, recommended):
        return self.promotion.price_from(recommended)


def _build():
    now = timezone.now()
    result = []
    for promotion in (Promotion.objects.filter(is_active=True, ends_at__gt=now)
                      .prefetch_related("products", "categories", "participations", "regions")):
        products = {p.pk for p in promotion.products.all()}
        categories = [c for category in promotion.categories.all() for c in category.get_descendants_and_self()]
        if categories:
            covered = Product.objects.filter(Q(categories__in=categories) | Q(parent__categories__in=categories))
            products |= set(covered.values_list("pk", flat=True))
        # variants of a chosen family too
        products |= set(Product.objects.filter(parent_id__in=products).values_list("pk", flat=True))
        dealers = frozenset(p.dealer_id for p in promotion.participations.all())
        result.append(Running(promotion.pk, promotion.title, promotion.starts_at, promotion.ends_at, dealers,
                              frozenset(products), promotion, frozenset(r.pk for r in promotion.regions.all())))
    return result


def running(now=None) -> list[Running]:
    now = now or timezone.now()
    return [r for r in cached("promotions", _build) if r.starts_at <= now < r.ends_at]


def promotion_for(dealer_id: int, product_id: int, promotions: list[Running], region_id=None) -> Running | None:
    """The running promotion that prices ``dealer_id``'s offer of ``product_id`` in a region: a promotion of
    other regions does not, even for a dealer that joined it (a dealer may serve several regions)."""
    for promotion in promotions:
        if dealer_id in promotion.dealers and product_id in promotion.products and promotion.runs_in(region_id):
            return promotion
    return None


def open_to(dealer) -> list:
    """The current promotions a dealer may join: of its regions (or of every region), with ``joined`` set."""
    now = timezone.now()
    regions = list(dealer.regions.values_list("pk", flat=True)) + list(
        dealer.cities.values_list("region_id", flat=True))
    promotions = list(
        Promotion.objects.filter(is_active=True, starts_at__lte=now, ends_at__gt=now)
        .filter(Q(regions__isnull=True) | Q(regions__in=regions)).distinct().order_by("ends_at", "pk")
    )
    joined = set(Participation.objects.filter(dealer=dealer).values_list("promotion_id", flat=True))
    for promotion in promotions:
        promotion.joined = promotion.pk in joined
    return promotions
