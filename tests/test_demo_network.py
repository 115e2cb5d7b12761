"""The demo dealer network is plausible: nobody serves a city far from its outlets."""

from django.urls import reverse
from oscar.core.loading import get_model

from sandbox.demo.network import distance_km, ensure_network

from .conftest import client_for

Dealer = get_model("suz_dealers", "Dealer")
City = get_model("suz_dealers", "City")
Region = get_model("suz_dealers", "Region")


def served_cities(dealer):
    return set(dealer.cities.all()) | set(City.objects.filter(region__in=dealer.regions.all(), is_active=True))


def test_no_dealer_serves_a_city_far_from_its_outlets(db):
    ensure_network(dealers=120)
    far = []
    for dealer in Dealer.objects.prefetch_related("outlets", "cities", "regions"):
        outlets = list(dealer.outlets.all())
        assert outlets
        for city in served_cities(dealer):
            nearest = min(distance_km(city, outlet) for outlet in outlets)
            if nearest > 300:
                far.append(f"{dealer.name} → {city.name}: {nearest:.0f} km")
    assert not far, far
    # Still a network: every dealer serves its own city, most a whole region, some a city nearby too.
    for dealer in Dealer.objects.all():
        assert dealer.outlets.first().city in served_cities(dealer)
    assert Dealer.objects.filter(regions__isnull=False).distinct().count() > 100
    assert Dealer.objects.filter(cities__isnull=False).distinct().count() > 10


def test_region_filter_lists_only_dealers_serving_the_region(staff):
    ensure_network(dealers=120)
    moscow = Region.objects.get(slug="moskva")
    response = client_for(staff).get(reverse("suz_dashboard:suz-dealer-list"), {"region": moscow.pk})
    rows = [row.record for row in response.context["table"].paginated_rows]
    assert rows
    for dealer in rows:
        assert dealer.regions.filter(pk=moscow.pk).exists() or dealer.cities.filter(region=moscow).exists()
        assert all(outlet.city.region.slug in ("moskva", "moskovskaya-oblast") for outlet in dealer.outlets.all())
