"""Storefront pages cost the same number of queries whatever the number of dealers or products."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.test.factories import CityFactory, DealerFactory, OutletFactory, RegionFactory

from .conftest import client_for

StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
Product = get_model("catalogue", "Product")


def build(n_dealers, n_products, slug):
    region = RegionFactory()
    city = CityFactory(region=region, slug=slug)
    parent = ProductFactory(title="Панель-родитель", structure="parent", stockrecords=[])
    products = [ProductFactory(stockrecords=[]) for _ in range(n_products)]
    children = [ProductFactory(parent=parent, structure="child", product_class=None, stockrecords=[])
                for _ in range(3)]
    dealers = [DealerFactory(regions=[region], rating=i % 7) for i in range(n_dealers)]
    for dealer in dealers[:3]:
        OutletFactory(dealer=dealer, city=city)
    whole = dealers[-1]
    whole.offers_whole_line = True
    whole.save()
    RecommendedPrice.objects.bulk_create([RecommendedPrice(product=p, price=Decimal(500)) for p in products + children])
    StockRecord.objects.bulk_create([
        StockRecord(partner=d.partner, product=p, partner_sku=f"{d.pk}-{p.pk}", price=Decimal(400 + i),
                    num_in_stock=i % 3)
        for i, d in enumerate(dealers[:-1]) for p in products + children
    ])
    return products, parent, children


def queries(client, url):
    client.get(url)  # warm caches (thumbnails, category tree)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def page_counts(n_dealers, n_products, slug):
    cache.clear()
    products, parent, children = build(n_dealers, n_products, slug)
    client = client_for()
    client.get("/", {"city": slug})
    return {
        "list": queries(client, "/catalogue/"),
        "product": queries(client, products[0].get_absolute_url()),
        "parent": queries(client, parent.get_absolute_url()),
        "child": queries(client, children[0].get_absolute_url()),
    }


@pytest.mark.django_db
def test_counts_do_not_grow_with_dealers_or_products():
    few = page_counts(10, 4, "few")
    StockRecord.objects.all().delete()
    Product.objects.all().delete()
    many = page_counts(200, 15, "many")
    assert few == many, (few, many)
