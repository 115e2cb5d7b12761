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


def _fact_upsert(attributions, now):
    """Write the facts of the orders of ``attributions`` (a queryset) in one INSERT … SELECT, replacing theirs."""
    from django.db import connection

    OrderFact = get_model("suz_analytics", "OrderFact")
    columns = _fact_columns(now)
    aliases = {name: f"fact_{name}" for name in columns}
    rows = attributions.annotate(**{aliases[name]: expression for name, expression in columns.items()})
    sql, params = rows.values(*aliases.values()).order_by().query.sql_with_params()
    qn = connection.ops.quote_name
    names = [OrderFact._meta.get_field(name.removesuffix("_id")).column for name in columns]
    updates = ", ".join(f"{qn(name)} = excluded.{qn(name)}" for name in names if name != "order_id")
    statement = (f"INSERT INTO {qn(OrderFact._meta.db_table)} ({', '.join(qn(n) for n in names)}) "
                 f"SELECT {', '.join('facts.' + qn(aliases[name]) for name in columns)} FROM ({sql}) facts "
                 f"WHERE true ON CONFLICT ({qn('order_id')}) DO UPDATE SET {updates}")
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


@transaction.atomic
def fact_refresh(*, order_ids=None):
    """Recompute the facts of the orders ``order_ids`` (None: every order; the rebuild) from their rows.

    Called in the transaction of each change (``receivers``). The orders' dispatch rows are locked first, so
    two changes of one order refresh its facts one after the other, the second seeing the first. Returns the
    number of facts written.
    """
    OrderFact = get_model("suz_analytics", "OrderFact")
    now = timezone.now()
    if order_ids is None:
        OrderFact.objects.all().delete()
        return _fact_upsert(Attribution.objects.all(), now)
    order_ids = sorted(set(order_ids))
    if not order_ids:
        return 0
    list(get_model("suz_dispatch", "Dispatch").objects.select_for_update()
         .filter(order_id__in=order_ids).order_by("pk").values_list("pk", flat=True))
    return _fact_upsert(Attribution.objects.filter(order_id__in=order_ids), now)


def _day_range(day):
    start = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    return start, start + timezone.timedelta(days=1)


@transaction.atomic
def rollup_refresh(*, days=None):
    """Rebuild the daily roll-up for ``days`` (dates in the site's time zone; None: every day) from the order
    facts. Returns the number of roll-up rows written."""
    from django.db.models import F, Q
    from django.db.models.functions import TruncDate

    from .selectors import measures

    DailySales = get_model("suz_analytics", "DailySales")
    source = get_model("suz_analytics", "OrderFact").objects.all()
    if days is None:
        DailySales.objects.all().delete()
    else:
        days = sorted(set(days))
        if not days:
            return 0
        DailySales.objects.filter(day__in=days).delete()
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
    """Rebuild the days of the orders whose facts changed since ``since`` (what a beat run must redo): one
    indexed look-up of the facts' ``updated_at``."""
    from django.db.models.functions import TruncDate

    days = set(get_model("suz_analytics", "OrderFact").objects.filter(updated_at__gte=since)
               .annotate(day=TruncDate("placed_at")).values_list("day", flat=True).distinct())
    return rollup_refresh(days=days)


def analytics_rebuild():
    """Every order's facts, then the whole roll-up, from the orders (``suz_analytics_rebuild``).
    Returns ``(facts, rollup_rows)``."""
    with transaction.atomic():
        facts = fact_refresh()
        return facts, rollup_refresh()
