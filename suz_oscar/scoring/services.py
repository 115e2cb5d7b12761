"""Dealer points: the append-only ledger, the rating kept on the dealer, the thresholds.

Every change of points is a ledger row; the dealer's ``rating`` moves by the
same amount in the same transaction (the dealer row is locked, so concurrent
events add up). ``recompute_ratings`` derives every rating from the ledger
again — the nightly job with a rolling window, and a check that both agree.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from suz_oscar.core.cache import bump
from suz_oscar.dispatch.vocabulary import Event, Fault

from . import notifications, selectors

if TYPE_CHECKING:  # names of the type hints only
    from datetime import datetime

    from django.contrib.auth.models import AbstractBaseUser as User

    from suz_oscar.dispatch.models import Dispatch

Dealer = get_model("suz_dealers", "Dealer")
PointsEntry = get_model("suz_scoring", "PointsEntry")
OrderPoints = get_model("suz_scoring", "OrderPoints")
ScoringRules = get_model("suz_scoring", "ScoringRules")

CENT = Decimal("0.01")
# The ledger's and the rating's columns hold ±99,999,999.99. One event never moves a rating by more than
# this, so an extreme points table (per 1,000 of a huge order) cannot overflow them and fail the order's change.
MAX_DELTA = Decimal("1000000")
MAX_RATING = Decimal("99999999.99")


def current_rules() -> ScoringRules:
    """The manufacturer's points table now (the defaults until one is saved)."""
    return ScoringRules.objects.order_by("-created_at", "-pk").first() or ScoringRules()


@transaction.atomic
def save_rules(rules: ScoringRules, user: User | None = None) -> ScoringRules:
    """Store a new version of the points table; events from now on use it, earlier rows stay as they are."""
    rules.pk, rules.created_at = None, timezone.now()
    rules.created_by = user if user is not None and user.is_authenticated else None
    rules.save()
    return rules


@transaction.atomic
def record(*, dealer: Dealer, delta: Decimal | int, reason: str, dispatch: Dispatch | None = None,
           user: User | None = None, note: str = "", now: datetime | None = None,
           rules: ScoringRules | None = None) -> PointsEntry:
    """Append a ledger row and move the dealer's rating by ``delta``; then apply the thresholds."""
    now = now or timezone.now()
    delta = min(max(Decimal(delta), -MAX_DELTA), MAX_DELTA).quantize(CENT)
    locked = Dealer.objects.select_for_update().select_related("partner").get(pk=dealer.pk)
    delta = min(max(locked.rating + delta, -MAX_RATING), MAX_RATING) - locked.rating
    entry = PointsEntry.objects.create(
        dealer=locked, dispatch=dispatch, delta=delta, reason=reason, note=note[:255], created_at=now,
        user=user if user is not None and user.is_authenticated else None,
    )
    before, locked.rating = locked.rating, locked.rating + delta
    Dealer.objects.filter(pk=locked.pk).update(rating=locked.rating)
    dealer.rating = locked.rating
    _apply_thresholds(locked, before, delta, rules or current_rules(), now)
    # The storefront ranks dealers by rating from a cache: drop it now for this transaction's own reads,
    # and again at commit, for whatever other requests cached meanwhile.
    bump()
    transaction.on_commit(bump)
    return entry


def _apply_thresholds(dealer, before, delta, rules, now):
    after = dealer.rating
    if rules.warn_below is not None and after < rules.warn_below <= before:
        notifications.warn_dealer(dealer, rules.warn_below, now)
    if (rules.exclude_below is not None and delta < 0 and after < rules.exclude_below
            and dealer.excluded_at is None):
        Dealer.objects.filter(pk=dealer.pk).update(excluded_at=now)
        dealer.excluded_at = now
        notifications.tell_excluded(dealer, rules.exclude_below, now)


def restore(*, dealer: Dealer, user: User | None = None) -> None:
    """Staff bring a dealer taken out of dispatch back (until its next penalty below the threshold)."""
    Dealer.objects.filter(pk=dealer.pk).update(excluded_at=None)
    dealer.excluded_at = None
    bump()


