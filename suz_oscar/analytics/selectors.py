"""Reads of sales analytics: every report aggregates in the database over the order facts.

A report takes ``filters`` (``Filters``: period, region, city, dealer, channel, source, campaign and which
touch is credited) and returns rows of plain dicts; the dashboard formats them as a table, a chart and a
CSV/XLSX file. Each order is one row of ``OrderFact`` (its touches, place, dealer, funnel times, outcome and
«заработано», kept current by the changes of the order), so no report joins the orders' tables. Where a
roll-up holds the report's rows and filters (``rollups``), its days are read from the roll-up and only the days
whose facts changed since its last refresh, and the part of the period a monthly roll-up does not hold whole,
from the facts; the figures are the same either way.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property

from django.db.models import Case, CharField, Count, DecimalField, F, Min, Q, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractHour, TruncDay, TruncMonth, TruncWeek
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch.vocabulary import Status

from . import rollups
from .vocabulary import Grouping, Touch

Attribution = get_model("suz_analytics", "Attribution")
AdSpend = get_model("suz_analytics", "AdSpend")
DailySales = get_model("suz_analytics", "DailySales")
HourlySales = get_model("suz_analytics", "HourlySales")
MonthlyKeySales = get_model("suz_analytics", "MonthlyKeySales")
MonthlyOutcomes = get_model("suz_analytics", "MonthlyOutcomes")
FunnelHistogram = get_model("suz_analytics", "FunnelHistogram")
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


def filter_q(filters, path="", period=True):
    """The filters as a ``Q`` over ``OrderFact`` (``path``: the way to it from another model; ``period``: False
    leaves the period out)."""
    q = period_q(filters, path) if period else Q()
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


def facts(filters, ranges=None):
    """The facts of ``filters``; ``ranges``: only those placed on these days (``[(first, last)]``)."""
    if ranges is None:
        return OrderFact.objects.filter(filter_q(filters))
    return OrderFact.objects.filter(filter_q(filters, period=False), rollups.ranges_q(ranges))


def touch_filtered(filters):
    return bool(filters.channel or filters.source or filters.campaign)


def place_filtered(filters):
    return filters.region is not None or filters.city is not None or filters.dealer is not None


def _touch_rows(rows, filters):
    """Roll-up rows (with ``channel``, ``source``, ``campaign``) narrowed by the touch filters."""
    for name in ("channel", "source"):
        if getattr(filters, name):
            rows = rows.filter(**{name: getattr(filters, name)})
    if filters.campaign:
        rows = rows.filter(campaign__in=filters.campaigns)
    return rows


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
    Grouping.DAY: TruncDay, Grouping.WEEK: TruncWeek, Grouping.MONTH: TruncMonth, Grouping.HOUR: "hour",
    Grouping.TERM: "value", Grouping.LANDING: "value",
}
MONTHLY_GROUPS = (Grouping.HOUR, Grouping.TERM, Grouping.LANDING)
SUMS = ("orders", "claimed", "completed", "earned")


def uses_rollup(filters, group):
    """Whether a roll-up answers: no region, city or dealer filter, and rows it keeps (the hour from
    ``HourlySales``; the search term and the landing page from ``MonthlyKeySales``, without a campaign filter;
    the rest from ``DailySales``)."""
    return (not place_filtered(filters) and group in ROLLUP_GROUPS
            and not (group in (Grouping.TERM, Grouping.LANDING) and filters.campaign))


def _rollup_sales(filters, group, part):
    """The roll-up's rows of ``part`` (``[{key, sums}]``) and their totals."""
    if group in (Grouping.TERM, Grouping.LANDING):
        rows = MonthlyKeySales.objects.filter(part, touch=filters.touch, grouping=group)
    else:
        rows = (HourlySales if group == Grouping.HOUR else DailySales).objects.filter(part, touch=filters.touch)
    rows = _touch_rows(rows, filters)
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

    Without a region, city or dealer filter the roll-ups answer (``DailySales``; the hour, the term and the landing
    page: ``HourlySales`` and ``MonthlyKeySales`` for the months the period holds whole), the facts only the days
    they do not hold; otherwise the facts alone.
    """
    if not uses_rollup(filters, group):
        rows, totals = fact_sales(filters, group)
        return [_with_rates(row) for row in rows], _with_rates(totals)
    part, ranges = rollups.split(filters, "month" if group in MONTHLY_GROUPS else "day", rollups.dirty_days())
    past, past_totals = _rollup_sales(filters, group, part) if part is not None else ([], {})
    recent, recent_totals = fact_sales(filters, group, ranges, limit=None) if ranges else ([], {})
    rows = _merge(past, recent)
    totals = {name: (past_totals.get(name) or 0) + (recent_totals.get(name) or 0) for name in SUMS}
    if group in TIME_GROUPS:
        rows.sort(key=lambda row: row["key"])
    else:
        rows.sort(key=lambda row: (-row["orders"], str(row["key"])))
        rows = rows[:MAX_ROWS]
    return [_with_rates(row) for row in rows], _with_rates(totals)


def fact_sales(filters, group, ranges=None, limit=MAX_ROWS):
    """The sales rows and totals aggregated over the order facts alone (``ranges``: of these days only)."""
    queryset = facts(filters, ranges)
    if group in TIME_GROUPS:
        key = TIME_GROUPS[group]()
        rows = queryset.annotate(key=key).values("key").annotate(**measures()).order_by("key")
    else:
        rows = (queryset.annotate(key=F(filters.prefix + group)).values("key").annotate(**measures())
                .order_by("-orders", "key"))
        rows = rows[:limit] if limit else rows
    rows = [dict(row, key=_day_key(row["key"])) for row in rows]
    return rows, queryset.aggregate(**measures())


# The funnel ---------------------------------------------------------------------------------------------

STEPS = rollups.STEPS
UNCLAIMED = rollups.UNCLAIMED  # the stage key of orders no dealer has claimed
FUNNEL_GROUPS = ("region", "dealer", "stage")


def funnel_uses_rollup(filters):
    """Whether ``FunnelHistogram`` answers: no filter but the period. A region, city or dealer filter reads the
    facts by their indexes; a channel, source or campaign filter (the roll-up does not keep the touches) counts
    the facts' stored buckets (``OrderFact.<step>_bucket``)."""
    return not place_filtered(filters) and not touch_filtered(filters)


