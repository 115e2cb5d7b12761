"""Oscar's class loader, taught django-suz's classes and apps, with a host's forks winning over both.

``OSCAR_DYNAMIC_CLASS_LOADER = "suz_oscar.core.loading.class_loader"``. Oscar asks ``get_class(module_label,
name)`` for every class a site may replace. The answer, first found wins:

1. a host's fork: the app registered under that label is the host's own (``myshop.checkout``, or a fork of
   one of our dashboard apps), and its module defines the class;
2. ours: ``OVERRIDES`` for Oscar's labels (our strategy, checkout, catalogue pages…), or our own apps'
   modules for their labels (``get_class("suz_dealers_dashboard.views", "DealerListView")``);
3. Oscar's.

So a host forks one of our dashboard apps the Oscar way (same label, its own ``name``) and replaces one
view; and a host that had forked Oscar's ``checkout`` keeps its classes, and subclasses ours where it wants
our behaviour.
"""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import import_string
from oscar.core.exceptions import ClassNotFoundError
from oscar.core.loading import _import_module, default_class_loader

OVERRIDES = {
    ("partner.strategy", "Selector"): "suz_oscar.offers.strategy",
    ("checkout.forms", "GatewayForm"): "suz_oscar.checkout.forms",
    ("checkout.forms", "ShippingAddressForm"): "suz_oscar.checkout.forms",
    ("checkout.session", "CheckoutSessionMixin"): "suz_oscar.checkout.session",
    ("checkout.views", "IndexView"): "suz_oscar.checkout.views",
    ("checkout.views", "ShippingAddressView"): "suz_oscar.checkout.views",
    ("checkout.views", "PaymentDetailsView"): "suz_oscar.checkout.views",
    ("shipping.repository", "Repository"): "suz_oscar.checkout.shipping",
    # The catalogue, its categories and search, priced for the visitor's city in a fixed number of queries.
    ("search.views", "CatalogueView"): "suz_oscar.storefront.views",
    ("search.views", "ProductCategoryView"): "suz_oscar.storefront.views",
    ("search.views", "FacetedSearchView"): "suz_oscar.storefront.views",
    ("basket.views", "BasketAddView"): "suz_oscar.storefront.views",
    ("catalogue.reviews.forms", "ProductReviewForm"): "suz_oscar.storefront.oscar_forms",
    ("customer.wishlists.views", "WishListDetailView"): "suz_oscar.storefront.oscar_views",
    ("dashboard.menu", "get_nodes"): "suz_oscar.dashboard.menu",
    ("dashboard.views", "IndexView"): "suz_oscar.dashboard.oscar_views",
    ("dashboard.orders.views", "OrderListView"): "suz_oscar.dashboard.oscar_views",
    **{("dashboard.partners.views", name): "suz_oscar.dashboard.oscar_views" for name in (
        "PartnerListView", "PartnerCreateView", "PartnerManageView", "PartnerDeleteView", "PartnerUserLinkView",
        "PartnerUserUnlinkView", "PartnerUserCreateView", "PartnerUserSelectView", "PartnerUserUpdateView")},
    ("dashboard.catalogue.forms", "StockRecordForm"): "suz_oscar.dashboard.oscar_forms",
    ("dashboard.catalogue.forms", "ProductForm"): "suz_oscar.dashboard.oscar_forms",  # the recommended price
    ("dashboard.catalogue.tables", "ProductTable"): "suz_oscar.dashboard.oscar_forms",
    ("dashboard.catalogue.widgets", "ProductSelect"): "suz_oscar.dashboard.oscar_widgets",
    ("dashboard.catalogue.tables", "CategoryTable"): "suz_oscar.dashboard.oscar_forms",
    ("dashboard.pages.forms", "PageUpdateForm"): "suz_oscar.dashboard.oscar_forms",
    ("dashboard.pages.views", "PageCreateView"): "suz_oscar.dashboard.oscar_views",
    ("dashboard.catalogue.views", "StockAlertListView"): "suz_oscar.dashboard.oscar_views",
    ("dashboard.catalogue.views", "CategoryUpdateView"): "suz_oscar.dashboard.oscar_views",
}


@cache
def our_packages():
    """``{app label: package}`` of django-suz's apps, read from their app configs."""
    from suz_oscar import DOMAIN_APPS

    packages = {}
    for entry in DOMAIN_APPS:
        if entry.startswith("suz_oscar."):
            config = import_string(entry)
            packages[config.label] = config.name
    return packages


def _registered_name(app_label):
    try:
        return apps.get_app_config(app_label).name
    except LookupError:
        return None


def _pluck(modules, classnames, module_label):
    found = []
    for name in classnames:
        for module in modules:
            if module is not None and hasattr(module, name):
                found.append(getattr(module, name))
                break
        else:
            raise ClassNotFoundError(f"No class {name!r} for {module_label!r}")
    return found


def _load_ours(module_label, classnames, package):
    """One of our apps: the host's fork (registered under our label with another name), then ours."""
    app_label, _, rest = module_label.partition(".")
    registered = _registered_name(app_label)
    fork = _import_module(f"{registered}.{rest}", classnames) if registered and registered != package else None
    return _pluck([fork, _import_module(f"{package}.{rest}", classnames)], classnames, module_label)


def _is_oscars(cls):
    return getattr(cls, "__module__", "").startswith("oscar.")


def class_loader(module_label, classnames, module_prefix):
    package = our_packages().get(module_label.split(".", 1)[0])
    if package is not None:
        return _load_ours(module_label, classnames, package)
    # Oscar's app: Oscar's loader gives the host's fork's class, else Oscar's; ours replaces only Oscar's.
    classes = default_class_loader(module_label, classnames, module_prefix)
    for index, name in enumerate(classnames):
        override = OVERRIDES.get((module_label, name))
        if override is not None and _is_oscars(classes[index]):
            classes[index] = getattr(import_module(override), name)
    return classes
