"""A storefront a customer understands (issue 16, item 4): «Где купить» lists the dealers near the city, the
product page says whose price it is and why, a family is priced «от», a city without dealers still takes an
order (the manufacturer's manual queue), promotions price only in their regions, the map's JSON is lean, and
Oscar's English leftovers are gone."""

import io
from datetime import timedelta
from decimal import Decimal

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import ProductClassFactory, ProductFactory

from suz_oscar.test.factories import CityFactory, DealerFactory, OutletFactory, RegionFactory

from .conftest import client_for
from .test_checkout import place_order
from .test_offers_storefront import add_to_basket, basket_lines, offer, world  # noqa: F401  (fixture)
from .test_wagtail_pages import MAP, names, network, unpacked  # noqa: F401  (fixture)

Dispatch = get_model("suz_dispatch", "Dispatch")
Promotion = get_model("suz_promotions", "Promotion")
Participation = get_model("suz_promotions", "Participation")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
StockRecord = get_model("partner", "StockRecord")


# «Где купить — город» ------------------------------------------------------------------------------------------

def test_where_to_buy_lists_only_the_dealers_serving_the_city_with_shops_near_it(network):  # noqa: F811
    tatarstan = network["kazan"].region
    # Serves Tatarstan, but its only shop is in Moscow, 700 km away: not where to buy in Kazan.
    distant = DealerFactory(partner__name="Далёкий", regions=[tatarstan], rating=99)
    OutletFactory(dealer=distant, city=network["moscow"], latitude=55.75, longitude=37.62)
    # A shop in Kazan and one in Moscow: listed, with its Kazan shop only on Kazan's map.
    both = DealerFactory(partner__name="Двойной", regions=[tatarstan], rating=20)
    OutletFactory(dealer=both, city=network["kazan"], latitude=55.78, longitude=49.10, address="Казанская, 1")
    OutletFactory(dealer=both, city=network["moscow"], latitude=55.75, longitude=37.62, address="Московская, 1")
    # A shop in Kazan, but the dealer serves only Moscow: not where to buy in Kazan either.
    visitor = DealerFactory(partner__name="Гость", regions=[network["moscow"].region], rating=99)
    OutletFactory(dealer=visitor, city=network["kazan"], latitude=55.79, longitude=49.12)

    data = unpacked(client_for().get(MAP, {"place": "kazan-t"}))
    assert [d["name"] for d in data["dealers"]] == ["Ближний", "Дальний", "Двойной", "Низкий"]
    assert [o["address"] for o in data["dealers"][2]["outlets"]] == ["Казанская, 1"]
    assert all(d["km"] < 100 for d in data["dealers"])
    # The whole country still shows every dealer and shop.
    assert {"Далёкий", "Гость"} <= set(names(client_for().get(MAP)))


@override_settings(SUZ_MAP_NEAR_KM=1000)
def test_how_near_is_a_setting(network):  # noqa: F811
    distant = DealerFactory(partner__name="Далёкий", regions=[network["kazan"].region], rating=99)
    OutletFactory(dealer=distant, city=network["moscow"], latitude=55.75, longitude=37.62)
    assert names(client_for().get(MAP, {"place": "kazan-t"}))[0] == "Далёкий"


def test_dealers_of_equal_rating_come_nearest_first(network):  # noqa: F811
    near = DealerFactory(partner__name="Рядом", regions=[network["kazan"].region], rating=Decimal("50.04"))
    OutletFactory(dealer=near, city=network["kazan"], latitude=55.79, longitude=49.12)
    # 50.04 and 50 read alike (50,0): the nearest of them first, whatever the hundredths.
    assert names(client_for().get(MAP, {"place": "kazan-t"}))[:3] == ["Рядом", "Ближний", "Дальний"]


def test_the_map_json_is_compact(network):  # noqa: F811
    network["near50"].description = "Отделочные материалы. " * 40
    network["near50"].save()
    raw = client_for().get(MAP, {"place": "kazan-t"})
    data = raw.json()
    assert set(data) == {"city", "product", "places", "hours", "dealers"}
    assert data["places"] == ["Казань"] and data["hours"] == ["Пн–Пт 9–18"]  # each text once
    near = data["dealers"][0]
    assert near["n"] == "Ближний" and isinstance(near["o"][0], list)
    assert len(near["d"]) <= 241 and near["d"].endswith("…")
    assert "description" not in raw.content.decode() and ": " not in raw.content.decode()[:200]


