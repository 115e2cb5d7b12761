"""Case-insensitive search for any mix of case, on PostgreSQL and SQLite alike."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.core.search import icontains_any
from suz_oscar.test.factories import DealerFactory, RegionFactory

from .conftest import client_for

Dealer = get_model("suz_dealers", "Dealer")
Region = get_model("suz_dealers", "Region")


@pytest.fixture
def dealers(db):
    return {
        "poly": DealerFactory(partner__name="ПолиДекор Москва", legal_name="ООО «Полидекор»", email="a@poly.ru"),
        "yolka": DealerFactory(partner__name="Ёлки-Палки", legal_name="ИП Семёнов"),
        "latin": DealerFactory(partner__name="DecoLine Казань", legal_name="", email="Sales@DecoLine.RU"),
    }


def found(term, fields=("partner__name", "legal_name", "email")):
    return set(Dealer.objects.filter(icontains_any(fields, term)).values_list("partner__name", flat=True))


@pytest.mark.parametrize("term", ["Полидекор", "поЛИдеКОР", "ПОЛИДЕКОР", "полидекор москва", "ДЕКОР МОС"])
def test_mixed_case_cyrillic(dealers, term):
    assert found(term) == {"ПолиДекор Москва"}


@pytest.mark.parametrize("term", ["ёлки", "ЁЛКИ", "елки", "ЕЛКИ-палки", "СЕМЁНОВ", "семенов"])
def test_yo_is_folded_and_read_as_ye(dealers, term):
    assert found(term) == {"Ёлки-Палки"}


@pytest.mark.parametrize("term", ["decoline", "DECOLINE", "dEcOlInE кАзАнЬ", "sales@decoline.ru"])
def test_latin(dealers, term):
    assert found(term) == {"DecoLine Казань"}


def test_no_match_and_nul(dealers):
    assert found("Барнаул") == set()
    assert found("\x00") == set()
    assert found("поли\x00декор") == {"ПолиДекор Москва"}


def test_across_a_nullable_relation_keeps_rows_without_it(db):
    """``parent__title`` must not turn into an inner join that drops standalone products."""
    Product = get_model("catalogue", "Product")
    standalone = ProductFactory(title="Панель «СНЕЖНАЯ»", stockrecords=[])
    assert list(Product.objects.filter(icontains_any(["title", "parent__title"], "снежная"))) == [standalone]


def test_registry_search(staff, dealers):
    url = reverse("suz_dashboard:suz-dealer-list")
    response = client_for(staff).get(url, {"q": "поЛИдеКОР"})
    assert [row.record.partner.name for row in response.context["table"].page.object_list] == ["ПолиДекор Москва"]


def test_region_search_in_the_dashboard(staff):
    RegionFactory(name="Тестовая Область", name_en="Test Oblast")
    url = reverse("suz_dashboard_geo:suz-region-list")
    for term in ("тестовая ОБЛАСТЬ", "TEST oblast"):
        page = client_for(staff).get(url, {"q": term}).content.decode()
        assert "Тестовая Область" in page, term


def test_storefront_search_with_nul_is_not_an_error(db):
    response = client_for().get(reverse("search:search"), {"q": "\x00"})
    assert response.status_code == 200
