"""The order's conversation: public and internal comments on the order card, the customer's messages by the
signed link, who is told, and who may write (anyone else: 404, nothing written)."""

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from suz_oscar.checkout.links import order_token
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.notifications.backends import sms
from suz_oscar.test.factories import UserFactory, create_manager
from suz_oscar.test.links import opens, order_links

from .conftest import client_for, make_order, regional_network

Comment = get_model("suz_notifications", "Comment")
OutboxMessage = get_model("suz_notifications", "OutboxMessage")


@pytest.fixture
def claimed(db):
    net = regional_network([10, 5])
    holder, other = net["dealers"]
    manager, other_manager = create_manager(holder), create_manager(other)
    order = make_order(net["city"], net["product"])
    order.guest_email = "guest@example.com"
    order.save()
    dispatch = dispatch_services.dispatch_plan(order=order)
    dispatch_services.dispatch_claim(dispatch=dispatch, dealer=holder)
    return dispatch, manager, other_manager


def guest_url(order, suffix=""):
    return reverse("suz-order-message" if suffix else "suz-order-status",
                   kwargs={"number": order.number, "hash": order_token(order)})


def test_public_and_internal_comments_reach_only_whom_they_should(claimed, staff, django_capture_on_commit_callbacks):
    dispatch, manager, _other = claimed
    url = reverse("suz_notifications_dashboard:suz-order-comment", kwargs={"pk": dispatch.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client_for(manager).post(url, {"text": "Привезём в четверг", "public": "on"})
        client_for(manager).post(url, {"text": "Клиент капризный, звонить после 18"})
    assert list(Comment.objects.values_list("public", flat=True)) == [True, False]
    assert [m.to for m in mail.outbox] == [["guest@example.com"]] and "Привезём в четверг" in mail.outbox[0].body
    assert [opens(link, dispatch.order) for link in order_links(mail.outbox[0].body)] == [True]
    assert [m.to for m in sms.outbox] == ["+79123456789"]
    page = client_for().get(guest_url(dispatch.order)).content.decode()
    assert "Привезём в четверг" in page and "капризный" not in page
    card = client_for(staff).get(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}))
    thread = card.content.decode()
    assert "капризный" in thread and "Привезём в четверг" in thread and "suz-change" in thread


def test_the_customer_writes_by_the_signed_link_and_the_holder_is_told(claimed, django_capture_on_commit_callbacks):
    dispatch, manager, other_manager = claimed
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for().post(guest_url(dispatch.order, "-message"), {"text": "А можно графит?"})
    assert response.status_code == 302 and response["Location"] == guest_url(dispatch.order)
    comment = Comment.objects.get()
    assert comment.role == "customer" and comment.public
    told = set(OutboxMessage.objects.filter(event_type="customer_message").values_list("recipient", flat=True))
    assert told == {manager.pk}
    assert [m.to for m in mail.outbox] == [[manager.email]] and "А можно графит?" in mail.outbox[0].body
    card = client_for(manager).get(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}))
    assert "А можно графит?" in card.content.decode()


def test_forged_links_other_customers_and_other_dealers_get_404_and_write_nothing(claimed, customer):
    dispatch, manager, other_manager = claimed
    order = dispatch.order
    forged = reverse("suz-order-message", kwargs={"number": order.number, "hash": "x" + order_token(order)})
    assert client_for().post(forged, {"text": "взлом"}).status_code == 404
    other_order = reverse("suz-order-message", kwargs={"number": "nope", "hash": order_token(order)})
    assert client_for().post(other_order, {"text": "взлом"}).status_code == 404
    # A registered customer's order: only its owner, signed in, may write.
    owner = UserFactory()
    order.user = owner
    order.save()
    assert client_for(customer).post(guest_url(order, "-message"), {"text": "чужой"}).status_code == 404
    assert client_for().post(guest_url(order, "-message"), {"text": "аноним"}).status_code == 404
    # Another dealer's manager: the order does not exist for it.
    url = reverse("suz_notifications_dashboard:suz-order-comment", kwargs={"pk": dispatch.pk})
    assert client_for(other_manager).post(url, {"text": "чужой дилер", "public": "on"}).status_code == 404
    assert not Comment.objects.exists()
    assert client_for(owner).post(guest_url(order, "-message"), {"text": "мой заказ"}).status_code == 302
    assert list(Comment.objects.values_list("text", flat=True)) == ["мой заказ"]


@pytest.mark.parametrize("text", ["", "   ", "\x00\x00", "я" * 2001])
def test_bad_messages_are_refused_in_russian_and_change_nothing(claimed, text):
    dispatch, manager, _other = claimed
    response = client_for().post(guest_url(dispatch.order, "-message"), {"text": text}, follow=True)
    assert response.status_code == 200
    assert any(word in response.content.decode() for word in ("Напишите сообщение", "слишком длинное", "ноль-байт"))
    response = client_for(manager).post(
        reverse("suz_notifications_dashboard:suz-order-comment", kwargs={"pk": dispatch.pk}), {"text": text},
        follow=True)
    assert response.status_code == 200
    assert not Comment.objects.exists()


def test_script_in_a_message_is_shown_as_text(claimed):
    dispatch, manager, _other = claimed
    client_for().post(guest_url(dispatch.order, "-message"), {"text": "<script>alert(1)</script>"})
    card = client_for(manager).get(reverse("suz_dispatch_dashboard:suz-inbox-order", kwargs={"pk": dispatch.pk}))
    assert b"<script>alert(1)" not in card.content and b"&lt;script&gt;alert(1)" in card.content


def test_the_customer_is_told_when_a_dealer_takes_the_order_and_when_it_gives_it_back(
        db, django_capture_on_commit_callbacks):
    net = regional_network([10, 5])
    holder = net["dealers"][0]
    manager = create_manager(holder)
    order = make_order(net["city"], net["product"])
    order.guest_email = "guest@example.com"
    order.save()
    dispatch = dispatch_services.dispatch_plan(order=order)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_services.dispatch_claim(dispatch=dispatch, dealer=holder, user=manager)
    assert [m.to for m in mail.outbox] == [["guest@example.com"]]
    assert holder.name in mail.outbox[0].body
    assert [opens(link, order) for link in order_links(mail.outbox[0].body)] == [True]
    assert [m.to for m in sms.outbox] == ["+79123456789"] and str(order.number) in sms.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_services.dispatch_give_up(dispatch=dispatch, dealer=holder, user=manager)
    assert len(mail.outbox) == 2 and "другого дилера" in mail.outbox[1].subject
    assert len(sms.outbox) == 2
