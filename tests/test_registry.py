"""The manufacturer's dealer registry: filters, sorting, counts, export."""

import csv
import io
from datetime import timedelta

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.basket import add_product
from oscar.test.factories import ProductFactory, create_basket, create_order

from suz_oscar.dealers.selectors import dealer_registry
from suz_oscar.dispatch.services import dispatch_assign, dispatch_give_up
from suz_oscar.test.factories import CityFactory, DealerFactory, RegionFactory, create_manager

from .conftest import client_for

Dispatch = get_model("suz_dispatch", "Dispatch")
URL = reverse("suz_dashboard:suz-dealer-list")


def names(response):
    return [row.record.partner.name for row in response.context["table"].page.object_list]


def test_filters(staff):
    tatarstan, perm = RegionFactory(name="Татарстан"), RegionFactory(name="Пермский край")
    kazan = CityFactory(region=tatarstan)
    DealerFactory(partner__name="Казань-Панель", regions=[tatarstan], call_from_site=True)
    DealerFactory(partner__name="Город-Декор", cities=[kazan], accepts_site_orders=False)
    DealerFactory(partner__name="Пермь-Отделка", regions=[perm], is_active=False)
    client = client_for(staff)

    assert names(client.get(URL, {"region": tatarstan.pk})) == ["Город-Декор", "Казань-Панель"]
    assert names(client.get(URL, {"q": "пермь"})) == ["Пермь-Отделка"]
    assert names(client.get(URL, {"is_active": "false"})) == ["Пермь-Отделка"]
    assert names(client.get(URL, {"call_from_site": "true"})) == ["Казань-Панель"]
    assert names(client.get(URL, {"accepts_site_orders": "false"})) == ["Город-Декор"]
    assert names(client.get(URL, {"region": tatarstan.pk, "accepts_site_orders": "true"})) == ["Казань-Панель"]


def test_bad_filter_input_does_not_fail(staff):
    response = client_for(staff).get(URL, {"region": "999999", "is_active": "maybe", "sort": "nope"})
    assert response.status_code == 200
    assert response.context["filter"].errors


def test_sorting_by_rating_and_pagination(staff, settings):
    settings.SUZ_DASHBOARD_PAGE_SIZE = 2
    for name, rating in [("Б", 5), ("А", 50), ("В", 20)]:
        DealerFactory(partner__name=name, rating=rating)
    client = client_for(staff)
    assert names(client.get(URL, {"sort": "-rating"})) == ["А", "В"]
    assert names(client.get(URL, {"sort": "-rating", "page": 2})) == ["Б"]
    assert names(client.get(URL, {"sort": "name"})) == ["А", "Б"]


def _order_from(partner, lines=2):
    basket = create_basket(empty=True)
    for _ in range(lines):
        add_product(basket, product=ProductFactory(stockrecords__partner=partner))
    return create_order(basket=basket)


def test_orders_column_counts_orders_the_dealer_claimed(staff):
    """Not order lines priced from its stock: the orders it took, once each, whatever the manager join."""
    dealer, other = DealerFactory(), DealerFactory()
    recent = timezone.now() - timedelta(hours=1)
    create_manager(dealer, last_login=recent - timedelta(days=3))
    create_manager(dealer, last_login=recent)
    create_manager(dealer)
    for _ in range(3):  # priced from the dealer's stock, taken by the other dealer
        dispatch = Dispatch.objects.create(order=_order_from(dealer.partner))
        dispatch_assign(dispatch=dispatch, dealer=other, user=staff)
    for _ in range(2):  # priced from the other's stock, taken by the dealer
        dispatch = Dispatch.objects.create(order=_order_from(other.partner))
        dispatch_assign(dispatch=dispatch, dealer=dealer, user=staff)
    given_back = Dispatch.objects.create(order=_order_from(dealer.partner))
    dispatch_assign(dispatch=given_back, dealer=dealer, user=staff)
    dispatch_give_up(dispatch=given_back, dealer=dealer)

    row = dealer_registry().get(pk=dealer.pk)
    assert row.managers_last_login == recent
    assert row.orders_count == 2
    assert dealer_registry().get(pk=other.pk).orders_count == 3
    assert dealer_registry().get(pk=DealerFactory().pk).orders_count == 0


def test_query_count_does_not_grow_with_dealers(staff):
    region = RegionFactory()

    def count():
        client = client_for(staff)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL).status_code == 200
        return len(ctx)

    for _ in range(3):
        dealer = DealerFactory(regions=[region])
        create_manager(dealer)
        dispatch_assign(dispatch=Dispatch.objects.create(order=_order_from(dealer.partner, 1)), dealer=dealer,
                        user=staff)
    few = count()
    for _ in range(20):
        dealer = DealerFactory(regions=[region, RegionFactory()])
        create_manager(dealer)
        create_manager(dealer)
        dispatch_assign(dispatch=Dispatch.objects.create(order=_order_from(dealer.partner, 1)), dealer=dealer,
                        user=staff)
    assert count() == few


def test_csv_export(staff):
    region = RegionFactory(name="Москва")
    DealerFactory(partner__name="ПолиДекор", regions=[region], rating=12.5)
    response = client_for(staff).get(URL, {"_export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Название", "Регионы", "Последний вход менеджеров"]
    assert "Логотип" not in rows[0]
    assert rows[1][0] == "ПолиДекор" and rows[1][1] == "Москва"
    assert "12,50" in rows[1] or "12.50" in rows[1]


def test_xlsx_export_respects_filters(staff):
    DealerFactory(partner__name="Активный")
    DealerFactory(partner__name="Приостановлен", is_active=False)
    response = client_for(staff).get(URL, {"_export": "xlsx", "is_active": "true"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert values == ["Название", "Активный"]
