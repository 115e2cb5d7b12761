"""Delivery as the dealer network works: the dealer who takes the order agrees it, and its price, with the customer.

Oscar's default «free shipping» would promise what nobody offered; a dealer's paid delivery service is a
basket line of its own (see ``offers.selectors.services``).
"""

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping import methods, repository

DEALER_DELIVERY = "dealer-delivery"


class DealerDelivery(methods.Free):
    """Nothing charged on the site: the price is the dealer's, agreed on the phone."""

    code = DEALER_DELIVERY
    name = _("Delivery agreed with the dealer")
    description = _("The dealer who takes your order agrees the delivery and its price with you.")


class Repository(repository.Repository):
    methods = (DealerDelivery(),)
