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
    with transaction.atomic():
        attribution = Attribution.objects.update_or_create(order=order, defaults={
            "placed_at": order.date_placed or timezone.now(),
            **_touch_values("first", first), **_touch_values("last", last),
            "search_queries": list(touches.get("queries") or []),
            "client_id": touches.get("client_id") or "",
            "ga_client_id": touches.get("ga_client_id") or "",
        })[0]
        fact_refresh(order_ids=[order.pk])
    return attribution


def attribution_backfill():
    """Orders placed before analytics was installed get an «unknown» attribution; returns how many."""
    Order = get_model("order", "Order")
    missing = Order.objects.filter(suz_attribution__isnull=True).only("pk", "date_placed")
    rows = [Attribution(order=order, placed_at=order.date_placed, first_channel=Channel.UNKNOWN,
                        last_channel=Channel.UNKNOWN) for order in missing.iterator()]
    with transaction.atomic():
        Attribution.objects.bulk_create(rows, batch_size=2000)
        for start in range(0, len(rows), 2000):
            fact_refresh(order_ids=[row.order_id for row in rows[start:start + 2000]])
    return len(rows)


@transaction.atomic
def spend_import(*, rows):
    """Apply checked spend rows (``spendfiles.parse_spend_file``) whole: a day and campaign already imported
    from the same platform is replaced. Returns ``(created, updated)``."""
    created = updated = 0
    for row in rows:
        _obj, was_created = AdSpend.objects.update_or_create(
            day=row["day"], platform=row["platform"], campaign=row["campaign"],
            defaults={"spend": row["spend"], "clicks": row["clicks"], "impressions": row["impressions"],
                      "campaign_id": row.get("campaign_id") or ""},
        )
        created += was_created
        updated += not was_created
    return created, updated


# Order facts ---------------------------------------------------------------------------------------------

FACT_TOUCH_FIELDS = ("channel", "source", "campaign", "term", "landing")


def _fact_columns(now):
    """``{fact column: expression over Attribution}``: one order's facts computed from its rows."""
    from django.db.models import Case, CharField, F, OuterRef, Subquery, Value, When
    from django.db.models.functions import Coalesce

    from suz_oscar.dispatch.vocabulary import CLOSED, Status

    from . import contact
    from .selectors import order_earned

    StatusChange = get_model("suz_dispatch", "StatusChange")
    Visibility = get_model("suz_dispatch", "Visibility")
    Stage = get_model("suz_dispatch", "Stage")
    dispatch = OuterRef("order__suz_dispatch")
    d = "order__suz_dispatch__"
    history = StatusChange.objects.filter(dispatch=dispatch)

    def first(**kwargs):
        return Subquery(history.filter(**kwargs).order_by("created_at", "pk").values("created_at")[:1])

    processed = first(to_status=Status.PROCESSED)
    refused = (Status.FAILED, Status.CANCELLED)
    closing = history.filter(to_status__in=refused).order_by("-created_at", "-pk")
    stage = Coalesce(  # the stage that showed the order to the dealer holding it; else the one open to every dealer
        Subquery(Visibility.objects.filter(dispatch=dispatch, dealer=OuterRef(d + "claimed_by"), stage__isnull=False)
                 .values("stage__strategy")[:1]),
        Subquery(Stage.objects.filter(dispatch=dispatch, everyone=True).values("strategy")[:1]),
        Value(""), output_field=CharField())
    is_refused = {f"{d}status__in": refused}
    columns = {"order_id": F("order_id"), "placed_at": F("placed_at")}
    columns.update({f"{touch}_{name}": F(f"{touch}_{name}")
                    for touch in ("first", "last") for name in FACT_TOUCH_FIELDS})
    columns.update({
        "region_id": F("order__suz_place__region_id"),
        "city_id": F("order__suz_place__city_id"),
        "dealer_id": F(d + "claimed_by_id"),
        "stage": Case(When(**{f"{d}claimed_by__isnull": False}, then=stage), default=Value(""),
                      output_field=CharField()),
        "claimed_at": F(d + "claimed_at"),
        "contacted_at": contact.first_contact(dispatch_ref=dispatch, processed=processed),
        "processed_at": processed,
        "closed_at": first(to_status__in=CLOSED),
        "outcome": Case(When(**{f"{d}status__in": CLOSED}, then=F(d + "status")), default=Value(""),
                        output_field=CharField()),
        "close_reason_id": Case(When(**is_refused, then=Subquery(closing.values("failure_reason_id")[:1])),
                                default=None),
        "fault": Case(When(**is_refused, then=Coalesce(Subquery(closing.values("fault")[:1]), Value(""))),
                      default=Value(""), output_field=CharField()),
        "earned": order_earned(),
        "updated_at": Value(now),
    })
    return columns


