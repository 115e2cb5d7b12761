"""Reads of sales analytics: every report aggregates in the database over the attribution table.

A report takes ``filters`` (``Filters``: period, region, city, dealer, channel, source, campaign and which
touch is credited) and returns rows of plain dicts; the dashboard formats them as a table, a chart and a
CSV/XLSX file. The period is one indexed column of the attribution (``placed_at``, a copy of the order's
date); the order's status, dealer and place are joined one-to-one.
"""

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import Case, Count, DecimalField, F, Min, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractHour, TruncDay, TruncMonth, TruncWeek
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch.vocabulary import CLOSED, Status

from .vocabulary import Grouping, Touch

Attribution = get_model("suz_analytics", "Attribution")
AdSpend = get_model("suz_analytics", "AdSpend")
DailySales = get_model("suz_analytics", "DailySales")
StatusChange = get_model("suz_dispatch", "StatusChange")
Visibility = get_model("suz_dispatch", "Visibility")

DISPATCH = "order__suz_dispatch__"
MAX_ROWS = 500  # rows of a report grouped by a free-text dimension (term, landing page…)
REFUSED = (Status.FAILED, Status.CANCELLED)
MONEY = DecimalField(max_digits=16, decimal_places=2)


@dataclass
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    region: object = None
    city: object = None
    dealer: object = None
    channel: str = ""
    source: str = ""
    campaign: str = ""
    touch: str = Touch.LAST

    @property
    def prefix(self):
        return "first_" if self.touch == Touch.FIRST else "last_"


def _start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def period_q(filters, path=""):
    q = Q()
    if filters.date_from:
        q &= Q(**{f"{path}placed_at__gte": _start(filters.date_from)})
    if filters.date_to:
        q &= Q(**{f"{path}placed_at__lt": _start(filters.date_to + timedelta(days=1))})
    return q


def filter_q(filters, path=""):
    """The filters as a ``Q`` over ``Attribution`` (``path``: the way to it from another model)."""
    q = period_q(filters, path)
    p = filters.prefix
    if filters.region is not None:
        q &= Q(**{f"{path}order__suz_place__region": filters.region})
    if filters.city is not None:
        q &= Q(**{f"{path}order__suz_place__city": filters.city})
    if filters.dealer is not None:
        q &= Q(**{f"{path}{DISPATCH}claimed_by": filters.dealer})
    for name in ("channel", "source", "campaign"):
        if getattr(filters, name):
            q &= Q(**{f"{path}{p}{name}": getattr(filters, name)})
    return q


def attributed(filters):
    return Attribution.objects.filter(filter_q(filters))


def order_earned():
    """«Заработано» of one order: what the reports count as its actual sale. For a completed order, the amount
    the dealer confirmed or corrected when completing it (``feedback.Earned``), the order total where none was
    recorded (orders completed before feedback); nothing for other orders. The one place the reports read it."""
    return Case(When(**{f"{DISPATCH}status": Status.COMPLETED},
                     then=Coalesce(F(f"{DISPATCH}earned__amount"), F("order__total_incl_tax"), output_field=MONEY)),
                default=Value(Decimal(0)), output_field=MONEY)


def earned():
    """«Заработано» summed over orders."""
    return Coalesce(Sum(order_earned()), Value(Decimal(0)), output_field=MONEY)


def measures():
    return {
        "orders": Count("pk"),
        "claimed": Count("pk", filter=Q(**{f"{DISPATCH}claimed_at__isnull": False})),
        "completed": Count("pk", filter=Q(**{f"{DISPATCH}status": Status.COMPLETED})),
        "earned": earned(),
    }


def _with_rates(row):
    row["conversion"] = (100.0 * row["completed"] / row["orders"]) if row["orders"] else 0.0
    return row


TIME_GROUPS = {
    Grouping.DAY: lambda: TruncDay("placed_at"),
    Grouping.WEEK: lambda: TruncWeek("placed_at"),
    Grouping.MONTH: lambda: TruncMonth("placed_at"),
    Grouping.HOUR: lambda: ExtractHour("placed_at"),
}


