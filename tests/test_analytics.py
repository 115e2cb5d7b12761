"""Sales analytics: attribution from a real storefront journey, the reports against raw SQL counts, exports,
the spend import, and bad input (junk UTM values, script, formulas, bad filters, broken files)."""

import dataclasses
import io
import json
import re
from datetime import timedelta
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from suz_oscar.analytics import attribution, selectors, services, spendfiles
from suz_oscar.analytics.selectors import Filters
from suz_oscar.analytics.vocabulary import Channel, Grouping, Touch
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.dispatch.vocabulary import Status

from .conftest import client_for, make_order
from .test_checkout import place_order
from .test_offers_storefront import add_to_basket, world  # noqa: F401  (fixture)

Attribution = get_model("suz_analytics", "Attribution")
AdSpend = get_model("suz_analytics", "AdSpend")
FailureReason = get_model("suz_dispatch", "FailureReason")
GUEST = {"options": "anonymous", "phone": "+7 912 345-67-89", "username": ""}


@pytest.mark.parametrize("params, referrer, channel, source", [
    ({"utm_source": "yandex", "utm_medium": "cpc", "utm_campaign": "c1"}, "", Channel.PAID_SEARCH, "yandex"),
    ({"yclid": "123"}, "https://yandex.ru/", Channel.PAID_SEARCH, "yandex"),
    ({"gclid": "abc"}, "", Channel.PAID_SEARCH, "google"),
    ({}, "https://yandex.ru/search/?text=плинтус", Channel.ORGANIC_SEARCH, "yandex"),
    ({}, "https://www.google.com/", Channel.ORGANIC_SEARCH, "google"),
    ({}, "https://vk.com/wall-1", Channel.SOCIAL, "vk.com"),
    ({"utm_source": "news", "utm_medium": "email"}, "", Channel.EMAIL, "news"),
    ({}, "https://remont-forum.ru/t/1", Channel.REFERRAL, "remont-forum.ru"),
    ({}, "", Channel.DIRECT, ""),
    ({}, "https://shop.test/catalogue/", Channel.DIRECT, ""),  # our own pages
])
def test_a_touch_is_classified_into_its_channel(params, referrer, channel, source):
    values = attribution.touch(params=params, referrer=referrer, landing="/", own_hosts={"shop.test"},
                               now=timezone.now())
    assert (values["channel"], values["source"]) == (channel, source)


def test_junk_utm_values_are_cut_and_cleaned():
    values = attribution.touch(params={"utm_campaign": "<script>alert(1)</script>\x00" + "я" * 5000,
                                       "utm_source": "=HYPERLINK(\"x\")\r\n"},
                               referrer="http://[broken", landing="/" + "x" * 9000, own_hosts=set(),
                               now=timezone.now())
    assert len(values["campaign"]) == 150 and "\x00" not in values["campaign"]
    assert values["source"] == '=HYPERLINK("x")' and len(values["landing"]) == 255
    assert attribution.stored({"channel": "evil", "campaign": 5}) ["channel"] == Channel.DIRECT


def test_an_order_gets_its_first_and_last_non_direct_touch_and_searches(world):  # noqa: F811
    client = client_for()
    client.get("/catalogue/", {"city": "x-city", "utm_source": "vk", "utm_medium": "social", "utm_campaign": "лента"})
    client.get("/catalogue/", HTTP_REFERER="https://www.google.ru/")  # organic: the last non-direct touch
    client.get("/catalogue/")  # direct: changes nothing
    client.get(reverse("search:search"), {"q": "панель <b>"})
    client.get(reverse("search:search"), {"q": "плинтус"})
    add_to_basket(client, world["product"])
    order = place_order(client, world["x"], GUEST)

    attributed = Attribution.objects.get(order=order)
    assert (attributed.first_channel, attributed.first_source, attributed.first_campaign) == (
        Channel.SOCIAL, "vk", "лента")
    assert (attributed.last_channel, attributed.last_source) == (Channel.ORGANIC_SEARCH, "google")
    assert attributed.first_landing == "/catalogue/"
    assert attributed.search_queries == ["панель <b>", "плинтус"]
    assert attributed.placed_at == order.date_placed

    # The touches outlive the session in a signed cookie; a forged cookie is ignored.
    cookie = client.cookies["suz_attribution"].value
    other = client_for()
    other.cookies["suz_attribution"] = cookie
    other.get("/catalogue/")
    assert other.session["suz_attribution"]["first"]["source"] == "vk"
    forged = client_for()
    forged.cookies["suz_attribution"] = cookie[:-3] + "abc"
    forged.get("/catalogue/", {"utm_source": "x"})
    assert forged.session["suz_attribution"]["first"]["source"] == "x"


def test_an_order_placed_outside_the_storefront_is_unknown(world):  # noqa: F811
    order = make_order(world["x"], world["product"])
    assert Attribution.objects.get(order=order).last_channel == Channel.UNKNOWN


