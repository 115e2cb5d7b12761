"""The manufacturer's recommended price: in Oscar's product form, in bulk files (export, checked import,
applied whole), taken from the partners' stock records; a change reaches the storefront."""

import csv
import io
from decimal import Decimal
from io import StringIO

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import CategoryFactory, ProductClassFactory, ProductFactory

from suz_oscar.core import cache
from suz_oscar.offers import pricefiles, services
from suz_oscar.offers.services import OfferError
from suz_oscar.test.factories import CityFactory, DealerFactory, PartnerFactory, RegionFactory

from .conftest import client_for

StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
RecommendedPriceImport = get_model("suz_offers", "RecommendedPriceImport")
Product = get_model("catalogue", "Product")

PAGE = "suz_dashboard:suz-recommended-prices"


def prices():
    return dict(RecommendedPrice.objects.values_list("product__upc", "price"))


@pytest.fixture
def catalogue(db):
    """Three products, two with a recommended price; a parent with a variant; a dealer's own product."""
    products = [ProductFactory(title=f"Панель {i}", upc=f"P-{i}", stockrecords=[]) for i in range(3)]
    RecommendedPrice.objects.create(product=products[0], price=Decimal("100.00"))
    RecommendedPrice.objects.create(product=products[1], price=Decimal("250.50"))
    parent = ProductFactory(title="Плинтус", upc="PARENT", structure=Product.PARENT, stockrecords=[])
    variant = ProductFactory(title="Белый", upc="P-VAR", parent=parent, structure=Product.CHILD, stockrecords=[])
    own = services.own_product_save(dealer=DealerFactory(), title="Клей дилера", price=Decimal(10),
                                    availability="in_stock")
    own.upc = "OWN"
    own.save()
    return {"products": products, "parent": parent, "variant": variant, "own": own}


# Oscar's product form ------------------------------------------------------------------------------------


def product_form_data(response, **changes):
    """What the browser would send back from Oscar's product page, with ``changes``."""
    data = {}
    forms = [response.context["form"]]
    for name in ("category_formset", "image_formset", "recommended_formset", "stockrecord_formset"):
        formset = response.context[name]  # its saved rows, none of the empty extra ones
        forms += formset.initial_forms
        data[f"{formset.prefix}-TOTAL_FORMS"] = data[f"{formset.prefix}-INITIAL_FORMS"] = len(formset.initial_forms)
    for form in forms:
        for field in form:
            value = field.value()
            if value is True:
                data[field.html_name] = "on"
            elif value not in (None, False, ""):
                data[field.html_name] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_staff_set_change_and_clear_the_recommended_price_in_the_product_form(catalogue, staff):
    product = catalogue["products"][0]
    url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    client = client_for(staff)
    page = client.get(url)
    assert page.context["form"]["recommended_price"].value() == Decimal("100.00")
    assert "Рекомендованная цена" in page.content.decode()
    response = client.post(url, product_form_data(page, recommended_price="1500.50"))
    assert response.status_code == 302
    assert RecommendedPrice.objects.get(product=product).price == Decimal("1500.50")
    client.post(url, product_form_data(client.get(url), recommended_price=""))
    assert not RecommendedPrice.objects.filter(product=product).exists()


def test_a_new_product_is_saved_with_its_recommended_price(catalogue, staff):
    product_class = ProductClassFactory(name="Панели", slug="panels")
    url = reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": product_class.slug})
    client = client_for(staff)
    data = product_form_data(client.get(url), title="Новая панель", upc="NEW-1", recommended_price="990")
    data.update({"productcategory_set-TOTAL_FORMS": 1, "productcategory_set-0-category": CategoryFactory().pk})
    response = client.post(url, data)
    assert response.status_code == 302, (response.context["form"].errors,
                                         response.context["category_formset"].non_form_errors())
    assert RecommendedPrice.objects.get(product__upc="NEW-1").price == Decimal("990.00")


