"""Who may see and take an order. Visibility is read from the stored plan and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import connection, models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from suz_oscar.core import timeline as core_timeline
from suz_oscar.core.cache import cached
from suz_oscar.core.conf import suz_settings
from suz_oscar.dealers.selectors import taking_orders
from suz_oscar.offers.selectors import dealers_serving, offers_for_products

from .vocabulary import Fault

if TYPE_CHECKING:  # names of the type hints only
    from collections.abc import Iterable
    from datetime import datetime

    from django.db.models import QuerySet
    from oscar.apps.order.models import Order

    from .models import FailureReason

Dealer = get_model("suz_dealers", "Dealer")
Dispatch = get_model("suz_dispatch", "Dispatch")
Visibility = get_model("suz_dispatch", "Visibility")
StatusChange = get_model("suz_dispatch", "StatusChange")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")


def _lines_with_prices(order):
    """The order's lines, and ``{product_id: RecommendedPrice}`` of their products, in one query."""
    lines = list(order.lines.annotate(rrp_price=F("product__recommended_price__price"),
                                      rrp_currency=F("product__recommended_price__currency")))
    recommended = {line.product_id: RecommendedPrice(product_id=line.product_id, price=line.rrp_price,
                                                     currency=line.rrp_currency)
                   for line in lines if line.rrp_price is not None}
    return lines, recommended


def eligible_dealers(order: Order) -> list[Dealer]:
    """Dealers that may take ``order``: active, taking site orders, serving its city or region,
    offering every line at no more than the price the customer was shown (``SUZ_DISPATCH_PRICE_TOLERANCE``
    allows a margin above it, or any price). Best first."""
    place = order.suz_place
    lines, recommended = _lines_with_prices(order)
    candidates = dealers_serving(place.city)
    offers = offers_for_products({line.product_id for line in lines}, candidates, recommended, city=place.city)
    ceiling = _price_ceiling()
    eligible = [dealer for dealer in candidates if not _line_problems(offers, dealer, lines, ceiling)]
    eligible.sort(key=lambda d: (-d.rating, -d.priority, d.pk))
    return eligible


class Ineligible(models.TextChoices):
    """Why a dealer of the order's region may not take it (the staff's order page)."""

    SUSPENDED = "suspended", _("suspended")
    EXCLUDED = "excluded", _("taken out of dispatch for its rating")
    NO_SITE_ORDERS = "no_site_orders", _("does not take orders from the site")
    NOT_SERVING = "not_serving", _("does not serve the city")
    NOT_OFFERING = "not_offering", _("does not offer")
    PRICE_ABOVE = "price_above", _("price above the one the customer was shown")


@dataclass
class Eligibility:
    dealer: object
    reasons: list  # [(Ineligible, line or None)]: why the rules leave it out of the region's stages
    standing: Standing | None = None  # where it stands in this order's plan now
    since: object = None  # when that standing began (its stage's opening, its decline…)
    decline_reason: object = None

    @property
    def eligible(self):
        return not self.reasons


class Standing(models.TextChoices):
    """Where a dealer stands in one order's plan, now."""

    HOLDS = "holds", _("has taken it")
    SEES = "sees", _("sees it")
    WILL_SEE = "will_see", _("will see it")
    EVERYONE = "everyone", _("sees it in the stage for every dealer")
    DECLINED = "declined", _("declined it")
    GAVE_BACK = "gave_back", _("gave it back")
    OUTSIDE = "outside", _("is not in its plan")


def eligibility_report(dispatch: Dispatch, now: datetime | None = None) -> list[Eligibility]:
    """Every dealer of the order's region: whether the rules let it take the order (and why not), and where
    it stands in the order's plan now (sees it, will see it, declined, gave it back, holds it).

    The rules are read as of now (prices and offers may have changed since the plan was stored); the
    stage for every dealer lets any dealer of the network take the order whatever the rules say. The
    region's dealers are those serving the region, the city or another city of the region, in the network
    or not. Four queries whatever the number of dealers.
    """
    now = now or timezone.now()
    report = eligibility_by_rules(dispatch.order)
    rows = {row.dealer_id: row for row in Visibility.objects.filter(dispatch=dispatch,
                                                                     dealer__in=[r.dealer for r in report])}
    everyone = dispatch.open_to_all_at is not None and dispatch.open_to_all_at <= now
    for entry in report:
        dealer, row = entry.dealer, rows.get(entry.dealer.pk)
        if dispatch.claimed_by_id == dealer.pk:
            entry.standing, entry.since = Standing.HOLDS, dispatch.claimed_at
        elif row is not None and row.declined_at is not None:
            entry.standing = Standing.DECLINED if row.decline_reason_id else Standing.GAVE_BACK
            entry.since, entry.decline_reason = row.declined_at, row.decline_reason
        elif dispatch.claimed_by_id is not None or dispatch.status != Dispatch.OFFERED:
            entry.standing = None  # taken by another, closed or waiting for staff: nobody sees it now
        elif row is not None:
            entry.standing = Standing.SEES if row.opens_at <= now else Standing.WILL_SEE
            entry.since = row.opens_at
        elif everyone and in_network(dealer):
            entry.standing, entry.since = Standing.EVERYONE, dispatch.open_to_all_at
        else:
            entry.standing = Standing.OUTSIDE
    return report


