"""Dealers join and leave promotions (writes)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from suz_oscar.core.cache import bump

from .exceptions import PromotionError
from .selectors import open_to

Participation = get_model("suz_promotions", "Participation")


def promotion_join(*, promotion_id, dealer, user=None):
    """``dealer`` takes part in a current promotion of its regions; anything else is a ``PromotionError``."""
    promotion = next((p for p in open_to(dealer) if p.pk == promotion_id), None)
    if promotion is None:
        raise PromotionError(_("This promotion is not running in your regions."))
    if promotion.joined:
        return promotion
    try:
        with transaction.atomic():
            Participation.objects.create(promotion=promotion, dealer=dealer, joined_by=user)
    except IntegrityError:
        pass  # joined twice at once: once is enough
    bump()
    return promotion


def promotion_leave(*, promotion_id, dealer):
    deleted, _rows = Participation.objects.filter(promotion_id=promotion_id, dealer=dealer).delete()
    if not deleted:
        raise PromotionError(_("You do not take part in this promotion."))
    bump()
