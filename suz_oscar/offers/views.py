from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from oscar.core.loading import get_model

from suz_oscar.oscar_views import oscar_view

from .city import change_city, city_search, find_city

Product = get_model("catalogue", "Product")


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or request.META.get("HTTP_REFERER") or "/"
    if any(ord(ch) < 32 for ch in target) or not url_has_allowed_host_and_scheme(
            target, {request.get_host()}, require_https=request.is_secure()):
        return "/"
    return target


class CitySetView(View):
    """POST ``city`` (a slug or a name): the visitor's city for the storefront."""

    def post(self, request):
        city = find_city(request.POST.get("city"))
        if city is None:
            messages.error(request, _("We do not know this city. Start typing and pick one from the list."))
        else:
            change_city(request, city)
            messages.success(request, _("Your city: %(city)s.") % {"city": city.display_name})
        return HttpResponseRedirect(_safe_next(request))


class CitySearchView(View):
    """Autocomplete of the city picker: ``?q=`` → ``{"results": [{slug, name, region}]}``."""

    def get(self, request):
        cities = city_search(request.GET.get("q", ""))
        return JsonResponse({
            "results": [
                {"slug": c.slug, "name": c.display_name, "region": c.region.display_name} for c in cities
            ]
        })


def basket_add(request, pk, *args, **kwargs):
    """Oscar's add-to-basket, after saving the chosen whole-line offer as a stock record.

    Mounted before Oscar's URL of the same path; see ``offer_materialize``.
    """
    if request.method == "POST":
        product = get_object_or_404(Product, pk=pk)
        child_id = request.POST.get("child_id")
        if product.is_parent and child_id and child_id.isascii() and child_id.isdigit() and len(child_id) < 19:
            product = product.children.filter(pk=child_id).first() or product
        if not product.is_parent:
            request.strategy.materialize_best_offer(product)
    return oscar_view("basket", "add")(request, *args, pk=pk, **kwargs)