def eligibility_by_rules(order: Order) -> list[Eligibility]:
    """``[Eligibility]`` of the dealers of ``order``'s region by the rules of eligibility alone (see above)."""
    place = order.suz_place
    region_dealers = (Dealer.objects.filter(Q(regions=place.region_id) | Q(cities__region=place.region_id))
                      .distinct().select_related("partner").order_by("-rating", "partner__name"))
    dealers = list(region_dealers)
    serving = set(Dealer.objects.filter(Q(regions=place.region_id) | Q(cities=place.city_id))
                  .filter(pk__in=[d.pk for d in dealers]).values_list("pk", flat=True))
    lines, recommended = _lines_with_prices(order)
    offers = offers_for_products({line.product_id for line in lines}, dealers, recommended, city=place.city)
    ceiling = _price_ceiling()
    report = []
    for dealer in dealers:
        reasons = []
        if not dealer.is_active:
            reasons.append((Ineligible.SUSPENDED, None))
        if dealer.excluded_at is not None:
            reasons.append((Ineligible.EXCLUDED, None))
        if not dealer.accepts_site_orders:
            reasons.append((Ineligible.NO_SITE_ORDERS, None))
        if dealer.pk not in serving:
            reasons.append((Ineligible.NOT_SERVING, None))
        reasons += _line_problems(offers, dealer, lines, ceiling)
        report.append(Eligibility(dealer, reasons))
    return report


def _price_ceiling():
    """``quoted price -> highest acceptable dealer price`` per ``SUZ_DISPATCH_PRICE_TOLERANCE`` (None: any price)."""
    tolerance = suz_settings.SUZ_DISPATCH_PRICE_TOLERANCE
    if tolerance is None:
        return lambda quoted: None
    factor = 1 + Decimal(str(tolerance)) / 100
    return lambda quoted: quoted * factor


def _line_problems(offers, dealer, lines, ceiling):
    """``[(Ineligible, line)]``: the lines ``dealer`` does not offer, or offers above the quote allows."""
    problems = []
    for line in lines:
        mine = [o.price for o in offers[line.product_id] if o.dealer.pk == dealer.pk]
        limit = ceiling(line.unit_price_incl_tax)
        if not mine:
            problems.append((Ineligible.NOT_OFFERING, line))
        elif limit is not None and min(mine) > limit:
            problems.append((Ineligible.PRICE_ABOVE, line))
    return problems


def network_dealers() -> QuerySet:
    """Every active dealer taking site orders: the audience of a stage open to every dealer."""
    return taking_orders()


def in_network(dealer: Dealer) -> bool:
    """The rule of ``taking_orders()`` for one dealer: only such a dealer sees, takes or is told of orders."""
    return dealer.is_active and dealer.accepts_site_orders and dealer.excluded_at is None


def network() -> list[Dealer]:
    """``network_dealers()`` as a list, cached like a city's dealers."""
    return cached("network", lambda: list(network_dealers().select_related("partner")))


def visible_now(dealer: Dealer, now: datetime | None = None) -> QuerySet:
    """A dealer's visibility rows open at ``now`` (a condition usable in ``Exists``)."""
    return Visibility.objects.filter(dealer=dealer, opens_at__lte=now or timezone.now(), declined_at=None)


def open_to_all(dealer: Dealer, now: datetime | None = None) -> QuerySet:
    """Dispatches free and open to every dealer by ``now`` where ``dealer`` has no row of its own.

    A row means the dealer sees the order through an earlier stage (its own
    opening counts) or has declined or given it back (then it stays hidden).
    """
    if not in_network(dealer):
        return Dispatch.objects.none()
    return Dispatch.objects.filter(_open_to_all(dealer, now or timezone.now()))