ROLLUP_GROUPS = {
    Grouping.CHANNEL: "channel", Grouping.SOURCE: "source", Grouping.CAMPAIGN: "campaign",
    Grouping.DAY: TruncDay, Grouping.WEEK: TruncWeek, Grouping.MONTH: TruncMonth,
}
SUMS = ("orders", "claimed", "completed", "earned")


def uses_rollup(filters, group):
    """Whether the roll-up answers: no region, city or dealer filter, and rows it keeps."""
    return (filters.region is None and filters.city is None and filters.dealer is None
            and group in ROLLUP_GROUPS)


def _rollup_sales(filters, group, today):
    """The roll-up's rows up to yesterday (``[(key, sums)]``) and the totals."""
    rows = DailySales.objects.filter(touch=filters.touch, day__lt=today)
    if filters.date_from:
        rows = rows.filter(day__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(day__lte=filters.date_to)
    for name in ("channel", "source", "campaign"):
        if getattr(filters, name):
            rows = rows.filter(**{name: getattr(filters, name)})
    key = ROLLUP_GROUPS[group]
    key = F(key) if isinstance(key, str) else key("day")
    sums = {name: Sum(name) for name in SUMS}
    return list(rows.annotate(key=key).values("key").annotate(**sums).order_by()), rows.aggregate(**sums)


def _merge(rows, more):
    merged = {}
    for row in list(rows) + list(more):
        key = row["key"]
        if isinstance(key, datetime):
            key = timezone.localtime(key).date() if timezone.is_aware(key) else key.date()
        entry = merged.setdefault(key, {"key": key, **{name: 0 for name in SUMS}})
        for name in SUMS:
            entry[name] += row[name] or 0
    return list(merged.values())


def sales(filters, group=Grouping.CHANNEL):
    """Orders, claimed, completed, «заработано» and conversion to completed, per ``group``; and the totals.

    Without a region, city or dealer filter the days before today come from the daily roll-up (rebuilt every
    few minutes for the days whose orders changed) and today from the orders themselves.
    """
    if uses_rollup(filters, group):
        today = timezone.localdate()
        past, past_totals = _rollup_sales(filters, group, today)
        live = Filters(**{**filters.__dict__, "date_from": max(filters.date_from or today, today)})
        recent = [] if filters.date_to and filters.date_to < today else _raw_sales(live, group)
        rows = _merge(past, recent[0] if recent else [])
        totals = {name: (past_totals[name] or 0) + (recent[1][name] if recent else 0) for name in SUMS}
        if group in TIME_GROUPS:
            rows.sort(key=lambda row: row["key"])
        else:
            rows.sort(key=lambda row: (-row["orders"], str(row["key"])))
            rows = rows[:MAX_ROWS]
        return [_with_rates(row) for row in rows], _with_rates(totals)
    rows, totals = _raw_sales(filters, group)
    return [_with_rates(row) for row in rows], _with_rates(totals)


def _raw_sales(filters, group):
    queryset = attributed(filters)
    if group in TIME_GROUPS:
        key = TIME_GROUPS[group]()
        rows = queryset.annotate(key=key).values("key").annotate(**measures()).order_by("key")
    else:
        rows = (queryset.annotate(key=F(filters.prefix + group)).values("key").annotate(**measures())
                .order_by("-orders", "key")[:MAX_ROWS])
    rows = [dict(row) for row in rows]
    for row in rows:
        if isinstance(row["key"], datetime):
            row["key"] = timezone.localtime(row["key"]).date() if timezone.is_aware(row["key"]) else row["key"].date()
    return rows, queryset.aggregate(**measures())


# The funnel ---------------------------------------------------------------------------------------------

STEPS = ("claimed", "contacted", "processed", "closed")
UNCLAIMED = "-"  # the stage key of orders no dealer has claimed
FUNNEL_GROUPS = ("region", "dealer", "stage")


def first_contact(path=DISPATCH):
    """When the dealer first reached the customer: its first call through the system that connected (telephony's
    calls, read by their relation, not imported), else the order's «processed» mark (dealers who call from their
    own phones)."""
    call = Min(f"{path}calls__connected_at", filter=Q(**{f"{path}calls__kind": "manager",
                                                         f"{path}calls__dealer": F(f"{path}claimed_by")}))
    processed = Min(f"{path}history__created_at", filter=Q(**{f"{path}history__to_status": Status.PROCESSED}))
    return Coalesce(call, processed)


def _funnel_rows(filters, group):
    keys = {
        "region": F("order__suz_place__region__name"),
        "dealer": F(f"{DISPATCH}claimed_by__partner__name"),
        "stage": Case(When(**{f"{DISPATCH}claimed_by__isnull": True}, then=Value(UNCLAIMED)), default=Coalesce(
            Subquery(Visibility.objects.filter(dispatch=OuterRef(f"{DISPATCH}pk"),
                                               dealer=OuterRef(f"{DISPATCH}claimed_by")).values("stage__strategy")[:1]),
            Value(""))),
    }
    return (attributed(filters).filter(**{f"{DISPATCH}isnull": False})
            .values("pk")
            .annotate(key=keys[group], placed=F("placed_at"), claimed=F(f"{DISPATCH}claimed_at"),
                      contacted=first_contact(),
                      processed=Min(f"{DISPATCH}history__created_at",
                                    filter=Q(**{f"{DISPATCH}history__to_status": Status.PROCESSED})),
                      closed=Min(f"{DISPATCH}history__created_at",
                                 filter=Q(**{f"{DISPATCH}history__to_status__in": CLOSED})))
            .values("key", "placed", "claimed", "contacted", "processed", "closed"))


def _step_pairs():
    previous = "placed"
    for step in STEPS:
        yield previous, step
        previous = step


def funnel(filters, group="region"):
    """Per group: how many orders reached each step, and the median and 90th-percentile minutes of each step
    (from the step before it). PostgreSQL computes the percentiles; other databases get them computed here."""
    inner = _funnel_rows(filters, group)
    if connection.vendor == "postgresql":
        return _funnel_postgres(inner)
    groups = {}
    for row in inner.iterator(chunk_size=5000):
        groups.setdefault(row["key"] or "", []).append(row)
    result = []
    for key, rows in groups.items():
        entry = {"key": key, "orders": len(rows)}
        for start, end in _step_pairs():
            minutes = sorted((r[end] - r[start]).total_seconds() / 60 for r in rows if r[start] and r[end])
            entry[f"{end}_count"] = sum(1 for r in rows if r[end])
            entry[f"{end}_median"] = statistics.median(minutes) if minutes else None
            entry[f"{end}_p90"] = _percentile(minutes, 0.9)
        result.append(entry)
    return sorted(result, key=lambda e: (-e["orders"], str(e["key"])))


def _percentile(values, fraction):
    """Linear interpolation between ranks, as PostgreSQL's ``percentile_cont``."""
    if not values:
        return None
    position = (len(values) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def _funnel_postgres(inner):
    sql, params = inner.query.sql_with_params()
    parts = ["count(*) AS orders"]
    for start, end in _step_pairs():
        minutes = f"extract(epoch from (steps.{end} - steps.{start})) / 60"
        parts.append(f"count(steps.{end}) AS {end}_count")
        parts.append(f"percentile_cont(0.5) within group (order by {minutes}) AS {end}_median")
        parts.append(f"percentile_cont(0.9) within group (order by {minutes}) AS {end}_p90")
    query = (f"SELECT coalesce(steps.key, '') AS key, {', '.join(parts)} FROM ({sql}) steps "
             f"GROUP BY 1 ORDER BY 2 DESC, 1")
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        names = [col[0] for col in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# Refusals -----------------------------------------------------------------------------------------------


def _refusals(filters):
    """The entries that closed orders as failed or cancelled, for the filtered orders."""
    return StatusChange.objects.filter(filter_q(filters, "dispatch__order__suz_attribution__"),
                                       to_status__in=REFUSED)


def refusals(filters):
    """Failed and cancelled orders by reason and fault: counts, share of refusals, share of all orders."""
    total_orders = attributed(filters).count()
    rows = list(_refusals(filters).values("to_status", "fault", "failure_reason__title")
                .annotate(count=Count("dispatch", distinct=True)).order_by("-count", "failure_reason__title"))
    refused = sum(row["count"] for row in rows)
    for row in rows:
        row["of_refusals"] = 100.0 * row["count"] / refused if refused else 0.0
        row["of_orders"] = 100.0 * row["count"] / total_orders if total_orders else 0.0
    faults = {}
    for row in rows:
        faults[row["fault"]] = faults.get(row["fault"], 0) + row["count"]
    return {"rows": rows, "refused": refused, "orders": total_orders, "faults": faults}


def refusals_by_month(filters):
    """``[(month, {fault: count})]``: the refusals over time."""
    series = {}
    for row in (_refusals(filters).annotate(month=TruncMonth("dispatch__order__suz_attribution__placed_at"))
                .values("month", "fault").annotate(count=Count("dispatch", distinct=True)).order_by("month")):
        month = row["month"]
        month = timezone.localtime(month).date() if timezone.is_aware(month) else month.date()
        series.setdefault(month, {})[row["fault"]] = row["count"]
    return sorted(series.items())


# Advertising --------------------------------------------------------------------------------------------


def advertising(filters):
    """Per campaign: spend (imported), orders, completed, «заработано», cost per completed order and ROMI.

    Spend is matched to orders by the campaign name in their UTM tags (``utm_campaign``); region, city and
    dealer filters narrow the orders, not the spend (the platforms report spend per campaign only).
    """
    spend = AdSpend.objects.all()
    if filters.date_from:
        spend = spend.filter(day__gte=filters.date_from)
    if filters.date_to:
        spend = spend.filter(day__lte=filters.date_to)
    if filters.campaign:
        spend = spend.filter(campaign=filters.campaign)
    by_campaign = {row["campaign"]: row for row in spend.values("campaign").annotate(
        spend=Sum("spend"), clicks=Sum("clicks"), platform=Min("platform"))}
    orders = {row["key"]: row for row in sales(filters, Grouping.CAMPAIGN)[0] if row["key"]}
    rows = []
    for campaign in sorted(set(by_campaign) | set(orders)):
        row = {"campaign": campaign, "platform": by_campaign.get(campaign, {}).get("platform", ""),
               "spend": by_campaign.get(campaign, {}).get("spend") or Decimal(0),
               "clicks": by_campaign.get(campaign, {}).get("clicks") or 0,
               **{name: orders.get(campaign, {}).get(name, 0) for name in ("orders", "completed", "earned")}}
        row["earned"] = row["earned"] or Decimal(0)
        row["cost_per_completed"] = (row["spend"] / row["completed"]) if row["completed"] and row["spend"] else None
        row["romi"] = (100 * (row["earned"] - row["spend"]) / row["spend"]) if row["spend"] else None
        rows.append(row)
    rows.sort(key=lambda r: (-r["spend"], -r["earned"], r["campaign"]))
    return rows[:MAX_ROWS]


# Offline conversions ------------------------------------------------------------------------------------


def conversions(filters):
    """Completed orders that an ad platform can match to a visitor (Metrica ClientID or yclid, GA4 client id):
    order number, ids, when the order was completed and «заработано»; for the platforms' offline conversions."""
    completed_at = Subquery(StatusChange.objects.filter(dispatch__order=OuterRef("order"),
                                                        to_status=Status.COMPLETED)
                            .order_by("created_at").values("created_at")[:1])
    return (attributed(filters).filter(**{f"{DISPATCH}status": Status.COMPLETED})
            .exclude(client_id="", first_yclid="", last_yclid="", ga_client_id="")
            .annotate(completed_at=completed_at, earned=order_earned())
            .values("order__number", "client_id", "ga_client_id", "first_yclid", "last_yclid", "completed_at",
                    "earned", "placed_at").order_by("placed_at"))