def _fact_statement(attributions, now):
    """``(sql, params)``: ``INSERT … SELECT … ON CONFLICT`` writing the facts of the orders of ``attributions`` (a
    queryset), each step's duration bucket computed from the times (``rollups.bucket_sql``); a fact whose columns
    are all unchanged is not rewritten (its ``updated_at`` stays, so the days the roll-ups must redo are only those
    of facts that changed)."""
    from django.db import connection

    from . import rollups

    OrderFact = get_model("suz_analytics", "OrderFact")
    columns = _fact_columns(now)
    aliases = {name: f"fact_{name}" for name in columns}
    rows = attributions.annotate(**{aliases[name]: expression for name, expression in columns.items()})
    sql, params = rows.values(*aliases.values()).order_by().query.sql_with_params()
    qn = connection.ops.quote_name
    table = qn(OrderFact._meta.db_table)
    names = [OrderFact._meta.get_field(name.removesuffix("_id")).column for name in columns]
    selected = [f"facts.{qn(aliases[name])}" for name in columns]
    previous = "placed_at"
    for step in rollups.STEPS:  # each step's bucket from the times just computed (the subquery is fenced)
        names.append(OrderFact._meta.get_field(rollups.BUCKET_FIELDS[step]).column)
        selected.append(rollups.bucket_sql(f"facts.{qn(aliases[step + '_at'])}", f"facts.{qn(aliases[previous])}",
                                           connection.vendor))
        previous = f"{step}_at"
    updates = ", ".join(f"{qn(name)} = excluded.{qn(name)}" for name in names if name != "order_id")
    distinct = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    changed = " OR ".join(f"{table}.{qn(name)} {distinct} excluded.{qn(name)}" for name in names
                          if name not in ("order_id", "updated_at"))
    statement = (f"INSERT INTO {table} ({', '.join(qn(n) for n in names)}) "
                 f"SELECT {', '.join(selected)} FROM ({rollups.fenced(sql, connection)}) facts "
                 f"WHERE true ON CONFLICT ({qn('order_id')}) DO UPDATE SET {updates} WHERE {changed}")
    return statement, params


def _fact_upsert(attributions, now):
    """Write the facts of the orders of ``attributions`` (a queryset); returns how many were written."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(*_fact_statement(attributions, now))
        return cursor.rowcount


# One order's statement, built once per database and set of installed apps: building the query in Python cost
# more than running it. The order and the time are the only parameters that change; found by sentinel values.
_ONE_ORDER = {}
_SENTINEL_ORDER = -7_770_001


def _one_order_statement(connection):
    from datetime import UTC, datetime

    from django.db.models import DateTimeField

    from .contact import CONTACT_MODELS

    key = (connection.alias, connection.vendor,
           tuple(sorted(label for label, module in CONTACT_MODELS.items() if _installed(module))))
    if key not in _ONE_ORDER:
        sentinel_now = datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=UTC)
        sql, params = _fact_statement(Attribution.objects.filter(order_id=_SENTINEL_ORDER), sentinel_now)
        prepared_now = DateTimeField().get_db_prep_value(sentinel_now, connection)
        slots = [("order" if param == _SENTINEL_ORDER else "now" if param == prepared_now else None)
                 for param in params]
        assert slots.count("order") == 1 and slots.count("now") == 1, slots
        lock = None
        if connection.features.has_select_for_update:
            Dispatch = get_model("suz_dispatch", "Dispatch")
            qn = connection.ops.quote_name
            lock = (f"SELECT {qn('id')} FROM {qn(Dispatch._meta.db_table)} WHERE {qn('order_id')} = %s "
                    f"FOR UPDATE")
        _ONE_ORDER[key] = (sql, list(params), slots, lock)
    return _ONE_ORDER[key]


def _installed(module):
    from django.apps import apps

    return apps.is_installed(module)


def _fact_refresh_one(order_id, now):
    """One order's facts: its dispatch row locked, then one upsert (two statements, no savepoint)."""
    from django.db import connection
    from django.db.models import DateTimeField

    sql, params, slots, lock = _one_order_statement(connection)
    params = [order_id if slot == "order" else DateTimeField().get_db_prep_value(now, connection)
              if slot == "now" else param for param, slot in zip(params, slots, strict=True)]
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        if lock:
            cursor.execute(lock, [order_id])
        cursor.execute(sql, params)
        return cursor.rowcount