def _open_to_all(dealer, now):
    return (Q(open_to_all_at__lte=now, claimed_by=None, status=Dispatch.OFFERED)
            & ~Q(Exists(Visibility.objects.filter(dispatch=OuterRef("pk"), dealer=dealer))))


def available(dealer: Dealer, now: datetime | None = None) -> Q:
    """A condition on dispatches: free, and open to ``dealer`` now through its own row or the stage for all.

    A dealer out of the network (suspended, excluded, not taking site orders) has nothing available, its
    rows from earlier plans notwithstanding.
    """
    if not in_network(dealer):
        return Q(pk__in=[])
    now = now or timezone.now()
    own = Q(Exists(visible_now(dealer, now).filter(dispatch=OuterRef("pk"))), claimed_by=None,
            status=Dispatch.OFFERED)
    return own | _open_to_all(dealer, now)


def inbox(dealer: Dealer, now: datetime | None = None, limit: int | None = None,
          related: tuple[str, ...] = ("order",)) -> QuerySet:
    """Orders available to ``dealer`` now, newest opening first, as dispatches annotated with ``opens_at``.

    One query: the dealer's open rows (the partial (dealer, opens_at) index)
    UNION ALL the orders open to every dealer (the partial open_to_all_at index)
    that the dealer has no row for; the two halves never overlap. Ask for the
    first ``limit`` here rather than by slicing: PostgreSQL sorts a top-level
    UNION whole, so each half is cut to ``limit`` on its own index first.
    """
    if not in_network(dealer):
        return Dispatch.objects.none()
    now = now or timezone.now()
    own = (Dispatch.objects.filter(visibility__dealer=dealer, visibility__is_open=True,
                                   visibility__declined_at=None, visibility__opens_at__lte=now,
                                   status=Dispatch.OFFERED)
           .annotate(opens_at=F("visibility__opens_at")).select_related(*related))
    everyone = open_to_all(dealer, now).annotate(opens_at=F("open_to_all_at")).select_related(*related)
    if limit is not None and connection.features.supports_slicing_ordering_in_compound:  # not SQLite
        own, everyone = own.order_by("-opens_at")[:limit], everyone.order_by("-opens_at")[:limit]
    return own.union(everyone, all=True).order_by("-opens_at")[:limit]


def _calls():
    """The telephony app's calls (layer 6 is above us: read by name, never imported), or ``None`` without it."""
    from django.apps import apps

    return apps.get_model("suz_telephony", "Call") if apps.is_installed("suz_oscar.telephony") else None


def has_connected_call(dispatch: Dispatch, dealer: Dealer) -> bool:
    """Whether ``dealer``'s manager has reached the customer of ``dispatch`` by a call through the system (the
    customer answered). The one place the masking rule and «processed» learn of calls."""
    Call = _calls()
    if Call is None:
        return False
    return Call.objects.filter(dispatch=dispatch, dealer=dealer, kind="manager", connected_at__isnull=False).exists()


def has_called(dispatch: Dispatch, dealer: Dealer) -> bool:
    """Whether ``dealer`` has tried to call the customer through the system (the customer's phone was dialled,
    whether or not they answered)."""
    Call = _calls()
    if Call is None:
        return False
    return Call.objects.filter(dispatch=dispatch, dealer=dealer, kind="manager",
                               customer_dialed_at__isnull=False).exists()


def phone_visible(dispatch: Dispatch, dealer: Dealer | None) -> bool:
    """Whether the customer's phone may be shown to ``dealer`` (``None``: staff) — on a page, in an export,
    an email or the API. DESIGN rule 7: only to the dealer holding the order, and for a dealer with «звонок
    с сайта» only after its first connected call through the system."""
    if dealer is None:
        return True
    if dispatch.claimed_by_id != dealer.pk:
        return False
    return not dealer.call_from_site or has_connected_call(dispatch, dealer)


def status_refusal(dispatch: Dispatch, dealer: Dealer, to_status: str,
                   failure_reason: FailureReason | None = None) -> str | None:
    """Why ``dealer`` may not move its order to ``to_status`` now, or ``None``.

    A dealer with «звонок с сайта» proves the contact by the system's call: «processed» needs a connected
    call, and a failure blamed on the customer (not reached, changed their mind) needs at least a call
    attempt through the system.
    """
    if not dealer.call_from_site:
        return None
    if to_status == Dispatch.PROCESSED and not has_connected_call(dispatch, dealer):
        return _("Call the customer through the system first; then the order can be marked processed.")
    if (to_status == Dispatch.FAILED and failure_reason is not None and failure_reason.fault == Fault.CUSTOMER
            and not has_called(dispatch, dealer)):
        return _("Call the customer through the system first: an order fails by the customer's fault only after "
                 "a call.")
    return None