def test_dealers_words_go_out_as_json_text(network):  # noqa: F811
    network["low"].partner.name = '</script><img src=x onerror=alert(1)>'
    network["low"].partner.save()
    network["low"].description = "<b>жирно</b>"
    network["low"].save()
    raw = client_for().get(MAP, {"place": "kazan-t"})
    assert raw["Content-Type"] == "application/json"
    assert '</script><img src=x onerror=alert(1)>' in names(raw)  # the page puts it on screen with textContent


# The product page: whose price, and why --------------------------------------------------------------------------

def test_the_product_page_says_whose_price_it_is_and_why_a_cheaper_dealer_does_not_set_it(world):  # noqa: F811
    client = client_for()
    client.get("/", {"city": "x-city"})
    content = client.get(world["product"].get_absolute_url()).content.decode()
    note = content[content.index('id="suz-price-note"'):]
    note = note[:note.index("</p>")]
    assert "«X-лучший»" in note and "лучший рейтинг" in note  # 500 ₽, rating 10
    assert "«X-дешёвый»" in note and "400,00" in note and "Вы платите ту цену, которую видите" in note
    table = content[content.index('id="suz-offers-table"'):]
    first_row = table[table.index("<tbody>"):].split("</tr>")[0]
    assert "X-лучший" in first_row and "ваша цена" in first_row


def test_the_one_dealer_of_the_city_is_named_as_such(world):  # noqa: F811
    client = client_for()
    client.get("/", {"city": "y-city"})
    content = client.get(world["product"].get_absolute_url()).content.decode()
    assert "единственного в городе Игрекгород" in content and "Y-дилер" in content


def test_a_cheaper_dealers_name_is_escaped(world):  # noqa: F811
    world["dx_cheap"].partner.name = '<img src=x onerror="alert(1)">'
    world["dx_cheap"].partner.save()
    client = client_for()
    client.get("/", {"city": "x-city"})
    content = client.get(world["product"].get_absolute_url()).content.decode()
    assert '<img src=x onerror="alert(1)">' not in content
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in content


def test_a_family_is_priced_from_its_cheapest_variant(world):  # noqa: F811
    product_class = ProductClassFactory(name="Панели")
    family = ProductFactory(title="Панель «Норд»", structure="parent", product_class=product_class,
                            stockrecords=[])
    for title, price in (("графит", "700"), ("мята", "550")):
        child = ProductFactory(title=f"Панель «Норд», {title}", structure="child", parent=family,
                               product_class=None, stockrecords=[])
        offer(world["dx_top"], child, Decimal(price))
    client = client_for()
    client.get("/", {"city": "x-city"})
    content = client.get(family.get_absolute_url()).content.decode()
    assert "от 550,00" in content
    assert "от 550,00" in client.get(reverse("catalogue:index")).content.decode()


# A city without dealers ------------------------------------------------------------------------------------------

def test_a_city_without_dealers_says_so_and_its_order_goes_to_the_manufacturers_staff(
        world, shipping_country, django_capture_on_commit_callbacks):  # noqa: F811
    client = client_for()
    client.get("/", {"city": "z-city"})
    content = client.get(world["product"].get_absolute_url()).content.decode()
    assert "В городе Зетгород пока нет дилеров" in content  # the notice above the page
    assert "Под заказ: дилера подберёт производитель" in content
    # The request is explained once (the notice), not again under the price and in «Где купить».
    assert content.count("рекомендованной производителем") + content.count("рекомендованным производителем") == 1
    assert "Недоступно" not in content and "Нет в продаже" not in content

    add_to_basket(client, world["product"], quantity=2)
    [line] = basket_lines(client)
    assert line.price_excl_tax == Decimal("600")  # the recommended price
    with django_capture_on_commit_callbacks(execute=True):
        order = place_order(client, world["z"], {"options": "anonymous", "phone": "+7 912 345-67-89",
                                                 "username": ""})

    assert order.suz_dispatch.status == Dispatch.MANUAL  # staff's manual queue
    [ordered] = order.lines.all()
    assert ordered.partner.code == "suz-manufacturer" and ordered.partner_name == "Производитель"
    assert ordered.unit_price_excl_tax == Decimal("600")
    thanks = client.get(reverse("checkout:thank-you")).content.decode()
    assert 'id="suz-to-manufacturer"' in thanks
    # The manufacturer's partner is no dealer to adopt.
    from suz_oscar.dealers.selectors import partners_without_dealer

    assert not partners_without_dealer().filter(code="suz-manufacturer").exists()


