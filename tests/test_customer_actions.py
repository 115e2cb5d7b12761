"""The customer's acts on their order page: cancel while nobody has processed it, ask the holding dealer for a
change (another variant of a line, or in words), and the dealer's answer — accepted (availability re-checked,
the line and total change) or not (a fresh plan without that dealer). And the customer hears when a dealer
declines. Bad input and other people's orders change nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.checkout.links import order_token
from suz_oscar.dispatch import selectors, tasks
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.dispatch.exceptions import AlreadyTaken
from suz_oscar.notifications.backends import sms
from suz_oscar.test.factories import UserFactory, create_manager
from suz_oscar.test.links import opens, order_links

from .conftest import client_for, make_order, regional_network

Dispatch = get_model("suz_dispatch", "Dispatch")
StatusChange = get_model("suz_dispatch", "StatusChange")
ChangeRequest = get_model("suz_dispatch", "ChangeRequest")
DeclineReason = get_model("suz_dispatch", "DeclineReason")
OutboxMessage = get_model("suz_notifications", "OutboxMessage")
StockRecord = get_model("partner", "StockRecord")
FailureReason = get_model("suz_dispatch", "FailureReason")


def url(name, order):
    return reverse(name, kwargs={"number": order.number, "hash": order_token(order)})


def in_inbox(dealer, dispatch, now=None):
    return dispatch.pk in [d.pk for d in selectors.inbox(dealer, now)]


def page(order):
    return client_for().get(url("suz-order-status", order)).content.decode()


@pytest.fixture
def variants(db):
    """A network of two dealers offering a graphite panel; both also offer the white one (the holder at 450)."""
    net = regional_network([10, 5])
    parent = ProductFactory(structure="parent", title="Панель", stockrecords=[])
    graphite = net["product"]
    graphite.parent, graphite.structure, graphite.title = parent, "child", "Панель графит"
    graphite.save()
    white = ProductFactory(structure="child", parent=parent, title="Панель белая", stockrecords=[])
    black = ProductFactory(structure="child", parent=parent, title="Панель чёрная", stockrecords=[])
    holder, other = net["dealers"]
    StockRecord.objects.create(partner=holder.partner, product=white, partner_sku="w1", price=Decimal("450"))
    StockRecord.objects.create(partner=other.partner, product=white, partner_sku="w2", price=Decimal("420"))
    order = make_order(net["city"], graphite)
    order.guest_email = "guest@example.com"
    order.save()
    dispatch = dispatch_services.dispatch_plan(order=order)
    return {**net, "holder": holder, "other": other, "white": white, "black": black, "order": order,
            "dispatch": dispatch, "manager": create_manager(holder), "other_manager": create_manager(other)}


def claim(v):
    v["manager"].first_name = "Ольга"
    v["manager"].save()
    dispatch_services.dispatch_claim(dispatch=v["dispatch"], dealer=v["holder"], user=v["manager"])
    v["dispatch"].refresh_from_db()


# ---------------------------------------------------------------- cancelling

def test_the_guest_cancels_a_taken_order_and_its_dealer_is_told(variants, django_capture_on_commit_callbacks):
    v = variants
    claim(v)
    html = page(v["order"])
    assert "suz-cancel-form" in html and "Ваш менеджер: Ольга" in html and v["holder"].name in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for().post(url("suz-order-cancel", v["order"]), follow=True)
    assert response.status_code == 200 and "Заказ отменён" in response.content.decode()
    v["dispatch"].refresh_from_db()
    assert v["dispatch"].status == Dispatch.CANCELLED
    change = StatusChange.objects.filter(dispatch=v["dispatch"]).last()
    assert (change.from_status, change.to_status, change.fault) == ("accepted", "cancelled", "customer")
    assert change.note == "отменён покупателем"
    told = OutboxMessage.objects.filter(event_type="order_cancelled_customer")
    assert {row.recipient_id for row in told} == {v["manager"].pk}
    assert any("отменил заказ" in m.subject for m in mail.outbox if m.to == [v["manager"].email])
    # A closed order offers nothing more; a forged POST is refused in words and changes nothing.
    html = page(v["order"])
    assert "suz-cancel-form" not in html and "suz-change-form" not in html and "Отменён" in html
    response = client_for().post(url("suz-order-cancel", v["order"]), follow=True)
    assert "Заказ уже отменён" in response.content.decode()
    assert told.count() == OutboxMessage.objects.filter(event_type="order_cancelled_customer").count()


def test_an_order_nobody_took_is_cancelled_and_leaves_every_inbox(variants):
    v = variants
    assert in_inbox(v["holder"], v["dispatch"])
    client_for().post(url("suz-order-cancel", v["order"]))
    later = timezone.now() + timedelta(days=3)
    assert not in_inbox(v["holder"], v["dispatch"], later)
    assert not in_inbox(v["far"], v["dispatch"], later)
    assert not OutboxMessage.objects.filter(event_type="order_cancelled_customer").exists()


def test_after_processing_the_order_cannot_be_cancelled(variants):
    v = variants
    claim(v)
    dispatch_services.dispatch_set_status(dispatch=v["dispatch"], dealer=v["holder"], to_status="processed")
    assert "suz-cancel-form" not in page(v["order"])
    response = client_for().post(url("suz-order-cancel", v["order"]), follow=True)
    assert response.status_code == 200 and "нельзя отменить на сайте" in response.content.decode()
    assert Dispatch.objects.get(pk=v["dispatch"].pk).status == "processed"


def test_only_the_orders_customer_may_cancel_it(variants, customer):
    v = variants
    forged = reverse("suz-order-cancel",
                     kwargs={"number": v["order"].number, "hash": "x" + order_token(v["order"])})
    assert client_for().post(forged).status_code == 404
    owner = UserFactory()
    v["order"].user = owner
    v["order"].save()
    assert client_for(customer).post(url("suz-order-cancel", v["order"])).status_code == 404
    assert client_for().post(url("suz-order-cancel", v["order"])).status_code == 404
    assert client_for(v["manager"]).post(url("suz-order-cancel", v["order"])).status_code == 404
    assert Dispatch.objects.get(pk=v["dispatch"].pk).status == "offered"
    assert client_for(owner).post(url("suz-order-cancel", v["order"])).status_code == 302
    assert Dispatch.objects.get(pk=v["dispatch"].pk).status == "cancelled"


# ---------------------------------------------------------------- change requests

def ask(v, **data):
    return client_for().post(url("suz-order-change", v["order"]), data, follow=True)


def answer(v, request, decision, user=None, text=""):
    return client_for(user or v["manager"]).post(
        reverse("suz_dispatch_dashboard:suz-inbox-change", kwargs={"pk": v["dispatch"].pk, "request_pk": request.pk}),
        {"decision": decision, "answer": text}, follow=True)


def test_the_customer_asks_for_another_colour_and_the_dealer_accepts(variants, django_capture_on_commit_callbacks):
    v = variants
    claim(v)
    line = v["order"].lines.get()
    html = page(v["order"])
    assert f'value="{line.pk}:{v["white"].pk}"' in html and f'value="{line.pk}:{v["black"].pk}"' in html
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(v, variant=f"{line.pk}:{v['white'].pk}", text="Белая лучше подойдёт")
    assert "Ваша просьба отправлена дилеру" in response.content.decode()
    request = ChangeRequest.objects.get()
    assert (request.product, request.line, request.old_title, request.state) == (
        v["white"], line, "Панель графит", "pending")
    assert [m.to for m in mail.outbox] == [[v["manager"].email]]
    assert "Панель белая" in mail.outbox[0].body and "Белая лучше подойдёт" in mail.outbox[0].body
    assert "Ваша просьба ждёт ответа дилера" in page(v["order"])
    card = client_for(v["manager"]).get(reverse("suz_dispatch_dashboard:suz-inbox-order",
                                                kwargs={"pk": v["dispatch"].pk})).content.decode()
    assert "suz-change-request" in card and "450" in card
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = answer(v, request, "accept", text="Привезём белую")
    assert "Изменение принято" in response.content.decode()
    line.refresh_from_db()
    v["order"].refresh_from_db()
    assert (line.product, line.title, line.unit_price_incl_tax) == (v["white"], "Панель белая", Decimal("450"))
    assert line.stockrecord.partner == v["holder"].partner
    assert v["order"].total_incl_tax == Decimal("450") + v["order"].shipping_incl_tax
    assert [m.to for m in mail.outbox] == [["guest@example.com"]] and "принял" in mail.outbox[0].subject
    assert [opens(link, v["order"]) for link in order_links(mail.outbox[0].body)] == [True]
    html = page(v["order"])
    assert "Панель белая" in html and "Дилер принял изменение." in html and "Привезём белую" in html
    assert ChangeRequest.objects.get().state == "accepted"


def test_a_variant_the_dealer_does_not_offer_cannot_be_accepted(variants):
    v = variants
    claim(v)
    line = v["order"].lines.get()
    ask(v, variant=f"{line.pk}:{v['black'].pk}")
    request = ChangeRequest.objects.get()
    response = answer(v, request, "accept")
    assert "Вы не предлагаете" in response.content.decode()
    line.refresh_from_db()
    assert line.product == v["order"].lines.get().product and line.title == "Панель графит"
    assert ChangeRequest.objects.get().state == "pending"


def test_the_dealer_cannot_and_the_order_goes_to_others_without_it(variants, django_capture_on_commit_callbacks):
    v = variants
    claim(v)
    line = v["order"].lines.get()
    ask(v, variant=f"{line.pk}:{v['white'].pk}")
    request = ChangeRequest.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = answer(v, request, "refuse", text="Белых нет")
    assert response.status_code == 200 and "возвращается в распределение" in response.content.decode()
    dispatch = Dispatch.objects.get(pk=v["dispatch"].pk)
    assert (dispatch.status, dispatch.claimed_by) == ("offered", None)
    line.refresh_from_db()
    assert line.product == v["white"]
    later = timezone.now() + timedelta(days=3)  # every stage open, the one for every dealer too
    assert in_inbox(v["other"], dispatch)
    assert not in_inbox(v["holder"], dispatch, later)
    with pytest.raises(AlreadyTaken):
        dispatch_services.dispatch_claim(dispatch=dispatch, dealer=v["holder"], now=later)
    customer_mail = [m for m in mail.outbox if m.to == ["guest@example.com"]]
    assert len(customer_mail) == 1 and "другого дилера" in customer_mail[0].subject
    assert "Белых нет" in customer_mail[0].body
    with django_capture_on_commit_callbacks(execute=True):
        tasks.sweep_stage_notifications()  # the beat's sweep announces the fresh plan's open stage
    other_mail = [m for m in mail.outbox if m.to == [v["other_manager"].email]]
    assert len(other_mail) == 1 and "новый заказ" in other_mail[0].subject
    assert not [m for m in mail.outbox if m.to == [v["manager"].email]]
    assert "Дилер не может внести изменение" in page(v["order"])
    # The other dealer takes it with the change made.
    dispatch_services.dispatch_claim(dispatch=dispatch, dealer=v["other"])
    assert Dispatch.objects.get(pk=dispatch.pk).claimed_by == v["other"]


@pytest.mark.parametrize("data,message", [
    ({}, "Опишите изменение"),
    ({"text": "   "}, "Опишите изменение"),
    ({"text": "\x00"}, "ноль-байт"),
    ({"variant": "x:y"}, "Выберите один из предложенных вариантов"),
    ({"variant": "999999:1"}, "Выберите один из предложенных вариантов"),
    ({"text": "я" * 2001}, "слишком длинная"),
])
def test_bad_change_requests_are_refused_in_russian(variants, data, message):
    v = variants
    claim(v)
    response = ask(v, **data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_a_variant_of_another_product_or_line_is_refused(variants):
    v = variants
    claim(v)
    line = v["order"].lines.get()
    stranger = ProductFactory(title="Чужой товар", stockrecords=[])
    response = ask(v, variant=f"{line.pk}:{stranger.pk}")
    assert "Выберите один из предложенных вариантов" in response.content.decode()
    other_order = make_order(v["city"], v["product"])
    response = ask(v, variant=f"{other_order.lines.get().pk}:{v['white'].pk}")
    assert "Выберите один из предложенных вариантов" in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_a_change_needs_a_dealer_holding_the_order_and_one_request_at_a_time(variants):
    v = variants
    assert "suz-change-form" not in page(v["order"])
    response = ask(v, text="Хочу белую")
    assert "когда дилер возьмёт заказ" in response.content.decode()
    claim(v)
    ask(v, text="Хочу белую")
    response = ask(v, text="И ещё доставку в субботу")
    assert "ещё ждёт ответа дилера" in response.content.decode()
    assert ChangeRequest.objects.count() == 1


def test_only_the_holding_dealer_answers(variants, staff):
    v = variants
    claim(v)
    ask(v, text="Хочу белую")
    request = ChangeRequest.objects.get()
    target = reverse("suz_dispatch_dashboard:suz-inbox-change",
                     kwargs={"pk": v["dispatch"].pk, "request_pk": request.pk})
    assert client_for(v["other_manager"]).post(target, {"decision": "accept"}).status_code == 404
    assert client_for(staff).post(target, {"decision": "accept"}).status_code == 403
    assert client_for().post(target, {"decision": "accept"}).status_code == 302  # to the login page
    response = client_for(v["manager"]).post(target, {"decision": "maybe"}, follow=True)
    assert "Выберите, принимаете ли вы изменение" in response.content.decode()
    assert ChangeRequest.objects.get().state == "pending"
    # A request id of another order under this order's URL: not found.
    other = make_order(v["city"], v["product"])
    other_dispatch = dispatch_services.dispatch_plan(order=other)
    wrong = reverse("suz_dispatch_dashboard:suz-inbox-change", kwargs={"pk": other_dispatch.pk,
                                                                        "request_pk": request.pk})
    assert client_for(v["manager"]).post(wrong, {"decision": "accept"}).status_code == 404
    # Staff see the request on the card, without the answer buttons.
    card = client_for(staff).get(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": v["dispatch"].pk}))
    assert "suz-change-request" in card.content.decode() and 'value="accept"' not in card.content.decode()


def test_answered_twice_is_refused(variants):
    v = variants
    claim(v)
    ask(v, text="Хочу белую")
    request = ChangeRequest.objects.get()
    answer(v, request, "accept")
    response = answer(v, request, "refuse")
    assert "уже ответили" in response.content.decode()
    assert Dispatch.objects.get(pk=v["dispatch"].pk).claimed_by == v["holder"]


def test_the_customer_sees_the_request_and_the_answer_in_the_thread_as_text(variants):
    v = variants
    claim(v)
    ask(v, text="<script>alert(1)</script>")
    html = page(v["order"])
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


# ---------------------------------------------------------------- declines tell the customer

def test_a_decline_tells_the_customer_once_per_round(variants, django_capture_on_commit_callbacks):
    v = variants
    reason = DeclineReason.objects.create(title="Нет в наличии")
    later = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_services.dispatch_decline(dispatch=v["dispatch"], dealer=v["holder"], reason=reason, now=later)
        dispatch_services.dispatch_decline(dispatch=v["dispatch"], dealer=v["other"], reason=reason, now=later)
    customer_mail = [m for m in mail.outbox if m.to == ["guest@example.com"]]
    assert len(customer_mail) == 1 and "другого дилера" in customer_mail[0].subject
    assert len([m for m in sms.outbox if m.to == "+79123456789"]) == 1


# ---------------------------------------------------------------- a site without workers

def test_without_workers_the_dashboards_poll_announces_stages_that_open_later(
        variants, settings, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    v = variants
    settings.SUZ_USE_BROKER = False
    stages = list(v["dispatch"].stages.order_by("position"))
    assert len(stages) > 1 and stages[1].opens_at > timezone.now()
    v["dispatch"].stages.filter(pk=stages[1].pk).update(opens_at=timezone.now() - timedelta(seconds=1))
    poll = reverse("suz_notifications_dashboard:suz-notifications-poll")
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(v["other_manager"]).get(poll).status_code == 200
    assert v["dispatch"].stages.get(pk=stages[1].pk).notified_at is not None
    assert any("новый заказ" in m.subject for m in mail.outbox if m.to == [v["other_manager"].email])
    # At most once per SUZ_SWEEP_SECONDS: the next poll does not sweep again.
    assert cache.get("suz:sweeps-without-workers") == 1
