"""The customer's links to an order and how the customer hears about it.

A guest gets the link by SMS and email at placement, by the channels ticked at checkout; the link opens the
order without a login, for ``SUZ_ORDER_LINK_DAYS``; staff can revoke every link of an order; a customer whose
link no longer works gets a new one by the order's phone (the page says the same whether the phone matches).
A registered customer chooses channels per event type in the account.
"""

import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from suz_oscar.checkout.links import order_token
from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.notifications.backends import sms
from suz_oscar.notifications.services import comment_add
from suz_oscar.notifications.vocabulary import Role
from suz_oscar.test.factories import UserFactory, create_manager
from suz_oscar.test.links import opens, order_links

from .conftest import client_for, make_order, regional_network
from .test_checkout import address
from .test_offers_storefront import add_to_basket

OrderPlace = get_model("suz_checkout", "OrderPlace")
OutboxMessage = get_model("suz_notifications", "OutboxMessage")
Preference = get_model("suz_notifications", "Preference")


@pytest.fixture
def net(db):
    net = regional_network([10])
    net["manager"] = create_manager(net["dealers"][0])
    return net


def checkout(client, net, gateway, **channels):
    client.get("/", {"city": net["city"].slug})
    add_to_basket(client, net["product"])
    client.post(reverse("checkout:index"), gateway)
    data = address(net["city"], notify_sms="on", notify_email="on")
    for name, on in channels.items():
        if not on:
            data.pop(name)
    assert client.post(reverse("checkout:shipping-address"), data).status_code == 302
    client.get(reverse("checkout:preview"), follow=True)
    assert client.post(reverse("checkout:preview"), {"action": "place_order"}).status_code == 302
    return get_model("order", "Order").objects.latest("pk")


GUEST = {"options": "anonymous", "phone": "+7 912 345-67-89", "username": "guest@example.com"}


def status_path(order, token=None):
    return reverse("suz-order-status", kwargs={"number": order.number, "hash": token or order_token(order)})


def test_a_guest_gets_the_link_by_sms_and_email_and_it_opens_the_order_without_login(
        net, django_capture_on_commit_callbacks):
    client = client_for()
    with django_capture_on_commit_callbacks(execute=True):
        order = checkout(client, net, GUEST)
    thanks = client.get(reverse("checkout:thank-you")).content.decode()
    assert "отправлено на guest@example.com" in thanks and "отправлена в SMS на номер 8 (912) 345-67-89" in thanks
    assert [m.to for m in mail.outbox] == [["guest@example.com"]]
    assert [m.to for m in sms.outbox] == ["+79123456789"]
    sms_links, email_links = order_links(sms.outbox[0].body, order), order_links(mail.outbox[0].body, order)
    assert len(sms_links) == len(email_links) == 1 and opens(sms_links[0], order)
    page = client_for().get(sms_links[0])
    assert page.status_code == 200
    html = page.content.decode()
    assert order.number in html and "Ищем дилера" in html
    # The sent text keeps no usable link for staff to read in the outbox.
    assert not any(order.number + "/" in row.body for row in OutboxMessage.objects.filter(event_type="order_placed"))


def test_the_channels_ticked_at_checkout_decide_how_the_guest_is_told(net, django_capture_on_commit_callbacks):
    guest = client_for()
    with django_capture_on_commit_callbacks(execute=True):
        order = checkout(guest, net, GUEST, notify_sms=False)
    assert "в SMS" not in guest.get(reverse("checkout:thank-you")).content.decode()
    place = OrderPlace.objects.get(order=order)
    assert place.notify_email and not place.notify_sms
    assert [m.to for m in mail.outbox] == [["guest@example.com"]] and sms.outbox == []
    # Later messages follow the same choice; the guest switches SMS on from the order's page.
    client = client_for()
    response = client.post(reverse("suz-order-channels", kwargs={"number": order.number, "hash": order_token(order)}),
                           {"notify_sms": "on"})
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.notify_sms and not place.notify_email
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_add(dispatch=order.suz_dispatch, author=None, role=Role.STAFF, text="Уточните подъезд", public=True)
    assert mail.outbox == [] and [m.to for m in sms.outbox] == ["+79123456789"]


