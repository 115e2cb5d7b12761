"""Hostile and broken input in the dealer's offers: own products, the offers grid, prices in the database."""

import importlib
import io
from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory
from PIL import Image

from suz_oscar.offers import services
from suz_oscar.offers.services import OfferError
from suz_oscar.test.factories import CityFactory, RegionFactory

from .conftest import client_for

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
DealerProduct = get_model("suz_offers", "DealerProduct")

INT_MAX = 2**31 - 1
HOSTILE = (
    '<p>Клей <b>надёжный</b></p><ul><li>310 мл</li></ul>'
    '<script>alert("xss")</script>'
    '<img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(2)">подробнее</a>'
    '<a href="https://example.com/glue" onclick="alert(3)">сайт</a>'
    '<svg onload="alert(4)"></svg><iframe src="https://evil.example"></iframe>'
    '<p style="background:url(javascript:alert(5))">стиль</p>'
)


@pytest.fixture
def catalogue(db):
    products = []
    for i in range(3):
        product = ProductFactory(title=f"Плинтус {i}", upc=f"PL-{i}", stockrecords=[])
        RecommendedPrice.objects.create(product=product, price=Decimal(100 * (i + 1)))
        products.append(product)
    return products


@pytest.fixture
def home_city(dealer_a):
    region = RegionFactory()
    dealer_a.regions.add(region)
    return CityFactory(region=region, slug="home")


def own_url(dealer, name="suz-own-product-create", **kw):
    return reverse(f"suz_dashboard:{name}", kwargs={"pk": dealer.pk, **kw})


def own_post(client, dealer, **data):
    payload = {"title": "Клей монтажный", "description": "", "price": "350", "availability": "in_stock",
               "quantity": "20", **data}
    return client.post(own_url(dealer), payload)


def png(colour="red"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buffer, "PNG")
    return SimpleUploadedFile("glue.png", buffer.getvalue(), content_type="image/png")


# 1. Stored XSS through an own product's description -----------------------------------------------


