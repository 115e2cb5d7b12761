"""Dispatch holes found by trying the sandbox as dealers and staff would, and as an attacker would."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dealers import services as dealer_services
from suz_oscar.dispatch import notifications, selectors, services
from suz_oscar.dispatch.exceptions import DispatchError
from suz_oscar.test.factories import CityFactory, DealerFactory, create_manager

from .conftest import client_for, make_order, regional_network

Dispatch = get_model("suz_dispatch", "Dispatch")
Dealer = get_model("suz_dealers", "Dealer")
DeclineReason = get_model("suz_dispatch", "DeclineReason")
StockRecord = get_model("partner", "StockRecord")

T0 = timezone.now().replace(microsecond=0)
RATING_THEN_BASIC = [
    {"CLASS": "suz_oscar.dispatch.strategies.RatingStrategy", "OPTIONS": {"top": 2, "minutes": 5}},
    {"CLASS": "suz_oscar.dispatch.strategies.BasicStrategy", "OPTIONS": {"delay": 15}},
]


@pytest.fixture
def network(db):
    return regional_network([50, 40, 30, 20])


@pytest.fixture
def reason(db):
    return DeclineReason.objects.create(title="Нет в наличии")


def leave_network(dealer, how):
    """Take ``dealer`` out of the network the three ways there are."""
    if how == "suspended":
        dealer_services.dealer_suspend(dealer=dealer, reason="тест")
    elif how == "excluded":
        Dealer.objects.filter(pk=dealer.pk).update(excluded_at=timezone.now())
    else:
        Dealer.objects.filter(pk=dealer.pk).update(accepts_site_orders=False)
    dealer.refresh_from_db()


@pytest.mark.parametrize("how", ["suspended", "excluded", "not_taking_site_orders"])
def test_a_dealer_out_of_the_network_neither_sees_takes_declines_nor_hears_of_orders(network, reason, how):
    best = network["dealers"][0]
    create_manager(best, email="best@example.com")
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    assert dispatch in selectors.claimable(best, T0)  # its visibility row is written
    leave_network(best, how)

    assert list(selectors.inbox(best, T0)) == [] and selectors.inbox_count(best, T0) == 0
    assert not selectors.claimable(best, T0).exists()
    with pytest.raises(DispatchError, match="не получает заказы"):
        services.dispatch_claim(dispatch=dispatch, dealer=best, now=T0)
    with pytest.raises(DispatchError):
        services.dispatch_decline(dispatch=dispatch, dealer=best, reason=reason, now=T0)
    assert notifications.notify_stage(dispatch.stages.get(position=0).pk, now=T0)
    assert "best@example.com" not in [address for m in mail.outbox for address in m.to]
    # Its manager's link to the order page is refused too.
    page = client_for(best.partner.users.get()).get(
        reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}), follow=True)
    assert "не получает заказы" in page.content.decode()


def test_a_claim_that_fails_says_what_really_happened(network, reason):
    with override_settings(SUZ_DISPATCH_STRATEGIES=RATING_THEN_BASIC):
        dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    first, second, third, _fourth = network["dealers"]
    with pytest.raises(DispatchError, match="^Этот заказ вам недоступен"):
        services.dispatch_claim(dispatch=dispatch, dealer=third, now=T0)  # its stage opens in 15 minutes
    services.dispatch_decline(dispatch=dispatch, dealer=second, reason=reason, now=T0)
    with pytest.raises(DispatchError, match="^Вы отказались от этого заказа"):
        services.dispatch_claim(dispatch=dispatch, dealer=second, now=T0)
    services.dispatch_claim(dispatch=dispatch, dealer=first, now=T0)
    with pytest.raises(DispatchError, match="^Этот заказ уже ваш"):
        services.dispatch_claim(dispatch=dispatch, dealer=first, now=T0)
    with pytest.raises(DispatchError, match="^Этот заказ уже принят другим дилером"):
        services.dispatch_claim(dispatch=dispatch, dealer=third, now=T0 + timedelta(minutes=20))


def test_claiming_an_order_already_yours_leads_to_it(network):
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    manager = create_manager(network["dealers"][0])
    claim = reverse("suz_dispatch_dashboard:suz-inbox-claim", kwargs={"pk": dispatch.pk})
    client = client_for(manager)
    client.post(claim)
    response = client.post(claim, follow=True)
    assert response.redirect_chain[-1][0] == reverse("suz_dispatch_dashboard:suz-inbox-order",
                                                     kwargs={"pk": dispatch.pk})
    assert "Этот заказ уже ваш." in response.content.decode()


def test_declines_are_in_the_history_and_staff_see_who_could_take_the_order(network, reason, staff):
    region, city = network["region"], network["city"]
    with override_settings(SUZ_DISPATCH_STRATEGIES=RATING_THEN_BASIC):
        order = make_order(city, network["product"])
        dispatch = services.dispatch_plan(order=order, now=T0)
    first, second, third, fourth = network["dealers"]
    manager = create_manager(first)
    response = client_for(manager).post(reverse("suz_dispatch_dashboard:suz-inbox-decline",
                                                kwargs={"pk": dispatch.pk}), {"reason": reason.pk})
    assert response.status_code == 302
    entry = dispatch.history.get(decline_reason=reason)
    assert (entry.dealer, entry.user) == (first, manager)

    # Now make each of the region's dealers ineligible in its own way, and add others.
    leave_network(second, "suspended")
    leave_network(third, "excluded")
    StockRecord.objects.filter(partner=fourth.partner).update(price=Decimal("999"))
    elsewhere = CityFactory(region=region, name="Другой город")
    other_city = DealerFactory(partner__name="Дилер другого города", cities=[elsewhere])
    not_offering = DealerFactory(partner__name="Без товара", regions=[region])
    no_site = DealerFactory(partner__name="Без заказов с сайта", regions=[region], accepts_site_orders=False)
    StockRecord.objects.create(partner=no_site.partner, product=network["product"], partner_sku="ns",
                               price=Decimal("400"))
    rows = {row.dealer.pk: row for row in selectors.eligibility_report(dispatch, now=T0 + timedelta(minutes=1))}
    report = {pk: {r.value for r, _line in row.reasons} for pk, row in rows.items()}
    assert report[first.pk] == set()
    # The rules allow the first, but it declined; the rating stage's other dealer sees it; the rest will later.
    assert rows[first.pk].standing == "declined" and rows[first.pk].decline_reason == reason
    assert rows[second.pk].standing == "sees" and rows[fourth.pk].standing == "will_see"
    assert rows[other_city.pk].standing == "outside"
    assert report[second.pk] == {"suspended"}
    assert report[third.pk] == {"excluded"}
    assert report[fourth.pk] == {"price_above"}
    assert report[other_city.pk] == {"not_serving", "not_offering"}
    assert report[not_offering.pk] == {"not_offering"}
    assert report[no_site.pk] == {"no_site_orders"}
    assert network["far"].pk not in report  # another region's dealer is not "of the region"

    page = client_for(staff).get(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}))
    html = page.content.decode()
    assert "отказался от заказа" in html and "Нет в наличии" in html and "отказался (Нет в наличии)" in html
    assert "цена выше показанной покупателю" in html and "не обслуживает город" in html
    assert reverse("dashboard:order-detail", kwargs={"number": order.number}) in html


def test_a_status_form_error_names_the_field_and_changes_nothing(network):
    dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    dealer = network["dealers"][0]
    services.dispatch_claim(dispatch=dispatch, dealer=dealer, now=T0)
    url = reverse("suz_dispatch_dashboard:suz-inbox-status", kwargs={"pk": dispatch.pk})
    response = client_for(create_manager(dealer)).post(url, {"status": "processed", "note": "x" * 300}, follow=True)
    html = response.content.decode()
    assert "Комментарий:" in html and "255" in html
    assert "Выберите статус" not in html
    dispatch.refresh_from_db()
    assert dispatch.status == Dispatch.ACCEPTED


@pytest.mark.parametrize("value", ["1e11", "99999999999999999999", "-1", "abc", "\x00"])
def test_staff_age_filter_with_junk_gives_a_form_error(staff, value):
    response = client_for(staff).get(reverse("suz_dispatch_dashboard:suz-inbox"), {"tab": "all", "older_than": value})
    assert response.status_code == 200
    assert response.context["filter"].errors.get("older_than")


@pytest.mark.parametrize("delta", ["99999999999", "1e20", "NaN", "-Infinity"])
def test_a_points_adjustment_past_the_column_is_refused(staff, dealer_a, delta):
    url = reverse("suz_scoring_dashboard:suz-scoring-adjust", kwargs={"pk": dealer_a.pk})
    response = client_for(staff).post(url, {"delta": delta, "note": "тест"}, follow=True)
    assert response.status_code == 200
    assert "Баллы:" in response.content.decode()
    dealer_a.refresh_from_db()
    assert dealer_a.rating == 0 and not dealer_a.points.exists()


def test_an_extreme_points_table_cannot_overflow_the_rating(network):
    from suz_oscar.scoring import services as scoring

    dealer = network["dealers"][0]
    entry = scoring.record(dealer=dealer, delta=Decimal("1e30"), reason="manual")
    dealer.refresh_from_db()
    assert entry.delta == scoring.MAX_DELTA and dealer.rating == Decimal("50") + scoring.MAX_DELTA


def test_the_staff_order_list_is_paginated(network, staff):
    for _ in range(30):
        services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
    url = reverse("suz_dispatch_dashboard:suz-inbox")
    first = client_for(staff).get(url, {"tab": "all"})
    second = client_for(staff).get(url, {"tab": "all", "page": 2})
    assert len(first.context["dispatches"]) == 25 and len(second.context["dispatches"]) == 5
    assert "page=2" in first.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row-level concurrency needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_when_the_last_dealers_decline_at_once_the_next_stage_opens_and_staff_are_told_once(staff):
    from suz_oscar.test.factories import StaffFactory

    other_staff = StaffFactory()
    network = regional_network([50, 40, 30, 20, 10], far=False)
    reason = DeclineReason.objects.create(title="Нет")
    first_stage = network["dealers"][:4]  # the four best by rating
    strategies = [{"CLASS": "suz_oscar.dispatch.strategies.RatingStrategy", "OPTIONS": {"top": 4, "minutes": 5}},
                  {"CLASS": "suz_oscar.dispatch.strategies.BasicStrategy", "OPTIONS": {"delay": 15}}]
    with override_settings(SUZ_DISPATCH_STRATEGIES=strategies):
        for _ in range(10):
            mail.outbox.clear()
            dispatch = services.dispatch_plan(order=make_order(network["city"], network["product"]), now=T0)
            barrier = threading.Barrier(len(first_stage))

            def decline(dealer, dispatch=dispatch, barrier=barrier):
                try:
                    barrier.wait()
                    services.dispatch_decline(dispatch=dispatch, dealer=dealer, reason=reason, now=T0)
                finally:
                    connections.close_all()

            threads = [threading.Thread(target=decline, args=(d,)) for d in first_stage]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            basic = dispatch.stages.get(position=1)
            assert basic.opens_at == T0  # opened early by the last decline
            assert dispatch in selectors.claimable(network["dealers"][4], T0)
            # One email to each staff member (the outbox writes one row per recipient), not one per decline.
            assert sorted(m.to for m in mail.outbox) == sorted([[staff.email], [other_staff.email]])
            assert all("отказались" in m.subject for m in mail.outbox)
            assert dispatch.history.filter(decline_reason=reason).count() == 4


def test_plain_text_emails_do_not_escape_a_dealer_name(network, staff, django_capture_on_commit_callbacks):
    from django.utils import timezone

    from suz_oscar.scoring import notifications as scoring_notifications

    dealer = network["dealers"][0]
    dealer.partner.name = "Декор & Co <Опт>"
    dealer.partner.save()
    create_manager(dealer, email="m@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        scoring_notifications.tell_excluded(dealer, Decimal("-10"), timezone.now())
    subjects = [m.subject for m in mail.outbox]
    assert subjects and all("Декор & Co <Опт>" in s and "&amp;" not in s for s in subjects)


def test_staff_get_a_form_error_for_a_non_positive_stock_price_on_oscars_product_page(staff):
    from oscar.apps.dashboard.catalogue.formsets import StockRecordFormSet  # noqa: F401  (loads ours)
    from oscar.core.loading import get_class
    from oscar.test.factories import ProductClassFactory

    StockRecordForm = get_class("dashboard.catalogue.forms", "StockRecordForm")
    form = StockRecordForm(ProductClassFactory(track_stock=True), staff,
                           data={"partner": "", "partner_sku": "x", "price_currency": "RUB", "price": "0",
                                 "num_in_stock": "99999999999"})
    assert not form.is_valid()
    assert "price" in form.errors and "num_in_stock" in form.errors


def test_the_order_lines_name_the_dealer_that_took_the_order_at_the_price_shown(network):
    order = make_order(network["city"], network["product"])
    quoted = order.lines.get()
    dispatch = services.dispatch_plan(order=order, now=T0)
    taker = network["dealers"][1]
    services.dispatch_claim(dispatch=dispatch, dealer=taker, now=T0)
    line = order.lines.get()
    assert (line.partner, line.partner_name) == (taker.partner, taker.name)
    assert line.stockrecord.partner == taker.partner
    assert line.unit_price_incl_tax == quoted.unit_price_incl_tax