@transaction.atomic(savepoint=False)
def fact_refresh(*, order_ids=None):
    """Recompute the facts of the orders ``order_ids`` (None: every order; the rebuild) from their rows.

    Called in the transaction of each change (``receivers``): for one order, two statements and no savepoint —
    its dispatch row locked, so two changes of one order refresh its facts one after the other, the second
    seeing the first, then one upsert that rewrites the fact only when a column changed. Returns the number of
    facts written.
    """
    OrderFact = get_model("suz_analytics", "OrderFact")
    now = timezone.now()
    if order_ids is None:
        OrderFact.objects.all().delete()
        return _fact_upsert(Attribution.objects.all(), now)
    order_ids = sorted(set(order_ids))
    if not order_ids:
        return 0
    if len(order_ids) == 1:
        return _fact_refresh_one(order_ids[0], now)
    list(get_model("suz_dispatch", "Dispatch").objects.select_for_update()
         .filter(order_id__in=order_ids).order_by("pk").values_list("pk", flat=True))
    return _fact_upsert(Attribution.objects.filter(order_id__in=order_ids), now)


def _lock_state():
    """The roll-ups' one state row, locked: refreshes run one after the other."""
    RollupState = get_model("suz_analytics", "RollupState")
    RollupState.objects.get_or_create(pk=1)
    return RollupState.objects.select_for_update().get(pk=1)


def _insert_grouped(model, queryset, columns, sums):
    """``INSERT INTO model (…) SELECT …`` the rows of ``queryset`` grouped by ``columns`` (``{field: expression}``)
    with ``sums`` (``{field: aggregate}``); returns the number of rows written."""
    from django.db import connection

    names = [*columns, *sums]
    aliases = {name: f"r_{name}" for name in names}
    rows = (queryset.annotate(**{aliases[name]: expression for name, expression in columns.items()})
            .values(*(aliases[name] for name in columns))
            .annotate(**{aliases[name]: aggregate for name, aggregate in sums.items()}).order_by())
    sql, params = rows.query.sql_with_params()
    qn = connection.ops.quote_name
    targets = ", ".join(qn(model._meta.get_field(name.removesuffix("_id")).column) for name in names)
    statement = (f"INSERT INTO {qn(model._meta.db_table)} ({targets}) "
                 f"SELECT {', '.join('grouped.' + qn(aliases[name]) for name in names)} FROM ({sql}) grouped")
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


def _rollup_write(day_facts, month_facts):
    """Write every roll-up's rows: ``DailySales`` from ``day_facts``, the monthly ones from ``month_facts``
    (querysets of facts covering whole days, whole months)."""
    from django.db.models import Case, CharField, Count, F, Value, When
    from django.db.models.functions import ExtractHour, TruncDate

    from . import rollups
    from .selectors import REFUSED, measures

    written = 0
    refused = {"outcome__in": REFUSED}
    outcome = {
        "outcome": Case(When(**refused, then=F("outcome")), default=Value(""), output_field=CharField()),
        "fault": Case(When(**refused, then=F("fault")), default=Value(""), output_field=CharField()),
        "reason_id": Case(When(**refused, then=F("close_reason_id")), default=None),
    }
    for touch in ("last", "first"):
        touch_columns = {"channel": F(f"{touch}_channel"), "source": F(f"{touch}_source"),
                         "campaign": F(f"{touch}_campaign")}
        written += _insert_grouped(get_model("suz_analytics", "DailySales"), day_facts, {
            "day": TruncDate("placed_at"), "touch": Value(touch), **touch_columns}, measures())
        written += _insert_grouped(get_model("suz_analytics", "HourlySales"), month_facts, {
            "month": rollups.LocalMonth(), "hour": ExtractHour("placed_at"), "touch": Value(touch),
            **touch_columns}, measures())
        written += _insert_grouped(get_model("suz_analytics", "MonthlyOutcomes"), month_facts, {
            "month": rollups.LocalMonth(), "kind": Value(touch), **touch_columns, **outcome}, {"count": Count("pk")})
        for grouping in ("term", "landing"):
            written += _insert_grouped(get_model("suz_analytics", "MonthlyKeySales"), month_facts, {
                "month": rollups.LocalMonth(), "touch": Value(touch), "channel": F(f"{touch}_channel"),
                "source": F(f"{touch}_source"), "grouping": Value(grouping), "value": F(f"{touch}_{grouping}")},
                measures())
    written += _insert_grouped(get_model("suz_analytics", "MonthlyOutcomes"), month_facts, {
        "month": rollups.LocalMonth(), "kind": Value("place"), "channel": Value(""), "source": Value(""),
        "campaign": Value(""), "region_id": F("region_id"), "dealer_id": F("dealer_id"), **outcome},
        {"count": Count("pk")})
    return written + _funnel_write(month_facts)


