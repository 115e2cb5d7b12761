"""«Где купить»: the map's JSON, the map page, the dealer's page, the editors' blocks and the shop settings."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory
from wagtail.models import Page

from suz_oscar.test.factories import CityFactory, DealerFactory, OutletFactory, RegionFactory
from suz_wagtail.blocks import ProductCarouselBlock, WhereToBuyBlock
from suz_wagtail.models import SuzDealerMapPage, SuzShopSettings

from .conftest import client_for

StockRecord = get_model("partner", "StockRecord")
MAP = reverse("suz-dealer-map")


@pytest.fixture
def network(db):
    """Kazan with three dealers of Tatarstan (ratings 10, 50, 50 — the nearer of the two 50s first), a Moscow
    dealer 700 km away, a suspended dealer of Kazan, and a product two of Kazan's dealers stock."""
    tatarstan, moscow_region = RegionFactory(name="Татарстан"), RegionFactory(name="Москва")
    kazan = CityFactory(region=tatarstan, name="Казань", slug="kazan-t", latitude=55.79, longitude=49.12)
    moscow = CityFactory(region=moscow_region, name="Москва", slug="moskva-t", latitude=55.75, longitude=37.62)
    low = DealerFactory(partner__name="Низкий", regions=[tatarstan], rating=10)
    far50 = DealerFactory(partner__name="Дальний", regions=[tatarstan], rating=50)
    near50 = DealerFactory(partner__name="Ближний", regions=[tatarstan], rating=50)
    muscovite = DealerFactory(partner__name="Московский", regions=[moscow_region], rating=99)
    suspended = DealerFactory(partner__name="Отключённый", regions=[tatarstan], rating=99, is_active=False)
    OutletFactory(dealer=low, city=kazan, latitude=55.79, longitude=49.12)
    OutletFactory(dealer=far50, city=kazan, latitude=55.60, longitude=49.50)  # ~30 km out
    OutletFactory(dealer=near50, city=kazan, latitude=55.80, longitude=49.13, opening_hours="Пн–Пт 9–18",
                  phone="+78432000000")
    OutletFactory(dealer=muscovite, city=moscow, latitude=55.75, longitude=37.62)
    OutletFactory(dealer=suspended, city=kazan, latitude=55.79, longitude=49.12)
    product = ProductFactory(stockrecords=[], title="Норд графит")
    StockRecord.objects.create(partner=low.partner, product=product, partner_sku="a", price=Decimal("410"),
                               num_in_stock=5)
    StockRecord.objects.create(partner=near50.partner, product=product, partner_sku="b", price=Decimal("430"),
                               num_in_stock=0)  # on order only: not "in stock"
    return {"kazan": kazan, "moscow": moscow, "low": low, "far50": far50, "near50": near50,
            "muscovite": muscovite, "suspended": suspended, "product": product}


def unpacked(response):
    """The map's compact JSON read back into readable dealers, as the page's script does (dealer-map.js: unpack)."""
    data = json.loads(response.content)  # not response.json(): the client caches it, and this rewrites it
    places, hours = data["places"], data["hours"]

    def outlet(row):
        row = row + [None] * (7 - len(row))
        return {"lat": row[0], "lon": row[1], "city": places[row[2]] if row[2] is not None and row[2] >= 0 else "",
                "address": row[3] or "", "hours": hours[row[4]] if row[4] is not None and row[4] >= 0 else "",
                "phone": row[5] or "", "name": row[6] or ""}

    data["dealers"] = [{"id": d["i"], "slug": d["s"], "name": d["n"], "rating": d["r"], "description": d.get("d", ""),
                        "logo": d.get("l", ""), "website": d.get("w", ""), "phone": d.get("p", ""),
                        "km": d.get("k"), "price": d.get("$"), "outlets": [outlet(o) for o in d["o"]],
                        "keys": set(d)} for d in data["dealers"]]
    return data


