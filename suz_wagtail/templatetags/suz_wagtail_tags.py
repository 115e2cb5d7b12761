from django import template
from django.utils.translation import gettext as _

from suz_oscar.core.conf import suz_settings

register = template.Library()


@register.simple_tag(takes_context=True)
def suz_dealer_map_url(context):
    """The URL of the site's first live dealer map page («Где купить»), or ``""`` when there is none."""
    from suz_wagtail.models import SuzDealerMapPage

    request = context.get("request")
    cache = getattr(request, "_suz_dealer_map_url", None) if request is not None else None
    if cache is not None:
        return cache
    page = SuzDealerMapPage.objects.live().order_by("path").first()
    url = page.get_url(request=request) if page is not None else ""
    if request is not None:
        request._suz_dealer_map_url = url or ""
    return url or ""


@register.inclusion_tag("suz_wagtail/includes/dealer_map.html", takes_context=True)
def suz_dealer_map(context, city=None, product=None, base_url=None, list_size=30, promotion=None):
    """The map with the list of dealers beside it; the data comes from ``suz-dealer-map``."""
    return {
        "request": context.get("request"),
        "city": city,
        "product": product or "",
        "promotion": promotion or "",
        "base_url": base_url if base_url is not None else suz_dealer_map_url(context),
        "tile_url": suz_settings.SUZ_MAP_TILE_URL,
        "attribution": suz_settings.SUZ_MAP_ATTRIBUTION,
        "list_size": list_size,
        "strings": {
            "zoomIn": _("Zoom in"), "zoomOut": _("Zoom out"),
            "none": _("No dealer found here. Try another city or product, or place your order in the shop: "
                      "the manufacturer will find a dealer for you."),
            "rating": _("Rating"), "hours": _("Opening hours"), "website": _("Website"), "more": _("Dealer page"),
            "price": _("Price"), "km": _("km from the city centre"), "count": _("Dealers found: %(n)s"),
            "error": _("The map could not be loaded. Reload the page to try again."),
            "country": _("All of Russia"),
        },
    }
