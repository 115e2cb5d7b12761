"""Dispatch: the plan stored at placement, visibility from plan and clock, claim, decline."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.dispatch import selectors, services
from suz_oscar.dispatch.exceptions import AlreadyTaken, DispatchError
from suz_oscar.test.factories import CityFactory, DealerFactory, RegionFactory

from .conftest import make_order, regional_network

StockRecord = get_model("partner", "StockRecord")
Dispatch = get_model("suz_dispatch", "Dispatch")
DeclineReason = get_model("suz_dispatch", "DeclineReason")

T0 = timezone.now().replace(microsecond=0)


@pytest.fixture
def network(db):
    return regional_network([10 * i for i in range(6)])


def test_plan_rating_then_basic_then_fallback(network):
    order = make_order(network["city"], network["product"])
    dispatch = services.dispatch_plan(order=order, now=T0)
    stages = list(dispatch.stages.order_by("position"))
    best = sorted(network["dealers"], key=lambda d: -d.rating)
    assert [s.strategy for s in stages] == ["rating", "basic", "fallback"]
    assert set(stages[0].dealers.all()) == set(best[:3]) and stages[0].opens_at == T0
    assert set(stages[1].dealers.all()) == set(best[3:]) and stages[1].opens_at == T0 + timedelta(minutes=15)
    assert stages[2].everyone and not stages[2].dealers.exists()  # every dealer: no audience rows
    assert stages[2].opens_at == dispatch.open_to_all_at == T0 + timedelta(minutes=75)
    assert dispatch.visibility.count() == 6  # the region's dealers only; the rest of the network has no rows


def test_dealer_above_the_quoted_price_or_missing_a_line_is_not_eligible(network):
    dealer = network["dealers"][0]  # the lowest rated: the customer was shown another dealer's 400
    StockRecord.objects.filter(partner=dealer.partner).update(price=Decimal("900"))
    order = make_order(network["city"], network["product"])
    assert dealer not in selectors.eligible_dealers(order)
    assert network["dealers"][1] in selectors.eligible_dealers(order)
    StockRecord.objects.filter(partner=network["dealers"][1].partner).delete()  # no longer offers the line
    assert network["dealers"][1] not in selectors.eligible_dealers(order)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-statement write is PostgreSQL's")
def test_a_plan_is_two_reads_and_one_write_on_postgresql(network):
    from django.test.utils import CaptureQueriesContext

    services.dispatch_plan(order=make_order(network["city"], network["product"]))  # warms the caches
    order = make_order(network["city"], network["product"])
    with CaptureQueriesContext(connection) as ctx:
        dispatch = services.dispatch_plan(order=order)
    statements = [q["sql"] for q in ctx.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert len(statements) == 3 and statements[2].startswith("WITH d AS (INSERT")
    assert [s.strategy for s in dispatch.stages.order_by("position")] == ["rating", "basic", "fallback"]
    assert dispatch.stages.get(position=0).dealers.count() == 3 and dispatch.visibility.count() == 6


def test_price_tolerance_setting(network, settings):
    dealer = network["dealers"][0]
    StockRecord.objects.filter(partner=dealer.partner).update(price=Decimal("430"))  # 7.5 % above the 400 shown
    order = make_order(network["city"], network["product"])
    assert dealer not in selectors.eligible_dealers(order)
    settings.SUZ_DISPATCH_PRICE_TOLERANCE = 5
    assert dealer not in selectors.eligible_dealers(order)
    settings.SUZ_DISPATCH_PRICE_TOLERANCE = 10
    assert dealer in selectors.eligible_dealers(order)
    settings.SUZ_DISPATCH_PRICE_TOLERANCE = None
    StockRecord.objects.filter(partner=dealer.partner).update(price=Decimal("4000"))
    assert dealer in selectors.eligible_dealers(order)


def test_order_nobody_can_take_waits_for_manual_assignment(network, staff, django_capture_on_commit_callbacks):
    from django.core import mail

    order = make_order(network["city"], network["product"])
    StockRecord.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        dispatch = services.dispatch_plan(order=order, now=T0)
    assert dispatch.status == Dispatch.MANUAL and not dispatch.stages.exists()
    [alert] = mail.outbox
    assert alert.to == [staff.email] and "нужен дилер" in alert.subject


def test_visibility_one_second_before_and_after_a_stage_opens(network):
    order = make_order(network["city"], network["product"])
    dispatch = services.dispatch_plan(order=order, now=T0)
    late = sorted(network["dealers"], key=lambda d: d.rating)[0]  # in the basic stage
    opens = T0 + timedelta(minutes=15)
    assert not selectors.inbox(late, now=opens - timedelta(seconds=1)).exists()
    assert list(selectors.inbox(late, now=opens + timedelta(seconds=1))) == [dispatch]
    with pytest.raises(AlreadyTaken):
        services.dispatch_claim(dispatch=dispatch, dealer=late, now=opens - timedelta(seconds=1))


def test_inbox_is_one_query(network, django_assert_num_queries):
    for _ in range(3):
        services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    top = max(network["dealers"], key=lambda d: d.rating)
    with django_assert_num_queries(1):
        assert len(list(selectors.inbox(top, now=T0))) == 3


def test_claim_once_then_already_taken(network):
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    first, second = sorted(network["dealers"], key=lambda d: -d.rating)[:2]
    services.dispatch_claim(dispatch=dispatch, dealer=first, now=T0)
    with pytest.raises(AlreadyTaken, match="уже принят другим дилером"):
        services.dispatch_claim(dispatch=dispatch, dealer=second, now=T0)
    dispatch.refresh_from_db()
    assert dispatch.claimed_by == first and dispatch.status == Dispatch.ACCEPTED
    assert not selectors.inbox(second, now=T0).exists()


def test_when_every_opened_dealer_declines_the_next_stage_opens_now(network):
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    reason = DeclineReason.objects.create(title="Нет в наличии")
    top3 = sorted(network["dealers"], key=lambda d: -d.rating)[:3]
    later = sorted(network["dealers"], key=lambda d: -d.rating)[3]
    now = T0 + timedelta(minutes=1)
    for dealer in top3[:2]:
        assert services.dispatch_decline(dispatch=dispatch, dealer=dealer, reason=reason, now=now) is None
    assert not selectors.inbox(later, now=now).exists()
    opened = services.dispatch_decline(dispatch=dispatch, dealer=top3[2], reason=reason, now=now)
    assert opened.strategy == "basic"
    assert selectors.inbox(later, now=now).exists()
    assert not selectors.inbox(top3[0], now=now).exists()  # declined: gone from its inbox
    with pytest.raises(DispatchError):
        services.dispatch_decline(dispatch=dispatch, dealer=top3[0], reason=reason, now=now)


def test_staff_hear_when_everyone_declines_and_a_plan_with_nobody_left_waits_for_them(
        network, staff, settings, django_capture_on_commit_callbacks):
    from django.core import mail

    settings.SUZ_DISPATCH_STRATEGIES = [{"CLASS": "suz_oscar.dispatch.strategies.RatingStrategy",
                                         "OPTIONS": {"top": 1, "minutes": 5}},
                                        {"CLASS": "suz_oscar.dispatch.strategies.BasicStrategy",
                                         "OPTIONS": {"delay": 15}}]
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    reason = DeclineReason.objects.create(title="Нет в наличии")
    ranked = sorted(network["dealers"], key=lambda d: -d.rating)
    now = T0 + timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.dispatch_decline(dispatch=dispatch, dealer=ranked[0], reason=reason, now=now)
    assert [m.to for m in mail.outbox] == [[staff.email]] and str(dispatch.order.number) in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        for dealer in ranked[1:]:
            services.dispatch_decline(dispatch=dispatch, dealer=dealer, reason=reason, now=now)
    dispatch.refresh_from_db()
    assert dispatch.status == Dispatch.MANUAL and len(mail.outbox) == 2
    assert "вручную" in mail.outbox[1].body
    assert dispatch.history.last().to_status == Dispatch.MANUAL


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row-level concurrency needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_claim_race_has_exactly_one_winner():
    region = RegionFactory()
    city = CityFactory(region=region)
    product = ProductFactory(stockrecords=[])
    dealers = [DealerFactory(regions=[region], rating=1) for _ in range(20)]
    for dealer in dealers:
        StockRecord.objects.create(partner=dealer.partner, product=product, partner_sku=f"r{dealer.pk}",
                                   price=Decimal("100"))
    from django.test import override_settings

    everyone = [{"CLASS": "suz_oscar.dispatch.strategies.BasicStrategy", "OPTIONS": {"delay": 0}}]
    with override_settings(SUZ_DISPATCH_STRATEGIES=everyone):
        for _ in range(50):
            dispatch = services.dispatch_plan(order=make_order(city, product), now=T0)
            barrier = threading.Barrier(len(dealers))
            results = []

            def claim(dealer, dispatch=dispatch, barrier=barrier, results=results):
                try:
                    barrier.wait()
                    services.dispatch_claim(dispatch=dispatch, dealer=dealer, now=T0)
                    results.append(dealer.pk)
                except AlreadyTaken:
                    results.append(None)
                finally:
                    connections.close_all()

            threads = [threading.Thread(target=claim, args=(d,)) for d in dealers]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            winners = [pk for pk in results if pk is not None]
            assert len(results) == 20 and len(winners) == 1
            dispatch.refresh_from_db()
            assert dispatch.claimed_by_id == winners[0]


@pytest.fixture
def planned(network):
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]))
    ranked = sorted(network["dealers"], key=lambda d: -d.rating)
    from suz_oscar.test.factories import create_manager

    return dispatch, create_manager(ranked[0]), create_manager(ranked[1]), create_manager(ranked[5])


def test_inbox_claim_and_already_taken_in_the_dashboard(planned):
    from django.urls import reverse

    from .conftest import client_for

    dispatch, first, second, late = planned
    inbox = reverse("suz_dispatch_dashboard:suz-inbox")
    assert str(dispatch.order.number) in client_for(first).get(inbox).content.decode()
    assert str(dispatch.order.number) not in client_for(late).get(inbox).content.decode()  # its stage opens later
    claim = reverse("suz_dispatch_dashboard:suz-inbox-claim", kwargs={"pk": dispatch.pk})
    assert client_for(first).post(claim).status_code == 302
    response = client_for(second).post(claim, follow=True)
    assert "Этот заказ уже принят другим дилером." in response.content.decode()
    order_url = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk})
    # The loser's link to the order says it was taken (it saw the order); a dealer that never saw it: not found.
    taken = client_for(second).get(order_url, follow=True)
    assert taken.redirect_chain[-1][0] == inbox
    assert f"Заказ {dispatch.order.number}: Этот заказ уже принят другим дилером." in taken.content.decode()
    assert client_for(late).get(order_url).status_code == 404
    page = client_for(first).get(order_url).content.decode()
    assert "+7 912 345-67-89" in page or "8 (912) 345-67-89" in page


def test_phone_is_hidden_from_call_from_site_dealers(planned):
    from django.urls import reverse

    from .conftest import client_for

    dispatch, first, second, late = planned
    dealer = first.partners.get().dealer
    dealer.call_from_site = True
    dealer.save()
    services.dispatch_claim(dispatch=dispatch, dealer=dealer)
    page = client_for(first).get(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}))
    content = page.content.decode()
    assert "345-67-89" not in content and "скрыт" in content


def test_inbox_permission_matrix(planned, customer, staff):
    from django.urls import reverse

    from .conftest import client_for

    dispatch, first, second, late = planned
    reason = DeclineReason.objects.create(title="Нет товара")
    urls = [
        ("get", reverse("suz_dispatch_dashboard:suz-inbox"), {}, 200, 200, 200),
        ("get", reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}), {}, 200, 404, 200),
        ("post", reverse("suz_dispatch_dashboard:suz-inbox-claim", kwargs={"pk": dispatch.pk}), {}, 302, 404, 403),
        ("post", reverse("suz_dispatch_dashboard:suz-inbox-decline", kwargs={"pk": dispatch.pk}),
         {"reason": reason.pk}, 302, 404, 403),
    ]
    for method, url, data, own, other, staff_code in urls:
        anonymous = getattr(client_for(), method)(url, data)
        assert anonymous.status_code == 302 and "login" in anonymous["Location"], url
        assert getattr(client_for(customer), method)(url, data).status_code == 403, url
        assert getattr(client_for(late), method)(url, data).status_code == other, url  # not in its audience yet
        assert getattr(client_for(staff), method)(url, data).status_code == staff_code, url
        assert getattr(client_for(second), method)(url, data).status_code == own, url
    # The late dealer's claim and decline changed nothing.
    dispatch.refresh_from_db()
    assert dispatch.claimed_by == second.partners.get().dealer


def test_inbox_page_queries_do_not_grow_with_orders(network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from suz_oscar.test.factories import create_manager

    from .conftest import client_for

    top = max(network["dealers"], key=lambda d: d.rating)
    client = client_for(create_manager(top))
    counts = []
    for _ in range(2):
        for _ in range(3):
            services.dispatch_plan(order=make_order(network["city"], network["product"]))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("suz_dispatch_dashboard:suz-inbox")).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]


FailureReason = get_model("suz_dispatch", "FailureReason")


def test_status_pipeline_with_history(planned):
    dispatch, first, second, late = planned
    dealer = first.partners.get().dealer
    services.dispatch_claim(dispatch=dispatch, dealer=dealer, user=first)
    services.dispatch_set_status(dispatch=dispatch, dealer=dealer, user=first, to_status="processed")
    with pytest.raises(DispatchError, match="не может перейти"):
        services.dispatch_set_status(dispatch=dispatch, dealer=dealer, to_status="accepted")
    with pytest.raises(DispatchError, match="Выберите, почему"):
        services.dispatch_set_status(dispatch=dispatch, dealer=dealer, to_status="failed")
    reason = FailureReason.objects.create(title="Клиент передумал", fault="customer")
    services.dispatch_set_status(dispatch=dispatch, dealer=dealer, user=first, to_status="failed",
                                 failure_reason=reason)
    history = [(c.from_status, c.to_status, c.user, c.fault) for c in dispatch.history.all()]
    assert history == [("offered", "accepted", first, ""), ("accepted", "processed", first, ""),
                       ("processed", "failed", first, "customer")]
    other = second.partners.get().dealer
    with pytest.raises(DispatchError):
        services.dispatch_set_status(dispatch=dispatch, dealer=other, to_status="completed")


def test_call_from_site_dealer_cannot_mark_processed_before_a_call(planned):
    dispatch, first, second, late = planned
    dealer = first.partners.get().dealer
    dealer.call_from_site = True
    dealer.save()
    services.dispatch_claim(dispatch=dispatch, dealer=dealer)
    with pytest.raises(DispatchError, match="позвоните покупателю"):
        services.dispatch_set_status(dispatch=dispatch, dealer=dealer, to_status="processed")
    dispatch.refresh_from_db()
    assert dispatch.status == "accepted"


def test_giving_back_returns_the_order_to_dispatch(planned):
    dispatch, first, second, late = planned
    dealer, other = first.partners.get().dealer, second.partners.get().dealer
    services.dispatch_claim(dispatch=dispatch, dealer=dealer)
    services.dispatch_give_up(dispatch=dispatch, dealer=dealer, user=first)
    dispatch.refresh_from_db()
    assert dispatch.status == "offered" and dispatch.claimed_by is None
    assert not selectors.inbox(dealer).exists()
    assert selectors.inbox(other).exists()
    assert dispatch.history.last().fault == "dealer"
    services.dispatch_claim(dispatch=dispatch, dealer=other)


def test_status_and_give_up_urls(planned, customer, staff):
    from django.urls import reverse

    from .conftest import client_for

    dispatch, first, second, late = planned
    services.dispatch_claim(dispatch=dispatch, dealer=second.partners.get().dealer)
    status = reverse("suz_dispatch_dashboard:suz-inbox-status", kwargs={"pk": dispatch.pk})
    give_up = reverse("suz_dispatch_dashboard:suz-inbox-give-up", kwargs={"pk": dispatch.pk})
    for url, data in ((status, {"status": "processed"}), (give_up, {})):
        anonymous = client_for().post(url, data)
        assert anonymous.status_code == 302 and "login" in anonymous["Location"]
        assert client_for(customer).post(url, data).status_code == 403
        assert client_for(first).post(url, data).status_code == 404  # another dealer's order
        assert client_for(staff).post(url, data).status_code == 403
    dispatch.refresh_from_db()
    assert dispatch.status == "accepted"
    assert client_for(second).post(status, {"status": "processed"}).status_code == 302
    dispatch.refresh_from_db()
    assert dispatch.status == "processed"
    page = client_for(staff).get(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}))
    assert page.content.decode().count("<tr>") >= 3  # history rows visible to staff


def test_staff_assign_reassign_and_filter(planned, customer, staff, network):
    from django.urls import reverse

    from .conftest import client_for

    dispatch, first, second, late = planned
    target = network["far"]
    url = reverse("suz_dispatch_dashboard:suz-inbox-assign", kwargs={"pk": dispatch.pk})
    anonymous = client_for().post(url, {"dealer": target.pk})
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert client_for(customer).post(url, {"dealer": target.pk}).status_code == 403
    assert client_for(first).post(url, {"dealer": target.pk}).status_code == 403
    assert client_for(staff).post(url, {"dealer": target.pk}).status_code == 302
    dispatch.refresh_from_db()
    assert dispatch.claimed_by == target and dispatch.status == "accepted"
    other = second.partners.get().dealer
    client_for(staff).post(url, {"dealer": other.pk})
    dispatch.refresh_from_db()
    assert dispatch.claimed_by == other
    assert dispatch.history.last().note.startswith("передан от дилера")

    inbox = reverse("suz_dispatch_dashboard:suz-inbox")
    listed = client_for(staff).get(inbox, {"tab": "accepted", "dealer": other.pk}).context["dispatches"]
    assert list(listed) == [dispatch]
    assert list(client_for(staff).get(inbox, {"tab": "failed"}).context["dispatches"]) == []
    region = network["city"].region
    assert list(client_for(staff).get(inbox, {"region": region.pk}).context["dispatches"]) == [dispatch]
    assert list(client_for(staff).get(inbox, {"older_than": "1"}).context["dispatches"]) == []


@pytest.mark.django_db(transaction=True)
def test_broker_down_at_placement_order_saved_and_sweep_notifies_once(settings):
    from django.core import mail

    from sandbox.celery_app import app
    from suz_oscar.dispatch import notifications, tasks
    from suz_oscar.test.factories import create_manager

    region = RegionFactory()
    city = CityFactory(region=region)
    product = ProductFactory(stockrecords=[])
    dealers = [DealerFactory(regions=[region], rating=10 - i) for i in range(4)]
    for dealer in dealers:
        StockRecord.objects.create(partner=dealer.partner, product=product, partner_sku=f"b{dealer.pk}",
                                   price=Decimal("100"))
    managers = [create_manager(d) for d in dealers]
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens there: the broker is down
    try:
        dispatch = services.dispatch_plan(order=make_order(city, product))
        tasks.schedule_stage_notifications(dispatch)  # logs, raises nothing
    finally:
        app.conf.broker_url = settings.CELERY_BROKER_URL
    assert Dispatch.objects.filter(pk=dispatch.pk).exists()
    assert selectors.inbox(dealers[0]).exists()  # visibility needs no worker
    assert len(mail.outbox) == 0

    tasks.sweep_stage_notifications()  # beat comes back: the open rating stage is announced
    first_stage = dispatch.stages.get(position=0)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(m.email for m in managers[:3])
    assert "Вам доступен новый заказ" in mail.outbox[0].subject
    tasks.sweep_stage_notifications()
    tasks.notify_stage_task(first_stage.pk)  # the late ETA task fires too
    assert len(mail.outbox) == 3  # exactly once
    later = timezone.now() + timedelta(minutes=16)
    notifications.notify_stage(dispatch.stages.get(position=1).pk, now=later)
    assert len(mail.outbox) == 4 and mail.outbox[-1].to == [managers[3].email]


@pytest.mark.parametrize("take_back", [False, True])
def test_sla_watchdog_alerts_once_and_may_take_the_order_back(planned, staff, settings, take_back,
                                                              django_capture_on_commit_callbacks):
    from django.core import mail

    settings.SUZ_DISPATCH_SLA_HOURS = 24
    settings.SUZ_DISPATCH_SLA_RETURN = take_back
    dispatch, first, second, late = planned
    dealer = first.partners.get().dealer
    claimed = timezone.now()
    services.dispatch_claim(dispatch=dispatch, dealer=dealer, now=claimed)
    with django_capture_on_commit_callbacks(execute=True):  # the outbox delivers after commit
        assert services.dispatch_sla_watch(now=claimed + timedelta(hours=23)) == []
        assert services.dispatch_sla_watch(now=claimed + timedelta(hours=25)) == [dispatch]
        assert services.dispatch_sla_watch(now=claimed + timedelta(hours=26)) == []
    alerts = [m for m in mail.outbox if staff.email in m.to]
    assert len(alerts) == 1 and str(dispatch.order.number) in alerts[0].subject
    dispatch.refresh_from_db()
    if take_back:
        assert dispatch.status == "offered" and dispatch.claimed_by is None
        assert not selectors.inbox(dealer).exists()
    else:
        assert dispatch.status == "accepted" and dispatch.claimed_by == dealer
    assert dispatch.history.last().note == "не обработан вовремя (SLA)"


FALLBACK_OPENS = T0 + timedelta(minutes=75)  # basic at 15 minutes, then the fallback's 60


def test_dealer_reached_only_by_the_fallback_sees_it_when_it_opens_and_can_take_it(network):
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    far, second = network["far"], timedelta(seconds=1)
    assert not selectors.inbox(far, now=FALLBACK_OPENS - second).exists()
    [seen] = selectors.inbox(far, now=FALLBACK_OPENS + second)
    assert seen == dispatch and seen.opens_at == FALLBACK_OPENS
    with pytest.raises(AlreadyTaken):
        services.dispatch_claim(dispatch=dispatch, dealer=far, now=FALLBACK_OPENS - second)
    services.dispatch_claim(dispatch=dispatch, dealer=far, now=FALLBACK_OPENS + second)
    dispatch.refresh_from_db()
    assert dispatch.claimed_by == far and dispatch.status == Dispatch.ACCEPTED
    for dealer in [far, *network["dealers"]]:
        assert not selectors.inbox(dealer, now=FALLBACK_OPENS + second).exists()


def test_fallback_skips_dealers_outside_the_network(network):
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    off = DealerFactory(regions=[RegionFactory()], accepts_site_orders=False)
    gone = DealerFactory(regions=[RegionFactory()], is_active=False)
    for dealer in (off, gone):
        assert not selectors.inbox(dealer, now=FALLBACK_OPENS).exists()
        with pytest.raises(AlreadyTaken):
            services.dispatch_claim(dispatch=dispatch, dealer=dealer, now=FALLBACK_OPENS)


def test_declining_the_fallback_hides_it_from_that_dealer_only(network):
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    reason = DeclineReason.objects.create(title="Далеко")
    far, other = network["far"], DealerFactory(regions=[RegionFactory()])
    now = FALLBACK_OPENS + timedelta(minutes=1)
    assert services.dispatch_decline(dispatch=dispatch, dealer=far, reason=reason, now=now) is None
    assert not selectors.inbox(far, now=now).exists()
    assert list(selectors.inbox(other, now=now)) == [dispatch]
    assert list(selectors.inbox(network["dealers"][0], now=now)) == [dispatch]
    row = dispatch.visibility.get(dealer=far)
    assert row.declined_at == now and row.decline_reason == reason
    with pytest.raises(DispatchError):
        services.dispatch_decline(dispatch=dispatch, dealer=far, reason=reason, now=now)
    with pytest.raises(AlreadyTaken):
        services.dispatch_claim(dispatch=dispatch, dealer=far, now=now)
    services.dispatch_claim(dispatch=dispatch, dealer=other, now=now)


def test_when_every_regional_dealer_declines_the_fallback_opens_now(network):
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    reason = DeclineReason.objects.create(title="Нет в наличии")
    now = T0 + timedelta(minutes=20)  # the basic stage is open, the fallback is not
    assert not selectors.inbox(network["far"], now=now).exists()
    opened = [services.dispatch_decline(dispatch=dispatch, dealer=d, reason=reason, now=now)
              for d in network["dealers"]]
    assert opened[:-1] == [None] * 5 and opened[-1].strategy == "fallback"
    dispatch.refresh_from_db()
    assert dispatch.open_to_all_at == now == opened[-1].opens_at
    assert list(selectors.inbox(network["far"], now=now)) == [dispatch]
    assert not selectors.inbox(network["dealers"][0], now=now).exists()


def test_fallback_email_reaches_the_network_dealers_not_in_earlier_stages(
        network, django_capture_on_commit_callbacks):
    from django.core import mail

    from suz_oscar.dispatch import notifications
    from suz_oscar.test.factories import create_manager

    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    far, other = network["far"], DealerFactory(regions=[RegionFactory()])
    off = DealerFactory(regions=[RegionFactory()], accepts_site_orders=False)
    told = [create_manager(far), create_manager(other)]
    not_told = [create_manager(network["dealers"][0]), create_manager(off)]
    fallback = dispatch.stages.get(everyone=True)
    assert not notifications.notify_stage(fallback.pk, now=FALLBACK_OPENS - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):  # the outbox delivers after commit
        assert notifications.notify_stage(fallback.pk, now=FALLBACK_OPENS)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in told)
    assert not {u.email for u in not_told} & {m.to[0] for m in mail.outbox}
    assert not notifications.notify_stage(fallback.pk, now=FALLBACK_OPENS)
    assert len(mail.outbox) == 2


def test_giving_up_after_the_fallback_opened_shows_it_to_the_others_again(network, settings):
    settings.SUZ_DISPATCH_SLA_HOURS = 1
    settings.SUZ_DISPATCH_SLA_RETURN = True
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    far, other, regional = network["far"], DealerFactory(regions=[RegionFactory()]), network["dealers"][0]
    now = FALLBACK_OPENS + timedelta(minutes=1)
    services.dispatch_claim(dispatch=dispatch, dealer=far, now=now)
    assert not selectors.inbox(other, now=now).exists()
    services.dispatch_give_up(dispatch=dispatch, dealer=far, now=now)
    assert not selectors.inbox(far, now=now).exists()
    assert list(selectors.inbox(other, now=now)) == [dispatch]
    assert list(selectors.inbox(regional, now=now)) == [dispatch]
    # Taken back by the SLA watchdog: the same.
    services.dispatch_claim(dispatch=dispatch, dealer=other, now=now)
    assert services.dispatch_sla_watch(now=now + timedelta(hours=2)) == [dispatch]
    later = now + timedelta(hours=2)
    assert not selectors.inbox(other, now=later).exists()
    assert list(selectors.inbox(regional, now=later)) == [dispatch]
    with pytest.raises(AlreadyTaken):
        services.dispatch_claim(dispatch=dispatch, dealer=far, now=later)


def test_fallback_dealer_takes_the_order_in_the_dashboard(network, staff):
    from django.urls import reverse

    from suz_oscar.test.factories import create_manager

    from .conftest import client_for

    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]),
                                      now=timezone.now() - timedelta(minutes=80))
    manager = create_manager(network["far"])
    page = client_for(manager).get(reverse("suz_dispatch_dashboard:suz-inbox")).content.decode()
    assert str(dispatch.order.number) in page
    order_url = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk})
    assert client_for(manager).get(order_url).status_code == 200
    plan = client_for(staff).get(order_url).content.decode()
    assert "все дилеры сети" in plan
    claim = reverse("suz_dispatch_dashboard:suz-inbox-claim", kwargs={"pk": dispatch.pk})
    assert client_for(manager).post(claim).status_code == 302
    dispatch.refresh_from_db()
    assert dispatch.claimed_by == network["far"]


@pytest.mark.django_db(transaction=True)
def test_a_site_without_workers_announces_the_open_stage_at_once(settings):
    """The demo runs no worker and no beat: the dealers of the stage open at placement learn of the order at
    once, and only they (the later stages wait for their time)."""
    from django.core import mail

    from suz_oscar.dispatch import tasks
    from suz_oscar.test.factories import create_manager

    settings.SUZ_USE_BROKER = False
    region = RegionFactory()
    city = CityFactory(region=region)
    product = ProductFactory(stockrecords=[])
    dealers = [DealerFactory(regions=[region], rating=10 - i) for i in range(4)]
    for dealer in dealers:
        StockRecord.objects.create(partner=dealer.partner, product=product, partner_sku=f"w{dealer.pk}",
                                   price=Decimal("100"))
    managers = [create_manager(d) for d in dealers]
    tasks.schedule_stage_notifications(services.dispatch_plan(order=make_order(city, product)))
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.email for m in managers[:3])
