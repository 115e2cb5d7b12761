"""Dealer scoring: the points ledger, the rating kept from it, thresholds, the scorecard."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from suz_oscar.dispatch import selectors as dispatch_selectors
from suz_oscar.dispatch import services as dispatch
from suz_oscar.offers.selectors import dealers_serving, offers_for_products
from suz_oscar.scoring import selectors, services
from suz_oscar.test.factories import create_manager

from .conftest import client_for, make_order, regional_network

Dealer = get_model("suz_dealers", "Dealer")
StockRecord = get_model("partner", "StockRecord")
FailureReason = get_model("suz_dispatch", "FailureReason")
PointsEntry = get_model("suz_scoring", "PointsEntry")
ScoringRules = get_model("suz_scoring", "ScoringRules")


@pytest.fixture
def net(db):
    return regional_network([0, 0, 0], prices=["400", "450", "480"], far=False)


def taken(net, dealer, now=None):
    """An order of ``net``'s city, claimed by ``dealer`` (its stage opened)."""
    now = now or timezone.now()
    planned = dispatch.dispatch_plan(order=make_order(net["city"], net["product"]), now=now - timedelta(hours=2))
    return dispatch.dispatch_claim(dispatch=planned, dealer=dealer, now=now)


def close(d, dealer, status, reason=None):
    dispatch.dispatch_set_status(dispatch=d, dealer=dealer, to_status="processed")
    return dispatch.dispatch_set_status(dispatch=d, dealer=dealer, to_status=status, failure_reason=reason)


def ratings_agree():
    """``suz_recompute_ratings --check``: exit status 1 when a rating differs from the ledger."""
    try:
        call_command("suz_recompute_ratings", "--check", stdout=StringIO())
    except SystemExit as exit:
        assert exit.code == 1
        return False
    return True


def test_each_event_moves_points_by_the_rules(net):
    dealer = net["dealers"][0]
    close(taken(net, dealer), dealer, "completed")
    close(taken(net, dealer), dealer, "failed", FailureReason.objects.create(title="Не дозвонился", fault="dealer"))
    close(taken(net, dealer), dealer, "failed", FailureReason.objects.create(title="Передумал", fault="customer"))
    dispatch.dispatch_give_up(dispatch=taken(net, dealer), dealer=dealer)
    reasons = list(PointsEntry.objects.filter(dealer=dealer).order_by("pk").values_list("reason", "delta"))
    assert reasons == [("completed", Decimal("10")), ("failed_dealer", Decimal("-10")),
                       ("failed_customer", Decimal("0")), ("given_back", Decimal("-5"))]
    dealer.refresh_from_db()
    assert dealer.rating == Decimal("-5")
    assert ratings_agree()


def test_sla_breach_costs_points_once(net, settings):
    settings.SUZ_DISPATCH_SLA_HOURS = 1
    dealer = net["dealers"][0]
    taken(net, dealer, now=timezone.now() - timedelta(hours=3))
    dispatch.dispatch_sla_watch()
    dispatch.dispatch_sla_watch()
    assert list(PointsEntry.objects.values_list("reason", "delta")) == [("sla_breach", Decimal("-3"))]
    settings.SUZ_DISPATCH_SLA_RETURN = True
    taken(net, dealer, now=timezone.now() - timedelta(hours=3))
    dispatch.dispatch_sla_watch()
    # Taken back by the watchdog: an SLA breach, not a second penalty for giving it back.
    assert sorted(PointsEntry.objects.values_list("reason", flat=True)) == ["sla_breach", "sla_breach"]


def test_order_value_scales_points_and_a_rules_change_applies_to_later_events_only(net, staff):
    dealer = net["dealers"][0]
    first = close(taken(net, dealer), dealer, "completed")
    rules = services.current_rules()
    rules.completed, rules.per_thousand = Decimal("20"), Decimal("2")
    services.save_rules(rules, user=staff)
    second = close(taken(net, dealer), dealer, "completed")
    value = second.order.total_incl_tax
    assert PointsEntry.objects.get(dispatch=first).delta == Decimal("10")
    assert PointsEntry.objects.get(dispatch=second).delta == (Decimal("20") + 2 * value / 1000).quantize(
        Decimal("0.01"))
    assert ScoringRules.objects.count() == 1 and services.current_rules().completed == 20
    assert ratings_agree()