@pytest.mark.parametrize("value", ["NaN", "nan", "Infinity", "-Infinity", "inf", "-1", "0", "0,001",
                                   "10000000000", "1e400", "99999999999999999999999999", "<script>alert(1)</script>",
                                   "=1+1", "12\x00"])
def test_a_bad_recommended_price_is_a_form_error_and_changes_nothing(catalogue, staff, value):
    product = catalogue["products"][1]
    url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    client = client_for(staff)
    response = client.post(url, product_form_data(client.get(url), recommended_price=value, title="Другое"))
    assert response.status_code == 200
    assert "recommended_price" in response.context["form"].errors
    assert "<script>alert(1)</script>" not in response.content.decode()
    product.refresh_from_db()
    assert product.title == "Панель 1" and prices()["P-1"] == Decimal("250.50")


def test_parents_and_dealers_own_products_have_no_recommended_price_field(catalogue, staff):
    client = client_for(staff)
    for product in (catalogue["parent"], catalogue["own"]):
        form = client.get(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})).context["form"]
        assert "recommended_price" not in form.fields
    form = client.get(reverse("dashboard:catalogue-product", kwargs={"pk": catalogue["variant"].pk})).context["form"]
    assert "recommended_price" in form.fields
    with pytest.raises(OfferError):
        services.recommended_price_set(product=catalogue["own"], price=Decimal(5))
    assert not RecommendedPrice.objects.filter(product=catalogue["own"]).exists()


def test_only_staff_reach_the_product_form(catalogue, customer, manager_a, manager_b):
    url = reverse("dashboard:catalogue-product", kwargs={"pk": catalogue["products"][0].pk})
    assert client_for().post(url, {"recommended_price": "1"}).status_code == 302  # to the login page
    for user in (customer, manager_a, manager_b):
        assert client_for(user).post(url, {"recommended_price": "1"}).status_code in (302, 403, 404)
    assert prices()["P-0"] == Decimal("100.00")


# The storefront follows --------------------------------------------------------------------------------


def test_a_new_recommended_price_reaches_the_storefront_at_once(catalogue, staff):
    region = RegionFactory()
    CityFactory(region=region, slug="test-rrp-city")
    product = catalogue["products"][0]
    dealer = DealerFactory(regions=[region])
    StockRecord.objects.create(partner=dealer.partner, product=product, partner_sku="P-0", price=None)
    page = product.get_absolute_url()
    assert client_for().get(page, {"city": "test-rrp-city"}).context["session"].price.excl_tax == Decimal("100.00")
    version = cache.version()
    services.recommended_price_set(product=product, price="120")
    assert cache.version() > version
    assert client_for().get(page, {"city": "test-rrp-city"}).context["session"].price.excl_tax == Decimal("120.00")
    version = cache.version()
    services.recommended_prices_apply(rows=[{"product_id": product.pk, "price": "130"}])
    assert cache.version() > version  # bulk writes send no signals: the service bumps
    assert client_for().get(page, {"city": "test-rrp-city"}).context["session"].price.excl_tax == Decimal("130.00")
    version = cache.version()
    services.recommended_prices_apply(rows=[{"product_id": product.pk, "price": "130"}])
    assert cache.version() == version  # nothing changed, nothing to forget


# Files -----------------------------------------------------------------------------------------------------


def export(client, fmt):
    response = client.get(reverse("suz_dashboard:suz-recommended-price-export"), {"format": fmt})
    assert response.status_code == 200
    return response.content


def upload(client, content, name):
    return client.post(reverse(PAGE), {"file": SimpleUploadedFile(name, content)})


def checked(client, content, name):
    response = upload(client, content, name)
    assert response.status_code == 302, response.context["form"].errors
    return RecommendedPriceImport.objects.latest("pk")


