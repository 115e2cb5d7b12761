"""Short-lived caches of the storefront's per-request lookups.

Which dealers serve a city and which city a slug names change rarely but are
read on every storefront request. Both are cached under a version number that
any change to dealers, regions, cities, outlets or products bumps (see
``receivers``), so a suspended dealer disappears from the next request on.
Changes made with ``QuerySet.update()`` or ``bulk_create()`` send no signals:
call :func:`bump` after them.
"""

from django.core.cache import cache

VERSION_KEY = "suz:offers:version"
TIMEOUT = 300


def version():
    value = cache.get(VERSION_KEY)
    if value is None:
        cache.add(VERSION_KEY, 1, None)
        value = cache.get(VERSION_KEY, 1)
    return value


def bump(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def cached(key, compute):
    full_key = f"suz:offers:{version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    return value
