"""A basket re-priced for another city: each line moves to the best offer there."""

from django.db import transaction


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