def test_staff_set_the_points_of_one_order(net, staff):
    dealer = net["dealers"][0]
    before = taken(net, dealer)
    services.set_order_points(dispatch=before, points=Decimal("25"), user=staff)
    close(before, dealer, "completed")
    assert PointsEntry.objects.get(dispatch=before).delta == Decimal("25")
    after = close(taken(net, dealer), dealer, "completed")
    services.set_order_points(dispatch=after, points=Decimal("4"), user=staff)
    assert [e.delta for e in PointsEntry.objects.filter(dispatch=after).order_by("pk")] == [Decimal("10"),
                                                                                             Decimal("-6")]
    dealer.refresh_from_db()
    assert dealer.rating == Decimal("29") and ratings_agree()


def test_ledger_is_append_only(net):
    entry = services.adjust(dealer=net["dealers"][0], delta=Decimal("3"), note="бонус")
    entry.delta = Decimal("300")
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    assert PointsEntry.objects.get().delta == Decimal("3")


def test_recompute_repairs_a_rating_that_drifted_and_the_window_lets_old_points_go(net, settings):
    dealer = net["dealers"][0]
    services.adjust(dealer=dealer, delta=Decimal("7"), note="старые")
    PointsEntry.objects.filter(dealer=dealer).update(created_at=timezone.now() - timedelta(days=400))
    services.adjust(dealer=dealer, delta=Decimal("2"), note="новые")
    Dealer.objects.filter(pk=dealer.pk).update(rating=Decimal("100"))
    assert not ratings_agree()
    out = StringIO()
    call_command("suz_recompute_ratings", stdout=out)
    dealer.refresh_from_db()
    assert dealer.rating == Decimal("9") and ratings_agree()
    settings.SUZ_RATING_WINDOW_DAYS = 365
    assert services.recompute_ratings() == {dealer.pk: (Decimal("9"), Decimal("2"))}


def test_thresholds_warn_then_take_the_dealer_out_until_restored(net, staff, django_capture_on_commit_callbacks):
    dealer = net["dealers"][0]
    manager = create_manager(dealer, email="boss@dealer.example")
    rules = services.current_rules()
    rules.warn_below, rules.exclude_below = Decimal("0"), Decimal("-8")
    services.save_rules(rules)
    with django_capture_on_commit_callbacks(execute=True):
        services.adjust(dealer=dealer, delta=Decimal("-5"), note="жалоба")
    assert [m.to for m in mail.outbox] == [[manager.email]]
    assert dealer in dealers_serving(net["city"])
    with django_capture_on_commit_callbacks(execute=True):
        services.adjust(dealer=dealer, delta=Decimal("-5"), note="жалоба")
    dealer.refresh_from_db()
    assert dealer.excluded_at is not None
    assert dealer not in dealers_serving(net["city"])
    assert dealer not in dispatch_selectors.eligible_dealers(make_order(net["city"], net["product"]))
    assert any(staff.email in m.to for m in mail.outbox) and len(mail.outbox) == 3  # no second warning
    client_for(staff).post(reverse("suz_scoring_dashboard:suz-scoring-restore", kwargs={"pk": dealer.pk}))
    dealer.refresh_from_db()
    assert dealer.excluded_at is None and dealer in dealers_serving(net["city"])


