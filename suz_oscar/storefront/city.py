"""The visitor's city: picked in the header, remembered in session and cookie.

Order of precedence: ``?city=<slug>`` on any URL (links from regional ads),
the session, the cookie, the GeoIP guess (``SUZ_GEOIP_BACKEND``, off by
default), then ``SUZ_DEFAULT_CITY``.
"""

from django.utils.module_loading import import_string

from suz_oscar.core.conf import suz_settings
from suz_oscar.dealers.cities import city_by_slug, default_city

from .basket import reprice_basket

SESSION_KEY = "suz_city"
COOKIE_NAME = "suz_city"
QUERY_PARAM = "city"
COOKIE_MAX_AGE = 365 * 24 * 3600


def geoip_city(request):
    path = suz_settings.SUZ_GEOIP_BACKEND
    if not path:
        return None
    slug = import_string(path)(request)
    return city_by_slug(slug)


def resolve_city(request):
    """The visitor's city for this request (see the module docstring)."""
    session = getattr(request, "session", None)
    if session is not None:
        city = city_by_slug(session.get(SESSION_KEY))
        if city:
            return city
    city = city_by_slug(request.COOKIES.get(COOKIE_NAME)) or geoip_city(request)
    if city and session is not None:
        session[SESSION_KEY] = city.slug
    return city or default_city()


def remember_city(request, city):
    """Store the choice in the session; the middleware sets the cookie on the response."""
    if getattr(request, "session", None) is not None:
        request.session[SESSION_KEY] = city.slug
    request._suz_city_cookie = city.slug
    request.suz_city = city


def change_city(request, city):
    """The visitor picked ``city``: remember it and re-price the basket if it moved."""
    previous = getattr(request, "suz_city", None) or resolve_city(request)
    remember_city(request, city)
    if previous is not None and previous.pk == city.pk:
        return
    basket = getattr(request, "basket", None)
    if basket is not None and basket.id is not None and not basket.is_empty:
        reprice_basket(request=request, basket=basket, city=city)