def claimable(dealer: Dealer, now: datetime | None = None) -> QuerySet:
    """Dispatches ``dealer`` may claim now (for the conditional update of a claim)."""
    return Dispatch.objects.filter(available(dealer, now))


def has_seen(dispatch: Dispatch, dealer: Dealer, now: datetime | None = None) -> bool:
    """Whether ``dispatch`` was ever open to ``dealer`` (it may be taken or closed since)."""
    now = now or timezone.now()
    if Visibility.objects.filter(dispatch=dispatch, dealer=dealer, opens_at__lte=now).exists():
        return True
    return dispatch.open_to_all_at is not None and dispatch.open_to_all_at <= now


def claim_refusal(dispatch: Dispatch, dealer: Dealer, now: datetime | None = None) -> str:
    """Why ``dealer`` cannot take ``dispatch`` now, in words the dealer understands (after a failed claim)."""
    now = now or timezone.now()
    state = Dispatch.objects.filter(pk=dispatch.pk).values("claimed_by_id", "status").first()
    if state is None:
        return _("This order does not exist.")
    if state["claimed_by_id"] == dealer.pk:
        return _("This order is already yours.")
    if state["claimed_by_id"] is not None:
        return _("This order has already been taken by another dealer.")
    if not in_network(dealer):
        return _("Your dealer does not take orders now: it is suspended, taken out of dispatch or does not "
                 "accept orders from the site.")
    row = Visibility.objects.filter(dispatch=dispatch, dealer=dealer, declined_at__isnull=False).first()
    if row is not None:
        # A decline has its reason; giving an order back writes a row without one.
        return _("You have declined this order.") if row.decline_reason_id else _("You gave this order back.")
    if state["status"] != Dispatch.OFFERED:
        return _("This order is no longer open to dealers.")
    return _("This order is not available to you.")


def claims(dealer_ids: Iterable[int], since: datetime) -> QuerySet:
    """The claims of ``dealer_ids`` since ``since``, from the orders' history (a staff assignment is no claim).

    Read from the history rather than ``Dispatch.claimed_by``: an order given
    back, or moved to another dealer by staff, still counts for the dealer that took it.
    """
    return (StatusChange.objects.filter(dealer_id__in=dealer_ids, from_status=Dispatch.OFFERED,
                                        to_status=Dispatch.ACCEPTED, created_at__gte=since)
            .exclude(user__is_staff=True))


def claim_delays(dealer_ids: Iterable[int], since: datetime) -> dict[int, list[float]]:
    """``{dealer_id: [seconds, …]}``: how long each dealer took to claim orders, for its claims since ``since``.

    Counted from the moment the dealer could first see the order: its visibility
    row, else the opening of the stage for every dealer, else the placement.
    """
    from django.db.models import F, Subquery
    from django.db.models.functions import Coalesce

    seen_at = Visibility.objects.filter(dispatch=OuterRef("dispatch"), dealer=OuterRef("dealer")).values("opens_at")
    rows = (claims(dealer_ids, since)
            .annotate(seen_at=Coalesce(Subquery(seen_at[:1]), F("dispatch__open_to_all_at"), F("dispatch__created_at")))
            .values_list("dealer_id", "created_at", "seen_at"))
    delays = {}
    for dealer_id, claimed_at, seen in rows:
        delays.setdefault(dealer_id, []).append(max((claimed_at - seen).total_seconds(), 0))
    return delays


def inbox_count(dealer: Dealer, now: datetime | None = None, cap: int = 100) -> int:
    """How many orders ``dealer`` may take now, counted up to ``cap`` (the dashboard badge shows "99+")."""
    return inbox(dealer, now, limit=cap, related=()).count()


def with_stage(dispatches: QuerySet, now: datetime | None = None) -> QuerySet:
    """Annotate ``stage``: the strategy key of the last stage opened before the order was taken (or by now)."""
    from django.db.models import Subquery
    from django.db.models.functions import Coalesce

    Stage = get_model("suz_dispatch", "Stage")
    reached = (Stage.objects.filter(dispatch=OuterRef("pk"), opens_at__lte=Coalesce(OuterRef("claimed_at"),
                                                                                     now or timezone.now()))
               .order_by("-position").values("strategy")[:1])
    return dispatches.annotate(stage=Subquery(reached))


