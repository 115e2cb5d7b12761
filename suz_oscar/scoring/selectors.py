"""Reading the points ledger and a dealer's record of orders (the scorecard)."""

from __future__ import annotations

import statistics
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.dispatch import selectors as dispatch_selectors
from suz_oscar.dispatch.vocabulary import Fault

if TYPE_CHECKING:  # names of the type hints only
    from collections.abc import Iterable
    from datetime import date, datetime

Dealer = get_model("suz_dealers", "Dealer")
Dispatch = get_model("suz_dispatch", "Dispatch")
StatusChange = get_model("suz_dispatch", "StatusChange")
Visibility = get_model("suz_dispatch", "Visibility")
PointsEntry = get_model("suz_scoring", "PointsEntry")


def window_start(now: datetime | None = None) -> datetime | None:
    """Where the rating's rolling window starts, or ``None`` when the rating counts all time."""
    days = suz_settings.SUZ_RATING_WINDOW_DAYS
    return (now or timezone.now()) - timedelta(days=days) if days else None


def ledger_sums(dealer_ids: Iterable[int] | None = None, now: datetime | None = None) -> dict[int, Decimal]:
    """``{dealer_id: points}`` summed over the rating's window, in one query."""
    entries = PointsEntry.objects.all()
    start = window_start(now)
    if start is not None:
        entries = entries.filter(created_at__gte=start)
    if dealer_ids is not None:
        entries = entries.filter(dealer_id__in=dealer_ids)
    return dict(entries.values_list("dealer_id").annotate(total=Sum("delta")).values_list("dealer_id", "total"))


def order_credit(dispatch: Dispatch) -> Decimal | None:
    """Points credited for completing ``dispatch`` so far, or ``None`` if none were."""
    rows = PointsEntry.objects.filter(dispatch=dispatch, reason__in=(PointsEntry.COMPLETED, PointsEntry.ORDER_POINTS))
    return rows.aggregate(total=Sum("delta"))["total"]


def rating_history(dealer: Dealer, days: int = 90, now: datetime | None = None) -> list[tuple[date, Decimal]]:
    """``[(date, rating)]`` at the end of each day with entries, over ``days`` (the scorecard's chart).

    One query for the total before the period, one for the daily sums in it.
    """
    from django.db.models.functions import TruncDate

    now = now or timezone.now()
    start = now - timedelta(days=days)
    window = window_start(now)
    entries = PointsEntry.objects.filter(dealer=dealer)
    if window is not None:
        # With a rolling window the past ratings are not a running sum; show the ledger's running sum
        # from the window's start instead.
        entries = entries.filter(created_at__gte=window)
        start = max(start, window)
    opening = entries.filter(created_at__lt=start).aggregate(total=Sum("delta"))["total"] or Decimal(0)
    daily = (entries.filter(created_at__gte=start).annotate(day=TruncDate("created_at"))
             .values_list("day").annotate(total=Sum("delta")).order_by("day").values_list("day", "total"))
    points, running = [(timezone.localtime(start).date(), opening)], opening
    for day, total in daily:
        running += total
        points.append((day, running))
    if points[-1][0] != timezone.localtime(now).date():
        points.append((timezone.localtime(now).date(), running))
    return points


def regional_place(dealer: Dealer) -> tuple[int, int] | None:
    """``(place, of)``: the dealer's place by rating among the active dealers of its regions."""
    regions = list(dealer.regions.values_list("pk", flat=True))
    if not regions:
        return None
    peers = Dealer.objects.filter(is_active=True, regions__in=regions).distinct()
    stats = peers.aggregate(of=Count("pk", distinct=True),
                            above=Count("pk", filter=Q(rating__gt=dealer.rating), distinct=True))
    return stats["above"] + 1, stats["of"]


def _median_minutes(seconds):
    return round(statistics.median(seconds) / 60, 1) if seconds else None


def _share(part, whole):
    return round(100 * part / whole) if whole else None


def scorecard(dealer: Dealer, since: datetime | None = None, now: datetime | None = None) -> dict:
    """A dealer's record: orders offered, claimed, completed, failed; rates and medians; failure reasons.

    Offered counts the orders of its regional stages (the network-wide fallback
    would swamp the rate) and any other order it claimed; claims come from the
    history, so an order given back or moved on by staff still counts for the
    dealer that took it, and orders staff assigned count apart. Counts are a
    few aggregate queries; the medians are taken over one list of durations each.
    """
    now = now or timezone.now()
    since = since or timezone.make_aware(timezone.datetime(2000, 1, 1))
    held = Dispatch.objects.filter(claimed_by=dealer, created_at__gte=since)
    counts = held.aggregate(
        completed=Count("pk", filter=Q(status=Dispatch.COMPLETED)),
        failed=Count("pk", filter=Q(status=Dispatch.FAILED)),
        cancelled=Count("pk", filter=Q(status=Dispatch.CANCELLED)),
        open=Count("pk", filter=Q(status__in=(Dispatch.ACCEPTED, Dispatch.PROCESSED))),
    )
    changes = StatusChange.objects.filter(dealer=dealer, created_at__gte=since)
    given_back = changes.filter(to_status=Dispatch.OFFERED, fault=Fault.DEALER).count()
    claims = dispatch_selectors.claims([dealer.pk], since)
    claimed = claims.count()
    assigned = changes.filter(to_status=Dispatch.ACCEPTED, user__is_staff=True).count()
    offered = (Visibility.objects.filter(dealer=dealer, opens_at__lte=now, opens_at__gte=since)
               .values("dispatch_id").order_by().union(claims.values("dispatch_id").order_by()).count())
    closed = counts["completed"] + counts["failed"] + counts["cancelled"]
    delays = dispatch_selectors.claim_delays([dealer.pk], since).get(dealer.pk, [])
    # Time to first contact: the dealer's first call through the system that connected (telephony's calls, read by
    # their relation), else its «processed» mark (a dealer calling from its own phones).
    first_contact = Coalesce(
        Min("calls__connected_at", filter=Q(calls__dealer=dealer, calls__kind="manager")),
        Min("history__created_at", filter=Q(history__to_status=Dispatch.PROCESSED, history__dealer=dealer)))
    contacts = [max((contacted - claimed_at).total_seconds(), 0) for contacted, claimed_at in
                held.annotate(contacted=first_contact).values_list("contacted", "claimed_at")
                if contacted and claimed_at]
    failures = list(changes.filter(to_status=Dispatch.FAILED).values("failure_reason__title", "fault")
                    .annotate(n=Count("pk")).order_by("fault", "-n"))
    return {
        "offered": offered, "claimed": claimed, "assigned": assigned, "given_back": given_back, **counts,
        "acceptance_rate": _share(claimed, offered), "completion_rate": _share(counts["completed"], closed),
        "median_claim_minutes": _median_minutes(delays), "median_contact_minutes": _median_minutes(contacts),
        "failures": failures, "failures_dealer": sum(f["n"] for f in failures if f["fault"] == Fault.DEALER),
        "failures_customer": sum(f["n"] for f in failures if f["fault"] == Fault.CUSTOMER),
        "place": regional_place(dealer),
    }
