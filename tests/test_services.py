"""Services: the manufacturer's list, each dealer's price, added to the basket by the customer."""

from decimal import Decimal

from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from .conftest import client_for
from .test_offers_storefront import add_to_basket, basket_lines, offer, world  # noqa: F401

ProductClass = get_model("catalogue", "ProductClass")


def test_services_priced_per_city_and_added_to_the_basket(world):  # noqa: F811
    services = ProductClass.objects.get(slug="services")
    delivery = ProductFactory(title="Доставка по городу", product_class=services, stockrecords=[])
    installation = ProductFactory(title="Монтаж панелей", product_class=services, stockrecords=[])
    offer(world["dx_cheap"], delivery, Decimal("500"))
    offer(world["dx_top"], delivery, Decimal("700"))
    offer(world["dy"], installation, Decimal("300"))

    client = client_for()
    page = client.get(world["product"].get_absolute_url(), {"city": "x-city"}).content.decode()
    block = page[page.index('id="suz-services"'):]
    assert "Доставка по городу" in block and "700,00" in block  # the city's first dealer's price
    assert "Монтаж панелей" not in block  # nobody offers it in X
    assert "Доставка по городу" not in client.get("/catalogue/").content.decode()  # not listed as goods

    add_to_basket(client, world["product"])
    add_to_basket(client, delivery)
    lines = {line.product.title: line for line in basket_lines(client)}
    assert lines["Доставка по городу"].price_excl_tax == Decimal("700")
    assert lines["Доставка по городу"].stockrecord.partner == world["dx_top"].partner


def test_service_without_price_cannot_be_offered(manager_a, dealer_a):
    services = ProductClass.objects.get(slug="services")
    delivery = ProductFactory(title="Доставка", product_class=services, stockrecords=[])
    url = reverse("suz_dashboard:suz-offer-list", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url + "?q=Доставка", {
        "offers-TOTAL_FORMS": 1, "offers-INITIAL_FORMS": 1, "bulk-action": "",
        "offers-0-product_id": delivery.pk, "offers-0-availability": "in_stock", "offers-0-price": "",
    })
    assert response.status_code == 200
    assert "нет рекомендованной" in response.content.decode()
    assert not delivery.stockrecords.exists()
