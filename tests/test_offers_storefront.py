"""The regional storefront: offers, ranking, whole line, city choice and the basket."""

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.offers import selectors
from suz_oscar.offers.strategy import RegionalStrategy
from suz_oscar.test.factories import CityFactory, DealerFactory, OutletFactory, RegionFactory

from .conftest import client_for

StockRecord = get_model("partner", "StockRecord")
Dealer = get_model("suz_dealers", "Dealer")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
Product = get_model("catalogue", "Product")


def offer(dealer, product, price=None, stock=10):
    return StockRecord.objects.create(
        partner=dealer.partner, product=product, partner_sku=f"{dealer.pk}-{product.pk}",
        price=price, price_currency="RUB", num_in_stock=stock,
    )


@pytest.fixture
def world(db):
    """Two cities in two regions, a third city nobody serves, dealers and one product."""
    x_region, y_region, z_region = RegionFactory(name="Регион X"), RegionFactory(name="Регион Y"), RegionFactory()
    x = CityFactory(region=x_region, name="Иксгород", slug="x-city", latitude=55.0, longitude=37.0)
    y = CityFactory(region=y_region, name="Игрекгород", slug="y-city", latitude=56.0, longitude=44.0)
    z = CityFactory(region=z_region, name="Зетгород", slug="z-city", latitude=56.0, longitude=45.0)
    product = ProductFactory(title="Панель", stockrecords=[])
    RecommendedPrice.objects.create(product=product, price=Decimal("600"))
    dx_top = DealerFactory(partner__name="X-лучший", regions=[x_region], rating=10)
    dx_cheap = DealerFactory(partner__name="X-дешёвый", regions=[x_region], rating=5)
    dy = DealerFactory(partner__name="Y-дилер", cities=[y], rating=1)
    offer(dx_top, product, Decimal("500"))
    offer(dx_cheap, product, Decimal("400"))
    offer(dy, product, Decimal("700"))
    OutletFactory(dealer=dy, city=y, latitude=56.0, longitude=44.0, address="ул. Игрек, 1")
    return {"x": x, "y": y, "z": z, "product": product, "dx_top": dx_top, "dx_cheap": dx_cheap, "dy": dy}


def strategy_in(city):
    return RegionalStrategy(city=city)


def test_price_and_ranking_follow_the_city(world):
    product = world["product"]
    info = strategy_in(world["x"]).fetch_for_product(product)
    assert info.price.excl_tax == Decimal("500")  # rating first, not the lowest price
    assert info.stockrecord.partner == world["dx_top"].partner
    assert [o.dealer for o in strategy_in(world["x"]).offers(product)] == [world["dx_top"], world["dx_cheap"]]
    info = strategy_in(world["y"]).fetch_for_product(product)
    assert info.price.excl_tax == Decimal("700") and info.availability.is_available_to_buy


def test_priority_then_lower_price_break_ties(world):
    product, x = world["product"], world["x"]
    Dealer.objects.filter(pk__in=[world["dx_top"].pk, world["dx_cheap"].pk]).update(rating=0)  # as scoring does
    assert strategy_in(x).fetch_for_product(product).price.excl_tax == Decimal("400")  # tie: lower price
    world["dx_top"].priority = 3
    world["dx_top"].save()
    assert strategy_in(x).fetch_for_product(product).price.excl_tax == Decimal("500")  # priority wins


def test_inactive_or_not_accepting_dealers_are_ignored(world):
    world["dx_top"].is_active = False
    world["dx_top"].save()
    world["dx_cheap"].accepts_site_orders = False
    world["dx_cheap"].save()
    info = strategy_in(world["x"]).fetch_for_product(world["product"])
    assert not info.availability.is_available_to_buy
    assert "Иксгород" in str(info.availability.message)


def test_unavailable_city_shows_the_nearest_place(world, client):
    info = strategy_in(world["z"]).fetch_for_product(world["product"])
    assert not info.price.exists and not info.availability.is_available_to_buy
    nearest = selectors.nearest_offer_anywhere(world["product"], world["z"])
    assert nearest.dealer == world["dy"] and nearest.nearest_outlet.address == "ул. Игрек, 1"
    page = client.get(world["product"].get_absolute_url(), {"city": "z-city"}).content.decode()
    assert "ул. Игрек, 1" in page and "Y-дилер" in page


def test_product_page_lists_every_regional_offer(world, client):
    page = client.get(world["product"].get_absolute_url(), {"city": "x-city"}).content.decode()
    table = page[page.index('id="suz-offers-table"'):]
    assert table.index("X-лучший") < table.index("X-дешёвый")
    assert "Y-дилер" not in table
    assert "500,00" in table and "400,00" in table


