"""The regional strategy: prices and availability of the dealer ranked first in the visitor's city.

Plug it in with ``OSCAR_DYNAMIC_CLASS_LOADER = "suz_oscar.core.loading.class_loader"``
(which answers Oscar's ``get_class("partner.strategy", "Selector")`` with ours),
or, in a site that forked Oscar's partner app, import ``Selector`` from here in
its ``partner/strategy.py``.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from oscar.apps.partner import availability, prices
from oscar.apps.partner.strategy import PurchaseInfo, Structured
from oscar.core.loading import get_model

from suz_oscar.dealers.cities import default_city

from . import selectors
from .vocabulary import Availability, sku_for

StockRecord = get_model("partner", "StockRecord")

ZERO = Decimal("0.00")


class InStock(availability.Available):
    code = "instock"

    def __init__(self, quantity=None):
        self.quantity = quantity

    @property
    def message(self):
        if self.quantity:
            return _("In stock (%(quantity)s)") % {"quantity": self.quantity}
        return pgettext_lazy("availability", "In stock")  # Oscar's own "In stock" reads «На складе»


class OnOrder(availability.Available):
    code = "onorder"
    message = _("On order")

    def __init__(self, quantity=None):
        pass


class NotOfferedHere(availability.Unavailable):
    """Nobody in the visitor's city offers it (or no longer the basket line's dealer)."""

    def __init__(self, city=None):
        self.city = city

    @property
    def message(self):
        if self.city is not None:
            return _("Not available in %(city)s") % {"city": self.city.display_name}
        return _("Unavailable")

    def is_purchase_permitted(self, quantity):
        return False, self.message


class OnRequest(availability.Available):
    """Nobody in the visitor's city offers it: the order goes to the manufacturer's staff, who find a dealer."""

    code = "onrequest"

    def __init__(self, city=None):
        self.city = city

    message = _("On request: the manufacturer finds you a dealer")
    short_message = _("On request")


POLICIES = {Availability.IN_STOCK: InStock, Availability.ON_ORDER: OnOrder}


class RegionalStrategy(Structured):
    """Per request: the visitor's city's offers, loaded in batches and cached."""

    def __init__(self, request=None, city=None):
        super().__init__(request)
        self._city = city
        self._dealers = None
        self._offers = {}  # product_id -> ranked [Offer]
        self._requests = {}  # product_id -> RequestOffer or None, for products nobody in the city offers

    # The city and its dealers -------------------------------------------------
    @property
    def city(self):
        if self._city is None:
            self._city = getattr(self.request, "suz_city", None) or default_city()
        return self._city

    @property
    def dealers(self):
        if self._dealers is None:
            self._dealers = selectors.dealers_serving(self.city)
        return self._dealers

    def prefetch(self, products):
        """Load the offers of many products (and their children) at once."""
        ids = set()
        for product in products:
            ids.add(product.pk)
            if product.is_parent:
                ids.update(child.pk for child in product.get_public_children())
        missing = [pk for pk in ids if pk not in self._offers]
        if missing:
            self._offers.update(selectors.offers_for_products(missing, self.dealers, city=self.city))
            self._load_requests([pk for pk in missing if not self._offers[pk]])

    def _load_requests(self, product_ids):
        wanted = [pk for pk in product_ids if pk not in self._requests]
        if wanted:
            self._requests.update(selectors.request_prices(wanted))

    def request_offer(self, product):
        """The manufacturer's request offer of a product nobody in the city offers (``None`` when a dealer does,
        for families, and when the manufacturer takes no requests)."""
        if product.is_parent or self.offers(product):
            return None
        self._load_requests([product.pk])
        return self._requests[product.pk]

    def is_request_record(self, stockrecord):
        return getattr(stockrecord, "suz_request", False) or (
            stockrecord.partner_id is not None and stockrecord.partner_id == selectors.manufacturer_partner_id())

    def offers(self, product):
        """Every offer of ``product`` in the city, best first.

        A product asked for alone (its page, a basket line) comes with the services, listed beside every
        product: the same two queries load both.
        """
        if product.pk not in self._offers:
            wanted = {product.pk} | {s.pk for s in selectors.services_list() if s.pk not in self._offers}
            self._offers.update(selectors.offers_for_products(wanted, self.dealers, city=self.city))
        return self._offers[product.pk]

    def best_offer(self, product):
        offers = self.offers(product)
        return offers[0] if offers else None

    def offer_of_partner(self, product, partner_id):
        return next((o for o in self.offers(product) if o.dealer.partner_id == partner_id), None)

    def materialize_best_offer(self, product):
        """Save the best offer's stock record if it is implied by the whole line (before buying)."""
        from .services import offer_materialize, offer_request_record

        offer = self.best_offer(product)
        if offer is None:
            offer = self.request_offer(product)
            if offer is not None and offer.stockrecord is None:
                offer.stockrecord = offer_request_record(product=product, currency=offer.currency)
            return offer
        if offer.stockrecord is None:
            offer.stockrecord = offer_materialize(stockrecord=implied_stockrecord(offer, product))
        return offer

    # Oscar's Structured strategy ----------------------------------------------
    def select_stockrecord(self, product):
        offer = self.best_offer(product)
        if offer is None:
            if self.request is None:
                # Offline callers (Oscar's search index) have no visitor and read
                # ``stockrecord.net_stock_level`` whenever a product has stock
                # records: give them one; it prices as unavailable.
                return next(iter(product.stockrecords.all()), None)
            request = self.request_offer(product)
            if request is None:
                return None
            return request.stockrecord or request_stockrecord(request, product)
        return offer.stockrecord or implied_stockrecord(offer, product)

    def select_children_stockrecords(self, product):
        children = list(product.get_public_children())
        self.prefetch(children)
        return [(child, self.select_stockrecord(child)) for child in children]

    def _offer_for(self, product, stockrecord):
        if stockrecord is None:
            return None
        return self.offer_of_partner(product, stockrecord.partner_id)

    def _request_for(self, product, stockrecord):
        """The request offer a manufacturer's stock record stands for, while nobody in the city offers it."""
        if stockrecord is None or not self.is_request_record(stockrecord):
            return None
        return self.request_offer(product)

    def pricing_policy(self, product, stockrecord):
        offer = self._offer_for(product, stockrecord) or self._request_for(product, stockrecord)
        if offer is None:
            return prices.Unavailable()
        return prices.FixedPrice(currency=offer.currency, excl_tax=offer.price, tax=ZERO)

    def availability_policy(self, product, stockrecord):
        offer = self._offer_for(product, stockrecord)
        if offer is None:
            if self._request_for(product, stockrecord) is not None:
                return OnRequest(self.city)
            return NotOfferedHere(self.city)
        return POLICIES[offer.kind](offer.quantity)

    def _child_offers(self, children_stock):
        offers = [self._offer_for(child, sr) for child, sr in children_stock]
        offers = [o for o in offers if o is not None]
        if offers:
            return offers
        # Nobody in the city offers any variant: the family is priced as the manufacturer's requests.
        return [o for o in (self._request_for(child, sr) for child, sr in children_stock) if o is not None]

    def parent_pricing_policy(self, product, children_stock):
        offers = self._child_offers(children_stock)
        if not offers:
            return prices.Unavailable()
        cheapest = min(offers, key=lambda o: o.price)
        return prices.FixedPrice(currency=cheapest.currency, excl_tax=cheapest.price, tax=ZERO)

    def parent_availability_policy(self, product, children_stock):
        offers = self._child_offers(children_stock)
        if any(o.dealer is not None for o in offers):
            return availability.Available()
        if offers:
            return OnRequest(self.city)
        return NotOfferedHere(self.city)

    def fetch_for_line(self, line, stockrecord=None):
        """Price a basket line with *its own* dealer's offer in the current city.

        Oscar's base class ignores ``stockrecord`` and re-selects the best offer,
        so a line could be checked against another dealer than the one it holds.
        """
        stockrecord = stockrecord or line.stockrecord
        return PurchaseInfo(
            price=self.pricing_policy(line.product, stockrecord),
            availability=self.availability_policy(line.product, stockrecord),
            stockrecord=stockrecord,
        )


def implied_stockrecord(offer, product):
    """An unsaved stock record standing for a whole-line offer (saved only when bought)."""
    return StockRecord(
        partner=offer.dealer.partner, product=product, partner_sku=sku_for(product),
        price=None, price_currency=offer.currency, num_in_stock=None,
    )




def request_stockrecord(request, product):
    """An unsaved stock record standing for a request to the manufacturer (saved when bought:
    ``services.offer_request_record``)."""
    record = StockRecord(partner_id=selectors.manufacturer_partner_id(), product=product,
                         partner_sku=sku_for(product), price=None, price_currency=request.currency, num_in_stock=None)
    record.suz_request = True
    return record


class Selector:
    """Oscar's strategy selector: the regional strategy for every request."""

    def strategy(self, request=None, user=None, **kwargs):
        return RegionalStrategy(request)
