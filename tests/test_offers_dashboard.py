"""The dealer's offers in the dashboard: table editing, bulk actions, whole line, price files."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.offers.strategy import RegionalStrategy
from suz_oscar.test.factories import CityFactory, RegionFactory

from .conftest import client_for

StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
OfferImport = get_model("suz_offers", "OfferImport")


@pytest.fixture
def catalogue(db):
    products = []
    for i in range(3):
        product = ProductFactory(title=f"Плинтус {i}", upc=f"PL-{i}", stockrecords=[])
        RecommendedPrice.objects.create(product=product, price=Decimal(100 * (i + 1)))
        products.append(product)
    return products


def offers_url(dealer, name="suz-offer-list", **kw):
    return reverse(f"suz_dashboard:{name}", kwargs={"pk": dealer.pk, **kw})


def table_post(client, dealer, rows, **extra):
    data = {"offers-TOTAL_FORMS": len(rows), "offers-INITIAL_FORMS": len(rows), "bulk-action": "", **extra}
    for i, row in enumerate(rows):
        for key, value in row.items():
            if value is not None:
                data[f"offers-{i}-{key}"] = value
    return client.post(offers_url(dealer), data)


def test_manager_sees_whole_catalogue_and_sets_offers(manager_a, dealer_a, catalogue):
    client = client_for(manager_a)
    page = client.get(offers_url(dealer_a)).content.decode()
    assert all(p.upc in page for p in catalogue)  # products the dealer does not stock yet
    response = table_post(client, dealer_a, [
        {"product_id": catalogue[0].pk, "availability": "in_stock", "quantity": 12, "price": "95.50"},
        {"product_id": catalogue[1].pk, "availability": "on_order", "price": ""},
        {"product_id": catalogue[2].pk, "availability": "not_offered"},
    ])
    assert response.status_code == 302
    first = StockRecord.objects.get(partner=dealer_a.partner, product=catalogue[0])
    assert (first.price, first.num_in_stock) == (Decimal("95.50"), 12)
    second = StockRecord.objects.get(partner=dealer_a.partner, product=catalogue[1])
    assert (second.price, second.num_in_stock) == (None, 0)  # recommended price, on order
    assert not StockRecord.objects.filter(partner=dealer_a.partner, product=catalogue[2]).exists()


def test_bad_row_saves_nothing(manager_a, dealer_a, catalogue):
    response = table_post(client_for(manager_a), dealer_a, [
        {"product_id": catalogue[0].pk, "availability": "in_stock", "price": "100"},
        {"product_id": catalogue[1].pk, "availability": "in_stock", "price": "-5"},
    ])
    assert response.status_code == 200
    assert "ничего не сохранено" in response.content.decode()
    assert not StockRecord.objects.filter(partner=dealer_a.partner).exists()


def test_bulk_percent_and_remove(manager_a, dealer_a, catalogue):
    client = client_for(manager_a)
    rows = [{"product_id": p.pk, "availability": "in_stock", "price": "", "selected": "on"} for p in catalogue]
    table_post(client, dealer_a, rows, **{"bulk-action": "percent", "bulk-percent": "10"})
    prices = sorted(StockRecord.objects.filter(partner=dealer_a.partner).values_list("price", flat=True))
    assert prices == [Decimal("110"), Decimal("220"), Decimal("330")]
    rows[0].pop("selected")
    table_post(client, dealer_a, rows, **{"bulk-action": "remove"})
    assert list(StockRecord.objects.filter(partner=dealer_a.partner).values_list("product", flat=True)) == [
        catalogue[0].pk]


def test_whole_line_switch(manager_a, dealer_a, catalogue):
    client_for(manager_a).post(offers_url(dealer_a, "suz-offer-whole-line"), {"enabled": "1"})
    dealer_a.refresh_from_db()
    assert dealer_a.offers_whole_line and not StockRecord.objects.filter(partner=dealer_a.partner).exists()


def test_a_whole_line_dealer_sees_its_implied_offers_and_can_price_one(manager_a, dealer_a, catalogue):
    dealer_a.offers_whole_line = True
    dealer_a.save()
    client = client_for(manager_a)
    initial = client.get(offers_url(dealer_a)).context["formset"].initial
    assert [row["availability"] for row in initial] == ["in_stock"] * 3 and all(row["implied"] for row in initial)
    assert client.get(offers_url(dealer_a), {"shown": "missing"}).context["formset"].initial == []
    assert len(client.get(offers_url(dealer_a), {"shown": "offered"}).context["formset"].initial) == 3
    # The dealer types its own price on one implied offer: it is kept.
    response = table_post(client, dealer_a, [
        {"product_id": catalogue[0].pk, "availability": "in_stock", "price": "650"},
        {"product_id": catalogue[1].pk, "availability": "in_stock", "price": ""},
    ])
    assert response.status_code == 302
    record = StockRecord.objects.get(partner=dealer_a.partner)
    assert (record.product, record.price) == (catalogue[0], Decimal("650"))


def test_a_price_on_a_row_left_not_offered_is_an_error_not_a_silent_loss(manager_a, dealer_a, catalogue):
    response = table_post(client_for(manager_a), dealer_a, [
        {"product_id": catalogue[0].pk, "availability": "not_offered", "price": "650"}])
    assert response.status_code == 200 and "выберите «в наличии» или «под заказ»" in response.content.decode()
    assert not StockRecord.objects.filter(partner=dealer_a.partner).exists()


def upload(client, dealer, content, name):
    response = client.post(offers_url(dealer, "suz-offer-import"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return OfferImport.objects.latest("pk")


def test_price_file_changes_the_storefront_price(manager_a, dealer_a, catalogue):
    region = RegionFactory()
    city = CityFactory(region=region)
    dealer_a.regions.add(region)
    client = client_for(manager_a)
    csv = "Артикул;Цена;Наличие;Количество\nPL-0;1 234,50;в наличии;7\nPL-1;;под заказ;\n".encode()
    record = upload(client, dealer_a, csv, "цены.csv")
    assert record.errors == [] and len(record.rows) == 2
    preview = client.get(offers_url(dealer_a, "suz-offer-import-detail", import_pk=record.pk)).content.decode()
    assert "PL-0" in preview and "Применить" in preview
    assert RegionalStrategy(city=city).fetch_for_product(catalogue[0]).price.exists is False

    client.post(offers_url(dealer_a, "suz-offer-import-detail", import_pk=record.pk))
    record.refresh_from_db()
    assert record.status == OfferImport.APPLIED
    info = RegionalStrategy(city=city).fetch_for_product(catalogue[0])
    assert info.price.excl_tax == Decimal("1234.50")
    assert RegionalStrategy(city=city).fetch_for_product(catalogue[1]).price.excl_tax == Decimal("200")
    # Applying twice changes nothing.
    client.post(offers_url(dealer_a, "suz-offer-import-detail", import_pk=record.pk))
    assert StockRecord.objects.filter(partner=dealer_a.partner).count() == 2


def test_price_file_errors_in_russian_and_nothing_applied(manager_a, dealer_a, catalogue):
    client = client_for(manager_a)
    StockRecord.objects.create(partner=dealer_a.partner, product=catalogue[0], partner_sku="x", price=Decimal(50))
    csv = (b"sku,price,availability\nPL-0,80,in stock\nNOPE-1,10,in stock\nPL-1,abc,in stock\n"
           b"PL-0,90,in stock\nPL-2,10,maybe\n")
    record = upload(client, dealer_a, csv, "prices.csv")
    messages = {e["row"]: e["message"] for e in record.errors}
    assert messages == {
        3: "неизвестный артикул «NOPE-1»",
        4: "неверная цена «abc»",
        5: "артикул «PL-0» повторяет строку 2",
        6: "неизвестное наличие «maybe»",
    }
    page = client.get(offers_url(dealer_a, "suz-offer-import-detail", import_pk=record.pk)).content.decode()
    assert "неизвестный артикул" in page
    client.post(offers_url(dealer_a, "suz-offer-import-detail", import_pk=record.pk))
    record.refresh_from_db()
    assert record.status == OfferImport.PENDING
    assert StockRecord.objects.get(partner=dealer_a.partner, product=catalogue[0]).price == Decimal(50)


@pytest.mark.parametrize("content,name,message", [
    (b"\xff\xfe\x00garbage", "prices.csv", "не в кодировке UTF-8"),
    (b"name,colour\nx,y\n", "prices.csv", "нет столбца «Артикул»"),
    (b"PK\x03\x04broken", "prices.xlsx", "не удаётся прочитать"),
    (b"sku,price\n", "prices.txt", "CSV или XLSX"),
])
def test_unreadable_files_are_refused(manager_a, dealer_a, catalogue, content, name, message):
    response = client_for(manager_a).post(offers_url(dealer_a, "suz-offer-import"),
                                          {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OfferImport.objects.exists()


def test_xlsx_export_imports_back_unchanged(manager_a, dealer_a, catalogue):
    StockRecord.objects.create(partner=dealer_a.partner, product=catalogue[0], partner_sku="x", price=Decimal(77),
                               num_in_stock=3)
    client = client_for(manager_a)
    response = client.get(offers_url(dealer_a, "suz-offer-export"), {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Артикул", "Название", "Рекомендованная цена", "Цена", "Наличие", "Количество")
    assert rows[1][0] == "PL-0" and rows[1][3] == 77 and rows[1][4] == "в наличии"
    record = upload(client, dealer_a, response.content, "offers.xlsx")
    assert record.errors == []
    client.post(offers_url(dealer_a, "suz-offer-import-detail", import_pk=record.pk))
    assert StockRecord.objects.filter(partner=dealer_a.partner).count() == 1  # "нет" rows stay absent
    assert StockRecord.objects.get(partner=dealer_a.partner).price == Decimal(77)


def test_another_dealers_import_is_not_found(manager_a, dealer_a, dealer_b):
    record = OfferImport.objects.create(dealer=dealer_b, filename="b.csv")
    url = reverse("suz_dashboard:suz-offer-import-detail", kwargs={"pk": dealer_a.pk, "import_pk": record.pk})
    assert client_for(manager_a).get(url).status_code == 404
    assert client_for(manager_a).post(url).status_code == 404
