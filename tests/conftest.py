import pytest
from django.test import Client

from suz_oscar.test.factories import DealerFactory, StaffFactory, UserFactory, create_manager


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rolled-back test data must not live on in the cache.
    from django.core.cache import cache

    cache.clear()


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
