"""django-suz's Wagtail pages and the shop's site settings.

Every name is prefixed (``SuzHomePage``, ``SuzDealerMapPage``, ``SuzShopSettings``) so a host's own
``home.HomePage`` of ``wagtail start`` and ours never clash (models, tables, reverse accessors). Our migrations
create tables only: the pages themselves are the editors' (the sandbox's demo data makes its home page).
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from suz_oscar.core.conf import suz_settings
from suz_oscar.storefront import dealer_map

from .blocks import BodyBlock


class SuzHomePage(Page):
    """The site's front page, edited in Wagtail; the shop links hang off it."""

    intro = RichTextField(_("introduction"), blank=True)
    shop_button_label = models.CharField(_("shop button label"), max_length=64, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("shop_button_label"),
        FieldPanel("body"),
    ]

    template = "suz_wagtail/home_page.html"

    class Meta:
        verbose_name = _("shop home page")
        verbose_name_plural = _("shop home pages")


class SuzDealerMapPage(RoutablePageMixin, Page):
    """«Где купить»: the map of the dealers' outlets and the list of the city's dealers by rating.

    Its data comes from the storefront's JSON (``suz-dealer-map``); each dealer has its own page under this
    one, ``<map page>/<dealer slug>/``.
    """

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body below the map"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    template = "suz_wagtail/dealer_map_page.html"

    class Meta:
        verbose_name = _("dealer map page")
        verbose_name_plural = _("dealer map pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_cities"] = dealer_map.map_cities()
        context["map_products"] = dealer_map.map_products()
        context["whole_country"] = request.GET.get("all") == "1"
        context["map_city"] = None if context["whole_country"] else getattr(request, "suz_city", None)
        context["map_product"] = dealer_map.parse_id(request.GET.get("product"))
        return context

    @re_path(r"^$")
    def index(self, request):
        return self.render(request)

    @re_path(r"^(?P<slug>[-\w]{1,128})/$")
    def dealer(self, request, slug):
        dealer = dealer_map.dealer_by_slug(slug)
        if dealer is None:
            raise Http404
        goods, services = dealer_map.dealer_offers(dealer)
        context = self.get_context(request)
        outlets = dealer_map.dealer_outlets(dealer)
        context.update({
            "dealer": dealer, "outlets": outlets, "goods": goods, "services": services,
            "outlet_points": [[float(o.latitude), float(o.longitude), f"{o.city.display_name}, {o.address}"]
                              for o in outlets if o.latitude is not None],
            "tile_url": suz_settings.SUZ_MAP_TILE_URL, "attribution": suz_settings.SUZ_MAP_ATTRIBUTION,
        })
        return TemplateResponse(request, "suz_wagtail/dealer_page.html", context)


class SuzPromotionPage(Page):
    """A promotion's page: its text, its products priced for the visitor's city (the promo price where a dealer
    of the city takes part) and the participating dealers on the map."""

    promotion = models.ForeignKey("suz_promotions.Promotion", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("promotion"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("promotion"), FieldPanel("body")]

    template = "suz_wagtail/promotion_page.html"

    class Meta:
        verbose_name = _("promotion page")
        verbose_name_plural = _("promotion pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        running = dealer_map.running_promotion(self.promotion_id) if self.promotion_id else None
        products = dealer_map.promotion_products(running)
        strategy = getattr(request, "strategy", None)
        rows = []
        if strategy is not None and hasattr(strategy, "prefetch"):
            strategy.prefetch(products)
            for product in products:
                family = [product, *product.get_public_children()] if product.is_parent else [product]
                promo = [o for item in family for o in strategy.offers(item)
                         if o.promotion is not None and o.promotion.pk == running.pk]
                rows.append((product, min(promo, key=lambda o: o.price) if promo else None))
        else:
            rows = [(product, None) for product in products]
        context.update({"running": running, "rows": rows, "map_city": getattr(request, "suz_city", None)})
        return context


@register_setting(icon="site")
class SuzShopSettings(BaseSiteSetting):
    """What the site says about the shop: its phone, its contacts, and the promise after checkout."""

    phone = models.CharField(_("shop phone"), max_length=32, blank=True,
                             help_text=_("Shown in the site header, for example 8 800 123-45-67."))
    contacts = RichTextField(_("contacts"), blank=True, features=["bold", "italic", "link"],
                             help_text=_("Address, hours, email: shown in the site footer."))
    callback_minutes = models.PositiveSmallIntegerField(
        _("a dealer calls within (minutes)"), null=True, blank=True, validators=[MaxValueValidator(1440)],
        help_text=_("Promised to the customer after checkout. Empty: a call is promised, without a time."),
    )

    panels = [MultiFieldPanel([FieldPanel("phone"), FieldPanel("contacts"), FieldPanel("callback_minutes")],
                              heading=_("Shop"))]

    class Meta:
        verbose_name = _("shop settings")
        verbose_name_plural = _("shop settings")
