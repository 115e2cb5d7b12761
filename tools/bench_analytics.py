"""`make bench`, sales analytics: ANALYTICS_ORDERS orders over two years seeded with bulk SQL (PostgreSQL's
generate_series, no factories), then each report timed over the whole period and over one month.

Prints `analytics.seed_s`, the order facts' and the roll-ups' rebuild times (`suz_analytics_rebuild`), what one
change of an order costs its facts inside the change's transaction (`analytics.fact_refresh.median_ms`), a beat
refresh of the roll-ups after a hundred changes, and per report (every grouping, and the region / city / dealer /
channel / source / campaign filters, some of which the roll-ups do not serve)
`analytics.<report>.<period>.median_ms` and `….queries`.
Run alone: `python tools/bench.py analytics` (DATABASE_URL: a PostgreSQL database of your own).
"""

import os
import statistics
import time

ORDERS = int(os.environ.get("SUZ_BENCH_ANALYTICS_ORDERS", 1_000_000))
DAYS = 730
REPEAT = 5
CHANNELS = ["paid_search", "paid_search", "organic_search", "organic_search", "direct", "social", "email",
            "referral", "paid_search"]
SOURCES = ["yandex", "google", "yandex", "google", "", "vk", "newsletter", "forum.example", "yandex"]
STRATEGIES = ["suz_oscar.dispatch.strategies.RatingStrategy", "suz_oscar.dispatch.strategies.BasicPlusStrategy",
              "suz_oscar.dispatch.strategies.BasicStrategy"]
# g % 10 -> the order's status
STATUSES = ["completed"] * 5 + ["failed", "cancelled", "processed", "accepted", "offered"]


def _network():
    """Dealers and the cities they serve: the main bench's when it has seeded them, else 50 of our own."""
    from oscar.core.loading import get_model

    Dealer = get_model("suz_dealers", "Dealer")
    City = get_model("suz_dealers", "City")
    Partner = get_model("partner", "Partner")
    FailureReason = get_model("suz_dispatch", "FailureReason")
    cities = list(City.objects.order_by("-population", "pk").values_list("pk", "region_id")[:200])
    if Dealer.objects.count() < 20:
        for n in range(50):
            partner = Partner.objects.create(name=f"Аналитика {n}", code=f"an-{n}")
            Dealer.objects.create(partner=partner)
    for title, fault in (("Передумал", "customer"), ("Не дозвонились", "customer"), ("Нет в наличии", "dealer")):
        FailureReason.objects.get_or_create(title=title, defaults={"fault": fault})
    return (list(Dealer.objects.values_list("pk", flat=True)[:500]), cities,
            list(FailureReason.objects.values_list("pk", "fault")))


