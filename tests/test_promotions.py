"""Promotions (F13): staff run them, dealers of their regions join or leave, the storefront prices only the
joined dealers' offers by them, the order keeps the promotion, dispatch takes the promo price as the quote."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.dispatch.selectors import eligible_dealers
from suz_oscar.offers.strategy import RegionalStrategy
from suz_oscar.test.factories import CityFactory, DealerFactory, RegionFactory, create_manager

from .conftest import client_for, make_order

StockRecord = get_model("partner", "StockRecord")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
Promotion = get_model("suz_promotions", "Promotion")
Participation = get_model("suz_promotions", "Participation")
Dealer = get_model("suz_dealers", "Dealer")


@pytest.fixture
def world(db):
    region, other_region = RegionFactory(), RegionFactory()
    city = CityFactory(region=region)
    product = ProductFactory(stockrecords=[], title="Норд графит")
    RecommendedPrice.objects.create(product=product, price=Decimal("500"))
    joined = DealerFactory(partner__name="Участник", regions=[region], rating=10)
    other = DealerFactory(partner__name="Другой", regions=[region], rating=90)
    for dealer, price in ((joined, "450"), (other, "440")):
        StockRecord.objects.create(partner=dealer.partner, product=product, partner_sku=f"s{dealer.pk}",
                                   price=Decimal(price), num_in_stock=5)
    now = timezone.now()
    promotion = Promotion.objects.create(title="Весенняя акция", promo_price=Decimal("399"),
                                         starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=7))
    promotion.products.add(product)
    promotion.regions.add(region)
    elsewhere = Promotion.objects.create(title="Акция Сибири", percent_off=Decimal("10"),
                                         starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=7))
    elsewhere.regions.add(other_region)
    ended = Promotion.objects.create(title="Прошедшая", percent_off=Decimal("10"),
                                     starts_at=now - timedelta(days=9), ends_at=now - timedelta(days=1))
    return {"city": city, "product": product, "joined": joined, "other": other, "promotion": promotion,
            "elsewhere": elsewhere, "ended": ended, "manager": create_manager(joined),
            "other_manager": create_manager(other)}


def url(dealer):
    return reverse("suz_dashboard:suz-promotion-list", kwargs={"pk": dealer.pk})


def test_a_dealer_sees_its_regions_current_promotions_and_joins_and_leaves(world):
    client = client_for(world["manager"])
    page = client.get(url(world["joined"])).content.decode()
    assert "Весенняя акция" in page and "Акция Сибири" not in page and "Прошедшая" not in page
    response = client.post(url(world["joined"]), {"promotion": world["promotion"].pk, "action": "join"}, follow=True)
    assert "Весенняя акция" in response.content.decode()
    assert Participation.objects.filter(dealer=world["joined"], promotion=world["promotion"]).exists()
    client.post(url(world["joined"]), {"promotion": world["promotion"].pk, "action": "leave"})
    assert not Participation.objects.exists()


@pytest.mark.parametrize("value", ["elsewhere", "ended", "junk", "\x00", "99999999999999999999999", ""])
def test_a_dealer_cannot_join_what_is_not_running_in_its_regions(world, value):
    promotion = world.get(value)
    posted = promotion.pk if isinstance(promotion, Promotion) else value
    response = client_for(world["manager"]).post(url(world["joined"]), {"promotion": posted, "action": "join"},
                                                 follow=True)
    assert response.status_code == 200
    assert not Participation.objects.exists()
    assert list(response.context["messages"])[0].level_tag == "error"


def test_another_dealers_promotions_are_not_found(world):
    client = client_for(world["other_manager"])
    assert client.get(url(world["joined"])).status_code == 404
    client.post(url(world["joined"]), {"promotion": world["promotion"].pk, "action": "join"})
    assert not Participation.objects.exists()


def join(world):
    Participation.objects.create(dealer=world["joined"], promotion=world["promotion"])


def test_the_storefront_shows_the_promotion_only_at_the_joined_dealers_offer(world):
    client = client_for()
    client.get("/", {"city": world["city"].slug})
    before = client.get(world["product"].get_absolute_url()).content.decode()
    assert "Весенняя акция" not in before
    join(world)
    content = client.get(world["product"].get_absolute_url()).content.decode()
    table = content[content.index('id="suz-offers-table"'):]
    joined_row = table[table.index("Участник"):]
    other_row = table[table.index("Другой"):]
    assert "suz-promo-badge" in joined_row.split("</tr>")[0]
    assert "399" in joined_row.split("</tr>")[0] and "450" in joined_row.split("</tr>")[0]
    assert "suz-promo-badge" not in other_row.split("</tr>")[0]


def test_a_percentage_off_the_recommended_price(world):
    world["promotion"].promo_price, world["promotion"].percent_off = None, Decimal("15")
    world["promotion"].save()
    join(world)
    strategy = RegionalStrategy(city=world["city"])
    offer = strategy.offer_of_partner(world["product"], world["joined"].partner_id)
    assert (offer.price, offer.old_price) == (Decimal("425.00"), Decimal("450"))  # 500 − 15 %, below its 450
    assert strategy.best_offer(world["product"]).dealer == world["other"]  # the city's ranking stays
    assert strategy.offer_of_partner(world["product"], world["other"].partner_id).promotion is None


def test_the_order_keeps_its_promotion_and_dispatch_takes_the_promo_price_as_the_quote(world):
    join(world)
    # the participant's offer is the one the customer buys (a rating moves by scoring's UPDATE, never by save())
    Dealer.objects.filter(pk=world["other"].pk).update(rating=5)
    order = make_order(world["city"], world["product"])
    line = order.lines.get()
    assert line.unit_price_excl_tax == Decimal("399")
    assert line.attributes.get().value == f"Весенняя акция (№ {world['promotion'].pk})"
    # The other dealer's 440 is above the quoted 399: only the participant may take the order.
    assert eligible_dealers(order) == [world["joined"]]
    world["promotion"].delete()  # ends or is removed later: the order still says what it was sold under
    assert order.lines.get().attributes.get().value.startswith("Весенняя акция")


def test_a_promotion_needs_one_price_rule_and_an_end_after_its_start(db):
    now = timezone.now()
    from django.core.exceptions import ValidationError

    for kwargs in ({"promo_price": None, "percent_off": None}, {"promo_price": 1, "percent_off": 5},
                   {"promo_price": 1, "ends_at": now - timedelta(days=1)}):
        promotion = Promotion(title="x", starts_at=now, **{"ends_at": now + timedelta(days=1), **kwargs})
        with pytest.raises(ValidationError):
            promotion.full_clean()


def test_the_promotion_page_prices_its_products_for_the_city_and_maps_only_participants(world):
    from suz_wagtail.models import SuzPromotionPage

    from .test_wagtail_pages import wagtail_home

    join(world)
    home = wagtail_home()
    page = home.add_child(instance=SuzPromotionPage(title="Акция", slug="akciya", promotion=world["promotion"]))
    client = client_for()
    client.get("/", {"city": world["city"].slug})
    content = client.get(page.url).content.decode()
    table = content[content.index('id="suz-promotion-products"'):]
    assert "Норд графит" in table and "399" in table and "450" in table and "Участник" in table
    assert f'data-promotion="{world["promotion"].pk}"' in content
    data = client.get(reverse("suz-dealer-map"), {"place": world["city"].slug,
                                                  "promotion": str(world["promotion"].pk)}).json()
    assert [d["n"] for d in data["dealers"]] == ["Участник"]
    for junk in (str(world["ended"].pk), "abc", "99999999999999999999999"):
        assert client.get(reverse("suz-dealer-map"), {"promotion": junk}).json()["dealers"] == []
    world["promotion"].is_active = False
    world["promotion"].save()
    assert "Акция закончилась" in client.get(page.url).content.decode()


def test_staff_run_promotions_in_the_wagtail_admin_and_dealers_cannot(world, staff):
    assert client_for(staff).get("/cms/snippets/suz_promotions/promotion/").status_code == 200
    response = client_for(world["manager"]).get("/cms/snippets/suz_promotions/promotion/")
    assert response.status_code == 302 and "login" in response["Location"]