def apply(client, record):
    return client.post(reverse("suz_dashboard:suz-recommended-price-import", kwargs={"import_pk": record.pk}),
                       follow=True)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_uploaded_back_changes_nothing(catalogue, staff, fmt):
    catalogue["products"][2].title = "=HYPERLINK(\"http://evil\")"
    catalogue["products"][2].save()
    client = client_for(staff)
    content = export(client, fmt)
    before = list(RecommendedPrice.objects.values_list("product_id", "price", "updated_at"))
    record = checked(client, content, f"prices.{fmt}")
    assert record.errors == []
    assert {row["sku"] for row in record.rows} == {"P-0", "P-1", "P-2", "P-VAR"}  # no parent, no own product
    preview = client.get(reverse("suz_dashboard:suz-recommended-price-import", kwargs={"import_pk": record.pk}))
    assert preview.context["plan"] == {"created": 0, "updated": 0, "removed": 0, "unchanged": 4}
    apply(client, record)
    assert list(RecommendedPrice.objects.values_list("product_id", "price", "updated_at")) == before


def test_the_export_neutralises_formulas(catalogue, staff):
    catalogue["products"][2].title = "=HYPERLINK(\"http://evil\")"
    catalogue["products"][2].save()
    text = export(client_for(staff), "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Артикул", "Название", "Рекомендованная цена"]
    assert ["P-2", "'=HYPERLINK(\"http://evil\")", ""] in rows
    assert ["P-1", "Панель 1", "250.50"] in rows


def test_a_file_sets_changes_and_clears_only_its_rows(catalogue, staff):
    client = client_for(staff)
    content = "Артикул;Название;Рекомендованная цена\nP-1;;300\nP-2;;1 999,90\nP-VAR;;\n".encode()
    record = checked(client, content, "new.csv")
    response = client.get(reverse("suz_dashboard:suz-recommended-price-import", kwargs={"import_pk": record.pk}))
    assert response.context["plan"] == {"created": 1, "updated": 1, "removed": 0, "unchanged": 1}
    assert prices() == {"P-0": Decimal("100.00"), "P-1": Decimal("250.50")}  # nothing before applying
    response = apply(client, record)
    assert "Рекомендованные цены применены: новых — 1, изменено — 1, удалено — 0." in response.content.decode()
    assert prices() == {"P-0": Decimal("100.00"), "P-1": Decimal("300.00"), "P-2": Decimal("1999.90")}
    record = checked(client, b"sku,recommended price\nP-0,\n", "clear.csv")
    apply(client, record)
    assert "P-0" not in prices()
    assert "уже применён" in apply(client, record).content.decode()  # once


def test_a_file_with_one_bad_row_changes_nothing(catalogue, staff):
    client = client_for(staff)
    wb = openpyxl.Workbook()
    for row in (["Артикул", "Рекомендованная цена"], ["P-0", 500], ["P-1", "abc"], ["OWN", 5],
                ["PARENT", 5], ["P-2", "-3"], ["P-0", 7]):
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    record = checked(client, out.getvalue(), "bad.xlsx")
    errors = {error["row"]: error["message"] for error in record.errors}
    assert set(errors) == {3, 4, 5, 6, 7}
    assert errors[4] == "неизвестный артикул «OWN»" and errors[5] == "неизвестный артикул «PARENT»"
    assert errors[6].startswith("цена «-3» должна быть больше нуля")
    assert errors[7].startswith("артикул «P-0» повторяет строку 2")
    response = apply(client, record)
    assert "ничего не изменено" in response.content.decode()
    assert prices() == {"P-0": Decimal("100.00"), "P-1": Decimal("250.50")}


def test_a_checked_file_whose_product_went_away_applies_nothing(catalogue, staff):
    client = client_for(staff)
    record = checked(client, b"sku,recommended price\nP-0,1\nP-2,2\n", "stale.csv")
    catalogue["products"][2].delete()
    response = apply(client, record)
    assert "Ничего не изменено" in response.content.decode()
    assert prices()["P-0"] == Decimal("100.00")
    record.refresh_from_db()
    assert record.status == record.PENDING


def test_row_errors_are_capped(catalogue, staff):
    lines = ["sku,recommended price"] + [f"X-{i},1" for i in range(pricefiles.MAX_ERRORS + 50)]
    record = checked(client_for(staff), "\n".join(lines).encode(), "many.csv")
    assert len(record.errors) == pricefiles.MAX_ERRORS + 1 and record.error_count == pricefiles.MAX_ERRORS + 50


