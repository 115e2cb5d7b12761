"""Regions and cities shipped with the package and loaded by migration."""

import pytest
from oscar.core.loading import get_model

from suz_oscar.dealers.geo import load_reference_data, read_data

Region = get_model("suz_dealers", "Region")
City = get_model("suz_dealers", "City")


def test_shipped_data_is_loaded_by_migrations(db):
    assert Region.objects.count() == 85
    assert Region.objects.exclude(code=None).count() == 83
    assert City.objects.count() >= 170
    moscow = City.objects.get(slug="moskva")
    assert moscow.name == "Москва" and moscow.region.code == "RU-MOW"
    assert 55 < moscow.latitude < 56 and 37 < moscow.longitude < 38
    assert City.objects.get(name="Казань").region.name == "Республика Татарстан"
    assert City.objects.get(name="Екатеринбург").population > 1_000_000


def test_every_city_of_100k_in_the_data_and_regions_covered():
    regions, cities = read_data()
    region_slugs = {r["slug"] for r in regions}
    assert {c["region"] for c in cities} == region_slugs  # every region has at least one city
    assert sum(1 for c in cities if c["population"] >= 100_000) >= 170
    assert all(any("а" <= ch.lower() <= "я" for ch in c["name"]) for c in cities)


def test_reload_keeps_manufacturer_edits_unless_overwritten(db):
    kazan = City.objects.get(slug="kazan")
    kazan.name = "Казань (столица)"
    kazan.is_active = False
    kazan.save()
    assert load_reference_data(Region, City) == (0, 0)
    kazan.refresh_from_db()
    assert kazan.name == "Казань (столица)" and kazan.is_active is False
    load_reference_data(Region, City, overwrite=True)
    kazan.refresh_from_db()
    assert kazan.name == "Казань"


@pytest.mark.parametrize("lang,expected", [("ru", "Москва"), ("en", "Moscow")])
def test_display_name_follows_language(db, lang, expected):
    from django.utils import translation

    with translation.override(lang):
        assert City.objects.get(slug="moskva").display_name == expected
