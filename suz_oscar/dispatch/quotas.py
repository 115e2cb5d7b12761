"""Quotas of the basic+ strategy: how many orders each priority dealer gets first, per period.

A use is recorded each time a priority dealer is given an order first. A dealer
under its quota qualifies; among several, the one that has used the smallest
share of its quota goes first, so the orders spread evenly over the period.
"""

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.core.cache import cached

Dispatch = get_model("suz_dispatch", "Dispatch")
PriorityQuota = get_model("suz_dispatch", "PriorityQuota")
QuotaUse = get_model("suz_dispatch", "QuotaUse")


def period_start(period, now):
    """Start of the current day, week (Monday) or month, in the site's time zone."""
    start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    if period == PriorityQuota.WEEK:
        start -= timedelta(days=start.weekday())
    elif period == PriorityQuota.MONTH:
        start = start.replace(day=1)
    return start


def active_quotas():
    """``{dealer_id: (amount, unit, period)}`` of the active priority dealers (cached with the config)."""
    return cached("priority-quotas", lambda: {
        q.dealer_id: (q.amount, q.unit, q.period) for q in PriorityQuota.objects.filter(is_active=True)
    })


def standing(dealers, region_id, now):
    """``{dealer_id: (used, allowance)}`` for the priority dealers among ``dealers``, in their current period.

    A percent quota's allowance is that share of the region's orders placed in the
    period so far (the order being planned included).
    """
    quotas = active_quotas()
    ids = [d.pk for d in dealers if d.pk in quotas]
    result = {}
    for period in {quotas[pk][2] for pk in ids}:
        start = period_start(period, now)
        members = [pk for pk in ids if quotas[pk][2] == period]
        used = dict(QuotaUse.objects.filter(quota_dealer_id__in=members, created_at__gte=start)
                    .values_list("quota_dealer_id").annotate(n=Count("pk")).values_list("quota_dealer_id", "n"))
        region_total = None
        for pk in members:
            amount, unit, _period = quotas[pk]
            if unit == PriorityQuota.PERCENT:
                if region_total is None:
                    region_total = 1 + Dispatch.objects.filter(  # 1: the order being planned, not stored yet
                        order__suz_place__region_id=region_id, created_at__gte=start).count()
                allowance = amount * region_total / 100
            else:
                allowance = amount
            result[pk] = (used.get(pk, 0), allowance)
    return result


def choose(dealers, region_id, now, count):
    """The priority dealers under quota, the least-used share first; ``count`` of them (0: all)."""
    standings = standing(dealers, region_id, now)
    under = [d for d in dealers if d.pk in standings and standings[d.pk][0] < standings[d.pk][1]]
    under.sort(key=lambda d: standings[d.pk][0] / standings[d.pk][1])  # stable: ties keep the rating order
    return under[:count] if count else under


def record(dispatch, dealers, region_id, now):
    QuotaUse.objects.bulk_create([
        QuotaUse(quota_dealer=dealer, dispatch=dispatch, region_id=region_id, created_at=now) for dealer in dealers
    ])
