"""The visitor's city: picked in the header, remembered in session and cookie.

Order of precedence: ``?city=<slug>`` on any URL (links from regional ads),
the session, the cookie, the GeoIP guess (``SUZ_GEOIP_BACKEND``, off by
default), then ``SUZ_DEFAULT_CITY``.
"""

import re

from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.module_loading import import_string
from oscar.core.loading import get_model

from suz_oscar.conf import suz_settings

City = get_model("suz_dealers", "City")

SESSION_KEY = "suz_city"
COOKIE_NAME = "suz_city"
QUERY_PARAM = "city"
COOKIE_MAX_AGE = 365 * 24 * 3600


# What a city slug can be (``SlugField(max_length=64)``, ASCII). Anything else from a URL, a cookie or a
# session is no city: it never reaches the database or becomes a cache key.
SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,64}")
# The longest name the picker's free text is matched against.
MAX_NAME = 128


def city_by_slug(slug):
    if not isinstance(slug, str) or not SLUG_RE.fullmatch(slug):
        return None
    from .cache import cached

    return cached(f"city:{slug}", lambda: City.objects.select_related("region").filter(
        slug=slug, is_active=True).first() or False) or None


def clean_text(text):
    """Free text from a visitor, safe to compare: no NUL bytes (PostgreSQL refuses them), bounded length."""
    return str(text or "").replace("\x00", "").strip()[:MAX_NAME]


def find_city(text):
    """A city by slug or by its name in either language (for the picker's free text)."""
    text = clean_text(text)
    if not text:
        return None
    return (
        City.objects.select_related("region")
        .filter(is_active=True)
        .filter(Q(slug=text) | Q(name__iexact=text) | Q(name_en__iexact=text))
        .order_by("-population")
        .first()
    ) or _find_by_name_any_case(text)


def _find_by_name_any_case(text):
    # SQLite's iexact folds ASCII only; compare in Python over the small city list.
    folded = text.casefold()
    for city in City.objects.select_related("region").filter(is_active=True).order_by("-population"):
        if city.name.casefold() == folded or city.name_en.casefold() == folded:
            return city
    return None


def geoip_city(request):
    path = suz_settings.SUZ_GEOIP_BACKEND
    if not path:
        return None
    slug = import_string(path)(request)
    return city_by_slug(slug)


def default_city():
    return city_by_slug(suz_settings.SUZ_DEFAULT_CITY) or City.objects.filter(is_active=True).order_by(
        "-population"
    ).select_related("region").first()


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


def city_search(query, limit=10):
    """Active cities whose name starts with (or contains) ``query``, biggest first."""
    query = clean_text(query)
    cities = City.objects.filter(is_active=True).select_related("region").order_by("-population")
    if not query:
        return list(cities[:limit])
    folded = query.casefold()
    # A few hundred rows at most: filter in Python, which folds Cyrillic case on every database.
    starts, contains = [], []
    for city in cities:
        names = (city.name.casefold(), city.name_en.casefold())
        if any(n.startswith(folded) for n in names):
            starts.append(city)
        elif any(folded in n for n in names):
            contains.append(city)
    return (starts + contains)[:limit]


def change_city(request, city):
    """The visitor picked ``city``: remember it and re-price the basket if it moved."""
    from .basket import reprice_basket

    previous = getattr(request, "suz_city", None) or resolve_city(request)
    remember_city(request, city)
    if previous is not None and previous.pk == city.pk:
        return
    basket = getattr(request, "basket", None)
    if basket is not None and basket.id is not None and not basket.is_empty:
        reprice_basket(request=request, basket=basket, city=city)


class CityMiddleware:
    """Puts the visitor's city on ``request.suz_city`` (lazily); honours ``?city=<slug>``.

    Place it after Oscar's ``BasketMiddleware``: a city changed by ``?city=``
    re-prices the basket.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.suz_city = SimpleLazyObject(lambda: resolve_city(request))
        requested = city_by_slug(request.GET.get(QUERY_PARAM))
        if requested is not None:
            change_city(request, requested)
        response = self.get_response(request)
        slug = getattr(request, "_suz_city_cookie", None)
        if slug and request.COOKIES.get(COOKIE_NAME) != slug:
            response.set_cookie(COOKIE_NAME, slug, max_age=COOKIE_MAX_AGE, samesite="Lax")
        return response