def test_a_guest_without_email_is_offered_only_sms(net):
    client = client_for()
    client.get("/", {"city": net["city"].slug})
    add_to_basket(client, net["product"])
    client.post(reverse("checkout:index"), {**GUEST, "username": ""})
    form = client.get(reverse("checkout:shipping-address")).context["form"]
    assert "notify_sms" in form.fields and "notify_email" not in form.fields


@pytest.fixture
def guest_order(net):
    order = make_order(net["city"], net["product"])
    order.guest_email = "guest@example.com"
    order.save()
    dispatch_services.dispatch_plan(order=order)
    return order


def test_forged_expired_and_foreign_links_get_a_clear_page_and_reveal_nothing(net, guest_order, monkeypatch):
    other = make_order(net["city"], net["product"])
    cases = {
        "forged": status_path(guest_order, "x" + order_token(guest_order)),
        "foreign": status_path(guest_order, order_token(other)),  # another order's token
        "missing": reverse("suz-order-status", kwargs={"number": "000000", "hash": order_token(guest_order)}),
        "oscar hash": status_path(guest_order, guest_order.verification_hash()),  # links sent before tokens
    }
    for case, path in cases.items():
        response = client_for().get(path)
        html = response.content.decode()
        assert response.status_code == 404, case
        assert "Ссылка недействительна" in html and "Получить новую ссылку" in html, case
        assert "Панель" not in html and "guest@example.com" not in html, case
    day = 24 * 3600
    real = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real() - 61 * day)  # written 61 days ago
    old = order_token(guest_order, nonce=OrderPlace.objects.get(order=guest_order).link_nonce)
    monkeypatch.setattr(signing.time, "time", real)
    html = client_for().get(status_path(guest_order, old)).content.decode()
    assert "Срок действия ссылки истёк" in html
    # Every action by such a link finds nothing.
    for action in ("message", "cancel", "change", "channels", "complaint"):
        url = reverse(f"suz-order-{action}", kwargs={"number": guest_order.number, "hash": old})
        assert client_for().post(url, {"text": "Отмените", "notify_sms": "on"}).status_code == 404, action
    assert guest_order.suz_dispatch.comments.count() == 0


def test_staff_revoke_the_links_and_a_new_one_goes_to_the_customer(net, guest_order, staff,
                                                                   django_capture_on_commit_callbacks):
    before = status_path(guest_order)
    assert client_for().get(before).status_code == 200
    revoke = reverse("suz_notifications_dashboard:suz-order-link-revoke", kwargs={"pk": guest_order.suz_dispatch.pk})
    card = client_for(staff).get(reverse("suz_dispatch_dashboard:suz-inbox-order",
                                         kwargs={"pk": guest_order.suz_dispatch.pk}))
    assert "Отозвать ссылки покупателя" in card.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(staff).post(revoke).status_code == 302
    response = client_for().get(before)
    assert response.status_code == 404 and "Ссылку заменила более новая" in response.content.decode()
    guest_order.refresh_from_db()
    links = order_links(sms.outbox[-1].body, guest_order) + order_links(mail.outbox[-1].body, guest_order)
    assert len(links) == 2 and all(opens(link, guest_order) for link in links)
    assert client_for().get(links[0]).status_code == 200
    # A dealer's manager cannot revoke (staff only), nor anybody else.
    manager = net["manager"]
    assert client_for(manager).post(revoke).status_code == 403
    assert client_for().post(revoke).status_code == 302  # to the login page
    assert opens(links[0], guest_order)


