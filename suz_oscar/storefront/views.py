"""The storefront's pages: the catalogue priced for the visitor's city, the city picker, adding to the basket.

Oscar browses its catalogue through Haystack and loads each result's product, images and stock on its own;
with a regional strategy that would cost queries per product and per dealer. ``CatalogueView``,
``ProductCategoryView`` and ``FacetedSearchView`` list products from the database with everything a product
tile needs prefetched, and load the page's offers in one batch. Oscar's own apps serve them under Oscar's
URL names (``catalogue:index``, ``catalogue:category``, ``search:search``): our class loader hands them to
Oscar in place of its Haystack views. They render Oscar's templates, so a site's template overrides apply.
"""

from django.conf import settings
from django.contrib import messages
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView
from oscar.apps.basket.views import BasketAddView as OscarBasketAddView
from oscar.core.loading import get_model

from suz_oscar.core.search import icontains_any
from suz_oscar.dealers.cities import city_search, find_city
from suz_oscar.offers import selectors

from .city import change_city
from .dealer_map import dealer_map_json

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")


class InvalidPageNumber(Exception):
    pass


class Tile:
    """What Oscar's browse templates expect of a search result: the product as ``object``."""

    __slots__ = ("object",)

    def __init__(self, product):
        self.object = product


def tile_queryset():
    """Browsable products with what a tile reads prefetched (like Oscar's ``base_queryset``)."""
    Option = get_model("catalogue", "Option")
    public_children = Product.objects.filter(is_public=True).prefetch_related("images")
    return (
        Product.objects.browsable()
        .select_related("product_class")
        .annotate(
            has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
        )
        .prefetch_related(Prefetch("children", queryset=public_children), "images")
    )


class CatalogueView(ListView):
    """All public products (Oscar's ``catalogue:index``)."""

    template_name = "oscar/catalogue/browse.html"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    summary = _("All products")

    def get_queryset(self):
        products = self.filter_queryset(tile_queryset())
        strategy = getattr(self.request, "strategy", None)
        if hasattr(strategy, "dealers"):
            products = selectors.visible_products(products, strategy.dealers)
        # Services are offered next to the goods (product page), not listed as goods.
        products = products.exclude(pk__in=selectors.services().values("pk"))
        return products.order_by("-date_created", "-pk")

    def filter_queryset(self, queryset):
        return queryset

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except InvalidPageNumber:
            # As Oscar's catalogue does: a page past the last (an old link, a shrunk category) is the first.
            messages.error(request, _("The given page number was invalid."))
            return HttpResponseRedirect(self.first_page_url())

    def first_page_url(self):
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        return f"{self.request.path}?{query.urlencode()}" if query else self.request.path

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404 as exc:
            raise InvalidPageNumber from exc

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        page = list(ctx["object_list"])
        strategy = getattr(self.request, "strategy", None)
        if strategy is not None and hasattr(strategy, "prefetch"):
            strategy.prefetch(page)
        ctx["products"] = [Tile(product) for product in page]
        ctx["summary"] = self.summary
        return ctx


class ProductCategoryView(CatalogueView):
    """Products of a category and its subcategories (Oscar's ``catalogue:category``)."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not self.category.is_public and not request.user.is_staff:
            raise Http404
        expected = self.category.get_absolute_url()
        if request.path != expected:
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    @property
    def summary(self):
        return self.category.name

    def filter_queryset(self, queryset):
        categories = self.category.get_descendants_and_self()
        return queryset.filter(categories__in=categories).distinct()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["category"] = self.category
        return ctx


class FacetedSearchView(CatalogueView):
    """Search results (Oscar's ``search:search``), priced and filtered like the catalogue."""

    template_name = "oscar/search/results.html"

    def get_query(self):
        return self.request.GET.get("q", "").replace("\x00", "").strip()[:100]

    def filter_queryset(self, queryset):
        query = self.get_query()
        if not query:
            return queryset.none()
        fields = ["title", "upc", "children__title", "children__upc"]
        return queryset.filter(icontains_any(fields, query)).distinct()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        page = ctx["page_obj"]
        page.object_list = ctx["products"]
        ctx.update({"page": page, "query": self.get_query()})
        return ctx


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
            messages.error(request, gettext("We do not know this city. Start typing and pick one from the list."))
        else:
            change_city(request, city)
            messages.success(request, gettext("Your city: %(city)s.") % {"city": city.display_name})
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


class BasketAddView(OscarBasketAddView):
    """Oscar's add-to-basket, after saving the chosen whole-line offer as a stock record (``offer_materialize``).

    With another strategy plugged in (no regional offers), it is Oscar's view unchanged.
    """

    def post(self, request, *args, **kwargs):
        strategy = getattr(request, "strategy", None)
        if hasattr(strategy, "materialize_best_offer"):
            product = Product.objects.filter(pk=kwargs.get("pk")).first()
            child_id = request.POST.get("child_id", "")
            if product is not None and product.is_parent and child_id.isascii() and child_id.isdigit() \
                    and len(child_id) < 19:
                product = product.children.filter(pk=child_id).first() or product
            if product is not None and not product.is_parent:
                strategy.materialize_best_offer(product)
        return super().post(request, *args, **kwargs)


class DealerMapView(View):
    """«Где купить» as JSON: ``?place=<city slug>&product=<id>&promotion=<id>`` → ``{city, product, dealers}``.

    The same answer for every visitor (no session, no city cookie: ``place`` is not the storefront's
    ``?city=``), cached on the server under the storefront's version and for a minute in the browser.
    Junk in either parameter gives an empty map, not an error.
    """

    def get(self, request):
        text = dealer_map_json(city_slug=request.GET.get("place") or None,
                               product_id=request.GET.get("product") or None,
                               promotion_id=request.GET.get("promotion") or None)
        response = HttpResponse(text, content_type="application/json")
        response["Cache-Control"] = "public, max-age=60"
        return response
