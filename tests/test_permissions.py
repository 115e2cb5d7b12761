"""Permission matrix for every dashboard URL django-suz adds.

anonymous → login page; customer → 403; a dealer's manager on another dealer's
objects → 404 (and 403 on staff-only pages); the manager on its own dealer → 200
where managers are allowed; staff → 200 everywhere.
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from suz_oscar.dealers import services
from suz_oscar.offers.services import own_product_save
from suz_oscar.test.factories import OutletFactory

from .conftest import client_for

# (url name, kwargs builder, methods, open to managers of the dealer)
DEALER_URLS = [
    ("suz-dealer-update", lambda d, o, u: {"pk": d.pk}, "get", True),
    ("suz-dealer-status", lambda d, o, u: {"pk": d.pk}, "post", False),
    ("suz-outlet-list", lambda d, o, u: {"pk": d.pk}, "get", True),
    ("suz-outlet-create", lambda d, o, u: {"pk": d.pk}, "get", True),
    ("suz-outlet-update", lambda d, o, u: {"pk": d.pk, "outlet_pk": o.pk}, "get", True),
    ("suz-outlet-delete", lambda d, o, u: {"pk": d.pk, "outlet_pk": o.pk}, "get", True),
    ("suz-manager-list", lambda d, o, u: {"pk": d.pk}, "get", True),
    ("suz-manager-remove", lambda d, o, u: {"pk": d.pk, "user_pk": u.pk}, "post", True),
    ("suz-offer-list", lambda d, o, u: {"pk": d.pk}, "get", True),
    ("suz-offer-whole-line", lambda d, o, u: {"pk": d.pk}, "post", True),
    ("suz-offer-export", lambda d, o, u: {"pk": d.pk}, "get", True),
    ("suz-offer-import", lambda d, o, u: {"pk": d.pk}, "get", True),
    ("suz-offer-import-detail", lambda d, o, u: {"pk": d.pk, "import_pk": d.offer_imports.get().pk}, "get", True),
    ("suz-own-product-list", lambda d, o, u: {"pk": d.pk}, "get", True),
    ("suz-own-product-create", lambda d, o, u: {"pk": d.pk}, "get", True),
    ("suz-own-product-update", lambda d, o, u: {"pk": d.pk, "product_pk": d.own_products.get().product_id}, "get",
     True),
    ("suz-own-product-delete", lambda d, o, u: {"pk": d.pk, "product_pk": d.own_products.get().product_id}, "post",
     True),
]
GLOBAL_URLS = [
    ("suz-dealer-list", "get", False),
    ("suz-dealer-create", "get", False),
    ("suz-dealer-mine", "get", True),
]


def _call(client, method, url):
    return getattr(client, method)(url)


@pytest.fixture
def objects_b(dealer_b, manager_b):
    """Objects of dealer B: an outlet and a second manager (to remove)."""
    from oscar.core.loading import get_model

    from suz_oscar.test.factories import create_manager

    get_model("suz_offers", "OfferImport").objects.create(dealer=dealer_b, filename="b.csv")
    from decimal import Decimal

    from suz_oscar.offers.services import own_product_save

    own_product_save(dealer=dealer_b, title="Клей Б", price=Decimal(10), availability="in_stock")
    return dealer_b, OutletFactory(dealer=dealer_b), create_manager(dealer_b)


@pytest.mark.parametrize("name,kwargs,method,for_managers", DEALER_URLS)
def test_dealer_urls_matrix(name, kwargs, method, for_managers, objects_b, manager_a, manager_b, customer, staff):
    dealer_b, outlet, other_manager = objects_b

    def call(user):
        # A POST may remove the manager or the product: put things back for the next caller,
        # and build the URL anew for each (a re-created product has a new id).
        url = reverse(f"suz_dashboard:{name}", kwargs=kwargs(dealer_b, outlet, other_manager))
        response = getattr(client_for(user), method)(url)
        services.manager_add(dealer=dealer_b, user=other_manager)
        if not dealer_b.own_products.exists():
            own_product_save(dealer=dealer_b, title="Клей Б", price=Decimal(10), availability="in_stock")
        return response

    response = call(None)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert call(customer).status_code == 403
    # Dealer A's manager on dealer B's objects: not found (or refused where only staff may go).
    assert call(manager_a).status_code == (404 if for_managers else 403)
    own = call(manager_b).status_code
    if for_managers:
        assert own in (200, 302)
    else:
        assert own == 403
    assert call(staff).status_code in (200, 302)


@pytest.mark.parametrize("name,method,for_managers", GLOBAL_URLS)
def test_global_urls_matrix(name, method, for_managers, manager_a, customer, staff):
    url = reverse(f"suz_dashboard:{name}")
    response = _call(client_for(), method, url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert _call(client_for(customer), method, url).status_code == 403
    assert _call(client_for(manager_a), method, url).status_code == (302 if for_managers else 403)
    assert _call(client_for(staff), method, url).status_code in (200, 302)


def test_my_dealer_leads_a_manager_to_their_own_dealer(manager_a, dealer_a, dealer_b):
    response = client_for(manager_a).get(reverse("suz_dashboard:suz-dealer-mine"))
    assert response["Location"] == reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})


def test_manager_cannot_change_another_dealers_outlet_by_post(manager_a, dealer_b):
    outlet = OutletFactory(dealer=dealer_b, address="ул. Старая, 1")
    url = reverse("suz_dashboard:suz-outlet-update", kwargs={"pk": dealer_b.pk, "outlet_pk": outlet.pk})
    response = client_for(manager_a).post(url, {"city": outlet.city_id, "address": "ул. Новая, 2", "is_active": "on"})
    assert response.status_code == 404
    outlet.refresh_from_db()
    assert outlet.address == "ул. Старая, 1"


def test_manager_cannot_reach_outlet_of_other_dealer_through_own_dealer_url(manager_a, dealer_a, dealer_b):
    outlet_b = OutletFactory(dealer=dealer_b)
    url = reverse("suz_dashboard:suz-outlet-update", kwargs={"pk": dealer_a.pk, "outlet_pk": outlet_b.pk})
    assert client_for(manager_a).get(url).status_code == 404
