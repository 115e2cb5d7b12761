from decimal import Decimal

import pytest
from django.test import Client

from suz_oscar.test.factories import DealerFactory, StaffFactory, UserFactory, create_manager


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _no_broker():
    """Tests run as the demo does, without a worker: what would be queued is done in place or by the sweeps
    (staff emails land in ``mail.outbox`` at once). Tests of queueing call ``queue.reset()`` first."""
    from suz_oscar.core import queue

    queue.mark_unavailable()
    yield
    queue.reset()


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rolled-back test data must not live on in the cache.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _empty_sms():
    """The locmem SMS backend's outbox starts empty for every test, as Django's ``mail.outbox`` does."""
    from suz_oscar.notifications.backends import sms

    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def shipping_country(db):
    """Russia as the shipping country, as our migration leaves it (a transactional test before may have
    flushed the tables that migrations fill)."""
    import importlib

    from django.apps import apps

    importlib.import_module("suz_oscar.checkout.migrations.0002_russia_as_shipping_country").add_russia(apps, None)


@pytest.fixture
def staff(db):
    return StaffFactory(is_superuser=True)


@pytest.fixture
def customer(db):
    return UserFactory()


@pytest.fixture
def dealer_a(db):
    return DealerFactory(partner__name="Дилер А")


@pytest.fixture
def dealer_b(db):
    return DealerFactory(partner__name="Дилер Б")


@pytest.fixture
def manager_a(dealer_a):
    return create_manager(dealer_a)


@pytest.fixture
def manager_b(dealer_b):
    return create_manager(dealer_b)


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def make_order(city, product):
    """An order placed in ``city`` for ``product``, priced as the storefront quoted it."""
    from oscar.core.loading import get_model
    from oscar.test.basket import add_product
    from oscar.test.factories import create_basket, create_order

    from suz_oscar.offers.strategy import RegionalStrategy

    basket = create_basket(empty=True)
    basket.strategy = RegionalStrategy(city=city)
    add_product(basket, product=product)
    order = create_order(basket=basket)
    get_model("suz_checkout", "OrderPlace").objects.create(order=order, city=city, region=city.region,
                                                           phone="+79123456789")
    return order


def regional_network(ratings, prices=None, far=True):
    """A region with a city and one product, dealers of the region offering it (``ratings`` and ``prices``,
    400 by default), and with ``far`` a dealer of another region (the fallback's audience)."""
    from oscar.core.loading import get_model
    from oscar.test.factories import ProductFactory

    from suz_oscar.test.factories import CityFactory, RegionFactory

    region = RegionFactory()
    city = CityFactory(region=region)
    product = ProductFactory(stockrecords=[])
    prices = prices or ["400"] * len(ratings)
    dealers = []
    for i, (rating, price) in enumerate(zip(ratings, prices, strict=True)):
        dealer = DealerFactory(partner__name=f"Д{i}", regions=[region], rating=rating)
        get_model("partner", "StockRecord").objects.create(
            partner=dealer.partner, product=product, partner_sku=f"s{dealer.pk}", price=Decimal(price))
        dealers.append(dealer)
    far_dealer = DealerFactory(partner__name="Далёкий", regions=[RegionFactory()]) if far else None
    return {"region": region, "city": city, "product": product, "dealers": dealers, "far": far_dealer}
