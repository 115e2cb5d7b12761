"""Bad and oversized price files: a translated row or file error, never a 500, never a change."""

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.offers import pricefiles, services

from .conftest import client_for

StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
OfferImport = get_model("suz_offers", "OfferImport")


@pytest.fixture
def catalogue(db, dealer_a):
    products = []
    for i in range(3):
        product = ProductFactory(title=f"Плинтус {i}", upc=f"PL-{i}", stockrecords=[])
        RecommendedPrice.objects.create(product=product, price=Decimal(100 * (i + 1)))
        products.append(product)
    # An offer that a refused file must leave as it is.
    StockRecord.objects.create(partner=dealer_a.partner, product=products[0], partner_sku="PL-0",
                               price=Decimal(50), num_in_stock=2)
    return products


def import_url(dealer):
    return reverse("suz_dashboard:suz-offer-import", kwargs={"pk": dealer.pk})


def upload(client, dealer, content, name):
    return client.post(import_url(dealer), {"file": SimpleUploadedFile(name, content)})


def unchanged(dealer):
    record = StockRecord.objects.get(partner=dealer.partner)
    return (record.price, record.num_in_stock) == (Decimal(50), 2)


def xlsx(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def patched(content, part, old, new):
    """An XLSX with ``old`` replaced by ``new`` in one of its parts (as another program may write it)."""
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == part:
                assert old in data
                data = data.replace(old, new)
            target.writestr(info.filename, data)
    return out.getvalue()


def checked(manager, dealer, content, name):
    """Upload and check; the import's errors by row. Nothing is applied."""
    response = upload(client_for(manager), dealer, content, name)
    assert response.status_code == 302, response.context["form"].errors
    record = OfferImport.objects.get(dealer=dealer)
    assert record.rows == [] and unchanged(dealer)
    return {e["row"]: e["message"] for e in record.errors}


def refused(manager, dealer, content, name, message):
    response = upload(client_for(manager), dealer, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OfferImport.objects.exists() and unchanged(dealer)


HUGE = "9" * 10_000


@pytest.mark.parametrize("price,message", [
    ("Infinity", "неверная цена «Infinity»"),
    ("-Infinity", "неверная цена «-Infinity»"),
    ("inf", "неверная цена «inf»"),
    ("nan", "неверная цена «nan»"),
    ("NaN", "неверная цена «NaN»"),
    ("1e300000", "неверная цена «1e300000»"),
    ("1E5", "неверная цена «1E5»"),
    ("0x10", "неверная цена «0x10»"),
    ("١٢٣", "неверная цена «١٢٣»"),  # digits, but not ours
    ("12.345", "у цены «12.345» больше двух знаков после запятой"),
    ("0", "цена «0» должна быть больше нуля"),
    ("0,00", "цена «0,00» должна быть больше нуля"),
    ("-5", "цена «-5» должна быть больше нуля"),
    ("10000000000", "цена «10000000000» слишком велика (не больше 9\u00a0999\u00a0999\u00a0999,99)"),
    ("99 999 999 999", "цена «99 999 999 999» слишком велика"),
    (HUGE, "неверная цена «" + "9" * 40 + "…»"),
])
def test_bad_prices_are_row_errors(manager_a, dealer_a, catalogue, price, message):
    errors = checked(manager_a, dealer_a, f"Артикул;Цена\nPL-0;{price}\n".encode(), "prices.csv")
    assert errors[2].startswith(message)


@pytest.mark.parametrize("quantity,message", [
    ("2147483648", "количество «2147483648» слишком велико (не больше 2\u00a0147\u00a0483\u00a0647)"),
    ("99999999999999999999", "количество «99999999999999999999» слишком велико"),
    ("1e300000", "неверное количество «1e300000»"),
    ("Infinity", "неверное количество «Infinity»"),
    ("nan", "неверное количество «nan»"),
    ("-1", "неверное количество «-1»"),
    ("5.5", "неверное количество «5.5»"),
])
def test_bad_quantities_are_row_errors(manager_a, dealer_a, catalogue, quantity, message):
    errors = checked(manager_a, dealer_a, f"sku,price,quantity\nPL-0,10,{quantity}\n".encode(), "q.csv")
    assert errors[2].startswith(message)


def test_good_numbers_in_every_spelling(manager_a, dealer_a, catalogue):
    csv = ("Артикул;Цена;Количество\n"
           "PL-0;1 234,50;2 147 483 647\nPL-1;1\u00a0000.5;5,0\nPL-2;95;\n").encode()
    response = upload(client_for(manager_a), dealer_a, csv, "ok.csv")
    assert response.status_code == 302
    rows = OfferImport.objects.get().rows
    assert [(r["price"], r["quantity"]) for r in rows] == [("1234.50", 2**31 - 1), ("1000.50", 5), ("95.00", None)]


def test_an_xlsx_with_numbers_as_numbers(manager_a, dealer_a, catalogue):
    content = xlsx([
        ["sku", "price", "quantity"],
        ["PL-0", 95.55000000000001, 5.0],  # what a spreadsheet formula leaves behind
        ["PL-1", 12.345, 1],
        ["PL-2", -5, 2**31],
        ["PL-0", 1e300, 1.5],
    ])
    rows, errors = pricefiles.parse_price_file(content, "prices.xlsx", dealer_a)
    assert [(r["sku"], r["price"], r["quantity"]) for r in rows] == [("PL-0", "95.55", 5)]
    assert {e["row"]: e["message"] for e in errors} == {
        3: "у цены «12.345» больше двух знаков после запятой",
        4: "цена «-5» должна быть больше нуля; "
           "количество «2147483648» слишком велико (не больше 2\u00a0147\u00a0483\u00a0647)",
        5: "артикул «PL-0» повторяет строку 2; "
           "цена «1e+300» слишком велика (не больше 9\u00a0999\u00a0999\u00a0999,99); неверное количество «1.5»",
    }


def test_an_xlsx_with_infinity_or_nan_in_a_number_cell_is_refused(manager_a, dealer_a, catalogue):
    content = patched(xlsx([["sku", "price"], ["PL-0", 12345]]), "xl/worksheets/sheet1.xml",
                      b"<v>12345</v>", b"<v>nan</v>")
    refused(manager_a, dealer_a, content, "prices.xlsx", "Файл не удаётся прочитать")
    content = patched(xlsx([["sku", "price"], ["PL-0", 12345]]), "xl/worksheets/sheet1.xml",
                      b"<v>12345</v>", b"<v>1e300000</v>")  # read as infinity
    assert checked(manager_a, dealer_a, content, "prices.xlsx") == {2: "неверная цена «inf»"}


def test_a_huge_xlsx_text_cell_is_a_short_row_error(manager_a, dealer_a, catalogue):
    errors = checked(manager_a, dealer_a, xlsx([["sku", "price"], ["X" * 30_000, "1"]]), "big.xlsx")
    assert errors == {2: "неизвестный артикул «" + "X" * 40 + "…»"}


# NUL bytes --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"sku,price\nPL-0,1\x00\n", b"sku\x00,price\nPL-0,1\n", b"\x00" * 10])
def test_nul_bytes_in_a_csv_are_a_file_error(manager_a, dealer_a, catalogue, content):
    refused(manager_a, dealer_a, content, "prices.csv", "Файл не в кодировке UTF-8")


def test_nul_bytes_in_an_xlsx_are_a_file_error(manager_a, dealer_a, catalogue):
    content = patched(xlsx([["sku", "price"], ["PL-0", "PLACEHOLDER"]]), "xl/worksheets/sheet1.xml",
                      b"PLACEHOLDER", b"1\x002")
    refused(manager_a, dealer_a, content, "prices.xlsx", "Файл не удаётся прочитать")


def test_nul_bytes_in_the_file_name(manager_a, dealer_a, catalogue):
    # Django drops control characters from uploaded names; what is left is stored.
    response = upload(client_for(manager_a), dealer_a, b"sku,price\nPL-0,10\n", "пра\x00йс.csv")
    assert response.status_code == 302
    assert OfferImport.objects.get().filename == "прайс.csv"
    # A caller handing the parser a raw name gets a file error, not a database error later on.
    with pytest.raises(pricefiles.PriceFileError, match="управляющие символы"):
        pricefiles.parse_price_file(b"sku,price\nPL-0,10\n", "пра\x00йс.csv", dealer_a)


# Sizes are bounded before the work ----------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_unread(dealer_a, catalogue):
    oversized = b"\xff" * (pricefiles.MAX_FILE_SIZE + 1)  # unreadable as XLSX: the size is checked first
    with pytest.raises(pricefiles.PriceFileError, match="больше 20 МБ"):
        pricefiles.parse_price_file(oversized, "prices.xlsx", dealer_a)


def test_the_upload_form_refuses_a_file_over_the_size_limit(manager_a, dealer_a, catalogue):
    refused(manager_a, dealer_a, b"sku,price\n" + b" " * pricefiles.MAX_FILE_SIZE, "prices.csv", "Файл больше 20 МБ.")


def test_a_zip_bomb_is_refused_unopened(manager_a, dealer_a, catalogue):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\x00" * (pricefiles.MAX_UNPACKED_SIZE + 1))
    assert len(out.getvalue()) < 1024 * 1024
    refused(manager_a, dealer_a, out.getvalue(), "bomb.xlsx", "В распакованном виде файл больше 30 МБ")


def test_a_csv_line_over_the_limit_is_refused(manager_a, dealer_a, catalogue):
    content = b"sku,price\nPL-0," + b"1" * pricefiles.MAX_LINE + b"\n"
    refused(manager_a, dealer_a, content, "prices.csv", "Строка файла длиннее 65536 символов.")


def test_csv_reading_stops_at_the_first_row_past_the_limit(dealer_a, catalogue):
    """Reading stops at the limit: the broken tail further on (not even UTF-8) is never reached."""
    past = b"PL-0,1\n" * (pricefiles.MAX_ROWS + 1) + b"PL-1,1\n" * 10_000  # beyond any read-ahead
    content = b"sku,price\n" + past + b"\xff\xfe broken"
    with pytest.raises(pricefiles.PriceFileError, match="больше 50000 строк"):
        pricefiles.parse_price_file(content, "prices.csv", dealer_a)
    # At the limit itself the file is read to the end (and the broken tail is found).
    content = b"sku,price\n" + b"PL-0,1\n" * pricefiles.MAX_ROWS + b"\xff\xfe broken"
    with pytest.raises(pricefiles.PriceFileError, match="не в кодировке UTF-8"):
        pricefiles.parse_price_file(content, "prices.csv", dealer_a)


def test_xlsx_reading_stops_at_the_first_row_past_the_limit(dealer_a, catalogue):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["sku", "price"])
    for _ in range(pricefiles.MAX_ROWS + 1):
        sheet.append(["PL-0", 1])
    out = io.BytesIO()
    workbook.save(out)
    # A row after the limit that openpyxl cannot read: reached, it would be "cannot be read".
    content = patched(out.getvalue(), "xl/worksheets/sheet1.xml", b"</sheetData>",
                      b'<row r="60000"><c r="A60000"><v>nan</v></c></row></sheetData>')
    with pytest.raises(pricefiles.PriceFileError, match="больше 50000 строк"):
        pricefiles.parse_price_file(content, "prices.xlsx", dealer_a)


def test_xlsx_rows_past_a_wrong_dimension_are_read(manager_a, dealer_a, catalogue):
    content = xlsx([["sku", "price"], ["PL-1", 5], ["PL-2", 6]])
    content = patched(content, "xl/worksheets/sheet1.xml", b'<dimension ref="A1:B3"', b'<dimension ref="A1:A1"')
    rows, errors = pricefiles.parse_price_file(content, "prices.xlsx", dealer_a)
    assert errors == [] and [(r["sku"], r["price"]) for r in rows] == [("PL-1", "5.00"), ("PL-2", "6.00")]


@pytest.mark.parametrize("content,name,message", [
    (b"", "prices.csv", "Отправленный файл пуст."),
    (b"\xef\xbb\xbf", "prices.csv", "Файл пустой."),
    (b"\n\n", "prices.csv", "нет столбца «Артикул»"),
    (b"not a zip", "prices.xlsx", "Файл не удаётся прочитать"),
    (b'sku,price\n"PL-0,' + b"1\n" * 100_000, "prices.csv", "Файл не удаётся прочитать"),  # an unclosed quote
])
def test_empty_and_broken_files(manager_a, dealer_a, catalogue, content, name, message):
    refused(manager_a, dealer_a, content, name, message)


# Applying stays all or nothing ---------------------------------------------------------------------------


def test_a_checked_file_with_a_value_the_column_cannot_take_changes_nothing(manager_a, dealer_a, catalogue):
    """A file checked before these limits existed is still pending: applying it answers with an error."""
    record = OfferImport.objects.create(dealer=dealer_a, filename="old.csv", rows=[
        {"product_id": catalogue[1].pk, "price": "10", "availability": "in_stock", "quantity": 1},
        {"product_id": catalogue[0].pk, "price": "10", "availability": "in_stock", "quantity": 2**31},
    ])
    url = reverse("suz_dashboard:suz-offer-import-detail", kwargs={"pk": dealer_a.pk, "import_pk": record.pk})
    response = client_for(manager_a).post(url, follow=True)
    assert response.status_code == 200
    assert "Ничего не изменено" in response.content.decode()
    record.refresh_from_db()
    assert record.status == OfferImport.PENDING and unchanged(dealer_a)
    assert StockRecord.objects.filter(partner=dealer_a.partner).count() == 1
    with pytest.raises(services.OfferError):
        services.offer_import_apply(offer_import=record)