def funnel_histograms(filters, group="region"):
    """``{key: {"orders": n, step: {bucket: orders}}}``: how long each step took (``rollups.BUCKETS``), per group;
    from ``FunnelHistogram`` for the months it answers, from the facts for the rest."""
    result = {}

    def entry(key):
        return result.setdefault(key, {"orders": 0, **{step: {} for step in STEPS}})

    part, ranges = rollups.split(filters, "month",
                                 rollups.dirty_days() if funnel_uses_rollup(filters) else None)
    if part is not None:
        key = {"region": F("region_id"), "dealer": F("dealer_id"), "stage": F("stage")}[group]
        for row in (FunnelHistogram.objects.filter(part, grouping=group).annotate(key=key)
                    .values("key", "step", "bucket").annotate(count=Sum("count")).order_by()):
            found = entry(row["key"])
            if row["step"]:
                found[row["step"]][row["bucket"]] = found[row["step"]].get(row["bucket"], 0) + row["count"]
            else:
                found["orders"] += row["count"]
    if ranges:  # the facts' orders per key and combination of their steps' stored buckets, counted in the database
        fields = [rollups.BUCKET_FIELDS[step] for step in STEPS]
        for row in (facts(filters, ranges).annotate(f_key=rollups.fact_key(group)).values("f_key", *fields)
                    .annotate(count=Count("pk")).order_by()):
            found = entry(row["f_key"])
            found["orders"] += row["count"]
            for step, field in zip(STEPS, fields, strict=True):
                bucket = row[field]
                if bucket is not None:
                    found[step][bucket] = found[step].get(bucket, 0) + row["count"]
    return result


