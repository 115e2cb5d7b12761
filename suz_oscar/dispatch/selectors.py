"""Who may see and take an order. Visibility is read from the stored plan and the clock."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.offers.cache import cached
from suz_oscar.offers.selectors import dealers_serving, offers_for_products

Dealer = get_model("suz_dealers", "Dealer")
Dispatch = get_model("suz_dispatch", "Dispatch")
Visibility = get_model("suz_dispatch", "Visibility")


def eligible_dealers(order):
    """Dealers that may take ``order``: active, taking site orders, serving its city or region,
    offering every line at no more than the price the customer was shown. Best first."""
    place = order.suz_place
    lines = list(order.lines.all())
    candidates = dealers_serving(place.city)
    offers = offers_for_products({line.product_id for line in lines}, candidates)
    eligible = []
    for dealer in candidates:
        if all(_offers_line(offers[line.product_id], dealer, line) for line in lines):
            eligible.append(dealer)
    eligible.sort(key=lambda d: (-d.rating, -d.priority, d.pk))
    return eligible


def _offers_line(offers, dealer, line):
    return any(o.dealer.pk == dealer.pk and o.price <= line.unit_price_incl_tax for o in offers)


def network():
    """Every active dealer taking site orders (the fallback audience), cached like a city's dealers."""
    return cached("network", lambda: list(
        Dealer.objects.filter(is_active=True, accepts_site_orders=True).select_related("partner")
    ))


def visible_now(dealer, now=None):
    """A dealer's visibility rows open at ``now`` (a condition usable in ``Exists``)."""
    return Visibility.objects.filter(dealer=dealer, opens_at__lte=now or timezone.now(), declined_at=None)


def inbox(dealer, now=None):
    """Orders available to ``dealer`` now: one query on the partial (dealer, opens_at) index of open rows."""
    return visible_now(dealer, now).filter(is_open=True).select_related("dispatch__order").order_by("-opens_at")


def has_connected_call(dispatch, dealer):
    """Whether ``dealer`` has reached the customer by a call through the system.

    Dealers with «звонок с сайта» may mark an order processed only after such a
    call (DESIGN rule 7). Calls are recorded by the telephony app, which is not
    built yet: until then no call has connected.
    """
    return False


def claimable(dealer, now=None):
    """Dispatches ``dealer`` may claim now (for the conditional update of a claim)."""
    return Dispatch.objects.filter(claimed_by=None).filter(
        Exists(visible_now(dealer, now).filter(dispatch=OuterRef("pk")))
    )
