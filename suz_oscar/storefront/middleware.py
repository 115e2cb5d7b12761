"""The storefront's request middleware: the visitor's city."""

from django.utils.functional import SimpleLazyObject

from suz_oscar.dealers.cities import city_by_slug

from .city import COOKIE_MAX_AGE, COOKIE_NAME, QUERY_PARAM, change_city, resolve_city


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
