"""The basket follows the visitor's city."""

from django.contrib import messages
from django.db import transaction
from django.utils.translation import ngettext


def _options(line):
    return [{"option": attr.option, "value": attr.value} for attr in line.attributes.all()]


@transaction.atomic
def basket_reprice(*, basket, strategy):
    """Move every line to the best offer of the strategy's city.

    Returns ``(changed, unavailable)``: lines moved or re-priced, and lines no
    dealer of the city offers (those stay in the basket, flagged by
    ``fetch_for_line`` as unavailable, for the visitor to remove or keep for
    another city).
    """
    lines = list(basket.all_lines())
    strategy.prefetch([line.product for line in lines])
    changed = unavailable = 0
    by_reference = {line.line_reference: line for line in lines}
    for line in lines:
        info = strategy.fetch_for_product(line.product)
        if not info.availability.is_available_to_buy:
            unavailable += 1
            continue
        stockrecord = strategy.materialize_best_offer(line.product).stockrecord
        price = info.price
        if stockrecord.pk == line.stockrecord_id and line.price_excl_tax == price.excl_tax:
            continue
        changed += 1
        reference = basket._create_line_reference(line.product, stockrecord, _options(line))
        twin = by_reference.get(reference)
        if twin is not None and twin.pk != line.pk:
            twin.quantity += line.quantity
            twin.save(update_fields=["quantity"])
            by_reference.pop(line.line_reference, None)
            line.delete()
            continue
        by_reference.pop(line.line_reference, None)
        line.stockrecord = stockrecord
        line.line_reference = reference
        line.price_currency = price.currency
        line.price_excl_tax = price.excl_tax
        line.price_incl_tax = price.incl_tax
        line.save()
        by_reference[reference] = line
    basket.reset_offer_applications()
    return changed, unavailable


def reprice_basket(*, request, basket, city):
    """Re-price ``basket`` for ``city`` and tell the visitor what changed."""
    from .strategy import RegionalStrategy

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
