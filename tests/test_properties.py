"""Property-based tests: whatever a visitor types, checkout forms and the city lookup answer, never crash."""

import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suz_oscar.checkout.forms import GatewayForm, ShippingAddressForm
from suz_oscar.core.text import clean_text
from suz_oscar.dealers import cities
from suz_oscar.test.factories import CityFactory

# Text as browsers send it: any characters, NUL and surrogate-free (a form field cannot carry those).
TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["\x00", "nan", "inf", "-Infinity", "1e309", "999", "-91", "55.7", "' OR 1=1 --",
                     "<script>alert(1)</script>", "москва", "Москва", "moskva", "a" * 5000, " ", ""]),
)
NUMBER_TEXT = st.one_of(TEXT, st.floats(allow_nan=True, allow_infinity=True).map(str),
                        st.decimals(allow_nan=True, allow_infinity=True).map(str), st.integers().map(str))
EXAMPLES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def city(db):
    return CityFactory(name="Иксгород", name_en="Xtown", slug="x-city")


@EXAMPLES
@given(phone=TEXT, email=TEXT, password=TEXT, options=st.sampled_from(["anonymous", "existing", "new", "", "x"]))
def test_the_gateway_form_validates_anything(db, phone, email, password, options):
    form = GatewayForm(data={"phone": phone, "username": email, "password": password, "options": options})
    if form.is_valid() and form.is_guest_checkout():
        assert form.cleaned_data["phone"]


@EXAMPLES
@given(first=TEXT, last=TEXT, line1=TEXT, postcode=TEXT, phone=TEXT, city_value=TEXT, latitude=NUMBER_TEXT,
       longitude=NUMBER_TEXT)
def test_the_address_form_validates_anything(city, first, last, line1, postcode, phone, city_value, latitude,
                                             longitude):
    data = {"first_name": first, "last_name": last, "line1": line1, "postcode": postcode, "phone_number": phone,
            "city": city_value, "latitude": latitude, "longitude": longitude, "country": "RU"}
    form = ShippingAddressForm(data=data)
    if form.is_valid():
        lat, lon = form.cleaned_data["latitude"], form.cleaned_data["longitude"]
        assert (lat is None) == (lon is None)
        if lat is not None:
            assert isinstance(lat, Decimal) and -90 <= lat <= 90 and -180 <= lon <= 180
            assert math.isfinite(lat) and lat.as_tuple().exponent >= -6


@EXAMPLES
@given(text=TEXT)
def test_the_city_lookup_answers_anything(city, text):
    by_slug = cities.city_by_slug(text)
    assert by_slug is None or by_slug.slug == text
    found = cities.find_city(text)
    wanted = clean_text(text, cities.MAX_NAME).casefold()
    assert found is None or wanted in (found.slug, found.name.casefold(), found.name_en.casefold())
    assert len(cities.city_search(text)) <= 10


def test_the_city_lookup_still_finds_real_cities(city):
    assert cities.city_by_slug("x-city") == city
    assert cities.find_city("иксгород") == city == cities.find_city(" Xtown ")
    assert cities.city_search("икс") == [city]