def names(response):
    return [d["name"] for d in unpacked(response)["dealers"]]


def test_a_city_lists_its_dealers_by_rating_nearest_first_among_equals(network):
    response = client_for().get(MAP, {"place": "kazan-t"})
    assert response.status_code == 200
    assert names(response) == ["Ближний", "Дальний", "Низкий"]  # no Moscow dealer, no suspended one
    data = unpacked(response)
    assert data["city"]["name"] == "Казань"
    near = data["dealers"][0]
    assert near["slug"] == network["near50"].partner.code
    assert near["outlets"][0]["hours"] == "Пн–Пт 9–18" and near["km"] < data["dealers"][1]["km"]
    assert near["outlets"][0]["phone"] == "+7 843 200-00-00"
    assert near["keys"] <= {"i", "s", "n", "r", "d", "l", "w", "p", "k", "$", "o"}  # no legal name, email…


def test_the_whole_country_and_a_product_in_stock(network):
    assert names(client_for().get(MAP)) == ["Московский", "Ближний", "Дальний", "Низкий"]
    stocked = unpacked(client_for().get(MAP, {"place": "kazan-t", "product": str(network["product"].pk)}))
    assert [d["name"] for d in stocked["dealers"]] == ["Низкий"]  # Ближний has it on order only
    assert stocked["dealers"][0]["price"] == "410.00" and stocked["product"]["title"] == "Норд графит"


@pytest.mark.parametrize("query", [
    {"place": "nowhere"}, {"place": "kazan\x00"}, {"place": "<script>"}, {"place": "x" * 5000},
    {"product": "abc"}, {"product": "-1"}, {"product": "99999999999999999999999"}, {"product": "0"},
    {"product": "١٢"}, {"product": "999999"}, {"place": "kazan-t", "product": "1e3"},
])
def test_junk_filters_give_an_empty_map(network, query):
    response = client_for().get(MAP, query)
    assert response.status_code == 200
    assert response.json()["dealers"] == []


def test_the_json_costs_the_same_queries_for_more_dealers(network):
    def count():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client_for().get(MAP, {"place": "kazan-t", "product": str(network["product"].pk)}).status_code == 200
        return len(queries)

    before = count()
    for i in range(5):
        dealer = DealerFactory(regions=[network["kazan"].region], rating=i)
        OutletFactory(dealer=dealer, city=network["kazan"])
        StockRecord.objects.create(partner=dealer.partner, product=network["product"], partner_sku=f"x{i}",
                                   price=Decimal("400"), num_in_stock=3)
    assert count() == before


def test_the_json_is_cached_and_a_change_to_a_dealer_shows_at_once(network):
    client = client_for()
    client.get(MAP, {"place": "kazan-t"}, HTTP_SEC_FETCH_DEST="empty")  # as the page's fetch() asks
    with CaptureQueriesContext(connection) as queries:
        client.get(MAP, {"place": "kazan-t"}, HTTP_SEC_FETCH_DEST="empty")
    assert len(queries) == 0
    network["near50"].is_active = False
    network["near50"].save()
    assert "Ближний" not in names(client.get(MAP, {"place": "kazan-t"}))


def wagtail_home():
    """Wagtail's welcome page and default site as its migrations leave them (a transactional test before may
    have flushed them)."""
    from django.conf import settings
    from wagtail.models import Locale, Site

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.get_children().filter(slug="home").first() or root.add_child(
        instance=Page(title="Welcome", slug="home"))
    Site.objects.get_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home


@pytest.fixture
def map_page(db):
    return wagtail_home().add_child(instance=SuzDealerMapPage(title="Где купить", slug="gde-kupit"))


def test_the_map_page_is_centred_on_the_visitors_city_with_its_filters(network, map_page):
    client = client_for()
    response = client.get(map_page.url, {"city": "kazan-t", "product": "junk"})
    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-city="kazan-t"' in content and "Где купить — Казань" in content
    assert f'<option value="{network["product"].pk}">Норд графит</option>' in content
    assert "leaflet.markercluster.js" in content
    assert client.get(map_page.url, {"all": "1"}).context["map_city"] is None