def funnel(filters, group="region"):
    """Per group (region, dealer: their names; stage: the strategy's key): how many orders reached each step,
    and the median and 90th-percentile minutes of each step (from the step before it), interpolated in the
    duration buckets of ``rollups.BUCKETS`` (≈, within about ±15 %)."""
    result = []
    for key, found in funnel_histograms(filters, group).items():
        row = {"key": key, "orders": found["orders"]}
        for step in STEPS:
            row[f"{step}_count"] = sum(found[step].values())
            row[f"{step}_median"] = rollups.percentile(found[step], 0.5)
            row[f"{step}_p90"] = rollups.percentile(found[step], 0.9)
        result.append(row)
    if group in ("region", "dealer"):
        ids = [row["key"] for row in result if row["key"] not in ("", None)]
        names = (dict(Region.objects.filter(pk__in=ids).values_list("pk", "name")) if group == "region" else
                 dict(Dealer.objects.filter(pk__in=ids).values_list("pk", "partner__name")))
        for row in result:
            row["key"] = names.get(row["key"], "") if row["key"] not in ("", None) else ""
    for row in result:
        row["key"] = row["key"] if row["key"] is not None else ""
    return sorted(result, key=lambda e: (-e["orders"], str(e["key"])))


def _percentile(values, fraction):
    """Linear interpolation between ranks, as PostgreSQL's ``percentile_cont`` (exact, for comparison)."""
    if not values:
        return None
    position = (len(values) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


# Refusals -----------------------------------------------------------------------------------------------


def outcomes_kind(filters):
    """Which rows of ``MonthlyOutcomes`` answer ``filters``: the credited touch's (channel, source, campaign
    filters), «place» (region, dealer), or None (the city, or both families at once: the facts alone)."""
    if filters.city is not None or (touch_filtered(filters) and place_filtered(filters)):
        return None
    return "place" if place_filtered(filters) else filters.touch


def _outcomes(filters):
    """``[{month, outcome, fault, reason_id, count}]``: the orders of ``filters`` by month and how the refused
    ones closed (``outcome`` empty: not refused). Asked once per ``filters``."""
    if "_outcomes" in filters.__dict__:
        return filters.__dict__["_outcomes"]
    kind = outcomes_kind(filters)
    part, ranges = rollups.split(filters, "month", rollups.dirty_days() if kind else None)
    rows = []
    if part is not None:
        stored = MonthlyOutcomes.objects.filter(part, kind=kind)
        stored = _touch_rows(stored, filters) if kind != "place" else stored.filter(
            **{name: getattr(filters, name) for name in ("region", "dealer") if getattr(filters, name) is not None})
        rows += stored.values("month", "outcome", "fault", "reason_id").annotate(count=Sum("count")).order_by()
    if ranges:
        refused = Q(outcome__in=REFUSED)
        rows += (facts(filters, ranges).annotate(
            month=rollups.LocalMonth(),
            closed=Case(When(refused, then=F("outcome")), default=Value(""), output_field=CharField()),
            why=Case(When(refused, then=F("fault")), default=Value(""), output_field=CharField()),
            reason=Case(When(refused, then=F("close_reason_id")), default=None))
            .values("month", "closed", "why", "reason").annotate(count=Count("pk")).order_by())
    rows = [{"month": row["month"], "outcome": row.get("outcome", row.get("closed")),
             "fault": row.get("fault", row.get("why")), "reason_id": row.get("reason_id", row.get("reason")),
             "count": row["count"]} for row in rows]
    filters.__dict__["_outcomes"] = rows
    return rows


def refusals(filters):
    """Failed and cancelled orders by reason and fault: counts, share of refusals, share of all orders."""
    found = _outcomes(filters)
    total_orders = sum(row["count"] for row in found)
    grouped = {}
    for row in found:
        if row["outcome"]:
            key = (row["outcome"], row["fault"], row["reason_id"])
            grouped[key] = grouped.get(key, 0) + row["count"]
    titles = dict(get_model("suz_dispatch", "FailureReason").objects.filter(
        pk__in={reason for _o, _f, reason in grouped} - {None}).values_list("pk", "title"))
    rows = [{"to_status": outcome, "fault": fault, "reason": titles.get(reason), "count": count}
            for (outcome, fault, reason), count in grouped.items()]
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
    for row in _outcomes(filters):
        if row["outcome"]:
            counts = series.setdefault(_day_key(row["month"]), {})
            counts[row["fault"]] = counts.get(row["fault"], 0) + row["count"]
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