def seed():
    from django.db import connection

    from suz_oscar.analytics.vocabulary import Channel

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM suz_analytics_attribution WHERE first_landing = '/bench/'")
        if cursor.fetchone()[0] >= ORDERS:
            return
    dealers, cities, reasons = _network()
    assert set(CHANNELS) <= set(Channel.values)
    params = {"n": ORDERS, "days": DAYS, "dealers": dealers, "city_ids": [c for c, _r in cities],
              "region_ids": [r for _c, r in cities], "channels": CHANNELS, "sources": SOURCES,
              "statuses": STATUSES, "strategies": STRATEGIES, "reasons": [r for r, _f in reasons],
              "faults": [f for _r, f in reasons]}
    statements = [
        # Orders: g is the order's own number, so every other table derives its values from it.
        """INSERT INTO order_order (number, currency, total_incl_tax, total_excl_tax, shipping_incl_tax,
               shipping_excl_tax, shipping_method, shipping_code, status, guest_email, date_placed,
               analytics_tracked)
           SELECT 'AN-' || g, 'RUB', 1000 + (g * 7919) %% 60000, 0, 0, 0, '', '', 'Pending', '',
                  now() - ((g * 2654435761) %% (%(days)s * 86400)) * interval '1 second', false
           FROM generate_series(1::bigint, %(n)s) g""",
        """CREATE TEMP TABLE bench_g AS
           SELECT id AS order_id, substring(number from 4)::bigint AS g, date_placed FROM order_order
           WHERE number LIKE 'AN-%%'""",
        """INSERT INTO suz_checkout_orderplace (order_id, city_id, region_id, phone, created_at)
           SELECT order_id, (%(city_ids)s::bigint[])[1 + g %% cardinality(%(city_ids)s::bigint[])],
                  (%(region_ids)s::bigint[])[1 + g %% cardinality(%(city_ids)s::bigint[])], '+79001234567',
                  date_placed FROM bench_g""",
        """INSERT INTO suz_analytics_attribution (order_id, placed_at, search_queries, client_id, ga_client_id,
               first_channel, first_source, first_medium, first_campaign, first_term, first_content,
               first_landing, first_referrer, first_yclid, first_gclid, first_at,
               last_channel, last_source, last_medium, last_campaign, last_term, last_content,
               last_landing, last_referrer, last_yclid, last_gclid, last_at)
           SELECT order_id, date_placed, '[]'::jsonb, '', '',
                  c.channel, c.source, '', c.campaign, c.term, '', '/bench/', '', '', '', date_placed,
                  c.channel, c.source, '', c.campaign, c.term, '', '/catalogue/' || (g %% 40), '', '', '', date_placed
           FROM bench_g, LATERAL (SELECT
               (%(channels)s::text[])[1 + g %% 9] AS channel, (%(sources)s::text[])[1 + g %% 9] AS source,
               CASE WHEN g %% 9 IN (0, 1, 5, 8) THEN 'campaign-' || (g %% 37) ELSE '' END AS campaign,
               CASE WHEN g %% 9 IN (0, 1, 2, 3) THEN 'term ' || (g %% 500) ELSE '' END AS term) c""",
        """INSERT INTO suz_dispatch_dispatch (order_id, status, claimed_by_id, claimed_at, created_at)
           SELECT order_id, s.status,
                  CASE WHEN s.status <> 'offered'
                       THEN (%(dealers)s::bigint[])[1 + g %% cardinality(%(dealers)s::bigint[])] END,
                  CASE WHEN s.status <> 'offered' THEN date_placed + (1 + g %% 90) * interval '1 minute' END,
                  date_placed
           FROM bench_g, LATERAL (SELECT (%(statuses)s::text[])[1 + g %% 10] AS status) s""",
        """CREATE TEMP TABLE bench_d AS
           SELECT d.id, d.status, d.claimed_by_id, d.claimed_at, b.g, b.date_placed
           FROM suz_dispatch_dispatch d JOIN bench_g b ON b.order_id = d.order_id""",
        """INSERT INTO suz_dispatch_statuschange (dispatch_id, from_status, to_status, dealer_id, fault, note,
               created_at)
           SELECT id, 'accepted', 'processed', claimed_by_id, '', '', claimed_at + (5 + g %% 240) * interval '1 minute'
           FROM bench_d WHERE status IN ('completed', 'failed', 'cancelled', 'processed')""",
        """INSERT INTO suz_dispatch_statuschange (dispatch_id, from_status, to_status, dealer_id, fault, note,
               created_at, failure_reason_id)
           SELECT id, 'processed', status, claimed_by_id,
                  CASE status WHEN 'failed' THEN (%(faults)s::text[])[1 + g %% cardinality(%(faults)s::text[])]
                              WHEN 'cancelled' THEN 'customer' ELSE '' END, '',
                  claimed_at + (300 + g %% 5000) * interval '1 minute',
                  CASE WHEN status = 'failed'
                       THEN (%(reasons)s::bigint[])[1 + g %% cardinality(%(reasons)s::bigint[])] END
           FROM bench_d WHERE status IN ('completed', 'failed', 'cancelled')""",
        """INSERT INTO suz_dispatch_stage (dispatch_id, position, strategy, opens_at, everyone)
           SELECT id, 0, (%(strategies)s::text[])[1 + g %% 3], date_placed, false FROM bench_d
           WHERE claimed_by_id IS NOT NULL""",
        """INSERT INTO suz_dispatch_visibility (dispatch_id, dealer_id, stage_id, opens_at, is_open)
           SELECT d.id, d.claimed_by_id, s.id, d.date_placed, false
           FROM bench_d d JOIN suz_dispatch_stage s ON s.dispatch_id = d.id WHERE d.claimed_by_id IS NOT NULL""",
        """INSERT INTO suz_analytics_adspend (day, platform, campaign, campaign_id, spend, clicks, impressions,
               imported_at)
           SELECT (now() - d * interval '1 day')::date, 'yandex_direct', 'campaign-' || c, (700000 + c)::text,
                  500 + (d * c) %% 3000,
                  10 + c, 0, now()
           FROM generate_series(0, %(days)s - 1) d, generate_series(0, 36) c""",
        "ANALYZE",
    ]
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cursor:  # all or nothing: a failed seed leaves no orders
        for sql in statements[:-1]:
            cursor.execute(sql, params)
    with connection.cursor() as cursor:
        cursor.execute(statements[-1])  # ANALYZE


