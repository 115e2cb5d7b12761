"""The visitor's basket follows the city picked in the header, and the visitor is told what changed."""

from django.contrib import messages
from django.utils.translation import ngettext

from suz_oscar.offers.basket import basket_reprice
from suz_oscar.offers.strategy import RegionalStrategy


def reprice_basket(*, request, basket, city):
    """Re-price ``basket`` for ``city`` and tell the visitor what changed."""
    strategy = RegionalStrategy(request, city=city)
    request.strategy = basket.strategy = strategy
    changed, unavailable = basket_reprice(basket=basket, strategy=strategy)
    if changed:
        messages.info(
            request,
            ngettext(
                "The price of %(count)d item in your basket was updated for %(city)s.",
                "The prices of %(count)d items in your basket were updated for %(city)s.",
                changed,
            ) % {"count": changed, "city": city.display_name},
        )
    if unavailable:
        messages.warning(
            request,
            ngettext(
                "%(count)d item in your basket is not offered in %(city)s.",
                "%(count)d items in your basket are not offered in %(city)s.",
                unavailable,
            ) % {"count": unavailable, "city": city.display_name},
        )