def test_a_rising_rating_moves_the_dealer_up_in_the_storefront_and_the_rating_stage(net, staff, settings):
    settings.SUZ_DISPATCH_STRATEGIES = [
        {"CLASS": "suz_oscar.dispatch.strategies.RatingStrategy", "OPTIONS": {"top": 1, "minutes": 5}},
        {"CLASS": "suz_oscar.dispatch.strategies.BasicStrategy", "OPTIONS": {"delay": 15}},
    ]
    cheap, dear = net["dealers"][0], net["dealers"][2]
    StockRecord.objects.filter(partner=dear.partner).update(price=Decimal("400"))  # both can take the order

    def storefront_first():
        dealers = dealers_serving(net["city"])
        return offers_for_products([net["product"].pk], dealers)[net["product"].pk][0].dealer

    def rating_stage():
        order = make_order(net["city"], net["product"])
        return list(dispatch.dispatch_plan(order=order).stages.get(strategy="rating").dealers.all())

    assert storefront_first() == cheap  # equal ratings and prices: the earlier dealer first
    completed = close(taken(net, dear), dear, "completed")
    assert PointsEntry.objects.get(dispatch=completed).delta > 0
    assert storefront_first() == dear
    assert rating_stage() == [Dealer.objects.get(pk=dear.pk)]


def test_scorecard_counts_and_chart(net, staff):
    dealer = net["dealers"][0]
    close(taken(net, dealer), dealer, "completed")
    close(taken(net, dealer), dealer, "failed", FailureReason.objects.create(title="Не дозвонился", fault="dealer"))
    dispatch.dispatch_give_up(dispatch=taken(net, dealer), dealer=dealer)
    card = selectors.scorecard(dealer)
    assert (card["claimed"], card["completed"], card["failed"], card["given_back"]) == (3, 1, 1, 1)
    assert card["failures_dealer"] == 1 and card["completion_rate"] == 50
    assert card["offered"] == 3 and card["acceptance_rate"] == 100
    assert card["median_claim_minutes"] is not None and card["median_contact_minutes"] is not None
    assert card["place"] == (3, 3)  # 10 − 10 − 5: below the two others at 0
    # Staff move an order the dealer took to another dealer: still the first one's claim, the other's assignment.
    other = net["dealers"][1]
    dispatch.dispatch_assign(dispatch=taken(net, dealer), dealer=other, user=staff)
    assert selectors.scorecard(dealer)["claimed"] == 4
    assert (selectors.scorecard(other)["claimed"], selectors.scorecard(other)["assigned"]) == (0, 1)
    page = client_for(staff).get(reverse("suz_scoring_dashboard:suz-scorecard", kwargs={"pk": dealer.pk}))
    html = page.content.decode()
    assert page.status_code == 200 and 'id="rating-chart"' in html and "Не дозвонился" in html
    # The dealer reads every rule that moves its points, the customers' survey scores and complaints too.
    assert "за оценку в опросе, от 1 до 5: -10, -5, 0, 5, 10" in html and "за обоснованную жалобу: -20" in html


def test_scoring_pages_permission_matrix(net, customer, staff):
    own, other = net["dealers"][0], net["dealers"][1]
    manager, other_manager = create_manager(own), create_manager(other)
    order = taken(net, own)
    pages = [  # (method, url, data, own manager, other dealer's manager)
        ("get", reverse("suz_scoring_dashboard:suz-scorecard", kwargs={"pk": own.pk}), {}, 200, 404),
        ("get", reverse("suz_scoring_dashboard:suz-scorecard-mine"), {}, 302, 302),
        ("get", reverse("suz_scoring_dashboard:suz-scoring-rules"), {}, 403, 403),
        ("post", reverse("suz_scoring_dashboard:suz-scoring-adjust", kwargs={"pk": own.pk}),
         {"delta": "5", "note": "x"}, 403, 403),
        ("post", reverse("suz_scoring_dashboard:suz-scoring-restore", kwargs={"pk": own.pk}), {}, 403, 403),
        ("post", reverse("suz_scoring_dashboard:suz-order-points", kwargs={"pk": order.pk}), {"points": "5"},
         403, 403),
    ]
    for method, url, data, own_code, other_code in pages:
        anonymous = getattr(client_for(), method)(url, data)
        assert anonymous.status_code == 302 and "login" in anonymous["Location"], url
        assert getattr(client_for(customer), method)(url, data).status_code == 403, url
        assert getattr(client_for(other_manager), method)(url, data).status_code == other_code, url
        assert getattr(client_for(manager), method)(url, data).status_code == own_code, url
        assert getattr(client_for(staff), method)(url, data).status_code in (200, 302), url
    mine = client_for(other_manager).get(reverse("suz_scoring_dashboard:suz-scorecard-mine"))
    assert mine["Location"] == reverse("suz_scoring_dashboard:suz-scorecard", kwargs={"pk": other.pk})
    # Only staff's adjustment and order points landed.
    assert sorted(PointsEntry.objects.values_list("reason", flat=True)) == ["manual"]