def points_for_event(event: str, dispatch: Dispatch, fault: str,
                     rules: ScoringRules) -> tuple[Decimal, str] | None:
    """``(delta, reason)`` the rules give for a dispatch event, or ``None`` for events without points."""
    if event == Event.COMPLETED:
        override = OrderPoints.objects.filter(dispatch=dispatch).first()
        if override is not None:
            return override.points, PointsEntry.ORDER_POINTS
        value = dispatch.order.total_incl_tax or Decimal(0)
        return rules.completed + rules.per_thousand * value / 1000, PointsEntry.COMPLETED
    if event == Event.FAILED:
        if fault == Fault.DEALER:
            return rules.failed_dealer, PointsEntry.FAILED_DEALER
        return rules.failed_customer, PointsEntry.FAILED_CUSTOMER
    if event == Event.GIVEN_BACK:
        return rules.given_back, PointsEntry.GIVEN_BACK
    if event == Event.SLA_BREACH:
        return rules.sla_breach, PointsEntry.SLA_BREACH
    return None


def on_dispatch_event(*, event: str, dispatch: Dispatch, dealer: Dealer, fault: str = "", user: User | None = None,
                      now: datetime | None = None) -> None:
    rules = current_rules()
    points = points_for_event(event, dispatch, fault, rules)
    if points is not None:
        record(dealer=dealer, delta=points[0], reason=points[1], dispatch=dispatch, user=user, now=now, rules=rules)


@transaction.atomic
def set_order_points(*, dispatch: Dispatch, points: Decimal, user: User | None = None) -> PointsEntry | None:
    """Staff decide the points of one order. Before completion they replace the rule; after, a correcting
    row brings the order's total to ``points``."""
    OrderPoints.objects.update_or_create(dispatch=dispatch, defaults={"points": points, "user": user})
    credited = selectors.order_credit(dispatch)
    if credited is None:
        return None
    difference = Decimal(points) - credited
    if not difference or dispatch.claimed_by_id is None:
        return None
    return record(dealer=dispatch.claimed_by, delta=difference, reason=PointsEntry.ORDER_POINTS, dispatch=dispatch,
                  user=user, note=_("points of the order set to %(points)s") % {"points": points})


def adjust(*, dealer: Dealer, delta: Decimal, note: str, user: User | None = None) -> PointsEntry:
    """A hand adjustment by staff, with their comment."""
    return record(dealer=dealer, delta=delta, reason=PointsEntry.MANUAL, user=user, note=note)


def record_survey(*, dispatch: Dispatch, score: int, user: User | None = None) -> PointsEntry | None:
    """A customer's score (1–5) of the dealer that served ``dispatch``; for the feedback feature."""
    if dispatch.claimed_by_id is None or not 1 <= int(score) <= 5:
        return None
    rules = current_rules()
    delta = rules.survey_points()[int(score) - 1]
    return record(dealer=dispatch.claimed_by, delta=delta, reason=PointsEntry.SURVEY, dispatch=dispatch, user=user,
                  note=_("score %(score)s of 5") % {"score": score}, rules=rules)


def record_complaint_upheld(*, dispatch: Dispatch, dealer: Dealer, user: User | None = None,
                            note: str = "") -> PointsEntry | None:
    """Staff closed a customer's complaint about ``dispatch`` as justified: ``dealer`` gets the rule's points."""
    rules = current_rules()
    if not rules.complaint_upheld:
        return None
    return record(dealer=dealer, delta=rules.complaint_upheld, reason=PointsEntry.COMPLAINT, dispatch=dispatch,
                  user=user, note=note, rules=rules)


@transaction.atomic
def recompute_ratings(*, now: datetime | None = None) -> dict[int, tuple[Decimal, Decimal]]:
    """Set every dealer's rating to its ledger sum (all time or ``SUZ_RATING_WINDOW_DAYS``).

    Returns ``{dealer_id: (old, new)}`` of the dealers that changed.
    """
    sums = selectors.ledger_sums(now=now)
    changed = {}
    for pk, rating in Dealer.objects.select_for_update().values_list("pk", "rating"):
        expected = sums.get(pk, Decimal(0)).quantize(CENT)
        if rating != expected:
            changed[pk] = (rating, expected)
            Dealer.objects.filter(pk=pk).update(rating=expected)
    if changed:
        transaction.on_commit(bump)
    return changed
