"""The visitor's touches: recorded on the requests that start a visit, attached to the order when placed."""

import contextvars

from django.core import signing
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from suz_oscar.core.conf import suz_settings

from . import attribution
from .vocabulary import MAX_SEARCH_QUERIES

SESSION_KEY = "suz_attribution"
COOKIE_NAME = "suz_attribution"
COOKIE_SALT = "suz-attribution"
METRICA_COOKIE = "_ym_uid"
GA_COOKIE = "_ga"  # "GA1.1.<random>.<time>": the client id is the last two numbers

_current_request = contextvars.ContextVar("suz_attribution_request", default=None)


def current_request():
    """The request being served in this thread or task, if the attribution middleware is running."""
    return _current_request.get()


def _own_hosts(request):
    try:
        host = request.get_host().split(":")[0]
    except Exception:  # a disallowed Host header: nothing of ours to compare with
        host = ""
    return {host, host[4:] if host.startswith("www.") else "www." + host} - {""}


def _search_path():
    try:
        return reverse("search:search")
    except NoReverseMatch:
        return None


class AttributionMiddleware:
    """Records the visitor's first touch and last non-direct touch (session and a signed cookie) and the site
    searches they make; while the request is served, the order receiver reads them from here.

    Place it after SessionMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            changed = self._record(request) if hasattr(request, "session") else False
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        days = suz_settings.SUZ_ANALYTICS_COOKIE_DAYS
        if changed and days:
            data = request.session.get(SESSION_KEY) or {}
            value = signing.dumps({"first": data.get("first"), "last": data.get("last")}, salt=COOKIE_SALT,
                                  compress=True)
            response.set_cookie(COOKIE_NAME, value, max_age=days * 24 * 3600, samesite="Lax", httponly=True,
                                secure=request.is_secure())
        return response

    def _record(self, request):
        if request.method != "GET" or request.headers.get("Sec-Fetch-Dest", "document") != "document":
            return False  # a script's fetch (the map's JSON, the city search) is no visit
        path = request.path_info
        language = translation.get_language_from_path(path)
        if language and path.startswith(f"/{language}/"):
            path = path[len(language) + 1:]  # /ru/dashboard/ is the dashboard too
        if path.startswith(tuple(suz_settings.SUZ_ANALYTICS_SKIP_PATHS)):
            return False
        data = dict(request.session.get(SESSION_KEY) or {})
        before = dict(data)
        if "first" not in data:
            data.update(_from_cookie(request))
        own = _own_hosts(request)
        values = attribution.touch(params=request.GET, referrer=request.META.get("HTTP_REFERER", ""),
                                   landing=request.path, own_hosts=own, now=timezone.now())
        referrer_is_own = attribution.host_of(request.META.get("HTTP_REFERER", "")) in own
        if not data.get("first"):
            data["first"] = values
        if values["channel"] != "direct" and attribution.is_new_visit(values, referrer_is_own):
            data["last"] = values
        query = request.GET.get("q")
        if query and request.path == _search_path():
            query = attribution.clean_query(query)
            queries = [q for q in data.get("queries", []) if q != query]
            data["queries"] = (queries + [query])[-MAX_SEARCH_QUERIES:] if query else queries
        ym = attribution.clean(request.COOKIES.get(METRICA_COOKIE, ""), 64)
        if ym.isdigit():
            data["client_id"] = ym
        ga = ga_client_id(request.COOKIES.get(GA_COOKIE, ""))
        if ga:
            data["ga_client_id"] = ga
        if data != before:
            request.session[SESSION_KEY] = data
            return data.get("first") != before.get("first") or data.get("last") != before.get("last")
        return False


def ga_client_id(cookie):
    """The client id in Google Analytics' ``_ga`` cookie (``GA1.1.123.456`` -> ``123.456``), or ``""``."""
    parts = attribution.clean(cookie, 80).split(".")
    if len(parts) >= 4 and parts[-1].isdigit() and parts[-2].isdigit():
        return f"{parts[-2]}.{parts[-1]}"[:64]
    return ""


def _from_cookie(request):
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw or len(raw) > 4096:
        return {}
    try:
        value = signing.loads(raw, salt=COOKIE_SALT)
    except (signing.BadSignature, ValueError):  # tampered or from another secret key: as if absent
        return {}
    if not isinstance(value, dict):
        return {}
    restored = {key: attribution.stored(value.get(key)) for key in ("first", "last")}
    return {key: touch for key, touch in restored.items() if touch}


def touches(request):
    """``{"first", "last", "queries", "client_id"}`` of the visitor of ``request`` (checked again)."""
    if request is None or not hasattr(request, "session"):
        return None
    data = request.session.get(SESSION_KEY) or _from_cookie(request)
    first = attribution.stored(data.get("first"))
    last = attribution.stored(data.get("last"))
    queries = [attribution.clean_query(q) for q in data.get("queries", []) if isinstance(q, str)]
    client_id = attribution.clean(data.get("client_id", ""), 64)
    return {"first": first, "last": last, "queries": [q for q in queries if q][-MAX_SEARCH_QUERIES:],
            "client_id": client_id if client_id.isdigit() else "",
            "ga_client_id": ga_client_id("GA1.1." + str(data.get("ga_client_id", "")))}


def forget_queries(request):
    """After an order, the next one starts its own list of searches."""
    if request is not None and hasattr(request, "session") and SESSION_KEY in request.session:
        data = dict(request.session[SESSION_KEY])
        data.pop("queries", None)
        request.session[SESSION_KEY] = data