def test_rules_form_rejects_bad_input(staff, db):
    url = reverse("suz_scoring_dashboard:suz-scoring-rules")
    data = {"completed": "10", "per_thousand": "0", "failed_dealer": "-10", "failed_customer": "0",
            "given_back": "-5", "sla_breach": "-3", "survey": "1,2,3", "warn_below": "-5", "exclude_below": "0",
            "complaint_upheld": "-20"}
    response = client_for(staff).post(url, data)
    assert response.status_code == 200 and not ScoringRules.objects.exists()
    assert set(response.context["form"].errors) == {"survey", "exclude_below"}
    assert client_for(staff).post(url, {**data, "survey": "-2,-1,0,1,2", "exclude_below": "-20"}).status_code == 302
    assert services.current_rules().survey_points() == [-2, -1, 0, 1, 2]


def test_adjust_form_needs_a_comment(net, staff):
    dealer = net["dealers"][0]
    url = reverse("suz_scoring_dashboard:suz-scoring-adjust", kwargs={"pk": dealer.pk})
    client_for(staff).post(url, {"delta": "5", "note": ""})
    client_for(staff).post(url, {"delta": "abc", "note": "x"})
    assert not PointsEntry.objects.exists()
    client_for(staff).post(url, {"delta": "-2.5", "note": "опоздание"})
    entry = PointsEntry.objects.get()
    assert (entry.delta, entry.user, entry.note) == (Decimal("-2.5"), staff, "опоздание")


def test_staff_set_order_points_from_the_order_page(net, staff):
    dealer = net["dealers"][0]
    manager = create_manager(dealer)
    order = close(taken(net, dealer), dealer, "completed")
    page = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": order.pk})
    assert 'id="order-points-form"' in client_for(staff).get(page).content.decode()
    assert 'id="order-points-form"' not in client_for(manager).get(page).content.decode()
    url = reverse("suz_scoring_dashboard:suz-order-points", kwargs={"pk": order.pk})
    assert client_for(staff).post(url, {"points": "abc"}).status_code == 302
    client_for(staff).post(url, {"points": "15"})
    dealer.refresh_from_db()
    assert dealer.rating == Decimal("15")
    assert "15" in client_for(staff).get(page).content.decode()


def test_survey_scores_use_the_points_table(net):
    dealer = net["dealers"][0]
    order = close(taken(net, dealer), dealer, "completed")
    services.record_survey(dispatch=order, score=1)
    services.record_survey(dispatch=order, score=5)
    assert services.record_survey(dispatch=order, score=9) is None
    surveys = PointsEntry.objects.filter(reason=PointsEntry.SURVEY).order_by("pk")
    assert [e.delta for e in surveys] == [Decimal("-10"), Decimal("10")]
    assert ratings_agree()


def test_dealers_do_not_see_staff_emails_in_the_history(net, staff):
    dealer, other = net["dealers"][0], net["dealers"][1]
    manager = create_manager(other)
    moved = dispatch.dispatch_assign(dispatch=taken(net, dealer), dealer=other, user=staff)
    page = reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": moved.pk})
    assert staff.email not in client_for(manager).get(page).content.decode()
    assert staff.email in client_for(staff).get(page).content.decode()


def test_saving_a_dealer_loaded_before_points_keeps_the_points(net):
    """A dashboard form or a script holds a dealer while an order completes: its save keeps the new rating."""
    dealer = net["dealers"][0]
    held = Dealer.objects.get(pk=dealer.pk)
    close(taken(net, dealer), dealer, "completed")
    held.description = "Новое описание"
    held.save()
    held.refresh_from_db()
    assert held.description == "Новое описание"
    assert held.rating == Decimal("10")
    assert ratings_agree()
