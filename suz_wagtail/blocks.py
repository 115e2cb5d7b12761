"""StreamField blocks that put the shop's data in any page: products priced for the visitor's city, where to
buy a product, the dealer map, the city picker.

The choices editors make (a product, a category, a city) are lists read when the editor opens the form, and
checked when the page is saved: a product or city that is not in the list is a form error.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from suz_oscar.storefront import dealer_map

# How many products a carousel shows at most.
MAX_CAROUSEL = 24


def product_choices():
    return [(str(p["id"]), p["title"]) for p in dealer_map.map_products()]


def city_choices():
    return [("", _("The visitor's city"))] + [(c.slug, c.display_name) for c in dealer_map.map_cities()]


def category_choices():
    Category = get_model("catalogue", "Category")
    return [("", _("All products"))] + [(str(c.pk), c.name) for c in Category.objects.order_by("path")[:500]]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "suz_wagtail/blocks/image.html"


def _visitor_city(context):
    request = (context or {}).get("request")
    return getattr(request, "suz_city", None) if request is not None else None


class DealerMapBlock(blocks.StructBlock):
    """The dealer map with the list of dealers by rating, for the visitor's city or a chosen one."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=128)
    city = blocks.ChoiceBlock(choices=city_choices, label=_("City"), required=False)

    class Meta:
        icon = "site"
        label = _("Dealer map")
        template = "suz_wagtail/blocks/dealer_map.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        city = dealer_map.city_by_slug(value.get("city")) if value.get("city") else _visitor_city(parent_context)
        context["map_city"] = city
        return context


class WhereToBuyBlock(blocks.StructBlock):
    """The dealers of the visitor's city that have a product in stock, with their prices."""

    product = blocks.ChoiceBlock(choices=product_choices, label=_("Product"))
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=128)
    limit = blocks.IntegerBlock(label=_("Dealers shown"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "pick"
        label = _("Where to buy a product")
        template = "suz_wagtail/blocks/where_to_buy.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        city = _visitor_city(parent_context)
        data = dealer_map.dealer_map(city_slug=city.slug if city else None, product_id=value.get("product"))
        limit = value.get("limit") or 5
        dealers = [{**d, "price": Decimal(d["price"])} for d in data["dealers"][:limit]]
        context.update({"city": city, "product": data["product"], "dealers": dealers})
        return context


class ProductCarouselBlock(blocks.StructBlock):
    """Products of a category with the prices of the visitor's city."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=128)
    category = blocks.ChoiceBlock(choices=category_choices, label=_("Category"), required=False)
    count = blocks.IntegerBlock(label=_("Products shown"), default=8, min_value=1, max_value=MAX_CAROUSEL)

    class Meta:
        icon = "list-ul"
        label = _("Product carousel")
        template = "suz_wagtail/blocks/product_carousel.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        products = dealer_map.carousel_products(category_id=value.get("category") or None,
                                                count=min(value.get("count") or 8, MAX_CAROUSEL))
        strategy = getattr(request, "strategy", None)
        if strategy is not None and hasattr(strategy, "prefetch"):
            strategy.prefetch(products)
        context["products"] = products
        return context


class CityPickerBlock(blocks.StructBlock):
    """The form that sets the visitor's city (the storefront's prices and dealers follow it)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=128)

    class Meta:
        icon = "home"
        label = _("City picker")
        template = "suz_wagtail/blocks/city_picker.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["city"] = _visitor_city(parent_context)
        return context


class PromotionBannerBlock(blocks.StructBlock):
    """A promotion's banner (title, text, picture, end date), shown only while it runs."""

    promotion = SnippetChooserBlock("suz_promotions.Promotion", label=_("Promotion"))
    page = blocks.PageChooserBlock(label=_("Link to page"), required=False)

    class Meta:
        icon = "tag"
        label = _("Promotion banner")
        template = "suz_wagtail/blocks/promotion_banner.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        promotion = value.get("promotion")
        context["running"] = promotion is not None and dealer_map.running_promotion(promotion.pk) is not None
        return context


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="suz_wagtail/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    image = ImageWithCaptionBlock()
    product_carousel = ProductCarouselBlock()
    where_to_buy = WhereToBuyBlock()
    dealer_map = DealerMapBlock()
    city_picker = CityPickerBlock()
    promotion_banner = PromotionBannerBlock()

