"""Writes of sales analytics: an order's attribution, imported ad spend."""

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from .vocabulary import TOUCH_FIELDS, Channel

Attribution = get_model("suz_analytics", "Attribution")
AdSpend = get_model("suz_analytics", "AdSpend")


def _touch_values(prefix, touch):
    values = {f"{prefix}_{name}": (touch or {}).get(name, "") for name in TOUCH_FIELDS}
    if not touch:
        values[f"{prefix}_channel"] = Channel.UNKNOWN
    at = (touch or {}).get("at")
    try:
        values[f"{prefix}_at"] = timezone.datetime.fromisoformat(at) if at else None
    except ValueError:
        values[f"{prefix}_at"] = None
    return values


def attribution_attach(*, order, touches=None):
    """Record where ``order`` came from; ``touches`` as ``middleware.touches`` gives them (None: unknown).

    Without a non-direct touch the last touch is the first one (a direct visit stays direct).
    """
    touches = touches or {}
    first = touches.get("first")
    last = touches.get("last") or first
    return Attribution.objects.update_or_create(order=order, defaults={
        "placed_at": order.date_placed or timezone.now(),
        **_touch_values("first", first), **_touch_values("last", last),
        "search_queries": list(touches.get("queries") or []),
        "client_id": touches.get("client_id") or "",
        "ga_client_id": touches.get("ga_client_id") or "",
    })[0]


def attribution_backfill():
    """Orders placed before analytics was installed get an «unknown» attribution; returns how many."""
    Order = get_model("order", "Order")
    missing = Order.objects.filter(suz_attribution__isnull=True).only("pk", "date_placed")
    rows = [Attribution(order=order, placed_at=order.date_placed, first_channel=Channel.UNKNOWN,
                        last_channel=Channel.UNKNOWN) for order in missing.iterator()]
    Attribution.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


@transaction.atomic
def spend_import(*, rows):
    """Apply checked spend rows (``spendfiles.parse_spend_file``) whole: a day and campaign already imported
    from the same platform is replaced. Returns ``(created, updated)``."""
    created = updated = 0
    for row in rows:
        _obj, was_created = AdSpend.objects.update_or_create(
            day=row["day"], platform=row["platform"], campaign=row["campaign"],
            defaults={"spend": row["spend"], "clicks": row["clicks"], "impressions": row["impressions"]},
        )
        created += was_created
        updated += not was_created
    return created, updated


def _day_range(day):
    start = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    return start, start + timezone.timedelta(days=1)


@transaction.atomic
def rollup_refresh(*, days=None):
    """Rebuild the daily roll-up for ``days`` (dates in the site's time zone; None: every day). Returns the
    number of roll-up rows written."""
    from django.db.models import F
    from django.db.models.functions import TruncDate

    from .selectors import measures

    DailySales = get_model("suz_analytics", "DailySales")
    source = Attribution.objects.all()
    if days is None:
        DailySales.objects.all().delete()
    else:
        days = sorted(set(days))
        if not days:
            return 0
        DailySales.objects.filter(day__in=days).delete()
        from django.db.models import Q

        in_days = Q()
        for day in days:
            start, end = _day_range(day)
            in_days |= Q(placed_at__gte=start, placed_at__lt=end)
        source = source.filter(in_days)
    rows = []
    for touch, prefix in (("last", "last_"), ("first", "first_")):
        grouped = (source.annotate(day=TruncDate("placed_at"))
                   .values("day", channel_=F(prefix + "channel"), source_=F(prefix + "source"),
                           campaign_=F(prefix + "campaign"))
                   .annotate(**measures()).order_by())
        rows += [DailySales(day=row["day"], touch=touch, channel=row["channel_"], source=row["source_"],
                            campaign=row["campaign_"], orders=row["orders"], claimed=row["claimed"],
                            completed=row["completed"], earned=row["earned"] or 0) for row in grouped.iterator()]
    DailySales.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def rollup_refresh_changed(*, since):
    """Rebuild the days of the orders placed, claimed or moved since ``since`` (what a beat run must redo).

    Three indexed look-ups (placed, claimed, status changes since ``since``), each giving the days of its
    orders; never one query joining them with ``OR``, which reads every order.
    """
    from django.db.models.functions import TruncDate

    day = TruncDate("placed_at")
    placed = Attribution.objects.filter(placed_at__gte=since)
    claimed = Attribution.objects.filter(order__suz_dispatch__claimed_at__gte=since)
    moved = Attribution.objects.filter(order__suz_dispatch__in=get_model("suz_dispatch", "StatusChange").objects
                                       .filter(created_at__gte=since).values("dispatch_id"))
    days = set()
    for queryset in (placed, claimed, moved):
        days |= set(queryset.annotate(day=day).values_list("day", flat=True).distinct())
    return rollup_refresh(days=days)
