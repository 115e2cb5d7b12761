"""The manufacturer's dispatch settings: strategy chain from the dashboard, basic+ quotas, fastest responders."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch import config, quotas, services

from .conftest import client_for, make_order, regional_network

StockRecord = get_model("partner", "StockRecord")
Dispatch = get_model("suz_dispatch", "Dispatch")
PriorityQuota = get_model("suz_dispatch", "PriorityQuota")
QuotaUse = get_model("suz_dispatch", "QuotaUse")
StrategyConfig = get_model("suz_dispatch", "StrategyConfig")
DeclineReason = get_model("suz_dispatch", "DeclineReason")

RATING = "suz_oscar.dispatch.strategies.RatingStrategy"
BASIC = "suz_oscar.dispatch.strategies.BasicStrategy"
BASIC_PLUS = "suz_oscar.dispatch.strategies.BasicPlusStrategy"
FASTEST = "suz_oscar.dispatch.example_strategies.FastestRespondersStrategy"
T0 = timezone.now().replace(microsecond=0)


@pytest.fixture
def region_network(db):
    return regional_network([10 * i for i in range(5)])


def plan(net, now=T0):
    return services.dispatch_plan(order=make_order(net["city"], net["product"]), now=now)


def stage_keys(dispatch):
    return [stage.strategy for stage in dispatch.stages.order_by("position")]


def test_dashboard_config_overrides_the_setting_for_new_orders_only(region_network):
    before = plan(region_network)
    assert stage_keys(before) == ["rating", "basic", "fallback"]
    config.update(RATING, enabled=False)
    config.move(BASIC, +1)  # basic after fallback: fallback opens 60 min after placement, basic then
    after = plan(region_network)
    assert "rating" not in stage_keys(after)
    assert stage_keys(before) == ["rating", "basic", "fallback"]  # the stored plan did not change
    config.update(RATING, enabled=True, options={"top": 1, "minutes": 10})
    again = plan(region_network)
    first = again.stages.get(position=0)
    assert first.strategy == "rating" and first.dealers.count() == 1
    assert again.stages.get(position=1).opens_at >= T0 + timedelta(minutes=10)


def test_strategy_added_to_the_setting_later_joins_the_saved_chain(region_network, settings):
    config.update(RATING, enabled=False)
    settings.SUZ_DISPATCH_STRATEGIES = [*settings.SUZ_DISPATCH_STRATEGIES[:-1],
                                        {"CLASS": FASTEST, "OPTIONS": {"top": 2, "minutes": 5, "days": 30}}]
    paths = [item.path for item in config.configured()]
    assert paths[-1] == FASTEST and RATING in paths
    assert not next(item for item in config.configured() if item.path == RATING).enabled


def test_strategy_screen_edits_options_and_rejects_bad_input(region_network, staff):
    client = client_for(staff)
    edit = reverse("suz_dispatch_dashboard:suz-strategy-edit") + f"?path={RATING}"
    page = client.get(edit)
    assert page.status_code == 200 and "top" in page.content.decode()
    bad = client.post(edit, {"path": RATING, "is_enabled": "on", "top": "", "top_percent": "", "minutes": "-3"})
    assert bad.status_code == 200
    assert bad.context["form"].errors and not StrategyConfig.objects.exists()
    good = client.post(edit, {"path": RATING, "is_enabled": "on", "top": "", "top_percent": "40", "minutes": "7"})
    assert good.status_code == 302
    assert StrategyConfig.objects.get(path=RATING).options == {"top": None, "top_percent": 40, "minutes": 7}
    dispatch = plan(region_network)
    rating = dispatch.stages.get(strategy="rating")
    assert rating.dealers.count() == 2  # 40 % of 5, rounded up
    assert dispatch.stages.get(strategy="basic").opens_at == T0 + timedelta(minutes=15)


def test_strategy_screen_moves_and_switches(region_network, staff):
    client = client_for(staff)
    action = reverse("suz_dispatch_dashboard:suz-strategy-action")
    client.post(action, {"path": BASIC, "action": "up"})
    client.post(action, {"path": FASTEST, "action": "enable"})
    chain = [(item.path, item.enabled) for item in config.configured()]
    assert chain[:2] == [(RATING, True), (BASIC, True)]
    assert (FASTEST, True) in chain
    page = client.get(reverse("suz_dispatch_dashboard:suz-strategies"))
    assert page.status_code == 200
    assert client.post(action, {"path": "nope.Nope", "action": "up"}).status_code == 404


def test_settings_pages_permission_matrix(region_network, customer, staff):
    dealer = region_network["dealers"][0]
    from suz_oscar.test.factories import create_manager

    manager = create_manager(dealer)
    pages = [
        ("get", reverse("suz_dispatch_dashboard:suz-strategies"), {}),
        ("post", reverse("suz_dispatch_dashboard:suz-strategy-action"), {"path": RATING, "action": "down"}),
        ("get", reverse("suz_dispatch_dashboard:suz-strategy-edit") + f"?path={RATING}", {}),
        ("get", reverse("suz_dispatch_dashboard:suz-priority-dealers"), {}),
        ("get", reverse("suz_dispatch_dashboard:suz-decline-reasons"), {}),
        ("get", reverse("suz_dispatch_dashboard:suz-failure-reasons"), {}),
    ]
    for method, url, data in pages:
        anonymous = getattr(client_for(), method)(url, data)
        assert anonymous.status_code == 302 and "login" in anonymous["Location"], url
        assert getattr(client_for(customer), method)(url, data).status_code == 403, url
        assert getattr(client_for(manager), method)(url, data).status_code == 403, url
        assert getattr(client_for(staff), method)(url, data).status_code in (200, 302), url
    assert [item.path for item in config.configured()][:2] == [BASIC_PLUS, RATING]  # only staff's move took


def test_reason_lists_are_kept_in_the_dashboard(staff, db):
    client = client_for(staff)
    url = reverse("suz_dispatch_dashboard:suz-decline-reasons")
    form = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-title": "Нет на складе",
            "form-0-position": "1", "form-0-is_active": "on"}
    assert client.post(url, form).status_code == 302
    assert DeclineReason.objects.get().title == "Нет на складе"
    broken = {**form, "form-0-title": "", "form-0-position": "x"}
    response = client.post(url, {**broken, "form-INITIAL_FORMS": "0"})
    assert response.status_code == 200 and DeclineReason.objects.count() == 1


def test_priority_dealers_page_validates_quotas(region_network, staff):
    dealer = region_network["dealers"][0]
    url = reverse("suz_dispatch_dashboard:suz-priority-dealers")
    form = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-dealer": dealer.pk, "form-0-amount": "150",
            "form-0-unit": "percent", "form-0-period": "week", "form-0-is_active": "on"}
    response = client_for(staff).post(url, form)
    assert response.status_code == 200 and not PriorityQuota.objects.exists()
    assert "100%" in response.content.decode()
    assert client_for(staff).post(url, {**form, "form-0-amount": "20"}).status_code == 302
    assert PriorityQuota.objects.get().amount == 20


def test_basic_plus_gives_priority_dealers_their_quota_fairly(region_network):
    low, other = region_network["dealers"][0], region_network["dealers"][1]  # the two lowest rated
    PriorityQuota.objects.create(dealer=low, amount=2, period=PriorityQuota.DAY)
    PriorityQuota.objects.create(dealer=other, amount=2, period=PriorityQuota.DAY)
    firsts = []
    for minute in range(5):
        dispatch = plan(region_network, now=T0 + timedelta(minutes=minute))
        stage = dispatch.stages.filter(strategy="basic_plus").first()
        firsts.append(list(stage.dealers.all()) if stage else [])
    # One priority dealer per order, taking turns, two each; then the quota is spent.
    assert [len(f) for f in firsts] == [1, 1, 1, 1, 0]
    assert {f[0] for f in firsts[:2]} == {low, other} and {f[0] for f in firsts[2:4]} == {low, other}
    assert QuotaUse.objects.filter(quota_dealer=low).count() == 2
    # The priority stage comes after the rating stage; a dealer in both keeps its earlier opening.
    assert stage_keys(dispatch)[0] == "rating"
    # A new day, a new quota.
    tomorrow = plan(region_network, now=T0 + timedelta(days=1))
    assert tomorrow.stages.filter(strategy="basic_plus").exists()


def test_percent_quota_is_a_share_of_the_regions_orders(region_network):
    dealer = region_network["dealers"][0]
    PriorityQuota.objects.create(dealer=dealer, amount=25, unit=PriorityQuota.PERCENT, period=PriorityQuota.MONTH)
    given = 0
    for minute in range(8):
        dispatch = plan(region_network, now=T0 + timedelta(minutes=minute))
        given += dispatch.stages.filter(strategy="basic_plus").exists()
    assert given == 2  # 25 % of 8 orders


def test_period_starts():
    now = timezone.make_aware(timezone.datetime(2026, 11, 27, 15, 30))  # a Friday
    assert quotas.period_start(PriorityQuota.DAY, now).day == 27
    assert quotas.period_start(PriorityQuota.WEEK, now).day == 23
    assert quotas.period_start(PriorityQuota.MONTH, now).day == 1


def test_fastest_responders_see_the_order_first(region_network, settings):
    slow, fast, never = region_network["dealers"][2], region_network["dealers"][0], region_network["dealers"][4]
    settings.SUZ_DISPATCH_STRATEGIES = [
        {"CLASS": FASTEST, "OPTIONS": {"top": 2, "minutes": 5, "days": 30}},
        {"CLASS": BASIC, "OPTIONS": {"delay": 15}},
    ]
    for dealer, minutes in ((slow, 40), (slow, 30), (fast, 1), (fast, 3)):
        placed = T0 - timedelta(days=2)
        dispatch = plan(region_network, now=placed)
        services.dispatch_claim(dispatch=dispatch, dealer=dealer, now=placed + timedelta(minutes=15 + minutes))
    old = plan(region_network, now=T0 - timedelta(days=40))
    services.dispatch_claim(dispatch=old, dealer=never, now=T0 - timedelta(days=40, minutes=-16))  # too long ago
    dispatch = plan(region_network)
    first = dispatch.stages.get(position=0)
    assert first.strategy == "fastest"
    assert list(first.dealers.order_by("pk")) == sorted([slow, fast], key=lambda d: d.pk)
    assert never not in first.dealers.all()


def test_staff_list_filters_by_stage(region_network, staff):
    # The page reads the stages by the clock: plan from now, not from the module's T0 (a long suite on a slow
    # machine reaches this test more than the rating stage's 5 minutes after T0).
    now = timezone.now()
    reached_basic = plan(region_network, now=now - timedelta(minutes=30))
    still_rating = plan(region_network, now=now)
    client = client_for(staff)
    page = client.get(reverse("suz_dispatch_dashboard:suz-inbox"), {"stage": "basic"})
    numbers = [d.order.number for d in page.context["dispatches"]]
    assert numbers == [str(reached_basic.order.number)]
    page = client.get(reverse("suz_dispatch_dashboard:suz-inbox"), {"stage": "rating"})
    assert [d.order.number for d in page.context["dispatches"]] == [str(still_rating.order.number)]
    assert client.get(reverse("suz_dispatch_dashboard:suz-inbox"), {"stage": "bogus"}).status_code == 200


def test_dashboard_badge_counts_the_dealers_open_orders(region_network):
    from suz_oscar.test.factories import create_manager

    best = max(region_network["dealers"], key=lambda d: d.rating)
    manager = create_manager(best)
    client = client_for(manager)
    assert "suz-inbox-badge" not in client.get(reverse("suz_dispatch_dashboard:suz-inbox")).content.decode()
    plan(region_network, now=timezone.now() - timedelta(seconds=1))
    plan(region_network, now=timezone.now() - timedelta(seconds=1))
    page = client.get(reverse("suz_dispatch_dashboard:suz-inbox")).content.decode()
    assert 'suz-inbox-badge">2</span>' in page
