"""Finding cities: by slug (cached), by a name typed in either language, the biggest as the default.

Plain lookups with no request: the visitor's own city (session, cookie, ``?city=``) is the
storefront's (``storefront/city.py``).
"""

import re

from django.db.models import Q
from oscar.core.loading import get_model

from suz_oscar.core.cache import cached
from suz_oscar.core.conf import suz_settings
from suz_oscar.core.text import clean_text

City = get_model("suz_dealers", "City")

# What a city slug can be (``SlugField(max_length=64)``, ASCII). Anything else from a URL, a cookie or a
# session is no city: it never reaches the database or becomes a cache key.
SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,64}")
# The longest name the picker's free text is matched against.
MAX_NAME = 128


def city_by_slug(slug: str | None):
    """The active city of ``slug``, or ``None`` (cached under the storefront's version)."""
    if not isinstance(slug, str) or not SLUG_RE.fullmatch(slug):
        return None
    return cached(f"city:{slug}", lambda: City.objects.select_related("region").filter(
        slug=slug, is_active=True).first() or False) or None


def find_city(text: str | None):
    """A city by slug or by its name in either language (for the picker's free text)."""
    text = clean_text(text, MAX_NAME)
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


def default_city():
    """``SUZ_DEFAULT_CITY``, or the biggest active city when that one is switched off."""
    return city_by_slug(suz_settings.SUZ_DEFAULT_CITY) or City.objects.filter(is_active=True).order_by(
        "-population"
    ).select_related("region").first()


def city_search(query: str | None, limit: int = 10) -> list:
    """Active cities whose name starts with (or contains) ``query``, biggest first."""
    query = clean_text(query, MAX_NAME)
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
