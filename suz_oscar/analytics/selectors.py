"""Reads of sales analytics: every report aggregates in the database over the order facts.

A report takes ``filters`` (``Filters``: period, region, city, dealer, channel, source, campaign and which
touch is credited) and returns rows of plain dicts; the dashboard formats them as a table, a chart and a
CSV/XLSX file. Each order is one row of ``OrderFact`` (its touches, place, dealer, funnel times, outcome and
«заработано», kept current by the changes of the order), so no report joins the orders' tables; the sales
by channel, source, campaign and time also read the daily roll-up (``DailySales``) for the days before today.
"""

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property

from django.db import connection
from django.db.models import Case, CharField, Count, DecimalField, F, Min, Q, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractHour, TruncDay, TruncMonth, TruncWeek
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch.vocabulary import Status

from .vocabulary import Grouping, Touch

Attribution = get_model("suz_analytics", "Attribution")
AdSpend = get_model("suz_analytics", "AdSpend")
DailySales = get_model("suz_analytics", "DailySales")
OrderFact = get_model("suz_analytics", "OrderFact")
Region = get_model("suz_dealers", "Region")
Dealer = get_model("suz_dealers", "Dealer")

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

    @cached_property
    def campaigns(self):
        """The values of ``utm_campaign`` the campaign filter stands for: its name and the ids the imported spend
        gives it (an ad's link may carry either), or the id and the campaign's name."""
        if not self.campaign:
            return []
        return campaign_keys(self.campaign)


def campaign_keys(campaign):
    """``campaign`` and the names or ids the imported spend pairs it with."""
    keys = {campaign}
    for name, campaign_id in (AdSpend.objects.filter(Q(campaign=campaign) | Q(campaign_id=campaign))
                              .values_list("campaign", "campaign_id").distinct()):
        keys |= {name, campaign_id} - {""}
    return sorted(keys)


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
    """The filters as a ``Q`` over ``OrderFact`` (``path``: the way to it from another model)."""
    q = period_q(filters, path)
    p = filters.prefix
    for name in ("region", "city", "dealer"):
        if getattr(filters, name) is not None:
            q &= Q(**{f"{path}{name}": getattr(filters, name)})
    for name in ("channel", "source"):
        if getattr(filters, name):
            q &= Q(**{f"{path}{p}{name}": getattr(filters, name)})
    if filters.campaign:
        q &= Q(**{f"{path}{p}campaign__in": filters.campaigns})
    return q


def facts(filters):
    return OrderFact.objects.filter(filter_q(filters))


def order_earned(path="order__"):
    """«Заработано» of one order (``path``: the way from the queried model to the order): what the reports count
    as its actual sale. For a completed order, the amount the dealer confirmed or corrected when completing it
    (feedback's ``Earned``, read by its relation), the order total where none was recorded; nothing for other
    orders. The one place the reports read it; the order's facts store it (``services.fact_refresh`` runs when
    an ``Earned`` is saved, see ``receivers``)."""
    return Case(When(**{f"{path}suz_dispatch__status": Status.COMPLETED},
                     then=Coalesce(F(f"{path}suz_dispatch__earned__amount"), F(f"{path}total_incl_tax"),
                                   output_field=MONEY)),
                default=Value(Decimal(0)), output_field=MONEY)