def test_own_product_description_is_sanitised_on_save_and_the_product_page_runs_no_script(
        manager_a, dealer_a, home_city):
    assert own_post(client_for(manager_a), dealer_a, description=HOSTILE).status_code == 302
    product = Product.objects.get(title="Клей монтажный")
    stored = product.description
    for live in ("<script", "alert", "onerror", "onclick", "onload", "javascript:", "<iframe", "<svg", "style="):
        assert live not in stored
    assert "<p>Клей <b>надёжный</b></p><ul><li>310 мл</li></ul>" in stored
    assert '<a href="https://example.com/glue" rel="nofollow noopener noreferrer">сайт</a>' in stored

    page = client_for().get(product.get_absolute_url(), {"city": "home"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<b>надёжный</b>" in html and "<li>310 мл</li>" in html  # harmless markup still renders
    for live in ('alert("xss")', "alert(1)", "alert(2)", "alert(3)", "alert(4)", "alert(5)", "onerror=",
                 "javascript:", "evil.example"):
        assert live not in html


def test_the_service_sanitises_whoever_calls_it(dealer_a):
    product = services.own_product_save(dealer=dealer_a, title="Герметик", price=Decimal(320),
                                        availability="in_stock", description=HOSTILE)
    assert "<script" not in product.description and "onerror" not in product.description
    assert "<b>надёжный</b>" in product.description


def test_data_migration_cleans_existing_descriptions(dealer_a, dealer_b):
    owned = ProductFactory(title="Старый товар", stockrecords=[], description=HOSTILE)
    DealerProduct.objects.create(product=owned, dealer=dealer_a)
    manufacturers = ProductFactory(title="Товар производителя", stockrecords=[], description="<p>x</p><em>y</em>")
    migration = importlib.import_module("suz_oscar.offers.migrations.0005_sanitise_own_product_descriptions")
    migration.sanitise(django_apps, None)
    owned.refresh_from_db()
    manufacturers.refresh_from_db()
    assert "<script" not in owned.description and "onerror" not in owned.description
    assert "<b>надёжный</b>" in owned.description
    assert manufacturers.description == "<p>x</p><em>y</em>"  # the manufacturer's own text is not ours to touch


def test_own_product_title_is_plain_text_everywhere(manager_a, dealer_a, home_city):
    own_post(client_for(manager_a), dealer_a, title="<script>alert(1)</script>\x0bКлей")
    product = Product.objects.get(suz_owner__dealer=dealer_a)
    assert product.title == "<script>alert(1)</script> Клей"  # control character gone, text kept
    html = client_for().get(product.get_absolute_url(), {"city": "home"}).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_new_image_replaces_the_old_one(manager_a, dealer_a):
    client = client_for(manager_a)
    own_post(client, dealer_a, image=png())
    product = Product.objects.get(suz_owner__dealer=dealer_a)
    client.post(own_url(dealer_a, "suz-own-product-update", product_pk=product.pk),
                {"title": "Клей", "price": "350", "availability": "in_stock", "image": png("blue")})
    assert ProductImage.objects.filter(product=product).count() == 1


def test_a_file_that_is_not_an_image_is_refused(manager_a, dealer_a):
    fake = SimpleUploadedFile("x.png", b"<html><script>alert(1)</script></html>", content_type="image/png")
    response = own_post(client_for(manager_a), dealer_a, image=fake)
    assert response.status_code == 200 and "image" in response.context["form"].errors
    assert not Product.objects.exists()


# 5. Own product form and service: prices and quantities that fit -----------------------------------


@pytest.mark.parametrize("field,value", [
    ("quantity", str(INT_MAX + 1)), ("quantity", "-1"), ("quantity", "1e9"), ("quantity", "9" * 5000),
    ("price", "0"), ("price", "-5"), ("price", "10000000000"), ("price", "1.005"), ("price", "Infinity"),
    ("price", "NaN"), ("description", "x" * 20_001),
])
def test_own_product_form_refuses_what_does_not_fit(manager_a, dealer_a, field, value):
    response = own_post(client_for(manager_a), dealer_a, **{field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Product.objects.exists()


def test_own_product_takes_the_largest_quantity(manager_a, dealer_a):
    assert own_post(client_for(manager_a), dealer_a, quantity=str(INT_MAX), price="9999999999.99").status_code == 302
    record = StockRecord.objects.get(partner=dealer_a.partner)
    assert (record.num_in_stock, record.price) == (INT_MAX, Decimal("9999999999.99"))


@pytest.mark.parametrize("kwargs", [
    {"price": Decimal(0)}, {"price": Decimal(-1)}, {"price": None}, {"price": Decimal("1E+10")},
    {"price": Decimal("0.001")}, {"price": Decimal("NaN")}, {"quantity": INT_MAX + 1}, {"quantity": -1},
    {"title": " \n "}, {"title": "x" * 256}, {"availability": "not_offered"},
])
def test_own_product_service_refuses_bad_values_and_writes_nothing(dealer_a, kwargs):
    arguments = {"dealer": dealer_a, "title": "Клей", "price": Decimal(10), "availability": "in_stock", **kwargs}
    with pytest.raises(OfferError):
        services.own_product_save(**arguments)
    assert not Product.objects.exists() and not StockRecord.objects.exists()


def test_a_dealer_cannot_save_over_another_dealers_product(dealer_a, dealer_b):
    theirs = services.own_product_save(dealer=dealer_b, title="Клей Б", price=Decimal(10), availability="in_stock")
    with pytest.raises(OfferError):
        services.own_product_save(dealer=dealer_a, product=theirs, title="Моё", price=Decimal(1),
                                  availability="in_stock")
    theirs.refresh_from_db()
    assert theirs.title == "Клей Б" and not StockRecord.objects.filter(partner=dealer_a.partner).exists()


# 5. The offers grid: formset tampering, bounds, bulk percentages ------------------------------------


def offers_url(dealer):
    return reverse("suz_dashboard:suz-offer-list", kwargs={"pk": dealer.pk})


def grid_post(client, dealer, rows, **extra):
    data = {"offers-TOTAL_FORMS": len(rows), "offers-INITIAL_FORMS": len(rows), "bulk-action": "", **extra}
    for i, row in enumerate(rows):
        for key, value in row.items():
            if value is not None:
                data[f"offers-{i}-{key}"] = value
    return client.post(offers_url(dealer), data)


def refused(response):
    assert response.status_code == 200, response.status_code
    assert "ничего не сохранено" in response.content.decode()
    return response


def test_grid_refuses_a_quantity_beyond_the_column(manager_a, dealer_a, catalogue):
    response = refused(grid_post(client_for(manager_a), dealer_a, [
        {"product_id": catalogue[0].pk, "availability": "in_stock", "quantity": INT_MAX + 1, "price": "100"},
    ]))
    assert "2147483647" in response.content.decode()
    assert not StockRecord.objects.exists()


def test_grid_takes_the_largest_quantity(manager_a, dealer_a, catalogue):
    grid_post(client_for(manager_a), dealer_a, [
        {"product_id": catalogue[0].pk, "availability": "in_stock", "quantity": INT_MAX, "price": "100"}])
    assert StockRecord.objects.get(partner=dealer_a.partner).num_in_stock == INT_MAX


@pytest.mark.parametrize("management", [
    {"offers-TOTAL_FORMS": "1000000000"}, {"offers-TOTAL_FORMS": "-1"}, {"offers-TOTAL_FORMS": "abc"},
    {"offers-TOTAL_FORMS": "51", "offers-INITIAL_FORMS": "51"}, {"offers-INITIAL_FORMS": "x"},
])
def test_grid_survives_a_tampered_management_form(manager_a, dealer_a, catalogue, management):
    client = client_for(manager_a)
    data = {"offers-TOTAL_FORMS": "1", "offers-INITIAL_FORMS": "1", "bulk-action": "",
            "offers-0-product_id": catalogue[0].pk, "offers-0-availability": "in_stock", "offers-0-price": "5"}
    data.update(management)
    refused(client.post(offers_url(dealer_a), data))
    assert not StockRecord.objects.exists()


@pytest.mark.parametrize("product_id", [None, "", "abc", "1e3", "-1", "9" * 5000, "99999999"])
def test_grid_refuses_a_missing_or_unknown_product(manager_a, dealer_a, catalogue, product_id):
    refused(grid_post(client_for(manager_a), dealer_a, [
        {"product_id": catalogue[0].pk, "availability": "in_stock", "price": "100"},
        {"product_id": product_id, "availability": "in_stock", "price": "100"},
    ]))
    assert not StockRecord.objects.exists()


def test_grid_refuses_another_dealers_own_product(manager_a, dealer_a, dealer_b, catalogue):
    theirs = services.own_product_save(dealer=dealer_b, title="Клей Б", price=Decimal(10), availability="in_stock")
    response = refused(grid_post(client_for(manager_a), dealer_a, [
        {"product_id": catalogue[0].pk, "availability": "in_stock", "price": "100"},
        {"product_id": theirs.pk, "availability": "in_stock", "price": "1"},
    ]))
    assert "нет в вашем каталоге" in response.content.decode()
    assert not StockRecord.objects.filter(partner=dealer_a.partner).exists()


def test_grid_refuses_a_product_listed_twice(manager_a, dealer_a, catalogue):
    refused(grid_post(client_for(manager_a), dealer_a, [
        {"product_id": catalogue[0].pk, "availability": "in_stock", "price": "100"},
        {"product_id": catalogue[0].pk, "availability": "not_offered"},
    ]))
    assert not StockRecord.objects.exists()


def test_grid_saves_a_catalogue_product_from_another_page(manager_a, dealer_a, catalogue):
    """The page may have moved on between showing and saving: a row of the dealer's catalogue is still saved."""
    response = client_for(manager_a).post(offers_url(dealer_a) + "?q=PL-0", {
        "offers-TOTAL_FORMS": 1, "offers-INITIAL_FORMS": 1, "bulk-action": "",
        "offers-0-product_id": catalogue[2].pk, "offers-0-availability": "in_stock", "offers-0-price": "5",
    })
    assert response.status_code == 302
    assert StockRecord.objects.get(partner=dealer_a.partner).product == catalogue[2]


@pytest.mark.parametrize("percent", ["-100", "-150", "1000.1", "99999", "1e9", "Infinity", "NaN", "abc"])
def test_bulk_percent_out_of_bounds_is_a_form_error(manager_a, dealer_a, catalogue, percent):
    rows = [{"product_id": p.pk, "availability": "in_stock", "price": "", "selected": "on"} for p in catalogue]
    refused(grid_post(client_for(manager_a), dealer_a, rows, **{"bulk-action": "percent", "bulk-percent": percent}))
    assert not StockRecord.objects.exists()


def test_bulk_percent_that_would_reach_zero_saves_nothing(manager_a, dealer_a, catalogue):
    rows = [{"product_id": catalogue[0].pk, "availability": "in_stock", "price": "100", "selected": "on"},
            {"product_id": catalogue[1].pk, "availability": "in_stock", "price": "0.40", "selected": "on"}]
    response = refused(grid_post(client_for(manager_a), dealer_a, rows,
                                 **{"bulk-action": "percent", "bulk-percent": "-99"}))
    assert "больше нуля" in response.content.decode()
    assert not StockRecord.objects.exists()


def test_bulk_percent_that_would_overflow_the_column_saves_nothing(manager_a, dealer_a, catalogue):
    rows = [{"product_id": catalogue[0].pk, "availability": "in_stock", "price": "9999999999.99", "selected": "on"}]
    response = refused(grid_post(client_for(manager_a), dealer_a, rows,
                                 **{"bulk-action": "percent", "bulk-percent": "1000"}))
    assert "превысила бы 9\u00a0999\u00a0999\u00a0999,99" in response.content.decode()
    assert not StockRecord.objects.exists()


def test_bulk_percent_within_bounds(manager_a, dealer_a, catalogue):
    rows = [{"product_id": p.pk, "availability": "in_stock", "price": "", "selected": "on"} for p in catalogue]
    grid_post(client_for(manager_a), dealer_a, rows, **{"bulk-action": "percent", "bulk-percent": "-99"})
    assert sorted(StockRecord.objects.values_list("price", flat=True)) == [Decimal(1), Decimal(2), Decimal(3)]
    grid_post(client_for(manager_a), dealer_a, [dict(row, price=None) for row in rows],
              **{"bulk-action": "percent", "bulk-percent": "1000"})
    assert sorted(StockRecord.objects.values_list("price", flat=True)) == [Decimal(1100), Decimal(2200),
                                                                           Decimal(3300)]


# 5. The services refuse what does not fit, whoever calls them; so does the database ----------------


@pytest.mark.parametrize("row", [
    {"price": "0"}, {"price": "-5"}, {"price": Decimal("-0.01")}, {"price": "10000000000"}, {"price": "1.001"},
    {"price": "Infinity"}, {"price": "nan"}, {"price": "abc"}, {"quantity": INT_MAX + 1}, {"quantity": -1},
    {"quantity": "5"}, {"quantity": True}, {"availability": "maybe"}, {"product_id": "1"},
])
def test_offers_apply_refuses_bad_rows_before_writing(dealer_a, catalogue, row):
    rows = [{"product_id": catalogue[0].pk, "price": "100", "availability": "in_stock", "quantity": 3},
            {"product_id": catalogue[1].pk, "price": "50", "availability": "in_stock", "quantity": None, **row}]
    with pytest.raises(OfferError):
        services.offers_apply(dealer=dealer_a, rows=rows)
    assert not StockRecord.objects.exists()


def test_offers_apply_refuses_another_dealers_own_product(dealer_a, dealer_b):
    theirs = services.own_product_save(dealer=dealer_b, title="Клей Б", price=Decimal(10), availability="in_stock")
    with pytest.raises(OfferError):
        services.offers_apply(dealer=dealer_a, rows=[
            {"product_id": theirs.pk, "price": "1", "availability": "in_stock", "quantity": None}])
    assert not StockRecord.objects.filter(partner=dealer_a.partner).exists()


@pytest.mark.parametrize("price", [Decimal(0), Decimal("-0.01"), Decimal(-50)])
def test_database_refuses_non_positive_offer_prices(dealer_a, catalogue, price):
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.create(partner=dealer_a.partner, product=catalogue[0], partner_sku="x", price=price)
    record = StockRecord.objects.create(partner=dealer_a.partner, product=catalogue[0], partner_sku="x", price=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(pk=record.pk).update(price=price)
    record.refresh_from_db()
    assert record.price is None


@pytest.mark.parametrize("price", [Decimal(0), Decimal(-1)])
def test_database_refuses_non_positive_recommended_prices(catalogue, price):
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendedPrice.objects.filter(product=catalogue[0]).update(price=price)
    assert RecommendedPrice.objects.get(product=catalogue[0]).price == Decimal(100)


@pytest.mark.django_db(transaction=True)
def test_stockrecord_constraint_migration_is_reversible(dealer_a, catalogue):
    from django.core.management import call_command

    record = StockRecord.objects.create(partner=dealer_a.partner, product=catalogue[0], partner_sku="x", price=1)
    call_command("migrate", "suz_offers", "0006", verbosity=0)
    try:
        StockRecord.objects.filter(pk=record.pk).update(price=-3)  # no longer refused
    finally:
        call_command("migrate", "suz_offers", verbosity=0)
    record.refresh_from_db()
    assert record.price is None  # the bad price follows the recommended one now
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(pk=record.pk).update(price=0)
