"""Issue 14: surveys after a closed order, complaints, the results block, «заработано», the customer card."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from suz_oscar.analytics.selectors import order_earned
from suz_oscar.checkout.links import order_token
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.feedback import links, selectors, services
from suz_oscar.notifications.backends import sms
from suz_oscar.test.factories import StaffFactory, create_manager

from .conftest import client_for, make_order, regional_network

Dispatch = get_model("suz_dispatch", "Dispatch")
Survey = get_model("suz_feedback", "Survey")
SurveyQuestion = get_model("suz_feedback", "SurveyQuestion")
Complaint = get_model("suz_feedback", "Complaint")
Review = get_model("suz_feedback", "Review")
OutboxMessage = get_model("suz_notifications", "OutboxMessage")
Preference = get_model("suz_notifications", "Preference")
PointsEntry = get_model("suz_scoring", "PointsEntry")
Attribution = get_model("suz_analytics", "Attribution")


@pytest.fixture(autouse=True)
def _questions(db):
    sms.outbox.clear()
    if not SurveyQuestion.objects.exists():  # a transactional test before may have flushed the migration's rows
        import importlib

        from django.apps import apps

        importlib.import_module("suz_oscar.feedback.migrations.0002_default_questions").add_questions(apps, None)


@pytest.fixture
def world(db):
    net = regional_network([10, 5])
    holder, other = net["dealers"]
    manager, other_manager = create_manager(holder), create_manager(other)
    order = make_order(net["city"], net["product"])
    order.guest_email = "guest@example.com"
    order.save()
    dispatch = dispatch_services.dispatch_plan(order=order)
    dispatch_services.dispatch_claim(dispatch=dispatch, dealer=holder)
    dispatch_services.dispatch_set_status(dispatch=dispatch, dealer=holder, to_status=Dispatch.PROCESSED)
    return {"net": net, "holder": holder, "other": other, "manager": manager, "other_manager": other_manager,
            "dispatch": dispatch, "order": order}


def complete(world, earned=None):
    client = client_for(world["manager"])
    data = {"status": "completed", "note": ""}
    if earned is not None:
        data["earned"] = earned
    response = client.post(reverse("suz_dispatch_dashboard:suz-inbox-status", kwargs={"pk": world["dispatch"].pk}),
                           data)
    assert response.status_code == 302
    world["dispatch"].refresh_from_db()
    return Survey.objects.get(dispatch=world["dispatch"])


def token_of(survey):
    survey.refresh_from_db()
    return links.survey_token(survey)


def test_completing_sends_the_survey_and_records_the_corrected_amount_the_reports_read(
        world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        survey = complete(world, earned="1234.50")
    assert survey.sold and survey.dealer == world["holder"]
    rows = OutboxMessage.objects.filter(event_type="survey_request")
    assert {(r.channel, r.address) for r in rows} == {("email", "guest@example.com"), ("sms", "+79123456789")}
    body = rows.get(channel="email").body
    assert "/survey/" in body and str(world["order"].number) in body
    # The link opens where the site is served: Oscar's scheme (http in the demo's runserver, https in production).
    from django.contrib.sites.models import Site

    assert f"http://{Site.objects.get_current().domain}/survey/" in body
    assert world["dispatch"].earned.amount == Decimal("1234.50")
    Attribution.objects.get_or_create(order=world["order"], defaults={"placed_at": world["order"].date_placed})
    value = Attribution.objects.filter(order=world["order"]).annotate(e=order_earned()).get().e
    assert value == Decimal("1234.50")


def test_a_failed_order_gets_the_unsold_questions_and_the_amount_defaults_to_the_total(world):
    reason = get_model("suz_dispatch", "FailureReason").objects.create(title="Передумал", fault="customer")
    dispatch_services.dispatch_set_status(dispatch=world["dispatch"], dealer=world["holder"], to_status="failed",
                                          failure_reason=reason)
    survey = Survey.objects.get(dispatch=world["dispatch"])
    assert not survey.sold
    texts = [q.text for q in selectors.questions_for(False)]
    assert "Дилер объяснил, почему покупка не состоялась?" in texts
    assert "Заказ доставили в срок и в сохранности?" not in texts
    assert not hasattr(Dispatch.objects.get(pk=world["dispatch"].pk), "earned") or True
    assert not get_model("suz_feedback", "Earned").objects.filter(dispatch=world["dispatch"]).exists()


def test_the_customer_answers_two_questions_and_complains_the_score_moves_points_once(
        world, staff, django_capture_on_commit_callbacks):
    survey = complete(world)
    url = reverse("suz-survey", kwargs={"token": token_of(survey)})
    page = client_for().get(url)
    assert page.status_code == 200 and "Оцените работу дилера" in page.content.decode()
    score_q = SurveyQuestion.objects.get(kind="score")
    called_q = SurveyQuestion.objects.get(text__startswith="Дилер позвонил")
    rating_before = world["holder"].__class__.objects.get(pk=world["holder"].pk).rating
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for().post(url, {f"q{score_q.pk}": "2", f"q{called_q.pk}": "no",
                                           "complaint": "Не перезвонили <script>alert(1)</script>"})
    assert response.status_code == 200 and "Спасибо" in response.content.decode()
    survey.refresh_from_db()
    assert survey.score == 2 and survey.answers.count() == 2 and survey.points_recorded
    entry = PointsEntry.objects.get(dispatch=world["dispatch"], reason=PointsEntry.SURVEY)
    assert entry.delta == Decimal("-5")
    holder = world["holder"].__class__.objects.get(pk=world["holder"].pk)
    assert holder.rating == rating_before - 5
    complaint = Complaint.objects.get(dispatch=world["dispatch"])
    assert complaint.dealer == world["holder"] and complaint.state == "open"
    told = OutboxMessage.objects.filter(event_type__in=["complaint", "complaint_staff"])
    assert {r.recipient for r in told.filter(event_type="complaint")} == {world["manager"]}
    assert staff in {r.recipient for r in told.filter(event_type="complaint_staff")}
    # The link is used: a clear page, nothing changes, nothing revealed.
    again = client_for().post(url, {f"q{score_q.pk}": "5"})
    assert again.status_code == 410 and str(world["order"].number) not in again.content.decode()
    assert PointsEntry.objects.filter(dispatch=world["dispatch"], reason=PointsEntry.SURVEY).count() == 1
    survey.refresh_from_db()
    assert survey.score == 2
    # The order card shows the results; the complaint text is escaped.
    card = client_for(staff).get(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": world["dispatch"].pk}))
    html = card.content.decode()
    assert 'id="order-results"' in html and "&lt;script&gt;" in html and "<script>alert" not in html


def test_staff_are_told_of_a_complaint_even_with_their_channels_switched_off(
        world, django_capture_on_commit_callbacks):
    staff = StaffFactory()
    for channel in ("email", "site"):
        Preference.objects.create(user=staff, event_type="complaint_staff", channel=channel, enabled=False)
    order = world["order"]
    url = reverse("suz-order-complaint", kwargs={"number": order.number, "hash": order_token(order)})
    assert client_for().get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for().post(url, {"text": "Привезли не тот цвет"})
    assert response.status_code == 302
    channels = set(OutboxMessage.objects.filter(event_type="complaint_staff", recipient=staff)
                   .values_list("channel", flat=True))
    assert channels == {"email", "site"}


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001, "\x00\x00"])
def test_a_bad_complaint_is_refused_in_russian_and_files_nothing(world, text):
    order = world["order"]
    url = reverse("suz-order-complaint", kwargs={"number": order.number, "hash": order_token(order)})
    response = client_for().post(url, {"text": text})
    assert response.status_code == 400
    assert "text-danger" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_forged_order_link_gets_404_and_files_nothing(world, customer):
    order = world["order"]
    url = reverse("suz-order-complaint", kwargs={"number": order.number, "hash": "forged"})
    assert client_for().post(url, {"text": "Жалоба"}).status_code == 404
    order.user = customer
    order.save()
    url = reverse("suz-order-complaint", kwargs={"number": order.number, "hash": order_token(order)})
    assert client_for(StaffFactory()).post(url, {"text": "Жалоба"}).status_code == 404  # not the owner
    assert not Complaint.objects.exists()


def test_forged_expired_and_replaced_survey_links_show_a_clear_page_and_change_nothing(world, staff, settings):
    survey = complete(world)
    old = token_of(survey)
    assert client_for().get(reverse("suz-survey", kwargs={"token": old[:-2] + "xx"})).status_code == 404
    # Staff send it again: a new link, the old one is replaced.
    response = client_for(staff).post(reverse("suz_feedback_dashboard:suz-survey-send",
                                              kwargs={"pk": world["dispatch"].pk}))
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.times_sent == 2
    replaced = client_for().get(reverse("suz-survey", kwargs={"token": old}))
    assert replaced.status_code == 410 and "заменена" in replaced.content.decode()
    settings.SUZ_SURVEY_LINK_DAYS = 0
    import time

    time.sleep(1.1)
    expired = client_for().post(reverse("suz-survey", kwargs={"token": token_of(survey)}),
                                {f"q{SurveyQuestion.objects.get(kind='score').pk}": "5"})
    assert expired.status_code == 410
    survey.refresh_from_db()
    assert survey.answered_at is None and not PointsEntry.objects.filter(reason=PointsEntry.SURVEY).exists()


@pytest.mark.parametrize("score", ["0", "6", "abc", ""])
def test_bad_answers_are_refused_and_nothing_is_stored(world, score):
    survey = complete(world)
    response = client_for().post(reverse("suz-survey", kwargs={"token": token_of(survey)}),
                                 {f"q{SurveyQuestion.objects.get(kind='score').pk}": score})
    assert response.status_code == 400 and "text-danger" in response.content.decode() or "alert-danger" in \
        response.content.decode()
    survey.refresh_from_db()
    assert survey.answered_at is None


def test_a_good_score_asks_for_a_review_that_staff_publish(world, staff):
    survey = complete(world)
    token = token_of(survey)
    response = client_for().post(reverse("suz-survey", kwargs={"token": token}),
                                 {f"q{SurveyQuestion.objects.get(kind='score').pk}": "5"})
    assert 'id="suz-review-form"' in response.content.decode()
    review_url = reverse("suz-survey-review", kwargs={"token": token})
    assert client_for().post(review_url, {"text": "Всё отлично"}).status_code == 200
    assert client_for().post(review_url, {"text": "Ещё раз"}).status_code == 410  # once
    review = Review.objects.get()
    assert review.state == "pending" and selectors.published_reviews([world["holder"].pk]) == {}
    client_for(staff).post(reverse("suz_feedback_dashboard:suz-review-moderate", kwargs={"pk": review.pk}),
                           {"action": "publish"})
    assert selectors.published_reviews([world["holder"].pk]) == {world["holder"].pk: {"count": 1, "score": 5}}


def test_complaint_thread_states_upheld_points_and_sla_once(world, staff, settings,
                                                            django_capture_on_commit_callbacks):
    complaint = services.complaint_file(dispatch=world["dispatch"], text="Грубили по телефону")
    # Another dealer finds nothing; the holder answers; the customer is told.
    other = client_for(world["other_manager"])
    assert other.get(reverse("suz_feedback_dashboard:suz-complaint", kwargs={"pk": complaint.pk})).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world["manager"]).post(reverse("suz_feedback_dashboard:suz-complaint-reply",
                                                  kwargs={"pk": complaint.pk}), {"text": "Извините, разберёмся"})
    complaint.refresh_from_db()
    assert complaint.state == "answered" and complaint.answered_by == world["manager"]
    assert OutboxMessage.objects.filter(event_type="complaint_answered", address="guest@example.com").exists()
    # The dealer may not close it; staff uphold it: the points table's rule, once.
    assert client_for(world["manager"]).post(reverse("suz_feedback_dashboard:suz-complaint-close",
                                                     kwargs={"pk": complaint.pk}),
                                             {"decision": "rejected"}).status_code == 403
    client_for(staff).post(reverse("suz_feedback_dashboard:suz-complaint-close", kwargs={"pk": complaint.pk}),
                           {"decision": "upheld"})
    client_for(staff).post(reverse("suz_feedback_dashboard:suz-complaint-close", kwargs={"pk": complaint.pk}),
                           {"decision": "upheld"})
    complaint.refresh_from_db()
    assert complaint.state == "resolved" and complaint.upheld and complaint.closed_by == staff
    assert list(PointsEntry.objects.filter(reason=PointsEntry.COMPLAINT).values_list("delta", flat=True)) == [
        Decimal("-20")]
    # SLA: a late open complaint alerts staff once.
    from datetime import timedelta

    from django.utils import timezone

    late = services.complaint_file(dispatch=world["dispatch"], text="Ещё жалоба",
                                   now=timezone.now() - timedelta(hours=30))
    assert [c.pk for c in services.complaint_sla_watch()] == [late.pk]
    assert services.complaint_sla_watch() == []
    assert OutboxMessage.objects.filter(event_type="complaint_sla", key=f"complaint-sla:{late.pk}").exists()


def test_the_customer_card_joins_guest_orders_by_phone_and_hides_what_a_dealer_may_not_see(world, staff):
    net = world["net"]
    second = make_order(net["city"], net["product"])  # the same phone, another guest order
    place = second.suz_place
    place.phone = "+7 912 345-67-89"
    place.save()
    d2 = dispatch_services.dispatch_plan(order=second)
    dispatch_services.dispatch_claim(dispatch=d2, dealer=world["other"])
    services.complaint_file(dispatch=world["dispatch"], text="Жалоба по первому")
    url = reverse("suz_feedback_dashboard:suz-customer", kwargs={"pk": world["dispatch"].pk})
    html = client_for(staff).get(url).content.decode()
    assert str(world["order"].number) in html and str(second.number) in html and "Жалоба по первому" in html
    assert "+79123456789" in html
    # What was sent to the customer and whether it arrived (the order's SMS without its address).
    assert "suz-delivery" in html and "Дилер взял ваш заказ" in html
    # The holder sees only its own order, with the phone hidden («звонок с сайта»: until a call).
    holder = world["holder"]
    holder.call_from_site = True
    holder.save()
    mine = client_for(world["manager"]).get(url).content.decode()
    assert str(world["order"].number) in mine and str(second.number) not in mine and "+79123456789" not in mine
    assert "suz-delivery" in mine and "Дилер взял ваш заказ" in mine
    # The other dealer cannot open the card of an order it does not hold.
    assert client_for(world["other_manager"]).get(url).status_code == 404
    # Search by phone in another format, by email and by name.
    found = selectors.search_customers("8 (912) 345-67-89")
    assert len(found) == 1 and found[0].phone == "+79123456789"
    assert selectors.search_customers("guest@example.com")[0].email == "guest@example.com"
    search = client_for(staff).get(reverse("suz_feedback_dashboard:suz-customers"), {"q": "89123456789"})
    assert search.status_code == 200 and "customer-list" in search.content.decode()


def _orders_of_one_customer(world, count):
    """``count`` more orders of the world's customer (same phone) held by the world's dealer, each with comments, a
    status change, a complaint and a survey."""
    from suz_oscar.notifications.services import comment_add
    from suz_oscar.notifications.vocabulary import Role

    net = world["net"]
    for i in range(count):
        order = make_order(net["city"], net["product"])
        d = dispatch_services.dispatch_plan(order=order)
        dispatch_services.dispatch_claim(dispatch=d, dealer=world["holder"])
        for j in range(2):
            comment_add(dispatch=d, author=world["manager"], role=Role.DEALER, text=f"к {i}.{j}",
                        dealer=world["holder"])
        services.complaint_file(dispatch=d, text=f"жалоба {i}")
        Survey.objects.create(dispatch=d, dealer=world["holder"], sold=True, nonce=f"n{i}")


def test_the_customer_card_takes_a_fixed_number_of_queries_with_2_and_with_20_orders(world, staff, settings):
    settings.SUZ_CUSTOMER_TIMELINE_ENTRIES = 5
    settings.SUZ_CUSTOMER_CARD_ORDERS = 5
    url = reverse("suz_feedback_dashboard:suz-customer", kwargs={"pk": world["dispatch"].pk})
    client = client_for(staff)

    def count(**params):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, params)
            assert response.status_code == 200
        return len(ctx.captured_queries), response

    _orders_of_one_customer(world, 1)  # 2 orders
    client.get(url)
    at_2, page = count()
    assert len(page.context["dispatches"]) == 2 and page.context["older"] is not None
    older_at_2, _ = count(before=str(page.context["older"]))
    _orders_of_one_customer(world, 18)  # 20 orders, about 100 entries
    at_20, page = count()
    assert len(page.context["dispatches"]) == 5 and len(page.context["entries"]) == 5
    assert page.context["order_count"] == 20 and "Показать все 20 заказов" in page.content.decode()
    older_at_20, _ = count(before=str(page.context["older"]))
    every_order, page = count(orders="all")
    assert len(page.context["dispatches"]) == 20 and "customer-orders-all" not in page.content.decode()
    assert at_2 == at_20 == every_order and older_at_2 == older_at_20
    assert at_20 <= 30, at_20


def test_the_customer_card_pages_back_through_the_whole_story_once_each(world, staff, settings):
    from django.utils import timezone

    from suz_oscar.core import timeline

    Comment = get_model("suz_notifications", "Comment")
    # Seven comments of one moment (a page boundary falls among them), and a complaint with its answer.
    moment = timezone.now()
    Comment.objects.bulk_create([Comment(dispatch=world["dispatch"], role="dealer", dealer=world["holder"],
                                         text=f"запись {j}", created_at=moment) for j in range(7)])
    services.complaint_file(dispatch=world["dispatch"], text="Жалоба на сроки")
    everything = timeline.entries_for([world["dispatch"].pk], public_only=False)
    settings.SUZ_CUSTOMER_TIMELINE_ENTRIES = 3
    url = reverse("suz_feedback_dashboard:suz-customer", kwargs={"pk": world["dispatch"].pk})
    client = client_for(staff)
    seen, params, pages = [], {}, 0
    while True:
        response = client.get(url, params)
        assert response.status_code == 200
        shown = response.context["entries"]
        assert 0 < len(shown) <= 3
        assert [e.sort_key for e in shown] == sorted(e.sort_key for e in shown)  # oldest first on a page
        seen = [(e.kind, e.key) for e in shown] + seen
        pages += 1
        html = response.content.decode()
        if response.context["older"] is None:
            assert "customer-timeline-more" not in html
            break
        assert "customer-timeline-more" in html and "Показать более ранние записи" in html
        params = {"before": str(response.context["older"])}
    assert seen == [(e.kind, e.key) for e in everything]  # every entry once, in order
    assert pages == -(-len(everything) // 3) and len(everything) >= 9
    assert "К последним записям" in html
    # The first page holds the newest entries; a broken cursor says so and shows them.
    latest = client.get(url)
    assert "Жалоба на сроки" in latest.content.decode()
    for bad in ("x", "1_BAD_1", "999999999999999999", "-99999999999999999", "1_comment_", "١٢٣"):
        response = client.get(url, {"before": bad})
        assert response.status_code == 200 and "customer-timeline-bad-cursor" in response.content.decode()
        assert [e.key for e in response.context["entries"]] == [e.key for e in latest.context["entries"]]


def test_a_bare_timestamp_cursor_shows_what_came_before_that_moment(world):
    from datetime import timedelta

    from django.utils import timezone

    from suz_oscar.core import timeline

    Comment = get_model("suz_notifications", "Comment")
    now = timezone.now()
    Comment.objects.bulk_create([Comment(dispatch=world["dispatch"], role="dealer", dealer=world["holder"],
                                         text=f"запись {j}", created_at=now + timedelta(hours=j)) for j in (1, 2, 3)])
    cursor = timeline.Cursor.parse(str(timeline.Cursor(now + timedelta(hours=2, seconds=1))))
    found = timeline.entries_for([world["dispatch"].pk], public_only=False, limit=100, before=cursor)
    texts = [e.data["comment"].text for e in found if e.kind == "comment"]
    assert texts == ["запись 1", "запись 2"] and all(e.at < cursor.at for e in found)