def test_whole_line_offers_every_product_without_rows(world, django_assert_max_num_queries):
    region = world["x"].region
    products = [Product(title=f"Тест-{i}", product_class=world["product"].product_class, structure="standalone")
                for i in range(5000)]
    Product.objects.bulk_create(products, batch_size=1000)
    products = list(Product.objects.filter(title__startswith="Тест-").order_by("pk"))
    RecommendedPrice.objects.bulk_create(
        [RecommendedPrice(product=p, price=Decimal("100")) for p in products], batch_size=1000
    )
    rows = StockRecord.objects.count()
    whole = DealerFactory(partner__name="Вся линейка", regions=[region], rating=100)
    whole.offers_whole_line = True
    whole.save()
    assert StockRecord.objects.count() == rows  # switching it on wrote nothing per product

    strategy = strategy_in(world["x"])
    with django_assert_max_num_queries(4):  # with the running promotions (cached after)
        strategy.prefetch(products[:200])
    info = strategy.fetch_for_product(products[4999])
    assert info.price.excl_tax == Decimal("100") and info.stockrecord.partner == whole.partner
    assert info.stockrecord.pk is None
    # Its own offer overrides the recommended price for one product.
    offer(whole, products[0], Decimal("90"))
    assert strategy_in(world["x"]).fetch_for_product(products[0]).price.excl_tax == Decimal("90")


@pytest.mark.parametrize("n_dealers", [10, 200])
def test_offer_queries_do_not_grow_with_dealers_or_products(db, n_dealers):
    region = RegionFactory()
    city = CityFactory(region=region)
    products = [ProductFactory(stockrecords=[]) for _ in range(12)]
    dealers = [DealerFactory(regions=[region]) for _ in range(n_dealers)]
    StockRecord.objects.bulk_create([
        StockRecord(partner=d.partner, product=p, partner_sku=f"{d.pk}-{p.pk}", price=Decimal(100 + i))
        for i, d in enumerate(dealers) for p in products
    ])
    strategy = strategy_in(city)
    with CaptureQueriesContext(connection) as ctx:
        strategy.prefetch(products)
        infos = [strategy.fetch_for_product(p) for p in products]
    assert all(info.price.exists for info in infos)
    # dealers of the city, their stock records, recommended prices, the running promotions (cached after)
    assert len(ctx) == 4


def test_fetch_for_line_prices_the_lines_own_dealer(world):
    product = world["product"]
    strategy = strategy_in(world["x"])
    cheap_record = StockRecord.objects.get(partner=world["dx_cheap"].partner)

    class Line:
        pass

    line = Line()
    line.product, line.stockrecord = product, cheap_record
    info = strategy.fetch_for_line(line)
    assert info.stockrecord == cheap_record and info.price.excl_tax == Decimal("400")
    line.stockrecord = StockRecord.objects.get(partner=world["dy"].partner)  # a dealer of another city
    assert not strategy.fetch_for_line(line).availability.is_available_to_buy


def add_to_basket(client, product, quantity=1):
    return client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})


def basket_lines(client):
    return list(client.get(reverse("basket:summary")).context["basket"].all_lines())


def test_changing_city_reprices_the_basket(world):
    client = client_for()
    client.get("/", {"city": "x-city"})
    add_to_basket(client, world["product"])
    [line] = basket_lines(client)
    assert line.stockrecord.partner == world["dx_top"].partner and line.price_excl_tax == Decimal("500")

    response = client.post(reverse("suz-city-set"), {"city": "Игрекгород", "next": "/basket/"}, follow=True)
    [line] = basket_lines(client)
    assert line.stockrecord.partner == world["dy"].partner and line.price_excl_tax == Decimal("700")
    texts = [str(m) for m in get_messages(response.wsgi_request)] + [
        str(m) for m in response.context["messages"]
    ]
    assert any("Игрекгород" in t and "обновлен" in t for t in texts), texts

    # Nobody offers it in Зетгород: the line becomes a request to the manufacturer at the recommended price
    # (its order waits for staff), and the page says the city has no dealers.
    response = client.get(reverse("basket:summary"), {"city": "z-city"})
    [line] = basket_lines(client)
    assert line.stockrecord.partner.code == "suz-manufacturer" and line.price_excl_tax == Decimal("600")
    content = client.get(reverse("basket:summary")).content.decode()
    assert "Зетгород" in content

    # Back in a city with dealers, the line goes back to its best dealer.
    client.get(reverse("basket:summary"), {"city": "x-city"})
    [line] = basket_lines(client)
    assert line.stockrecord.partner == world["dx_top"].partner and line.price_excl_tax == Decimal("500")