@pytest.mark.parametrize("content,name,message", [
    (b"", "empty.csv", "файл пуст"),
    (b"sku,price\nP-0,1\n", "no-column.csv", "В файле нет столбца «Рекомендованная цена»"),
    (b"title,recommended price\nx,1\n", "no-sku.csv", "В файле нет столбца «Артикул»"),
    (b"sku,recommended price\n", "header-only.csv", "В файле нет строк под заголовком."),
    (b"sku\x00,recommended price\nP-0,1\n", "nul.csv", "не в кодировке UTF-8"),
    (b"PK\x03\x04broken", "broken.xlsx", "Файл не удаётся прочитать"),
    (b"sku,recommended price\nP-0,1\n", "prices.txt", "Загрузите файл CSV или XLSX."),
])
def test_broken_files_are_refused_in_russian(catalogue, staff, content, name, message):
    response = upload(client_for(staff), content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RecommendedPriceImport.objects.exists()


def test_only_the_last_files_are_kept(catalogue, staff):
    client = client_for(staff)
    for i in range(services.KEPT_RECOMMENDED_PRICE_IMPORTS + 3):
        checked(client, b"sku,recommended price\nP-0,100\n", f"f{i}.csv")
    assert RecommendedPriceImport.objects.count() == services.KEPT_RECOMMENDED_PRICE_IMPORTS


# From the partners' stock records ---------------------------------------------------------------------------


@pytest.fixture
def partners_stock(catalogue):
    a, b, c = (PartnerFactory(code=code) for code in ("a", "b", "c"))
    p0, p1, p2 = catalogue["products"]
    for partner, product, price, currency in ((a, p0, "90", "RUB"), (b, p0, "110", "RUB"), (c, p0, "200", "RUB"),
                                              (a, p2, "10", "RUB"), (b, p2, "15", "RUB"), (c, p2, "999", "GBP"),
                                              (a, p1, "1", "RUB")):
        StockRecord.objects.create(partner=partner, product=product, partner_sku=f"{partner.code}-{product.upc}",
                                   price=Decimal(price), price_currency=currency)
    return {"a": a, "b": b, "c": c}


def test_the_median_of_the_partners_prices_never_overwriting_unless_asked(partners_stock):
    result = services.recommended_prices_from_stock(dry_run=True)
    assert result == {"created": 1, "updated": 0, "kept": 2, "other_currency": 1}
    assert "P-2" not in prices()
    services.recommended_prices_from_stock()
    assert prices() == {"P-0": Decimal("100.00"), "P-1": Decimal("250.50"), "P-2": Decimal("12.50")}
    assert services.recommended_prices_from_stock() == {"created": 0, "updated": 0, "kept": 3, "other_currency": 1}
    services.recommended_prices_from_stock(overwrite=True)
    assert prices() == {"P-0": Decimal("110.00"), "P-1": Decimal("1.00"), "P-2": Decimal("12.50")}
    services.recommended_prices_from_stock(partners=[partners_stock["c"]], overwrite=True)
    assert prices()["P-0"] == Decimal("200.00") and prices()["P-2"] == Decimal("12.50")  # its £ price unused


def test_staff_take_the_prices_from_the_stock_in_the_dashboard(partners_stock, staff):
    url = reverse("suz_dashboard:suz-recommended-price-from-stock")
    response = client_for(staff).post(url, {"partner": partners_stock["b"].pk}, follow=True)
    assert response.redirect_chain, response.context["from_stock_form"].errors
    assert "новых — 1, изменено — 0, оставлено как было — 1" in response.content.decode()
    assert prices()["P-2"] == Decimal("15.00")
    for bad in ("99999999999999999999999", "x\x00", "-1", "<script>"):
        response = client_for(staff).post(url, {"partner": bad, "overwrite": "on"})
        assert response.status_code == 200 and "выберите партнёра из списка" in response.content.decode()
    assert prices()["P-0"] == Decimal("100.00")


def command(*args):
    out = StringIO()
    call_command("suz_import_recommended_prices", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_command_from_stock_and_from_a_file(partners_stock, tmp_path):
    assert "Ничего не изменено (--dry-run)" in command("--from-stock", "--dry-run")
    assert "P-2" not in prices()
    output = command("--from-stock", "--partner", "a")
    assert "Рекомендованные цены: новых — 1, изменено — 0, удалено — 0." in output
    assert "2 товара сохраняют свою рекомендованную цену" in output
    assert prices()["P-2"] == Decimal("10.00")
    path = tmp_path / "rrp.csv"
    path.write_text("Артикул;Рекомендованная цена\nP-2;11\n", encoding="utf-8")
    assert "изменено — 1" in command("--file", str(path))
    assert prices()["P-2"] == Decimal("11.00")


@pytest.mark.parametrize("args,message", [
    (("--from-stock", "--partner", "ghost"), "Неизвестный партнёр: 'ghost'"),
    (("--file", "/nonexistent.csv"), "Не удаётся прочитать файл"),
    (("--file", "x.csv", "--overwrite"), "--partner и --overwrite работают только с --from-stock"),
])
def test_the_command_refuses_bad_arguments(partners_stock, args, message):
    with pytest.raises(CommandError, match=message):
        command(*args)
    assert prices() == {"P-0": Decimal("100.00"), "P-1": Decimal("250.50")}


def test_the_command_refuses_a_file_with_errors_whole(partners_stock, tmp_path):
    path = tmp_path / "rrp.csv"
    path.write_text("sku,recommended price\nP-0,5\nP-1,abc\n", encoding="utf-8")
    with pytest.raises(CommandError, match="В файле есть ошибки, ничего не изменено."):
        command("--file", str(path))
    assert prices()["P-0"] == Decimal("100.00")


# Who may ---------------------------------------------------------------------------------------------------


def test_only_staff_open_the_recommended_price_screens(catalogue, customer, manager_a, manager_b, staff):
    record = services.recommended_price_import_record(filename="a.csv", user=staff, errors=[],
                                                      rows=[{"product_id": catalogue["products"][0].pk,
                                                             "sku": "P-0", "price": "1"}])
    urls = [reverse(PAGE), reverse("suz_dashboard:suz-recommended-price-export") + "?format=csv",
            reverse("suz_dashboard:suz-recommended-price-import", kwargs={"import_pk": record.pk})]
    post_urls = [reverse(PAGE), reverse("suz_dashboard:suz-recommended-price-from-stock"), urls[2]]
    for url in urls:
        assert client_for().get(url).status_code == 302
        assert "login" in client_for().get(url)["Location"]
        for user in (customer, manager_a, manager_b):
            assert client_for(user).get(url).status_code == 403
        assert client_for(staff).get(url).status_code == 200
    for url in post_urls:
        for user in (None, customer, manager_a, manager_b):
            assert client_for(user).post(url, {"file": SimpleUploadedFile("a.csv", b"sku,rrp\nP-0,1\n")}).status_code \
                in (302, 403)
    assert prices()["P-0"] == Decimal("100.00")
    record.refresh_from_db()
    assert record.status == record.PENDING and RecommendedPriceImport.objects.count() == 1
    assert client_for(staff).get(reverse(PAGE), {"format": "yaml"}).status_code == 200
    assert client_for(staff).get(urls[1].replace("csv", "yaml")).status_code == 404


def test_an_out_of_bounds_price_is_said_in_the_managers_words(catalogue, staff):
    url = reverse("dashboard:catalogue-product", kwargs={"pk": catalogue["products"][0].pk})
    client = client_for(staff)
    for value in ("-5", "0.001", "10000000000"):
        response = client.post(url, product_form_data(client.get(url), recommended_price=value))
        assert response.context["form"].errors["recommended_price"] == [
            "Цена должна быть больше нуля, не больше 9\u00a0999\u00a0999\u00a0999,99 и не более чем с двумя знаками "
            "после запятой."], value
