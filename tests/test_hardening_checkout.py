"""Checkout and the customer's order page, as a new customer meets them; hostile input to the storefront."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from suz_oscar.checkout.links import order_status_path as order_status_url
from suz_oscar.checkout.links import order_token
from suz_oscar.test.links import opens, order_links

from .conftest import client_for
from .test_checkout import address, place_order
from .test_offers_storefront import add_to_basket, offer, world  # noqa: F401  (fixture)

Order = get_model("order", "Order")
GUEST = {"options": "anonymous", "phone": "+7 912 345-67-89", "username": ""}


def guest_in(city_slug, product):
    client = client_for()
    client.get("/", {"city": city_slug})
    add_to_basket(client, product)
    return client


def test_checkout_tells_the_truth_about_payment_delivery_and_steps(world):  # noqa: F811
    client = guest_in("x-city", world["product"])
    client.post(reverse("checkout:index"), GUEST)
    client.post(reverse("checkout:shipping-address"), address(world["x"]))
    preview = client.get(reverse("checkout:preview"), follow=True).content.decode()
    assert "Здесь должны быть детали платежа" not in preview and "Бесплатная доставка" not in preview
    assert "На сайте платить не нужно" in preview and "по договорённости" in preview
    assert "позвонит дилер из вашего города (Иксгород)" in preview
    assert "Способ доставки" not in preview.split('id="suz-checkout-nav"')[1].split("</nav>")[0]
    assert "2. Проверка заказа" in preview and "3. Оплата" not in preview

    response = client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)
    html = response.content.decode()
    order = Order.objects.get()
    assert "не требуется оплата" not in html and "выслано сообщение" not in html and "отправлено на" not in html
    assert f"Ваш заказ <strong>{order.number}</strong> оформлен." in html
    assert [opens(path, order) for path in re.findall(r'href="(/order/[^"]+)"', html)] == [True]
    assert order.shipping_method == "Доставка по договорённости с дилером"
    assert order.shipping_incl_tax == 0 and order.total_incl_tax == Decimal("500.00")


def test_a_guest_follows_the_order_by_its_signed_link_without_an_email(world):  # noqa: F811
    client = guest_in("x-city", world["product"])
    order = place_order(client, world["x"], GUEST)
    page = client_for().get(order_status_url(order))
    html = page.content.decode()
    assert page.status_code == 200 and "Ищем дилера" in html and "Панель" in html and "Email" not in html
    forged = reverse("suz-order-status", kwargs={"number": order.number, "hash": f"{order.number}:forged"})
    other = reverse("suz-order-status", kwargs={"number": "999999", "hash": order_token(order)})
    for url in (forged, other):
        response = client_for().get(url)
        assert response.status_code == 404 and order.shipping_address.line1 not in response.content.decode()


def test_the_status_follows_the_dealer_and_a_customer_sees_it_in_the_account(world, customer):  # noqa: F811
    from suz_oscar.dispatch import services

    client = client_for(customer)
    client.get("/", {"city": "x-city"})
    add_to_basket(client, world["product"])
    order = place_order(client, world["x"])
    dispatch = services.dispatch_plan(order=order)
    services.dispatch_claim(dispatch=dispatch, dealer=world["dx_top"])
    assert order_status_url(order) == reverse("customer:order", kwargs={"order_number": order.number})
    html = client.get(order_status_url(order)).content.decode()
    assert "Дилер взял ваш заказ и позвонит вам" in html and "X-лучший" in html
    # Someone else's account page of it does not exist for them.
    assert client_for().get(order_status_url(order)).status_code == 302  # to the login page


def test_the_order_email_links_to_the_customers_order_page_on_this_site(world,  # noqa: F811
                                                                        django_capture_on_commit_callbacks):
    client = guest_in("x-city", world["product"])
    with django_capture_on_commit_callbacks(execute=True):
        order = place_order(client, world["x"], {**GUEST, "username": "ivan@example.ru"})
    body = mail.outbox[-1].body
    assert "example.com" not in body and "http://testserver/order/" in body
    assert [opens(link, order) for link in order_links(body)] == [True]


def test_a_delivery_city_other_than_the_basket_city_reprices_the_basket_and_says_so(world):  # noqa: F811
    client = guest_in("x-city", world["product"])
    client.post(reverse("checkout:index"), GUEST)
    response = client.post(reverse("checkout:shipping-address"), address(world["y"]), follow=True)
    assert "Заказ будет доставлен в город Игрекгород" in response.content.decode()
    client.get(reverse("checkout:preview"), follow=True)
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    line = Order.objects.get().lines.get()
    assert line.partner == world["dy"].partner and line.unit_price_incl_tax == Decimal("700.00")


def test_a_delivery_city_where_nobody_offers_the_basket_is_refused_clearly(world, settings):  # noqa: F811
    settings.SUZ_MANUFACTURER_PARTNER_CODE = None  # no requests to the manufacturer where no dealer serves
    client = guest_in("x-city", world["product"])
    client.post(reverse("checkout:index"), GUEST)
    response = client.post(reverse("checkout:shipping-address"), address(world["z"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    assert "Не всё из корзины можно доставить в город Зетгород" in response.content.decode()
    assert client.post(reverse("checkout:preview"), {"action": "place_order"}).status_code == 302
    assert not Order.objects.exists()


def test_a_delivery_city_without_dealers_takes_a_request_for_the_manufacturer(
        world, django_capture_on_commit_callbacks):  # noqa: F811
    client = guest_in("x-city", world["product"])
    client.post(reverse("checkout:index"), GUEST)
    response = client.post(reverse("checkout:shipping-address"), address(world["z"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("checkout:preview")
    with django_capture_on_commit_callbacks(execute=True):  # the plan is made once the order is committed
        client.post(reverse("checkout:preview"), {"action": "place_order"})
    order = Order.objects.get()
    assert order.suz_dispatch.status == "manual"
    assert order.lines.get().unit_price_incl_tax == Decimal("600.00")  # the recommended price, not X-city's


@pytest.mark.parametrize("latitude,longitude", [
    ("999", "37"), ("55", "-181"), ("1e309", "37"), ("nan", "37"), ("Infinity", "37"), ("55\x00", "37"),
])
def test_out_of_range_or_non_finite_coordinates_are_refused(world, latitude, longitude):  # noqa: F811
    client = guest_in("x-city", world["product"])
    client.post(reverse("checkout:index"), GUEST)
    response = client.post(reverse("checkout:shipping-address"),
                           address(world["x"], latitude=latitude, longitude=longitude))
    assert response.status_code == 200 and response.context["form"].errors


def test_map_coordinates_are_kept_to_six_places(world):  # noqa: F811
    client = guest_in("x-city", world["product"])
    client.post(reverse("checkout:index"), GUEST)
    client.post(reverse("checkout:shipping-address"),
                address(world["x"], latitude="55.123456789012", longitude="37.98765432101"))
    client.get(reverse("checkout:preview"), follow=True)
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    place = Order.objects.get().suz_place
    assert (place.latitude, place.longitude) == (Decimal("55.123457"), Decimal("37.987654"))


@pytest.mark.parametrize("path", ["/", "/catalogue/", "/basket/"])
@pytest.mark.parametrize("city", ["%00", "x-city%00", "a" * 500, "../../etc", "москва", "%D0%00"])
def test_a_junk_city_in_any_url_is_ignored(world, path, city):  # noqa: F811
    response = client_for().get(f"{path}?city={city}")
    assert response.status_code == 200


@pytest.mark.parametrize("text,known", [
    ("\x00", False), ("Иксгород\x00", True), ("x" * 10_000, False), ("' OR 1=1 --", False),
])
def test_junk_in_the_city_picker_and_search_gives_a_message_not_a_500(world, text, known):  # noqa: F811
    response = client_for().post(reverse("suz-city-set"), {"city": text, "next": "/catalogue/"}, follow=True)
    message = "Ваш город: Иксгород." if known else "Мы не знаем такого города"
    assert response.status_code == 200 and message in response.content.decode()
    assert client_for().get(reverse("suz-city-search"), {"q": text}).status_code == 200
    assert client_for().get(reverse("search:search"), {"q": text}).status_code == 200


def test_a_city_picker_with_a_nul_in_next_stays_on_the_site(world):  # noqa: F811
    response = client_for().post(reverse("suz-city-set"), {"city": "Иксгород", "next": "/catalogue/\x00"})
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.parametrize("child", ["²", "1" * 40, "-1", "\x00"])
def test_a_junk_variant_id_when_adding_to_the_basket_is_ignored(world, child):  # noqa: F811
    client = client_for()
    client.get("/", {"city": "x-city"})
    response = client.post(reverse("basket:add", kwargs={"pk": world["product"].pk}),
                           {"quantity": 1, "child_id": child})
    assert response.status_code == 302


def test_each_user_lands_where_they_work_after_logging_in(customer, manager_a, staff):
    from django.urls import reverse as url

    assert client_for(staff).get(url("suz-after-login"))["Location"] == url("dashboard:index")
    assert client_for(manager_a).get(url("suz-after-login"))["Location"] == url("suz_dispatch_dashboard:suz-inbox")
    assert client_for(customer).get(url("suz-after-login"))["Location"] == "/"
    for user, landing in ((manager_a, url("suz_dispatch_dashboard:suz-inbox")), (customer, "/")):
        response = client_for().post(url("customer:login"), {"login-username": user.email, "login-password": "demo",
                                                             "login_submit": "1"}, follow=True)
        assert response.redirect_chain[-1][0] == landing


def test_a_promised_callback_time_is_shown_when_the_site_sets_one(world, settings):  # noqa: F811
    settings.SUZ_CALLBACK_MINUTES = 45
    client = guest_in("x-city", world["product"])
    client.post(reverse("checkout:index"), GUEST)
    client.post(reverse("checkout:shipping-address"), address(world["x"]))
    preview = client.get(reverse("checkout:preview"), follow=True).content.decode()
    assert "В течение 45 минут вам позвонит дилер из вашего города (Иксгород)" in preview


def test_a_guest_who_gave_an_email_reads_where_the_confirmation_went(world):  # noqa: F811
    client = guest_in("x-city", world["product"])
    place_order(client, world["x"], {**GUEST, "username": "ivan@example.ru"})
    page = client.get(reverse("checkout:thank-you"))
    assert page.status_code == 200 and "Подтверждение отправлено на ivan@example.ru" in page.content.decode()
