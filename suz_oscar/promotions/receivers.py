"""A changed promotion or participation changes storefront prices: bump the storefront's cache version."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from suz_oscar.core.cache import bump

Promotion = get_model("suz_promotions", "Promotion")
Participation = get_model("suz_promotions", "Participation")

for model in (Promotion, Participation):
    post_save.connect(bump, sender=model, dispatch_uid=f"suz_promotions_bump_save_{model.__name__}")
    post_delete.connect(bump, sender=model, dispatch_uid=f"suz_promotions_bump_delete_{model.__name__}")
for through in (Promotion.products.through, Promotion.categories.through, Promotion.regions.through):
    m2m_changed.connect(bump, sender=through, dispatch_uid=f"suz_promotions_bump_{through.__name__}")


def record_promotions(sender, order, **kwargs):
    """The order keeps the promotion each line was bought under (a line attribute «Акция: title (№ id)»), so a
    promotion that ends or changes later does not rewrite what the customer was sold."""
    from django.utils.translation import gettext

    from .selectors import ANY_REGION, promotion_for, running

    promotions = running()
    if not promotions:
        return
    lines = list(order.lines.all())
    Dealer = get_model("suz_dealers", "Dealer")
    RecommendedPrice = get_model("suz_offers", "RecommendedPrice")
    LineAttribute = get_model("order", "LineAttribute")
    dealers = dict(Dealer.objects.filter(partner_id__in={line.partner_id for line in lines})
                   .values_list("partner_id", "pk"))
    recommended = dict(RecommendedPrice.objects.filter(product_id__in={line.product_id for line in lines})
                       .values_list("product_id", "price"))
    try:
        region_id = order.suz_place.region_id
    except ObjectDoesNotExist:
        # Our checkout writes the order's place after this signal: the line's price, checked below, tells
        # whether the customer was sold under the promotion (the storefront priced it in its regions only).
        region_id = ANY_REGION
    for line in lines:
        promotion = promotion_for(dealers.get(line.partner_id), line.product_id, promotions, region_id)
        if promotion is None:
            continue
        price = promotion.price_from(recommended.get(line.product_id))
        if price is not None and line.unit_price_excl_tax is not None and line.unit_price_excl_tax <= price:
            LineAttribute.objects.create(line=line, type=gettext("Promotion"),
                                         value=f"{promotion.title} (№ {promotion.pk})")


order_placed.connect(record_promotions, dispatch_uid="suz_promotions_record")