def test_dashboard_requests_record_no_touch(staff):
    client = client_for(staff)
    client.get(reverse("suz_analytics_dashboard:suz-analytics-sales"), {"utm_source": "x"})
    assert "suz_attribution" not in client.session


# Reports against raw SQL ----------------------------------------------------------------------------------


@pytest.fixture
def sales(world):  # noqa: F811
    """Five orders: two from campaign A (one completed, one failed at the customer's fault), one from B
    (completed), one direct (claimed only), one organic (unclaimed)."""
    dealer = world["dx_top"]
    reason = FailureReason.objects.create(title="Передумал", fault="customer")
    made = []
    for channel, campaign, outcome in (("paid_search", "A", "completed"), ("paid_search", "A", "failed"),
                                       ("paid_search", "B", "completed"), ("direct", "", "claimed"),
                                       ("organic_search", "", None)):
        order = make_order(world["x"], world["product"])
        services.attribution_attach(order=order, touches={
            "first": {"channel": channel, "campaign": campaign, "source": "yandex"}, "last": None})
        dispatch = dispatch_services.dispatch_plan(order=order)
        if outcome:
            dispatch_services.dispatch_claim(dispatch=dispatch, dealer=dealer)
        if outcome in ("completed", "failed"):
            dispatch_services.dispatch_set_status(dispatch=dispatch, dealer=dealer, to_status=Status.PROCESSED)
            extra = {"failure_reason": reason} if outcome == "failed" else {}
            dispatch_services.dispatch_set_status(dispatch=dispatch, dealer=dealer, to_status=outcome, **extra)
        made.append(order)
    return {"orders": made, "dealer": dealer, **world}


def raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def today_filters(**kwargs):
    today = timezone.localdate()
    return Filters(date_from=today - timedelta(days=1), date_to=today + timedelta(days=1), **kwargs)


def test_sales_by_channel_agree_with_raw_sql(sales):
    rows, totals = selectors.sales(today_filters(), Grouping.CHANNEL)
    expected = raw(
        "SELECT a.last_channel, COUNT(*), SUM(CASE WHEN d.claimed_at IS NOT NULL THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN d.status = 'completed' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN d.status = 'completed' THEN o.total_incl_tax ELSE 0 END)"
        " FROM suz_analytics_attribution a JOIN order_order o ON o.id = a.order_id"
        " JOIN suz_dispatch_dispatch d ON d.order_id = o.id GROUP BY a.last_channel")
    assert {(r["key"], r["orders"], r["claimed"], r["completed"], Decimal(r["earned"])) for r in rows} == {
        (c, n, cl, co, Decimal(e or 0)) for c, n, cl, co, e in expected}
    assert (totals["orders"], totals["completed"]) == (5, 2)
    assert totals["conversion"] == pytest.approx(40.0)


def test_filters_narrow_the_sales(sales, dealer_b):
    rows, totals = selectors.sales(today_filters(campaign="A"), Grouping.CAMPAIGN)
    assert [(r["key"], r["orders"], r["completed"]) for r in rows] == [("A", 2, 1)]
    assert selectors.sales(today_filters(dealer=dealer_b), Grouping.DAY)[1]["orders"] == 0
    assert selectors.sales(today_filters(region=sales["x"].region), Grouping.DAY)[1]["orders"] == 5
    assert selectors.sales(today_filters(channel=Channel.DIRECT), Grouping.DAY)[1]["orders"] == 1
    past = Filters(date_from=timezone.localdate() - timedelta(days=30), date_to=timezone.localdate() - timedelta(3))
    assert selectors.sales(past, Grouping.MONTH) == ([], {"orders": 0, "claimed": 0, "completed": 0,
                                                          "earned": Decimal(0), "conversion": 0.0})
    first = selectors.sales(today_filters(touch=Touch.FIRST), Grouping.CHANNEL)[1]
    assert first["orders"] == 5


def test_funnel_counts_each_step(sales):
    rows = selectors.funnel(today_filters(), "region")
    assert len(rows) == 1
    row = rows[0]
    assert (row["orders"], row["claimed_count"], row["processed_count"], row["closed_count"]) == (5, 4, 3, 3)
    assert row["claimed_median"] is not None and row["claimed_median"] >= 0
    stages = selectors.funnel(today_filters(), "stage")
    assert sum(r["orders"] for r in stages) == 5


def test_refusals_by_reason_and_fault(sales):
    report = selectors.refusals(today_filters())
    assert report["refused"] == 1 and report["orders"] == 5
    (row,) = report["rows"]
    assert (row["reason"], row["fault"], row["count"]) == ("Передумал", "customer", 1)
    assert row["of_orders"] == pytest.approx(20.0) and row["of_refusals"] == pytest.approx(100.0)
    assert sum(counts.get("customer", 0) for _month, counts in selectors.refusals_by_month(today_filters())) == 1