def test_a_new_link_by_the_orders_phone_says_the_same_whatever_the_phone(net, guest_order,
                                                                         django_capture_on_commit_callbacks):
    url = reverse("suz-order-link-request")
    OrderPlace.objects.filter(order=guest_order).update(link_sent_at=None)
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for phone in ("+7 900 000-00-00", "8 912 345-67-89", "8 912 345-67-89"):  # wrong, right, right again
            response = client_for().post(url, {"number": guest_order.number, "phone": phone})
            assert response.status_code == 200
            answers.append(response.content.decode().split('id="suz-link-sent"')[1][:300])
    assert answers[0] == answers[1] == answers[2]
    assert [m.to for m in sms.outbox] == ["+79123456789"]  # once: the second within the pause sends nothing
    assert [m.to for m in mail.outbox] == [["guest@example.com"]]
    link = order_links(sms.outbox[0].body, guest_order)[0]
    assert client_for().get(link).status_code == 200


@pytest.mark.parametrize("data", [
    {"number": "1\x00", "phone": "+79123456789"},
    {"number": "", "phone": ""},
    {"number": "x" * 5000, "phone": "=1+1"},
    {"number": "<script>alert(1)</script>", "phone": "+7 912 345-67-89"},
])
def test_bad_input_to_the_new_link_form_gets_an_answer_not_an_error(net, guest_order, data):
    response = client_for().post(reverse("suz-order-link-request"), data)
    assert response.status_code in (200, 400)
    assert "<script>alert" not in response.content.decode()
    assert sms.outbox == []


def test_a_registered_customer_chooses_channels_per_event_type_in_the_account(
        net, django_capture_on_commit_callbacks):
    customer = UserFactory(email="ivan@example.com")
    client = client_for(customer)
    page = client.get(reverse("suz-account-notifications"))
    html = page.content.decode()
    assert page.status_code == 200 and "Сообщение о вашем заказе" in html and "Настройки уведомлений" in html
    assert "Новая ссылка на ваш заказ" not in html  # a guest's only
    # Only SMS for messages about the order; the rest as they are.
    others = ("order_placed", "order_taken", "order_returned", "change_answered", "survey_request",
              "complaint_answered")
    on = {f"{key}:{channel}" for key in others for channel in ("email", "sms", "site")}
    on |= {"dealer_message:sms"}
    response = client.post(reverse("suz-account-notifications"), {name: "on" for name in on})
    assert response.status_code == 302
    assert not Preference.objects.get(user=customer, event_type="dealer_message", channel="email").enabled
    order = make_order(net["city"], net["product"])
    order.user = customer
    order.save()
    dispatch = dispatch_services.dispatch_plan(order=order)
    with django_capture_on_commit_callbacks(execute=True):
        comment_add(dispatch=dispatch, author=None, role=Role.STAFF, text="Привезём завтра", public=True)
    assert mail.outbox == []
    assert [m.to for m in sms.outbox] == ["+79123456789"]  # the order's phone: no phone in the account
    assert get_model("communication", "Notification").objects.filter(recipient=customer).count() == 0
    # Someone else cannot see or change them: the page is always the signed-in user's own.
    assert client_for().get(reverse("suz-account-notifications")).status_code == 302


def test_oscar_communications_list_every_editable_type_with_its_category_in_russian(staff):
    from suz_oscar.notifications import registry

    html = client_for(staff).get(reverse("dashboard:comms-list")).content.decode()
    assert "Заказы" in html and "Order related" not in html
    codes = set(get_model("communication", "CommunicationEventType").objects.values_list("code", flat=True))
    editable = {t.key.upper() for t in registry.all_types() if t.editable}
    assert editable <= codes and {"COMPLAINT_STAFF", "SURVEY_REQUEST", "ORDER_PLACED"} <= codes
    assert not {"INVITATION", "ORDER_LINK"} & codes  # messages whose point is their one-time link stay in code
    with translation.override("ru"):
        assert str(registry.get("complaint_staff").title) in html


def test_links_written_outside_a_request_use_suz_site_url(net, guest_order, settings,
                                                          django_capture_on_commit_callbacks):
    settings.SUZ_SITE_URL = "http://127.0.0.1:8000/"
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_services.dispatch_claim(dispatch=guest_order.suz_dispatch, dealer=net["dealers"][0])
    assert "http://127.0.0.1:8000/order/" in sms.outbox[-1].body
    assert [opens(link, guest_order) for link in order_links(sms.outbox[-1].body)] == [True]
