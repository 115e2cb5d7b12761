"""Dealers' own products: created by the dealer, sold only where that dealer serves."""

from decimal import Decimal

from django.urls import reverse
from oscar.core.loading import get_model

from suz_oscar.offers.strategy import RegionalStrategy
from suz_oscar.test.factories import CityFactory, RegionFactory

from .conftest import client_for

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def create(client, dealer, **data):
    payload = {"title": "Клей монтажный", "description": "", "price": "350", "availability": "in_stock",
               "quantity": "20", **data}
    return client.post(reverse("suz_dashboard:suz-own-product-create", kwargs={"pk": dealer.pk}), payload)


def test_own_product_is_sold_only_where_its_dealer_serves(manager_a, dealer_a, dealer_b):
    home, away = RegionFactory(), RegionFactory()
    home_city, away_city = CityFactory(region=home, slug="home"), CityFactory(region=away, slug="away")
    dealer_a.regions.add(home)
    dealer_b.regions.add(away)
    assert create(client_for(manager_a), dealer_a).status_code == 302
    product = Product.objects.get(title="Клей монтажный")
    assert product.suz_owner.dealer == dealer_a
    record = StockRecord.objects.get(product=product)
    assert (record.partner, record.price, record.num_in_stock) == (dealer_a.partner, Decimal(350), 20)

    assert RegionalStrategy(city=home_city).fetch_for_product(product).price.excl_tax == Decimal(350)
    assert not RegionalStrategy(city=away_city).fetch_for_product(product).availability.is_available_to_buy
    assert "Клей монтажный" in client_for().get("/catalogue/", {"city": "home"}).content.decode()
    assert "Клей монтажный" not in client_for().get("/catalogue/", {"city": "away"}).content.decode()


def test_other_dealers_cannot_see_or_offer_it(manager_a, dealer_a, manager_b, dealer_b):
    create(client_for(manager_a), dealer_a)
    product = Product.objects.get(title="Клей монтажный")
    page = client_for(manager_b).get(reverse("suz_dashboard:suz-offer-list", kwargs={"pk": dealer_b.pk}))
    assert "Клей монтажный" not in page.content.decode()
    url = reverse("suz_dashboard:suz-own-product-update", kwargs={"pk": dealer_a.pk, "product_pk": product.pk})
    assert client_for(manager_b).get(url).status_code == 404
    own_url = reverse("suz_dashboard:suz-own-product-update", kwargs={"pk": dealer_b.pk, "product_pk": product.pk})
    assert client_for(manager_b).get(own_url).status_code == 404
    from django.core.files.uploadedfile import SimpleUploadedFile

    client_for(manager_b).post(
        reverse("suz_dashboard:suz-offer-import", kwargs={"pk": dealer_b.pk}),
        {"file": SimpleUploadedFile("p.csv", f"sku,price\nsuz-{product.pk},1\n".encode())},
    )
    errors = get_model("suz_offers", "OfferImport").objects.get(dealer=dealer_b).errors
    assert errors[0]["message"].startswith("неизвестный артикул")


def test_edit_and_delete(manager_a, dealer_a):
    client = client_for(manager_a)
    create(client, dealer_a)
    product = Product.objects.get(title="Клей монтажный")
    url = reverse("suz_dashboard:suz-own-product-update", kwargs={"pk": dealer_a.pk, "product_pk": product.pk})
    client.post(url, {"title": "Клей усиленный", "price": "400", "availability": "on_order"})
    product.refresh_from_db()
    record = StockRecord.objects.get(product=product)
    assert product.title == "Клей усиленный" and record.price == Decimal(400) and record.num_in_stock == 0
    client.post(reverse("suz_dashboard:suz-own-product-delete", kwargs={"pk": dealer_a.pk, "product_pk": product.pk}))
    assert not Product.objects.filter(pk=product.pk).exists()


def test_bad_input_is_a_form_error(manager_a, dealer_a):
    response = create(client_for(manager_a), dealer_a, title="", price="-1")
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"title", "price"}
    assert not Product.objects.exists()
