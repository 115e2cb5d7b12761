"""The reports' roll-ups: the funnel's duration buckets, and which days a report reads from a roll-up and which
from the order facts.

Four roll-ups are rebuilt from the facts (``services.rollup_refresh``): ``DailySales`` (per day), and per month
``HourlySales``, ``MonthlyOutcomes`` (refusals) and ``FunnelHistogram`` (how long each step took, in the buckets
below). They are not written in the transactions of the orders' changes (that would make every change of the
day's orders wait on the same rows); instead ``RollupState.clean_before`` says up to when they are current,
and a report reads from the facts the days whose facts were written since (``dirty_days``: one indexed look-up
of ``OrderFact.updated_at``) and any part of the period a roll-up row does not cover whole (``split``). So a
report always equals the facts; the roll-ups only make it fast. Celery beat brings them up to date every few
minutes (``tasks.refresh_rollup``).
"""

from bisect import bisect_right
from datetime import date, datetime, time, timedelta

from django.db.models import Case, CharField, DateField, F, Func, IntegerField, Q, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from oscar.core.loading import get_model

# The funnel's duration buckets, in minutes: bucket i holds [BUCKETS[i - 1], BUCKETS[i]) (bucket 0 from 0; the
# last, len(BUCKETS), 30 days and more). From 3 minutes on each bound is at most 4/3 of the one before, so a
# percentile interpolated inside its bucket is within about ±15 % of the exact one; under 3 minutes within a
# minute (docs/architecture.md).
BUCKETS = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 90, 120, 150, 180, 240, 300, 360, 480,
           600, 720, 900, 1080, 1440, 1800, 2160, 2880, 3600, 4320, 5760, 7200, 8640, 10080, 12960, 17280, 21600,
           28800, 36000, 43200)
UNREACHED_START = -1  # the bucket of a step reached while the step before it was not (no duration)

# Facts written this long before a refresh began are in the roll-ups it wrote: longer than any transaction that
# writes facts, so a change committed while a refresh reads still counts as written after it.
MARGIN = timedelta(minutes=5)


def bucket_of(minutes):
    """The bucket of a duration in minutes (as the database computes it, ``DurationBucket``)."""
    return bisect_right(BUCKETS, minutes)


def percentile(histogram, fraction):
    """The ``fraction`` percentile of the durations counted in ``histogram`` (``{bucket: count}``), interpolated
    inside its bucket as if its durations were spread evenly; at the rank ``percentile_cont`` takes."""
    counts = {bucket: count for bucket, count in histogram.items() if bucket >= 0 and count}
    total = sum(counts.values())
    if not total:
        return None
    position = (total - 1) * fraction
    seen = 0
    for bucket in sorted(counts):
        count = counts[bucket]
        if position < seen + count:
            low = BUCKETS[bucket - 1] if bucket else 0
            if bucket >= len(BUCKETS):
                return float(low)
            return low + (BUCKETS[bucket] - low) * (position - seen + 0.5) / count
        seen += count
    return float(BUCKETS[-1])  # not reached: position < total


def bucket_sql(end, start, vendor):
    """SQL for the bucket of the minutes from the SQL expression ``start`` to ``end`` (two columns): NULL without
    ``end``, ``UNREACHED_START`` without ``start``. What ``bucket_of`` computes in Python."""
    if vendor == "postgresql":
        bounds = ", ".join(str(bound) for bound in BUCKETS)
        minutes = f"width_bucket((EXTRACT(EPOCH FROM ({end} - {start})) / 60.0)::float8, ARRAY[{bounds}]::float8[])"
    else:  # SQLite
        elapsed = f"((julianday({end}) - julianday({start})) * 1440.0)"
        chain = " ".join(f"WHEN {elapsed} < {bound} THEN {index}" for index, bound in enumerate(BUCKETS))
        minutes = f"CASE {chain} ELSE {len(BUCKETS)} END"
    return f"CASE WHEN {end} IS NULL THEN NULL WHEN {start} IS NULL THEN {UNREACHED_START} ELSE {minutes} END"


class DurationBucket(Func):
    """The bucket of the minutes from the column ``start`` to the column ``end`` (``bucket_sql``)."""

    output_field = IntegerField()

    def __init__(self, end, start):
        super().__init__(F(end), F(start))

    def as_sql(self, compiler, connection, **extra):
        end, end_params = compiler.compile(self.source_expressions[0])
        start, start_params = compiler.compile(self.source_expressions[1])
        assert not end_params and not start_params  # two columns
        return bucket_sql(end, start, connection.vendor), []


class LocalMonth(Func):
    """The first day of the month (in the site's time zone) of the datetime column ``name``."""

    output_field = DateField()

    def __init__(self, name="placed_at"):
        super().__init__(TruncDate(name))

    def as_sql(self, compiler, connection, **extra):  # SQLite: TruncDate gives 'YYYY-MM-DD'
        day, params = compiler.compile(self.source_expressions[0])
        return f"strftime('%%Y-%%m-01', {day})", params

    def as_postgresql(self, compiler, connection, **extra):
        day, params = compiler.compile(self.source_expressions[0])
        return f"date_trunc('month', {day})::date", params


def day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def ranges_q(ranges, path=""):
    """Facts placed on the days of ``ranges`` (``[(first, last)]``, both included)."""
    q = Q(pk__in=[])
    for first, last in ranges:
        q |= Q(**{f"{path}placed_at__gte": day_start(first), f"{path}placed_at__lt": day_start(last + timedelta(1))})
    return q