def test_advertising_cost_per_completed_order_and_romi(sales):
    today = timezone.localdate()
    services.spend_import(rows=[{"day": today, "platform": "yandex_direct", "campaign": "A",
                                 "spend": Decimal("300"), "clicks": 10, "impressions": 100}])
    rows = {row["campaign"]: row for row in selectors.advertising(today_filters(touch=Touch.FIRST))}
    earned = sales["orders"][0].total_incl_tax
    assert rows["A"]["orders"] == 2 and rows["A"]["completed"] == 1
    assert rows["A"]["cost_per_completed"] == Decimal("300")
    assert rows["A"]["romi"] == pytest.approx(100 * (earned - 300) / 300)
    assert rows["B"]["spend"] == 0 and rows["B"]["romi"] is None


# The dashboard ---------------------------------------------------------------------------------------------

PAGES = ["suz-analytics-sales", "suz-analytics-funnel", "suz-analytics-refusals", "suz-analytics-advertising"]


@pytest.mark.parametrize("name", PAGES)
def test_report_pages_with_chart_and_exports(sales, staff, name):
    Attribution.objects.filter(order=sales["orders"][0]).update(last_campaign="=HYPERLINK(\"http://x\")",
                                                                  first_campaign="<script>alert(1)</script>")
    client = client_for(staff)
    url = reverse(f"suz_analytics_dashboard:{name}")
    groups = {"suz-analytics-sales": ["campaign", "month", "hour", "term", "landing", "week", "day", "source"],
              "suz-analytics-funnel": ["stage", "dealer", "region"]}.get(name, [])
    for group in groups + [""]:
        response = client.get(url, {"group": group, "touch": "first"})
        assert response.status_code == 200 and not response.context["form"].errors
        assert b"<script>alert(1)" not in response.content
        assert b'id="analytics-chart"' in response.content
    csv = client.get(url, {"export": "csv"})
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    assert "=HYPERLINK" not in csv.content.decode().replace("'=HYPERLINK", "")
    xlsx = client.get(url, {"export": "xlsx", "touch": "first"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row >= 2


@pytest.mark.parametrize("query", [
    {"date_from": "2026-13-45"}, {"date_from": "2026-05-01", "date_to": "2026-04-01"},
    {"date_from": "1900-01-01"}, {"date_from": "2020-01-01", "date_to": "2026-01-01"}, {"region": "999999999999"},
    {"city": "abc"}, {"dealer": "-1"}, {"channel": "evil"}, {"campaign": "x" * 500}, {"source": "a\x00b"},
    {"group": "password"},
])
def test_bad_filters_are_form_errors(staff, query):
    response = client_for(staff).get(reverse("suz_analytics_dashboard:suz-analytics-sales"), query)
    assert response.status_code == 200
    assert response.context["form"].errors and response.context["report"] is None
    assert client_for(staff).get(reverse("suz_analytics_dashboard:suz-analytics-sales"),
                                 {**query, "export": "csv"})["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("name", PAGES + ["suz-analytics-spend-import", "suz-analytics-conversions"])
def test_reports_are_staff_only(name, customer, manager_a):
    url = reverse(f"suz_analytics_dashboard:{name}")
    assert client_for().get(url).status_code == 302
    assert client_for(customer).get(url).status_code == 403
    assert client_for(manager_a).get(url).status_code == 403
    assert client_for(manager_a).get(url, {"export": "csv"}).status_code == 403


# Spend files ----------------------------------------------------------------------------------------------

YANDEX_CSV = ("«Статистика по кампаниям» 01.11.2026 - 30.11.2026\n"
              "День;№ Кампании;Кампания;Показы;Клики;Расход (руб.)\n"
              "01.11.2026;70012345;ремонт-потолок;1 200;35;1 234,50\n"
              "02.11.2026;70012345;ремонт-потолок;900;20;800\n"
              "Итого;;;2100;55;2034,50\n").encode()


def test_a_yandex_direct_file_is_imported(staff):
    client = client_for(staff)
    upload = io.BytesIO(YANDEX_CSV)
    upload.name = "direct.csv"
    response = client.post(reverse("suz_analytics_dashboard:suz-analytics-spend-import"), {"file": upload})
    assert response.status_code == 302
    spend = AdSpend.objects.get(day="2026-11-01")
    assert (spend.platform, spend.campaign, spend.campaign_id, spend.spend, spend.clicks, spend.impressions) == (
        "yandex_direct", "ремонт-потолок", "70012345", Decimal("1234.50"), 35, 1200)
    assert AdSpend.objects.count() == 2


def test_a_google_ads_xlsx_is_imported():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Campaign performance"])
    sheet.append(["November 1, 2026 - November 30, 2026"])
    sheet.append(["Day", "Campaign", "Clicks", "Impr.", "Cost"])
    sheet.append(["2026-11-01", "gads-brand", 12, 300, 456.7])
    sheet.append(["Total", "", 12, 300, 456.7])
    content = io.BytesIO()
    book.save(content)
    rows, errors, platform = spendfiles.parse_spend_file(content.getvalue(), "report.xlsx")
    assert errors == [] and platform == "google_ads"
    assert rows == [{"platform": "google_ads", "day": timezone.datetime(2026, 11, 1).date(), "campaign": "gads-brand",
                     "campaign_id": "", "spend": Decimal("456.70"), "clicks": 12, "impressions": 300}]


def test_a_spend_file_with_a_bad_row_changes_nothing(staff):
    AdSpend.objects.create(day="2026-11-01", platform="yandex_direct", campaign="ремонт-потолок", spend=1)
    content = YANDEX_CSV.replace(b"02.11.2026;", b"31.02.2026;").replace(b";800", b";-5")
    content += "01.11.2026;70012345;ремонт-потолок;1;1;1\n03.11.2026;1;;1;1;1e999\n".encode()
    upload = io.BytesIO(content)
    upload.name = "direct.csv"
    response = client_for(staff).post(reverse("suz_analytics_dashboard:suz-analytics-spend-import"),
                                      {"file": upload})
    assert response.status_code == 200
    text = response.content.decode()
    assert "31.02.2026" in text and "-5" in text and "1e999" in text
    errors = response.context["errors"]
    assert [error["row"] for error in errors] == [4, 6, 7]
    assert AdSpend.objects.get().spend == 1  # nothing applied


@pytest.mark.parametrize("content, name", [
    (b"", "a.csv"), (b"\x00\x01", "a.csv"), (b"PK\x03\x04broken", "a.xlsx"), (b"a;b\n1;2\n", "a.csv"),
    (b"x", "a.pdf"), (b"Day,Campaign,Cost\n", "a.csv"), (YANDEX_CSV, "a\x00.csv"),
])
def test_broken_spend_files_are_refused_in_words(content, name):
    with pytest.raises(spendfiles.SpendFileError) as info:
        spendfiles.parse_spend_file(content, name)
    assert str(info.value)
    with translation.override("ru"):
        with pytest.raises(spendfiles.SpendFileError) as info:
            spendfiles.parse_spend_file(content, name)
    assert "прайс" not in str(info.value).lower()  # its own words, not the price files'


def test_backfill_and_the_system_check(world, settings):  # noqa: F811
    order = make_order(world["x"], world["product"])
    Attribution.objects.filter(order=order).delete()
    call_command("suz_analytics_backfill", verbosity=0)
    assert Attribution.objects.get(order=order).last_channel == Channel.UNKNOWN

    from suz_oscar.checks import ATTRIBUTION_MIDDLEWARE, check_attribution_middleware

    assert check_attribution_middleware(None) == []
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != ATTRIBUTION_MIDDLEWARE]
    assert [w.id for w in check_attribution_middleware(None)] == ["suz.W010"]


def test_offline_conversions_for_metrica_and_ga4(sales, staff, manager_a):
    completed = sales["orders"][0]
    Attribution.objects.filter(order=completed).update(client_id="1700000000123456789", ga_client_id="123.456")
    Attribution.objects.filter(order=sales["orders"][2]).update(last_yclid="=cmd|x")  # completed too
    Attribution.objects.filter(order=sales["orders"][1]).update(client_id="42")  # failed: not a sale
    url = reverse("suz_analytics_dashboard:suz-analytics-conversions")
    client = client_for(staff)
    lines = client.get(url, {"format": "metrica"}).content.decode().splitlines()
    assert lines[0] == "ClientId,Yclid,Target,DateTime,Price,Currency"
    assert len(lines) == 3
    assert lines[1].startswith("1700000000123456789,,suz_completed,")
    assert lines[1].endswith(f",{completed.total_incl_tax:.2f},RUB")
    assert lines[2].startswith(",'=cmd|x,")  # neutralised
    (payload,) = [json.loads(line) for line in client.get(url, {"format": "ga4"}).content.decode().splitlines()]
    assert payload["client_id"] == "123.456"
    assert payload["events"][0]["params"] == {"transaction_id": str(completed.number),
                                              "value": float(completed.total_incl_tax), "currency": "RUB"}
    assert client.get(url, {"format": "pdf"}).status_code == 400
    assert client.get(url, {"format": "ga4", "date_from": "junk"}).status_code == 400
    assert client_for(manager_a).get(url, {"format": "ga4"}).status_code == 403
    assert client_for().get(url, {"format": "ga4"}).status_code == 302


def _events(response):
    match = re.search(r'<script id="suz-ecommerce" type="application/json">(.*?)</script>', response.content.decode())
    return json.loads(match.group(1)) if match else []


def test_storefront_pushes_ecommerce_events_when_a_counter_is_set(world, settings):  # noqa: F811
    client = client_for()
    product = world["product"]
    client.get("/", {"city": "x-city"})
    assert b"suz-ecommerce" not in client.get(product.get_absolute_url()).content  # no counter: nothing
    assert b"mc.yandex.ru" not in client.get(product.get_absolute_url()).content

    settings.SUZ_ANALYTICS_METRICA_COUNTER = 12345678
    page = client.get(product.get_absolute_url())
    assert b'ym(12345678, "init"' in page.content and b'ecommerce: "dataLayer"' in page.content
    (view,) = _events(page)
    assert view["event"] == "view_item"
    assert view["ecommerce"]["items"][0]["price"] == 500.0 and view["ecommerce"]["currency"] == "RUB"

    add_to_basket(client, product, quantity=2)
    (added,) = _events(client.get(reverse("basket:summary")))
    assert added["event"] == "add_to_cart" and added["ecommerce"]["items"][0]["quantity"] == 2
    assert added["ecommerce"]["value"] == 1000.0
    assert _events(client.get(reverse("basket:summary"))) == []  # sent once

    (begin,) = _events(client.get(reverse("checkout:index")))
    assert begin["event"] == "begin_checkout"
    order = place_order(client, world["x"], GUEST)
    (purchase,) = _events(client.get(reverse("checkout:thank-you")))
    assert purchase["event"] == "purchase" and purchase["ecommerce"]["transaction_id"] == order.number
    assert purchase["ecommerce"]["value"] == float(order.total_incl_tax)
    assert _events(client.get(reverse("checkout:thank-you"))) == []  # a reload counts no second sale


def test_product_titles_cannot_break_out_of_the_event_data(world, settings):  # noqa: F811
    settings.SUZ_ANALYTICS_METRICA_COUNTER = "1; alert(1)"  # not a number: no counter tag
    product = world["product"]
    product.title = "</script><script>alert(1)</script>"
    product.save()
    client = client_for()
    client.get("/", {"city": "x-city"})
    page = client.get(product.get_absolute_url())
    assert b"</script><script>alert(1)" not in page.content and b"alert(1)\"" not in page.content
    assert _events(page)[0]["ecommerce"]["items"][0]["item_name"] == product.title


def _raw_sales(filters, group):
    """The sales report aggregated from the source tables (attribution, dispatch, order), not the facts."""
    from django.db.models import Count, F, Q, Sum
    from django.db.models.functions import ExtractHour, TruncDay, TruncMonth, TruncWeek

    rows = Attribution.objects.all()
    if filters.date_from:
        rows = rows.filter(placed_at__gte=selectors._start(filters.date_from))
    if filters.date_to:
        rows = rows.filter(placed_at__lt=selectors._start(filters.date_to + timedelta(days=1)))
    for name, path in (("region", "order__suz_place__region"), ("city", "order__suz_place__city"),
                       ("dealer", "order__suz_dispatch__claimed_by")):
        if getattr(filters, name) is not None:
            rows = rows.filter(**{path: getattr(filters, name)})
    for name in ("channel", "source"):
        if getattr(filters, name):
            rows = rows.filter(**{filters.prefix + name: getattr(filters, name)})
    if filters.campaign:
        rows = rows.filter(**{filters.prefix + "campaign__in": filters.campaigns})
    key = {Grouping.DAY: TruncDay("placed_at"), Grouping.WEEK: TruncWeek("placed_at"),
           Grouping.MONTH: TruncMonth("placed_at"), Grouping.HOUR: ExtractHour("placed_at")}.get(group) or F(
        filters.prefix + group)
    measures = {"orders": Count("pk"), "claimed": Count("pk", filter=Q(order__suz_dispatch__claimed_at__isnull=False)),
                "completed": Count("pk", filter=Q(order__suz_dispatch__status=Status.COMPLETED)),
                "earned": Sum(selectors.order_earned())}
    grouped = [dict(row, key=selectors._day_key(row["key"]))
               for row in rows.annotate(key=key).values("key").annotate(**measures).order_by()]
    return grouped, rows.aggregate(**measures)


def _raw(filters, group):
    rows, totals = _raw_sales(filters, group)
    return sorted((str(r["key"]), r["orders"], r["claimed"], r["completed"], Decimal(r["earned"])) for r in rows), (
        totals["orders"], totals["completed"], Decimal(totals["earned"] or 0))


def _report(filters, group):
    rows, totals = selectors.sales(filters, group)
    return sorted((str(r["key"]), r["orders"], r["claimed"], r["completed"], Decimal(r["earned"])) for r in rows), (
        totals["orders"], totals["completed"], Decimal(totals["earned"]))


def _raw_funnel(filters, group):
    """The funnel's histograms computed here from each order's facts, one by one."""
    from suz_oscar.analytics import rollups

    result = {}
    for fact in OrderFact.objects.filter(selectors.filter_q(filters)):
        key = {"region": fact.region_id, "dealer": fact.dealer_id,
               "stage": fact.stage if fact.dealer_id else selectors.UNCLAIMED}[group]
        entry = result.setdefault(key, {"orders": 0, **{step: {} for step in selectors.STEPS}})
        entry["orders"] += 1
        previous = fact.placed_at
        for step in selectors.STEPS:
            end = getattr(fact, f"{step}_at")
            if end is not None:
                bucket = (rollups.bucket_of((end - previous).total_seconds() / 60) if previous is not None
                          else rollups.UNREACHED_START)
                entry[step][bucket] = entry[step].get(bucket, 0) + 1
            previous = end
    return result


def _raw_refusals(filters):
    """``(orders, {(outcome, fault, reason title): count}, {(month, fault): count})`` from the dispatch rows."""
    orders, rows, months = 0, {}, {}
    for attributed in Attribution.objects.filter(selectors.filter_q(filters, "order__suz_fact__")).select_related(
            "order__suz_dispatch"):
        orders += 1
        dispatch = attributed.order.suz_dispatch
        if dispatch.status not in (Status.FAILED, Status.CANCELLED):
            continue
        closing = dispatch.history.filter(to_status=dispatch.status).order_by("-created_at", "-pk").first()
        key = (dispatch.status, closing.fault, closing.failure_reason.title if closing.failure_reason else None)
        rows[key] = rows.get(key, 0) + 1
        month = (timezone.localtime(attributed.placed_at).date().replace(day=1), closing.fault)
        months[month] = months.get(month, 0) + 1
    return orders, rows, months


def _reported_refusals(filters):
    report = selectors.refusals(dataclasses.replace(filters))
    months = {(month, fault): count for month, counts in selectors.refusals_by_month(dataclasses.replace(filters))
              for fault, count in counts.items()}
    return report["orders"], {(r["to_status"], r["fault"], r["reason"]): r["count"] for r in report["rows"]}, months


def _every_report_equals_the_raw_computation(sales, filters):
    variants = [{}, {"channel": Channel.PAID_SEARCH}, {"source": "yandex"}, {"campaign": "A"},
                {"touch": Touch.FIRST}, {"touch": Touch.FIRST, "campaign": "A"}, {"region": sales["x"].region},
                {"dealer": sales["dealer"]}, {"city": sales["x"]}, {"region": sales["x"].region, "channel": "direct"}]
    for variant in variants:
        narrowed = dataclasses.replace(filters, **variant)
        for group in Grouping.values:
            assert _report(narrowed, group) == _raw(narrowed, group), (variant, group)
        for group in selectors.FUNNEL_GROUPS:
            assert selectors.funnel_histograms(narrowed, group) == _raw_funnel(narrowed, group), (variant, group)
        assert _reported_refusals(narrowed) == _raw_refusals(narrowed), variant


def _time_passes(minutes=10):
    """As if ``minutes`` went by: every fact was written that much earlier, and the roll-ups were refreshed that
    much earlier."""
    from django.db.models import F

    RollupState = get_model("suz_analytics", "RollupState")
    OrderFact.objects.update(updated_at=F("updated_at") - timedelta(minutes=minutes))
    RollupState.objects.exclude(clean_before=None).update(clean_before=F("clean_before") - timedelta(minutes=minutes))


def _rollup_rows():
    from suz_oscar.analytics.services import ROLLUPS

    rows = {}
    for name in ROLLUPS:
        model = get_model("suz_analytics", name)
        fields = [f.attname for f in model._meta.concrete_fields if f.name != "id"]
        rows[name] = sorted(tuple(str(value) for value in row) for row in model.objects.values_list(*fields))
    return rows


def test_the_rollups_equal_the_raw_aggregation_after_every_change(sales, staff):
    """Sales (every grouping, the hour too), the funnel's histograms and the refusals, under every filter, equal
    a computation from the source rows: right after a rebuild, after placements, claims, status changes and
    refusals (before the roll-ups catch up: their days come from the facts), after the beat's refresh (from the
    roll-ups), and after ``suz_analytics_rebuild``."""
    from suz_oscar.analytics import rollups, tasks

    orders, dealer = sales["orders"], sales["dealer"]
    now = timezone.now()
    for index, order in enumerate(orders):  # over five months: whole months come from the monthly roll-ups
        Attribution.objects.filter(order=order).update(placed_at=now - timedelta(days=33 * index, hours=index))
    call_command("suz_analytics_rebuild", verbosity=0)
    filters = Filters(date_from=timezone.localdate() - timedelta(days=200), date_to=timezone.localdate())
    _every_report_equals_the_raw_computation(sales, filters)  # every fact just written: the facts answer

    _time_passes()
    tasks.refresh_rollup()  # the beat's next run: nothing is written after the refresh
    assert rollups.dirty_days() == set()
    part, ranges = rollups.split(filters, "month", set())
    assert part is not None and len(ranges) == 2  # the first and the last month from the facts
    _every_report_equals_the_raw_computation(sales, filters)
    assert _report(filters, Grouping.CHANNEL)[1][0] == 5

    # Changes: a new order placed and refused, an old unclaimed one claimed and cancelled, a claimed one completed.
    reason = FailureReason.objects.get(title="Передумал")
    placed = make_order(sales["x"], sales["product"])
    services.attribution_attach(order=placed, touches={"first": {"channel": "paid_search", "campaign": "A",
                                                                 "source": "yandex"}})
    dispatch = dispatch_services.dispatch_plan(order=placed)
    dispatch_services.dispatch_claim(dispatch=dispatch, dealer=dealer)
    dispatch_services.dispatch_set_status(dispatch=dispatch, dealer=dealer, to_status=Status.FAILED,
                                          failure_reason=reason)
    unclaimed = orders[4].suz_dispatch
    dispatch_services.dispatch_claim(dispatch=unclaimed, dealer=dealer)
    dispatch_services.dispatch_set_status(dispatch=unclaimed, dealer=dealer, to_status=Status.CANCELLED)
    claimed = orders[3].suz_dispatch
    dispatch_services.dispatch_set_status(dispatch=claimed, dealer=dealer, to_status=Status.PROCESSED)
    dispatch_services.dispatch_set_status(dispatch=claimed, dealer=dealer, to_status=Status.COMPLETED)
    assert len(rollups.dirty_days()) == 3
    _every_report_equals_the_raw_computation(sales, filters)
    assert _report(filters, Grouping.CHANNEL)[1][:2] == (6, 3)

    _time_passes()
    tasks.refresh_rollup()  # the beat's run: the changed days and months rebuilt
    assert rollups.dirty_days() == set()
    refreshed = _rollup_rows()
    _every_report_equals_the_raw_computation(sales, filters)
    call_command("suz_analytics_rollup", verbosity=0)  # a full rebuild writes the same rows
    assert _rollup_rows() == refreshed
    call_command("suz_analytics_rebuild", verbosity=0)
    assert _rollup_rows() == refreshed
    _every_report_equals_the_raw_computation(sales, filters)


@pytest.mark.django_db
def test_a_scripts_fetch_and_a_prefixed_dashboard_are_no_visits(settings):
    from django.test import RequestFactory

    from suz_oscar.analytics.middleware import AttributionMiddleware

    settings.LANGUAGES = [("ru", "Русский"), ("en", "English")]
    middleware = AttributionMiddleware(lambda request: None)
    factory = RequestFactory()

    def recorded(path, **headers):
        request = factory.get(path, {"utm_source": "yandex"}, **headers)
        request.session = {}
        return middleware._record(request)

    assert recorded("/catalogue/")
    assert not recorded("/dealers/map.json", HTTP_SEC_FETCH_DEST="empty")
    assert not recorded("/ru/dashboard/")
    assert recorded("/ru/catalogue/", HTTP_SEC_FETCH_DEST="document")


# Order facts ---------------------------------------------------------------------------------------------

OrderFact = get_model("suz_analytics", "OrderFact")
FACT_FIELDS = [f.attname for f in OrderFact._meta.concrete_fields if f.name != "updated_at"]


def _facts():
    return {row["order_id"]: row for row in OrderFact.objects.values(*FACT_FIELDS)}


def test_facts_follow_every_change_of_an_order_and_equal_a_rebuild(sales, staff, dealer_b):
    from suz_oscar.notifications import services as notification_services

    dealer = sales["dealer"]
    completed, failed, _b, claimed, unclaimed = (order.suz_dispatch for order in sales["orders"])
    facts = _facts()
    assert set(facts) == {order.pk for order in sales["orders"]}
    assert facts[completed.order_id]["outcome"] == Status.COMPLETED
    assert facts[completed.order_id]["earned"] == completed.order.total_incl_tax
    assert facts[completed.order_id]["stage"] and facts[completed.order_id]["dealer_id"] == dealer.pk
    assert facts[completed.order_id]["region_id"] == sales["x"].region_id
    assert (facts[failed.order_id]["outcome"], facts[failed.order_id]["fault"]) == (Status.FAILED, "customer")
    assert facts[failed.order_id]["earned"] == 0 and facts[failed.order_id]["close_reason_id"]
    assert facts[unclaimed.order_id]["claimed_at"] is None and facts[unclaimed.order_id]["stage"] == ""
    # «processed» is the first contact when nothing came before it
    assert facts[completed.order_id]["contacted_at"] == facts[completed.order_id]["processed_at"] is not None

    # The dealer writes to the customer before processing: that message is the first contact.
    comment = notification_services.comment_add(dispatch=claimed, author=None, role="dealer", text="Перезвоню",
                                                public=True, dealer=dealer)
    assert OrderFact.objects.get(pk=claimed.order_id).contacted_at == comment.created_at
    # An internal note is no contact.
    notification_services.comment_add(dispatch=unclaimed, author=staff, role="staff", text="x", public=False)
    dispatch_services.dispatch_claim(dispatch=unclaimed, dealer=dealer)
    assert OrderFact.objects.get(pk=unclaimed.order_id).claimed_at is not None
    dispatch_services.dispatch_give_up(dispatch=unclaimed, dealer=dealer)
    fact = OrderFact.objects.get(pk=unclaimed.order_id)
    assert (fact.claimed_at, fact.dealer_id, fact.contacted_at) == (None, None, None)
    dispatch_services.dispatch_assign(dispatch=unclaimed, dealer=dealer_b, user=staff)
    assert OrderFact.objects.get(pk=unclaimed.order_id).dealer_id == dealer_b.pk
    dispatch_services.dispatch_set_status(dispatch=unclaimed, dealer=dealer_b, to_status=Status.CANCELLED)
    assert OrderFact.objects.get(pk=unclaimed.order_id).outcome == Status.CANCELLED

    kept = _facts()
    call_command("suz_analytics_rebuild", verbosity=0)
    assert _facts() == kept

    # Facts written before the steps' buckets were stored get them from the migration, as the upsert writes them.
    from importlib import import_module

    from django.apps import apps

    assert None not in (kept[completed.order_id]["claimed_bucket"], kept[completed.order_id]["closed_bucket"])
    OrderFact.objects.update(claimed_bucket=None, contacted_bucket=None, processed_bucket=None, closed_bucket=None)
    import_module("suz_oscar.analytics.migrations.0004_fact_step_buckets").fill_buckets(apps, None)
    assert _facts() == kept


def test_funnel_and_refusals_agree_with_raw_sql(sales):
    """Each step's count from the dispatch history itself, and the percentiles of the minutes from placement to
    claim computed here from the raw rows (PostgreSQL's percentile_cont and Python agree)."""
    filters = today_filters()
    (row,) = selectors.funnel(filters, "region")
    expected = raw(
        "SELECT COUNT(*), COUNT(d.claimed_at),"
        " (SELECT COUNT(DISTINCT h.dispatch_id) FROM suz_dispatch_statuschange h WHERE h.to_status = 'processed'),"
        " (SELECT COUNT(DISTINCT h.dispatch_id) FROM suz_dispatch_statuschange h"
        "  WHERE h.to_status IN ('completed', 'failed', 'cancelled'))"
        " FROM suz_analytics_attribution a JOIN suz_dispatch_dispatch d ON d.order_id = a.order_id")[0]
    assert (row["orders"], row["claimed_count"], row["processed_count"], row["closed_count"]) == tuple(expected)
    minutes = sorted((d.claimed_at - d.order.date_placed).total_seconds() / 60
                     for d in (o.suz_dispatch for o in sales["orders"]) if d.claimed_at)
    # ≈: the median and the 90th percentile of the buckets lie in the buckets of the exact ones
    from suz_oscar.analytics import rollups

    for fraction, name in ((0.5, "claimed_median"), (0.9, "claimed_p90")):
        exact = selectors._percentile(minutes, fraction)
        position = (len(minutes) - 1) * fraction
        low, high = minutes[int(position)], minutes[min(int(position) + 1, len(minutes) - 1)]
        assert rollups.bucket_of(low) <= rollups.bucket_of(row[name]) <= rollups.bucket_of(high), (name, exact)
        histogram = {}
        for value in minutes:
            histogram[rollups.bucket_of(value)] = histogram.get(rollups.bucket_of(value), 0) + 1
        assert row[name] == pytest.approx(rollups.percentile(histogram, fraction))

    refused = dict(((status, fault), n) for status, fault, n in raw(
        "SELECT h.to_status, h.fault, COUNT(DISTINCT h.dispatch_id) FROM suz_dispatch_statuschange h"
        " WHERE h.to_status IN ('failed', 'cancelled') GROUP BY h.to_status, h.fault"))
    assert {(r["to_status"], r["fault"]): r["count"] for r in selectors.refusals(filters)["rows"]} == refused


def test_spend_is_matched_by_campaign_id_as_well_as_by_name(sales):
    """An ad's link may carry the campaign's id in utm_campaign (Yandex Direct's {campaign_id}): a spend row
    with «№ кампании» counts those orders too, and filtering by the campaign's name finds them."""
    today = timezone.localdate()
    order = make_order(sales["x"], sales["product"])
    services.attribution_attach(order=order, touches={"first": {"channel": "paid_search", "campaign": "700123"}})
    services.spend_import(rows=[{"day": today, "platform": "yandex_direct", "campaign": "B", "campaign_id": "700123",
                                 "spend": Decimal("100"), "clicks": 3, "impressions": 30}])
    rows = {row["campaign"]: row for row in selectors.advertising(today_filters(touch=Touch.FIRST))}
    assert "700123" not in rows
    assert (rows["B"]["orders"], rows["B"]["completed"], rows["B"]["campaign_ids"]) == (2, 1, "700123")
    assert rows["B"]["cost_per_completed"] == Decimal("100")
    assert selectors.sales(today_filters(touch=Touch.FIRST, campaign="B"), Grouping.CAMPAIGN)[1]["orders"] == 2
    assert selectors.advertising(today_filters(touch=Touch.FIRST, campaign="700123"))[0]["orders"] == 2