def test_a_dealers_page_by_slug_with_outlets_and_offers_and_its_text_escaped(network, map_page):
    dealer = network["low"]
    dealer.description = "<script>alert(1)</script> Лучшие цены"
    dealer.save()
    response = client_for().get(f"{map_page.url}{dealer.partner.code}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content and "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "Норд графит" in content and network["kazan"].outlets.first().address in content


@pytest.mark.parametrize("slug", ["nobody", "%00", "x" * 300])
def test_unknown_or_hidden_dealers_have_no_page(network, map_page, slug):
    assert client_for().get(f"{map_page.url}{slug}/").status_code == 404


def test_a_suspended_dealer_has_no_page(network, map_page):
    assert client_for().get(f"{map_page.url}{network['suspended'].partner.code}/").status_code == 404


def test_blocks_refuse_what_is_not_in_their_lists(network):
    block = WhereToBuyBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"product": "999999", "heading": "", "limit": 5}))
    assert block.clean(block.to_python({"product": str(network["product"].pk), "heading": "", "limit": 5}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"product": str(network["product"].pk), "heading": "", "limit": 10**9}))
    carousel = ProductCarouselBlock()
    with pytest.raises(ValidationError):
        carousel.clean(carousel.to_python({"heading": "", "category": "", "count": 25}))


def test_where_to_buy_block_lists_the_visitors_dealers_with_prices(network, map_page, rf):
    block = WhereToBuyBlock()
    request = rf.get("/")
    request.suz_city = network["kazan"]
    html = block.render(block.to_python({"product": str(network["product"].pk), "heading": "", "limit": 5}),
                        context={"request": request})
    assert "Низкий" in html and "410,00" in html and "Ближний" not in html
    assert f"{map_page.url}?product={network['product'].pk}" in html


def test_shop_settings_refuse_a_promise_past_a_day(db):
    from wagtail.models import Site

    wagtail_home()
    settings = SuzShopSettings(site=Site.objects.get(is_default_site=True), callback_minutes=5000)
    with pytest.raises(ValidationError):
        settings.full_clean()


def test_the_promise_after_checkout_comes_from_the_shop_settings_when_editors_set_it(db, rf, settings):
    from django.template import Context, Template
    from wagtail.contrib.settings.context_processors import settings as settings_processor
    from wagtail.models import Site

    settings.SUZ_CALLBACK_MINUTES = 30
    wagtail_home()
    request = rf.get("/")
    request.suz_city = None
    template = Template("{% load suz_storefront %}{% suz_payment_and_call %}")

    def rendered():
        return template.render(Context({"request": request, **settings_processor(request)}))

    assert "30" in rendered()
    SuzShopSettings.objects.update_or_create(site=Site.objects.get(is_default_site=True),
                                             defaults={"callback_minutes": 12})
    request = rf.get("/")
    request.suz_city = None
    assert "12" in rendered() and "30" not in rendered()
    # A host whose request matches no Wagtail site (no site at all here) keeps the setting's promise.
    Site.objects.all().delete()
    request = rf.get("/")
    request.suz_city = None
    assert "30" in rendered()


def test_editors_open_every_page_type_settings_and_promotions_in_the_wagtail_admin(staff):
    from wagtail.models import Site

    home = wagtail_home()
    client = client_for(staff)
    for model in ("suzhomepage", "suzdealermappage", "suzpromotionpage"):
        response = client.get(f"/cms/pages/add/suz_wagtail/{model}/{home.pk}/")
        assert response.status_code == 200, model
    site = Site.objects.get(is_default_site=True)
    assert client.get(f"/cms/settings/suz_wagtail/suzshopsettings/{site.pk}/").status_code == 200
    assert client.get("/cms/snippets/suz_promotions/promotion/add/").status_code == 200
