"""Regions and cities in the manufacturer's dashboard."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from suz_oscar.dashboard.dealers.forms import DealerStaffForm, OutletForm

from .conftest import client_for

Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")


def geo_urls():
    city = City.objects.get(slug="kazan")
    return [
        reverse("suz_dashboard_geo:suz-region-list"),
        reverse("suz_dashboard_geo:suz-region-create"),
        reverse("suz_dashboard_geo:suz-region-update", kwargs={"pk": city.region_id}),
        reverse("suz_dashboard_geo:suz-city-list"),
        reverse("suz_dashboard_geo:suz-city-create"),
        reverse("suz_dashboard_geo:suz-city-update", kwargs={"pk": city.pk}),
    ]


def test_permission_matrix(customer, manager_a, staff):
    for url in geo_urls():
        anonymous = client_for().get(url)
        assert anonymous.status_code == 302 and "/login/" in anonymous["Location"], url
        assert client_for(customer).get(url).status_code == 403, url
        assert client_for(manager_a).get(url).status_code == 403, url
        assert client_for(staff).get(url).status_code == 200, url


def test_staff_renames_and_switches_off_a_city(staff, dealer_a):
    city = City.objects.get(slug="kazan")
    url = reverse("suz_dashboard_geo:suz-city-update", kwargs={"pk": city.pk})
    response = client_for(staff).post(url, {
        "name": "Казань-столица", "name_en": "Kazan", "region": city.region_id, "slug": "kazan",
        "latitude": "55.79", "longitude": "49.12", "population": "1300000", "timezone": "Europe/Moscow",
    })
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.name == "Казань-столица" and city.is_active is False
    assert city not in DealerStaffForm(instance=dealer_a).fields["cities"].queryset
    assert city not in OutletForm().fields["city"].queryset


def test_switched_off_city_stays_on_a_dealer_that_has_it(dealer_a):
    city = City.objects.get(slug="kazan")
    dealer_a.cities.add(city)
    City.objects.filter(pk=city.pk).update(is_active=False)
    assert city in DealerStaffForm(instance=dealer_a).fields["cities"].queryset


def test_staff_adds_a_region_and_duplicate_slug_is_an_error(staff):
    url = reverse("suz_dashboard_geo:suz-region-create")
    client = client_for(staff)
    data = {"name": "Новая область", "name_en": "New Oblast", "slug": "novaya-oblast", "is_active": "on"}
    assert client.post(url, data).status_code == 302
    assert Region.objects.filter(slug="novaya-oblast").exists()
    response = client.post(url, {**data, "name": "Дубль"})
    assert response.status_code == 200
    assert "уже существует" in response.content.decode()
    assert not Region.objects.filter(name="Дубль").exists()


@pytest.mark.parametrize("query,expected", [("казан", "Казань"), ("KAZAN", "Казань")])
def test_city_search_ignores_case(staff, query, expected):
    response = client_for(staff).get(reverse("suz_dashboard_geo:suz-city-list"), {"q": query})
    assert [row.record.name for row in response.context["table"].page.object_list] == [expected]


@pytest.mark.parametrize("query", [{"per_page": "0"}, {"per_page": "-5"}, {"page": "-1"}, {"sort": "\x00"},
                                   {"q": "\x00"}, {"region": "99999999999999999999"}])
def test_region_and_city_lists_take_junk_in_the_url(staff, query):
    for name in ("suz_dashboard_geo:suz-region-list", "suz_dashboard_geo:suz-city-list"):
        assert client_for(staff).get(reverse(name), query).status_code == 200