def measures():
    """The sales measures over order facts."""
    return {
        "orders": Count("pk"),
        "claimed": Count("pk", filter=Q(claimed_at__isnull=False)),
        "completed": Count("pk", filter=Q(outcome=Status.COMPLETED)),
        "earned": Coalesce(Sum("earned"), Value(Decimal(0)), output_field=MONEY),
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
    for name in ("channel", "source"):
        if getattr(filters, name):
            rows = rows.filter(**{name: getattr(filters, name)})
    if filters.campaign:
        rows = rows.filter(campaign__in=filters.campaigns)
    key = ROLLUP_GROUPS[group]
    key = F(key) if isinstance(key, str) else key("day")
    sums = {name: Sum(name) for name in SUMS}
    return list(rows.annotate(key=key).values("key").annotate(**sums).order_by()), rows.aggregate(**sums)


def _day_key(key):
    if isinstance(key, datetime):
        return timezone.localtime(key).date() if timezone.is_aware(key) else key.date()
    return key


def _merge(rows, more):
    merged = {}
    for row in list(rows) + list(more):
        key = _day_key(row["key"])
        entry = merged.setdefault(key, {"key": key, **{name: 0 for name in SUMS}})
        for name in SUMS:
            entry[name] += row[name] or 0
    return list(merged.values())


def sales(filters, group=Grouping.CHANNEL):
    """Orders, claimed, completed, «заработано» and conversion to completed, per ``group``; and the totals.

    Without a region, city or dealer filter the days before today come from the daily roll-up (rebuilt every
    few minutes for the days whose orders changed) and today from the order facts; otherwise, and for the
    term, landing page and hour, the order facts answer alone.
    """
    if uses_rollup(filters, group):
        today = timezone.localdate()
        past, past_totals = _rollup_sales(filters, group, today)
        live = dataclasses.replace(filters, date_from=max(filters.date_from or today, today))
        live.__dict__["campaigns"] = filters.campaigns  # asked once
        recent = [] if filters.date_to and filters.date_to < today else fact_sales(live, group)
        rows = _merge(past, recent[0] if recent else [])
        totals = {name: (past_totals[name] or 0) + (recent[1][name] if recent else 0) for name in SUMS}
        if group in TIME_GROUPS:
            rows.sort(key=lambda row: row["key"])
        else:
            rows.sort(key=lambda row: (-row["orders"], str(row["key"])))
            rows = rows[:MAX_ROWS]
        return [_with_rates(row) for row in rows], _with_rates(totals)
    rows, totals = fact_sales(filters, group)
    return [_with_rates(row) for row in rows], _with_rates(totals)


def fact_sales(filters, group):
    """The sales rows and totals aggregated over the order facts alone."""
    queryset = facts(filters)
    if group in TIME_GROUPS:
        key = TIME_GROUPS[group]()
        rows = queryset.annotate(key=key).values("key").annotate(**measures()).order_by("key")
    else:
        rows = (queryset.annotate(key=F(filters.prefix + group)).values("key").annotate(**measures())
                .order_by("-orders", "key")[:MAX_ROWS])
    rows = [dict(row, key=_day_key(row["key"])) for row in rows]
    return rows, queryset.aggregate(**measures())


# The funnel ---------------------------------------------------------------------------------------------

STEPS = ("claimed", "contacted", "processed", "closed")
UNCLAIMED = "-"  # the stage key of orders no dealer has claimed
FUNNEL_GROUPS = ("region", "dealer", "stage")


def _funnel_rows(filters, group):
    keys = {
        "region": F("region_id"),
        "dealer": F("dealer_id"),
        "stage": Case(When(dealer__isnull=True, then=Value(UNCLAIMED)), default=F("stage"), output_field=CharField()),
    }
    return (facts(filters).annotate(key=keys[group], placed=F("placed_at"), claimed=F("claimed_at"),
                                    contacted=F("contacted_at"), processed=F("processed_at"), closed=F("closed_at"))
            .values("key", "placed", "claimed", "contacted", "processed", "closed").order_by())


def _step_pairs():
    previous = "placed"
    for step in STEPS:
        yield previous, step
        previous = step


def funnel(filters, group="region"):
    """Per group (region, dealer: their names; stage: the strategy's key): how many orders reached each step,
    and the median and 90th-percentile minutes of each step (from the step before it). PostgreSQL computes the
    percentiles (``percentile_cont``); other databases get them computed here, the same way."""
    inner = _funnel_rows(filters, group)
    result = _funnel_postgres(inner) if connection.vendor == "postgresql" else _funnel_python(inner)
    if group in ("region", "dealer"):
        ids = [row["key"] for row in result if row["key"] not in ("", None)]
        names = (dict(Region.objects.filter(pk__in=ids).values_list("pk", "name")) if group == "region" else
                 dict(Dealer.objects.filter(pk__in=ids).values_list("pk", "partner__name")))
        for row in result:
            row["key"] = names.get(row["key"], "") if row["key"] not in ("", None) else ""
    for row in result:
        row["key"] = row["key"] if row["key"] is not None else ""
    return sorted(result, key=lambda e: (-e["orders"], str(e["key"])))


def _funnel_python(inner):
    groups = {}
    for row in inner.iterator(chunk_size=5000):
        groups.setdefault(row["key"], []).append(row)
    result = []
    for key, rows in groups.items():
        entry = {"key": key, "orders": len(rows)}
        for start, end in _step_pairs():
            minutes = sorted((r[end] - r[start]).total_seconds() / 60 for r in rows if r[start] and r[end])
            entry[f"{end}_count"] = sum(1 for r in rows if r[end])
            entry[f"{end}_median"] = _percentile(minutes, 0.5)
            entry[f"{end}_p90"] = _percentile(minutes, 0.9)
        result.append(entry)
    return result


def _percentile(values, fraction):
    """Linear interpolation between ranks, as PostgreSQL's ``percentile_cont``."""
    if not values:
        return None
    position = (len(values) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def _funnel_postgres(inner):
    """One pass over the facts: each step's two percentiles from one sort (``percentile_cont`` of an array)."""
    sql, params = inner.query.sql_with_params()
    parts = ["count(*) AS orders"]
    for start, end in _step_pairs():
        minutes = f"extract(epoch from (steps.{end} - steps.{start})) / 60"
        parts.append(f"count(steps.{end}) AS {end}_count")
        parts.append(f"percentile_cont(array[0.5, 0.9]) within group (order by {minutes}) AS {end}_pct")
    query = f"SELECT steps.key AS key, {', '.join(parts)} FROM ({sql}) steps GROUP BY 1"
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        names = [col[0] for col in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        for step in STEPS:
            median, p90 = row.pop(f"{step}_pct") or (None, None)
            row[f"{step}_median"], row[f"{step}_p90"] = median, p90
    return rows


# Refusals -----------------------------------------------------------------------------------------------


def refusals(filters):
    """Failed and cancelled orders by reason and fault: counts, share of refusals, share of all orders."""
    queryset = facts(filters)
    total_orders = queryset.count()
    rows = list(queryset.filter(outcome__in=REFUSED)
                .values("outcome", "fault", "close_reason_id").annotate(count=Count("pk")).order_by())
    titles = dict(get_model("suz_dispatch", "FailureReason").objects.filter(
        pk__in={row["close_reason_id"] for row in rows} - {None}).values_list("pk", "title"))
    for row in rows:
        row["to_status"] = row.pop("outcome")
        row["reason"] = titles.get(row.pop("close_reason_id"))
    rows.sort(key=lambda row: (-row["count"], row["reason"] or ""))
    refused = sum(row["count"] for row in rows)
    for row in rows:
        row["of_refusals"] = 100.0 * row["count"] / refused if refused else 0.0
        row["of_orders"] = 100.0 * row["count"] / total_orders if total_orders else 0.0
    faults = {}
    for row in rows:
        faults[row["fault"]] = faults.get(row["fault"], 0) + row["count"]
    return {"rows": rows, "refused": refused, "orders": total_orders, "faults": faults}


def refusals_by_month(filters):
    """``[(month, {fault: count})]``: the refusals over time (by the month the orders were placed)."""
    series = {}
    for row in (facts(filters).filter(outcome__in=REFUSED).annotate(month=TruncMonth("placed_at"))
                .values("month", "fault").annotate(count=Count("pk")).order_by("month")):
        series.setdefault(_day_key(row["month"]), {})[row["fault"]] = row["count"]
    return sorted(series.items())


# Advertising --------------------------------------------------------------------------------------------


def advertising(filters):
    """Per campaign: spend (imported), orders, completed, «заработано», cost per completed order and ROMI.

    Orders are matched to spend by the campaign in their UTM tags (``utm_campaign``): the campaign's name, or
    its id where the spend file gives one (Yandex Direct's «№ кампании», Google Ads' «Campaign ID»). Region,
    city and dealer filters narrow the orders, not the spend (the platforms report spend per campaign only).
    """
    spend = AdSpend.objects.all()
    if filters.date_from:
        spend = spend.filter(day__gte=filters.date_from)
    if filters.date_to:
        spend = spend.filter(day__lte=filters.date_to)
    if filters.campaign:
        spend = spend.filter(Q(campaign__in=filters.campaigns) | Q(campaign_id__in=filters.campaigns))
    entries, alias = {}, {}

    def entry(name):
        return entries.setdefault(name, {"campaign": name, "platform": "", "campaign_ids": [],
                                         "spend": Decimal(0), "clicks": 0, "orders": 0, "completed": 0,
                                         "earned": Decimal(0)})

    for row in spend.values("campaign", "campaign_id").annotate(spend=Sum("spend"), clicks=Sum("clicks"),
                                                                platform=Min("platform")).order_by():
        found = entry(row["campaign"])
        found["platform"] = found["platform"] or row["platform"]
        found["spend"] += row["spend"] or 0
        found["clicks"] += row["clicks"] or 0
        alias[row["campaign"]] = row["campaign"]
        if row["campaign_id"]:
            alias.setdefault(row["campaign_id"], row["campaign"])
            found["campaign_ids"].append(row["campaign_id"])
    for row in sales(filters, Grouping.CAMPAIGN)[0]:
        if row["key"]:
            found = entry(alias.get(row["key"], row["key"]))
            for name in ("orders", "completed", "earned"):
                found[name] += row[name] or 0
    rows = list(entries.values())
    for row in rows:
        row["campaign_ids"] = ", ".join(sorted(set(row["campaign_ids"])))
        row["cost_per_completed"] = (row["spend"] / row["completed"]) if row["completed"] and row["spend"] else None
        row["romi"] = (100 * (row["earned"] - row["spend"]) / row["spend"]) if row["spend"] else None
    rows.sort(key=lambda r: (-r["spend"], -r["earned"], r["campaign"]))
    return rows[:MAX_ROWS]


# Offline conversions ------------------------------------------------------------------------------------


def conversions(filters):
    """Completed orders that an ad platform can match to a visitor (Metrica ClientID or yclid, GA4 client id):
    order number, ids, when the order was completed and «заработано»; for the platforms' offline conversions."""
    return (Attribution.objects.filter(filter_q(filters, "order__suz_fact__"),
                                       order__suz_fact__outcome=Status.COMPLETED)
            .exclude(client_id="", first_yclid="", last_yclid="", ga_client_id="")
            .annotate(completed_at=F("order__suz_fact__closed_at"), earned=F("order__suz_fact__earned"))
            .values("order__number", "client_id", "ga_client_id", "first_yclid", "last_yclid", "completed_at",
                    "earned", "placed_at").order_by("placed_at"))