def _funnel_write(month_facts):
    """``FunnelHistogram``'s rows from ``month_facts``, in one statement (``rollups.histogram_sql``)."""
    from django.db import connection

    from . import rollups

    Histogram = get_model("suz_analytics", "FunnelHistogram")
    qn = connection.ops.quote_name
    sql, params = rollups.histogram_sql(month_facts, ("region", "dealer", "stage"), connection)
    columns = ", ".join(qn(Histogram._meta.get_field(name).column) for name in (
        "month", "grouping", "region", "dealer", "stage", "step", "bucket", "count"))
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {qn(Histogram._meta.db_table)} ({columns}) {sql}", params)
        return cursor.rowcount


ROLLUPS = ("DailySales", "HourlySales", "MonthlyKeySales", "MonthlyOutcomes", "FunnelHistogram")


@transaction.atomic
def rollup_refresh(*, days=None):
    """Rebuild the roll-ups (``rollups``) for ``days`` (dates in the site's time zone: ``DailySales`` for those
    days, the monthly roll-ups for their months; None: everything, and the roll-ups are then current) from the
    order facts. Returns the number of roll-up rows written."""
    from . import rollups

    state = _lock_state()
    started = timezone.now()
    facts = get_model("suz_analytics", "OrderFact").objects.all()
    models = [get_model("suz_analytics", name) for name in ROLLUPS]
    if days is None:
        for model in models:
            model.objects.all().delete()
        written = _rollup_write(facts, facts)
        state.clean_before = started - rollups.MARGIN
        state.save(update_fields=["clean_before"])
        return written
    days = sorted(set(days))
    if not days:
        return 0
    months = sorted({day.replace(day=1) for day in days})
    models[0].objects.filter(day__in=days).delete()
    for model in models[1:]:
        model.objects.filter(month__in=months).delete()
    month_ranges = [(month, rollups._next_month(month) - timezone.timedelta(days=1)) for month in months]
    return _rollup_write(facts.filter(rollups.ranges_q(rollups._merged(days))),
                         facts.filter(rollups.ranges_q(month_ranges)))


@transaction.atomic
def rollup_refresh_changed(*, since=None):
    """Bring the roll-ups up to date: rebuild the days of the facts written since ``since`` (None: since they
    were last current, ``RollupState``; everything when they never were). One indexed look-up of the facts'
    ``updated_at``. Returns the number of roll-up rows written."""
    from django.db.models.functions import TruncDate

    from . import rollups

    state = _lock_state()
    started = timezone.now()
    since = state.clean_before if since is None else since
    if since is None:
        return rollup_refresh()
    days = set(get_model("suz_analytics", "OrderFact").objects.filter(updated_at__gte=since)
               .annotate(day=TruncDate("placed_at")).values_list("day", flat=True).distinct().order_by())
    written = rollup_refresh(days=days)
    if state.clean_before is not None and since <= state.clean_before:  # every change since then is in
        state.clean_before = max(state.clean_before, started - rollups.MARGIN)
        state.save(update_fields=["clean_before"])
    return written


def analytics_rebuild():
    """Every order's facts, then the roll-ups, from the orders (``suz_analytics_rebuild``).
    Returns ``(facts, rollup_rows)``."""
    with transaction.atomic():
        facts = fact_refresh()
        return facts, rollup_refresh()
