"""An Oscar class loader that swaps in django-suz's classes without forking Oscar's apps.

``OSCAR_DYNAMIC_CLASS_LOADER = "suz_oscar.core.loading.class_loader"``. Oscar asks
``get_class(module_label, name)`` for every overridable class; we answer the
names below with our subclasses and leave the rest to Oscar. A site that forks
one of these apps itself can instead subclass ours in its fork.
"""

from importlib import import_module

from oscar.core.loading import default_class_loader

OVERRIDES = {
    ("partner.strategy", "Selector"): "suz_oscar.offers.strategy",
    ("checkout.forms", "GatewayForm"): "suz_oscar.checkout.forms",
    ("checkout.forms", "ShippingAddressForm"): "suz_oscar.checkout.forms",
    ("checkout.session", "CheckoutSessionMixin"): "suz_oscar.checkout.session",
    ("checkout.views", "IndexView"): "suz_oscar.checkout.views",
    ("checkout.views", "ShippingAddressView"): "suz_oscar.checkout.views",
    ("checkout.views", "PaymentDetailsView"): "suz_oscar.checkout.views",
    ("shipping.repository", "Repository"): "suz_oscar.checkout.shipping",
    ("dashboard.menu", "get_nodes"): "suz_oscar.dashboard.menu",
    ("dashboard.catalogue.forms", "StockRecordForm"): "suz_oscar.dashboard.oscar_forms",
}


def class_loader(module_label, classnames, module_prefix):
    ours = {name: OVERRIDES.get((module_label, name)) for name in classnames}
    rest = [name for name, module in ours.items() if module is None]
    found = dict(zip(rest, default_class_loader(module_label, rest, module_prefix), strict=True)) if rest else {}
    for name, module in ours.items():
        if module is not None:
            found[name] = getattr(import_module(module), name)
    return [found[name] for name in classnames]