@override_settings(SUZ_MANUFACTURER_PARTNER_CODE=None)
def test_without_manufacturer_requests_a_line_nobody_offers_is_flagged(world):
    client = client_for()
    client.get("/", {"city": "x-city"})
    add_to_basket(client, world["product"])
    client.get(reverse("basket:summary"), {"city": "z-city"})
    [line] = basket_lines(client)
    assert line.stockrecord.partner == world["dx_top"].partner  # kept, but flagged
    assert not strategy_in(world["z"]).fetch_for_product(world["product"]).availability.is_available_to_buy


def test_buying_a_whole_line_offer_saves_one_stock_record(world):
    product = ProductFactory(title="Молдинг", stockrecords=[])
    RecommendedPrice.objects.create(product=product, price=Decimal("250"))
    whole = DealerFactory(regions=[world["x"].region], rating=50, offers_whole_line=True)
    client = client_for()
    client.get("/", {"city": "x-city"})
    add_to_basket(client, product)
    add_to_basket(client, product)
    record = StockRecord.objects.get(partner=whole.partner, product=product)
    assert record.price is None  # follows the recommended price
    [line] = basket_lines(client)
    assert line.stockrecord == record and line.quantity == 2 and line.price_excl_tax == Decimal("250")


def test_city_from_link_is_remembered_in_session_and_cookie(world):
    client = client_for()
    response = client.get("/", {"city": "y-city"})
    assert response.cookies["suz_city"].value == "y-city"
    assert client.session["suz_city"] == "y-city"
    assert client.get(world["product"].get_absolute_url()).wsgi_request.suz_city == world["y"]


def test_default_city_and_geoip_hook(world, settings):
    settings.SUZ_DEFAULT_CITY = "x-city"
    assert client_for().get("/").wsgi_request.suz_city == world["x"]
    settings.SUZ_GEOIP_BACKEND = "tests.test_offers_storefront.guess_y"
    assert client_for().get("/").wsgi_request.suz_city == world["y"]


def guess_y(request):
    return "y-city"


def test_unknown_city_is_an_error_and_changes_nothing(world):
    client = client_for()
    client.get("/", {"city": "x-city"})
    response = client.post(reverse("suz-city-set"), {"city": "Атлантида", "next": "/"}, follow=True)
    assert any("не знаем такого города" in str(m) for m in response.context["messages"])
    assert client.session["suz_city"] == "x-city"
    assert client.get("/", {"city": "no-such-city"}).wsgi_request.suz_city == world["x"]


def test_city_search_ignores_case_in_russian(world):
    results = client_for().get(reverse("suz-city-search"), {"q": "игрек"}).json()["results"]
    assert results == [{"slug": "y-city", "name": "Игрекгород", "region": "Регион Y"}]


def test_city_urls_are_open_to_everyone(world, customer, manager_a, staff):
    for user in (None, customer, manager_a, staff):
        client = client_for(user)
        assert client.get(reverse("suz-city-search"), {"q": "ик"}).status_code == 200
        response = client.post(reverse("suz-city-set"), {"city": "x-city", "next": "/catalogue/"})
        assert response.status_code == 302 and response["Location"] == "/catalogue/"
        assert client.session["suz_city"] == "x-city"


def test_city_set_refuses_foreign_redirects(world):
    response = client_for().post(reverse("suz-city-set"), {"city": "x-city", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_storefront_pages_are_open_to_everyone(world, customer, manager_a, staff):
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    category = create_from_breadcrumbs("Панели")
    world["product"].categories.add(category)
    for user in (None, customer, manager_a, staff):
        client = client_for(user)
        for url in ("/catalogue/", category.get_absolute_url(), world["product"].get_absolute_url()):
            assert client.get(url, {"city": "x-city"}).status_code == 200, (user, url)


def test_search_finds_products_priced_for_the_city(world):
    client = client_for()
    response = client.get("/search/", {"q": "пан", "city": "x-city"})
    assert response.status_code == 200
    assert [tile.object for tile in response.context["page"].object_list] == [world["product"]]
    assert "500,00" in response.content.decode()
    assert client.get("/search/", {"q": "нет-такого"}).context["page"].object_list == []


@pytest.mark.parametrize("page", ["999", "0", "abc", "\x00"])
def test_a_catalogue_page_past_the_last_leads_to_the_first_as_oscars_does(world, page):  # noqa: F811
    response = client_for().get(reverse("catalogue:index"), {"page": page, "city": "x-city"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain and "page=" not in response.redirect_chain[-1][0]
    assert "city=x-city" in response.redirect_chain[-1][0]


def test_oscars_search_page_keeps_its_name_and_our_regional_listing(world):
    response = client_for().get(reverse("search:search"), {"q": "Пане", "city": "x-city"})
    assert response.status_code == 200 and response.resolver_match.view_name == "search:search"
    assert [tile.object for tile in response.context["products"]] == [world["product"]]
