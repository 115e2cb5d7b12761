"""Property-based tests of the price-file parser: whatever the file, a file error or checked rows.

Any bytes, any cell text (CSV) and any cell value (XLSX) either raise ``PriceFileError`` or
give ``(rows, errors)``; every accepted row fits the columns, every error can be stored.
"""

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.offers import pricefiles, services
from suz_oscar.offers.abstract_models import PRICE_MAX, QUANTITY_MAX
from suz_oscar.offers.vocabulary import Availability

RecommendedPrice = get_model("suz_offers", "RecommendedPrice")

SKUS = ["PL-0", "PL-1", "-2+3", "'-2+3", "NOPE"]
HEADERS = ["Артикул", "sku", "Цена", "price", "Наличие", "availability", "Количество", "quantity", "Название", "x"]
fast = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

numberish = st.one_of(
    st.from_regex(r"[-+]?[0-9 \u00a0.,]{0,14}([eE][-+]?[0-9]{1,7})?", fullmatch=True),
    st.sampled_from(["inf", "-inf", "Infinity", "nan", "NaN", "1e300000", "0", "0,00", "9999999999.99",
                     "10000000000", "2147483647", "2147483648", "5.0", "1 234,50", "12.345", "'-5", "\x00"]),
)
cell_text = st.one_of(numberish, st.sampled_from(SKUS + ["в наличии", "под заказ", "нет", "да"]), st.text(max_size=60))
# openpyxl refuses to write control characters other than tab and line breaks
xml_text = st.text(st.characters(blacklist_categories=("Cs",),
                                 blacklist_characters="".join(chr(c) for c in range(32) if c not in (9, 10, 13))),
                   max_size=60)
xlsx_cell = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=3), st.sampled_from(SKUS), xml_text,
    numberish.filter(lambda t: "\x00" not in t),
)


@pytest.fixture
def dealer(db, dealer_a):
    for i in range(2):
        product = ProductFactory(upc=f"PL-{i}", stockrecords=[])
        RecommendedPrice.objects.create(product=product, price=Decimal(100))
    ProductFactory(upc="-2+3", stockrecords=[])  # no recommended price
    return dealer_a


def check(content, filename, dealer):
    try:
        rows, errors = pricefiles.parse_price_file(content, filename, dealer)
    except pricefiles.PriceFileError as exc:
        assert str(exc)
        return
    catalogue = set(pricefiles.dealer_catalogue(dealer).values_list("pk", flat=True))
    for row in rows:
        assert row["product_id"] in catalogue
        assert row["availability"] in Availability.values
        if row["price"] is not None:
            price = Decimal(row["price"])
            assert 0 < price <= PRICE_MAX and price == price.quantize(Decimal("0.01"))
            assert services.valid_price(row["price"]) == price
        quantity = row["quantity"]
        assert quantity is None or (type(quantity) is int and 0 <= quantity <= QUANTITY_MAX)
    assert len({row["product_id"] for row in rows}) == len(rows)
    # Errors are stored as JSON (PostgreSQL's jsonb takes no NUL and no lone surrogate) and shown on a page.
    stored = json.dumps(errors, ensure_ascii=False)
    assert "\\u0000" not in stored
    stored.encode("utf-8")
    assert all(len(error["message"]) < 1000 and len(error["sku"]) <= 41 for error in errors)


@fast
@given(content=st.binary(max_size=2000), xlsx=st.booleans())
def test_any_bytes(dealer, content, xlsx):
    check(content, "prices.xlsx" if xlsx else "prices.csv", dealer)


@fast
@given(
    header=st.lists(st.one_of(st.sampled_from(HEADERS), st.text(max_size=10)), min_size=1, max_size=6),
    rows=st.lists(st.lists(cell_text, max_size=7), max_size=8),
    delimiter=st.sampled_from([",", ";"]),
)
def test_any_csv_cells(dealer, header, rows, delimiter):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([header, *rows])
    check(out.getvalue().encode("utf-8", "surrogatepass"), "prices.csv", dealer)


@fast
@given(
    header=st.lists(st.one_of(st.sampled_from(HEADERS), xml_text), min_size=1, max_size=6),
    rows=st.lists(st.lists(xlsx_cell, max_size=7), max_size=8),
)
def test_any_xlsx_cells(dealer, header, rows):
    workbook = openpyxl.Workbook()
    for row in [header, *rows]:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    check(out.getvalue(), "prices.xlsx", dealer)


@fast
@given(price=st.one_of(numberish, st.floats(), st.integers(), st.text(max_size=40)))
def test_a_price_is_either_refused_or_fits_the_column(price):
    try:
        value = pricefiles.parse_price(price)
    except pricefiles.CellError:
        return
    assert value is None or (0 < value <= PRICE_MAX and value == value.quantize(Decimal("0.01")))


@fast
@given(quantity=st.one_of(numberish, st.floats(), st.integers(), st.text(max_size=40)))
def test_a_quantity_is_either_refused_or_fits_the_column(quantity):
    try:
        value = pricefiles.parse_quantity(quantity)
    except pricefiles.CellError:
        return
    assert value is None or 0 <= value <= QUANTITY_MAX