def _timed(run):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    run()  # warm
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        run()
    return statistics.median(times), len(ctx)


def run():
    from django.core.management import call_command
    from django.utils import timezone

    from suz_oscar.analytics import selectors
    from suz_oscar.analytics.selectors import Filters
    from suz_oscar.analytics.vocabulary import Grouping

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    seed()
    print(f"analytics.orders: {ORDERS}")
    print(f"analytics.seed_s: {time.perf_counter() - started:.0f}")
    from oscar.core.loading import get_model

    from suz_oscar.analytics.services import fact_refresh, rollup_refresh, rollup_refresh_changed

    if get_model("suz_analytics", "OrderFact").objects.count() < ORDERS:
        started = time.perf_counter()
        facts = fact_refresh()
        print(f"analytics.facts_rebuild_s: {time.perf_counter() - started:.1f}")
        print(f"analytics.facts: {facts}")
        from django.db import connection

        with connection.cursor() as cursor:
            # As if each order last changed when it was placed: a beat refresh redoes the last 10 minutes' days,
            # not the whole table the rebuild has just written.
            cursor.execute("UPDATE suz_analytics_orderfact SET updated_at = placed_at")
            # Orders arrive in time order, so in production a table's rows lie roughly by placement; the seed's
            # random dates would make every day's facts a page of their own.
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'suz_analytics_orderfact' "
                           "AND indexdef LIKE '%%(placed_at)'")
            cursor.execute(f"CLUSTER suz_analytics_orderfact USING {cursor.fetchone()[0]}")
            cursor.execute("ANALYZE suz_analytics_orderfact")
    if not get_model("suz_analytics", "RollupState").objects.exclude(clean_before=None).exists():
        started = time.perf_counter()
        rows = rollup_refresh()
        print(f"analytics.rollup_rebuild_s: {time.perf_counter() - started:.1f}")
        print(f"analytics.rollup_rows: {rows}")
    for name in ("DailySales", "HourlySales", "MonthlyKeySales", "MonthlyOutcomes", "FunnelHistogram"):
        print(f"analytics.rollup_rows.{name}: {get_model('suz_analytics', name).objects.count()}")
    from django.db import connection, transaction

    one = get_model("suz_analytics", "Attribution").objects.filter(first_landing="/bench/").order_by("-pk").first()
    with transaction.atomic():  # as in a dispatch change: inside its transaction, the commit is the change's
        ms, queries = _timed(lambda: fact_refresh(order_ids=[one.order_id]))
        transaction.set_rollback(True)
    print(f"analytics.fact_refresh.median_ms: {ms:.1f}")
    print(f"analytics.fact_refresh.queries: {queries}")
    ms, queries = _timed(lambda: fact_refresh(order_ids=[one.order_id]))
    print(f"analytics.fact_refresh_own_transaction.median_ms: {ms:.1f}")

    def changes_then_refresh():  # a hundred orders of the last three weeks changed since the last refresh
        with connection.cursor() as cursor:
            cursor.execute("UPDATE suz_analytics_orderfact SET updated_at = now() WHERE order_id IN (SELECT order_id "
                           "FROM suz_analytics_orderfact WHERE placed_at > now() - interval '21 days' "
                           "ORDER BY random() LIMIT 100)")
        rollup_refresh_changed()

    ms, _queries = _timed(changes_then_refresh)
    print(f"analytics.rollup_refresh_100_changes.median_ms: {ms:.0f}")
    from suz_oscar.analytics import rollups

    print(f"analytics.dirty_days: {len(rollups.dirty_days())}")
    today = timezone.localdate()
    periods = {"all": Filters(date_from=today.replace(year=today.year - 2), date_to=today),
               "month": Filters(date_from=today.replace(day=1) - timezone.timedelta(days=1), date_to=today)}
    periods["month"].date_from = periods["month"].date_from.replace(day=1)
    from dataclasses import replace

    place = get_model("suz_checkout", "OrderPlace").objects.filter(order__number__startswith="AN-").values(
        "region_id", "city_id").first()
    dealer = get_model("suz_dispatch", "Dispatch").objects.exclude(claimed_by=None).values("claimed_by_id").first()
    narrow = {"region": {"region": place["region_id"]}, "city": {"city": place["city_id"]},
              "dealer": {"dealer": dealer["claimed_by_id"]}, "campaign": {"campaign": "campaign-7"},
              "channel": {"channel": "paid_search"}, "source": {"source": "google"}}
    reports = {f"sales_by_{group}": (lambda f, group=group: selectors.sales(f, group)) for group in Grouping.values}
    reports.update({
        "sales_by_channel_region": (lambda f: selectors.sales(f, Grouping.CHANNEL), "region"),
        "sales_by_day_city": (lambda f: selectors.sales(f, Grouping.DAY), "city"),
        "sales_by_term_dealer": (lambda f: selectors.sales(f, Grouping.TERM), "dealer"),
        "sales_by_month_campaign": (lambda f: selectors.sales(f, Grouping.MONTH), "campaign"),
        "sales_by_hour_campaign": (lambda f: selectors.sales(f, Grouping.HOUR), "campaign"),
        "sales_by_hour_region": (lambda f: selectors.sales(f, Grouping.HOUR), "region"),
        "funnel_by_region": lambda f: selectors.funnel(f, "region"),
        "funnel_by_dealer": lambda f: selectors.funnel(f, "dealer"),
        "funnel_by_stage": lambda f: selectors.funnel(f, "stage"),
        "funnel_by_stage_region": (lambda f: selectors.funnel(f, "stage"), "region"),
        "funnel_by_dealer_region": (lambda f: selectors.funnel(f, "dealer"), "region"),
        "funnel_by_region_channel": (lambda f: selectors.funnel(f, "region"), "channel"),
        "funnel_by_dealer_source": (lambda f: selectors.funnel(f, "dealer"), "source"),
        "funnel_by_stage_campaign": (lambda f: selectors.funnel(f, "stage"), "campaign"),
        "funnel_by_stage_city": (lambda f: selectors.funnel(f, "stage"), "city"),
        "refusals": lambda f: (selectors.refusals(f), selectors.refusals_by_month(f)),
        "refusals_dealer": (lambda f: (selectors.refusals(f), selectors.refusals_by_month(f)), "dealer"),
        "refusals_region": (lambda f: (selectors.refusals(f), selectors.refusals_by_month(f)), "region"),
        "refusals_campaign": (lambda f: (selectors.refusals(f), selectors.refusals_by_month(f)), "campaign"),
        "refusals_city": (lambda f: (selectors.refusals(f), selectors.refusals_by_month(f)), "city"),
        "advertising": selectors.advertising,
        "advertising_region": (selectors.advertising, "region"),
    })
    worst = 0
    for name, report in reports.items():
        report, narrowed = report if isinstance(report, tuple) else (report, None)
        for period, filters in periods.items():
            filters = replace(filters, **narrow[narrowed]) if narrowed else filters
            ms, queries = _timed(lambda report=report, filters=filters: report(replace(filters)))
            worst = max(worst, ms)
            print(f"analytics.{name}.{period}.median_ms: {ms:.0f}")
            print(f"analytics.{name}.{period}.queries: {queries}")
    print(f"analytics.worst_report.median_ms: {worst:.0f}")