@override_settings(SUZ_MANUFACTURER_PARTNER_CODE=None)
def test_without_requests_a_city_without_dealers_still_says_so(world):  # noqa: F811
    client = client_for()
    client.get("/", {"city": "z-city"})
    content = client.get(world["product"].get_absolute_url()).content.decode()
    assert "В городе Зетгород пока нет дилеров" in content and "Под заказ" not in content
    add_to_basket(client, world["product"])
    assert basket_lines(client) == []


def test_a_shop_thousands_of_kilometres_away_is_not_offered_as_where_to_buy(world):  # noqa: F811
    far_city = CityFactory(region=RegionFactory(), name="Далёкий", slug="far-city", latitude=59.56, longitude=150.8)
    OutletFactory(dealer=world["dy"], city=world["y"], latitude=56.0, longitude=44.0)
    client = client_for()
    client.get("/", {"city": far_city.slug})
    content = client.get(world["product"].get_absolute_url()).content.decode()
    assert "Ближайшее место" not in content and "Y-дилер" not in content


# Promotions in their regions only ------------------------------------------------------------------------------

def test_a_promotion_prices_only_in_its_regions(db):
    home, away = RegionFactory(), RegionFactory()
    home_city, away_city = CityFactory(region=home), CityFactory(region=away)
    product = ProductFactory(stockrecords=[], title="Норд графит")
    RecommendedPrice.objects.create(product=product, price=Decimal("500"))
    dealer = DealerFactory(partner__name="Двух регионов", regions=[home, away], rating=10)
    StockRecord.objects.create(partner=dealer.partner, product=product, partner_sku="s", price=Decimal("450"),
                               num_in_stock=5)
    now = timezone.now()
    promotion = Promotion.objects.create(title="Домашняя акция", promo_price=Decimal("399"),
                                         starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=7))
    promotion.products.add(product)
    promotion.regions.add(home)
    Participation.objects.create(dealer=dealer, promotion=promotion)

    client = client_for()
    client.get("/", {"city": home_city.slug})
    assert "Домашняя акция" in client.get(product.get_absolute_url()).content.decode()
    client.get("/", {"city": away_city.slug})
    away_page = client.get(product.get_absolute_url()).content.decode()
    assert "Домашняя акция" not in away_page and "450,00" in away_page and "399,00" not in away_page

    from suz_oscar.dispatch.selectors import eligible_dealers

    from .conftest import make_order

    order = make_order(away_city, product)  # quoted 450 there: the dealer is eligible at its own price
    assert dealer in eligible_dealers(order)


# Oscar's English leftovers ----------------------------------------------------------------------------------------

def test_no_english_leftovers_on_the_storefront(world):  # noqa: F811
    client = client_for()
    client.get("/", {"city": "x-city"})
    add_to_basket(client, world["product"])
    for url in (reverse("catalogue:index"), world["product"].get_absolute_url(), reverse("basket:summary")):
        content = client.get(url).content.decode()
        for english in ("Toggle Dropdown", "Toggle navigation", "Total:", "RUB", "Image Not Available"):
            assert english not in content, (url, english)


def test_staff_see_a_guests_phone_and_the_dispatch_status_on_oscars_order_page(
        world, staff, shipping_country, django_capture_on_commit_callbacks):  # noqa: F811
    client = client_for()
    client.get("/", {"city": "x-city"})
    add_to_basket(client, world["product"])
    with django_capture_on_commit_callbacks(execute=True):
        order = place_order(client, world["x"], {"options": "anonymous", "phone": "+7 912 345-67-89",
                                                 "username": ""})
    content = client_for(staff).get(reverse("dashboard:order-detail", kwargs={"number": order.number})).content.decode()
    assert "N/A" not in content and "удалил" not in content
    assert "+79123456789" in content or "+7 912 345-67-89" in content
    status = content[content.index('id="suz-order-status"'):].split("</td>")[0]
    assert Dispatch.objects.get(order=order).get_status_display().capitalize()[:5] in status
    assert "suz/css/dashboard.css" in content  # the sort arrows in the font Oscar ships
    # Oscar's menu buttons say «Toggle navigation» to screen readers, outside its translations: renamed on load
    assert 'setAttribute("aria-label", "Открыть меню")' in content


def test_the_registry_sheet_is_named_in_russian(staff, world):  # noqa: F811
    from openpyxl import load_workbook

    response = client_for(staff).get(reverse("suz_dashboard:suz-dealer-list"), {"_export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming
                                        else response.content))
    assert workbook.sheetnames == ["Дилеры"]