class CustomerStatus(models.TextChoices):
    """An order's state as its customer understands it (no stages, no dealers declining)."""

    SEARCHING = "searching", _("We are looking for a dealer")
    DEALER_FOUND = "dealer_found", _("A dealer has taken your order and will call you")
    IN_PROGRESS = "in_progress", _("The dealer is working on your order")
    DONE = "done", _("Completed")
    NOT_DONE = "not_done", _("Not completed")
    CANCELLED = "cancelled", _("Cancelled")


CUSTOMER_STATUS = {
    Dispatch.ACCEPTED: CustomerStatus.DEALER_FOUND,
    Dispatch.PROCESSED: CustomerStatus.IN_PROGRESS,
    Dispatch.COMPLETED: CustomerStatus.DONE,
    Dispatch.FAILED: CustomerStatus.NOT_DONE,
    Dispatch.CANCELLED: CustomerStatus.CANCELLED,
}


def customer_status(order: Order) -> tuple[CustomerStatus, Dealer | None]:
    """``(CustomerStatus, dealer or None)`` of ``order``: new, offered or waiting for staff all read «looking»."""
    dispatch = Dispatch.objects.filter(order=order).select_related("claimed_by__partner").first()
    if dispatch is None:
        return CustomerStatus.SEARCHING, None
    return CUSTOMER_STATUS.get(dispatch.status, CustomerStatus.SEARCHING), dispatch.claimed_by


def manager_first_name(order: Order, dealer: Dealer | None) -> str:
    """The first name of the manager who took ``order`` for ``dealer`` (the customer's page names them)."""
    if dealer is None:
        return ""
    claim = (StatusChange.objects.filter(dispatch__order=order, dealer=dealer, to_status=Dispatch.ACCEPTED)
             .exclude(user=None).select_related("user").order_by("-created_at", "-pk").first())
    return claim.user.first_name if claim is not None else ""


# ---------------------------------------------------------------- the customer's change requests

def dealer_offer(dealer: Dealer, product):
    """``dealer``'s offer of ``product`` now (its own stock record, else the whole line), or ``None``."""
    offers = offers_for_products([product.pk], [dealer])[product.pk]
    return offers[0] if offers else None


def change_variants(line) -> list:
    """The variants the customer may ask for instead of ``line``'s product: the other public children of the
    same parent (another colour, another size)."""
    Product = get_model("catalogue", "Product")
    product = line.product
    if product is None or product.parent_id is None:
        return []
    return list(Product.objects.filter(parent_id=product.parent_id, is_public=True).exclude(pk=product.pk)
                .order_by("title", "pk"))


def city_price(order, product, exclude=()):
    """The price the storefront quotes for ``product`` in the order's city now: the offer of the dealer ranked
    first there (``exclude``: dealers left out), else the manufacturer's recommended price, else ``None``."""
    place = get_model("suz_checkout", "OrderPlace").objects.filter(order=order).select_related("city").first()
    excluded = {d.pk for d in exclude}
    dealers = [d for d in dealers_serving(place.city if place else None) if d.pk not in excluded]
    offers = offers_for_products([product.pk], dealers)[product.pk]
    if offers:
        return offers[0].price
    recommended = RecommendedPrice.objects.filter(product=product).first()
    return recommended.price if recommended is not None else None


def pending_change(dispatch: Dispatch):
    """The customer's change request waiting for the holding dealer, or ``None``."""
    from .vocabulary import ChangeState

    return get_model("suz_dispatch", "ChangeRequest").objects.filter(
        dispatch=dispatch, state=ChangeState.PENDING).select_related("product", "line").first()


@core_timeline.source
def change_requests(dispatch_ids, *, public_only: bool, limit: int | None = None, before=None) -> list:
    """The customer's change requests and the dealers' answers: the customer sees them too (a query each)."""
    found = get_model("suz_dispatch", "ChangeRequest").objects.filter(dispatch_id__in=dispatch_ids).select_related(
        "product", "dealer__partner", "answered_by")
    template = "suz/dispatch/_timeline_change_request.html"
    entries = [core_timeline.Entry("change_request", request.created_at, template,
                                   {"request": request, "answer": False}, request.dispatch_id, key=request.pk)
               for request in core_timeline.window(found, "created_at", "change_request", limit=limit,
                                                   before=before)]
    answered = found.filter(answered_at__isnull=False)
    entries += [core_timeline.Entry("change_answer", request.answered_at, template,
                                    {"request": request, "answer": True}, request.dispatch_id, key=request.pk)
                for request in core_timeline.window(answered, "answered_at", "change_answer", limit=limit,
                                                    before=before)]
    return entries