def dirty_days():
    """The days (site's time zone) of the facts written since the roll-ups were last brought up to date: a report
    reads them from the facts. None when there is no roll-up yet (every day from the facts)."""
    clean_before = get_model("suz_analytics", "RollupState").objects.values_list("clean_before", flat=True).first()
    if clean_before is None:
        return None
    return set(get_model("suz_analytics", "OrderFact").objects.filter(updated_at__gte=clean_before)
               .annotate(day=TruncDate("placed_at")).values_list("day", flat=True).distinct().order_by())


FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)


def _next_month(day):
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _merged(days):
    """Consecutive days as ``[(first, last)]``."""
    ranges = []
    for day in sorted(days):
        if ranges and ranges[-1][1] + timedelta(days=1) == day:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def split(filters, grain, dirty):
    """Which part of ``filters``' period a roll-up of ``grain`` («day» or «month») answers and which the facts:
    ``(q over the roll-up's day or month, or None; [(first, last)] days for the facts)``. ``dirty``: as
    ``dirty_days`` gives (None: everything from the facts). A month is read from its roll-up only when the period
    holds it whole and none of its days is dirty."""
    first, last = filters.date_from or FIRST_DAY, filters.date_to or LAST_DAY
    if first > last:
        return None, []
    if dirty is None:
        return None, [(first, last)]
    if grain == "day":
        dirty_in = sorted(day for day in dirty if first <= day <= last)
        return Q(day__gte=first, day__lte=last) & ~Q(day__in=dirty_in), _merged(dirty_in)
    first_whole = first if first.day == 1 else _next_month(first)
    after_last = _next_month(last)
    last_whole = after_last if last + timedelta(days=1) == after_last else last.replace(day=1)  # exclusive
    if first_whole >= last_whole:
        return None, [(first, last)]
    dirty_months = sorted({day.replace(day=1) for day in dirty if first_whole <= day < last_whole})
    days = set()
    for month in dirty_months:
        days |= {month + timedelta(days=n) for n in range((_next_month(month) - month).days)}
    ranges = _merged(days)
    if first < first_whole:
        ranges.insert(0, (first, first_whole - timedelta(days=1)))
    if last_whole <= last:
        ranges.append((last_whole, last))
    return Q(month__gte=first_whole, month__lt=last_whole) & ~Q(month__in=dirty_months), ranges


STEPS = ("claimed", "contacted", "processed", "closed")  # the funnel's steps after placement, in order
UNCLAIMED = "-"  # the stage of orders no dealer has claimed
# The fact's column holding each step's bucket (the time from the step before it), written with the fact.
BUCKET_FIELDS = {step: f"{step}_bucket" for step in STEPS}


def step_buckets():
    """``{fact column: DurationBucket}``: each step's bucket computed from the fact's times (``BUCKET_FIELDS``)."""
    previous, buckets = "placed", {}
    for step in STEPS:
        buckets[BUCKET_FIELDS[step]] = DurationBucket(f"{step}_at", f"{previous}_at")
        previous = step
    return buckets


def _stage_key():
    return Case(When(dealer__isnull=True, then=Value(UNCLAIMED)), default=F("stage"), output_field=CharField())


def fenced(sql, connection):
    # PostgreSQL: a fence, so each fact's row is computed once, not once per use in the outer query
    return sql + " OFFSET 0" if connection.vendor == "postgresql" else sql


def fact_key(grouping):
    """The row of the report (``grouping``: «region», «dealer» or «stage») of a fact, as ``FunnelHistogram`` keeps
    it."""
    return {"region": F("region_id"), "dealer": F("dealer_id"), "stage": _stage_key()}[grouping]


def histogram_sql(facts, groupings, connection):
    """``(sql, params)``: the funnel's histogram rows of ``facts`` (a queryset of order facts) — ``month, grouping,
    region_id, dealer_id, stage, step, bucket, count`` — each fact counted
    once per grouping of ``groupings`` («region», «dealer», «stage») for its orders (``step`` empty, bucket 0) and
    for each step it reached, in one pass over the facts (a cross join with the grouping and step pairs),
    aggregated in the database."""
    qn = connection.ops.quote_name
    buckets = {f"b_{step}": F(BUCKET_FIELDS[step]) for step in STEPS}
    inner = facts.annotate(f_month=LocalMonth(), f_region=F("region_id"), f_dealer=F("dealer_id"),
                           f_stage=_stage_key(), **buckets).values(
        "f_month", "f_region", "f_dealer", "f_stage", *buckets).order_by()
    sql, params = inner.query.sql_with_params()
    sql = fenced(sql, connection)
    assert set(groupings) <= {"region", "dealer", "stage"}
    pairs = " UNION ALL ".join(f"SELECT '{grouping}' AS g_grouping, '{step}' AS g_step"
                               for grouping in groupings for step in ("", *STEPS))
    bucket = "CASE p.g_step WHEN '' THEN 0 " + " ".join(
        f"WHEN '{step}' THEN f.{qn('b_' + step)}" for step in STEPS) + " END"
    return (f"SELECT f.f_month, p.g_grouping, CASE WHEN p.g_grouping = 'region' THEN f.f_region END, "
            f"CASE WHEN p.g_grouping = 'dealer' THEN f.f_dealer END, "
            f"CASE WHEN p.g_grouping = 'stage' THEN f.f_stage ELSE '' END, p.g_step, {bucket}, COUNT(*) "
            f"FROM ({sql}) f CROSS JOIN ({pairs}) p WHERE {bucket} IS NOT NULL "
            f"GROUP BY 1, 2, 3, 4, 5, 6, 7"), params
