"""The demo data command: idempotent, scalable, and the promised logins."""

import re

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import Count
from oscar.core.loading import get_model

Dealer = get_model("suz_dealers", "Dealer")
Product = get_model("catalogue", "Product")
Outlet = get_model("suz_dealers", "Outlet")


def counts():
    return Dealer.objects.count(), Outlet.objects.count(), Product.objects.count()


def test_demo_data_is_complete_and_idempotent(db):
    call_command("suz_demo", dealers=110, products=6, verbosity=0)
    first = counts()
    call_command("suz_demo", dealers=110, products=6, verbosity=0)
    assert counts() == first

    assert Dealer.objects.count() == 110
    regions = Dealer.objects.values("regions").distinct().count()
    assert regions >= 30
    per_dealer = Dealer.objects.annotate(n=Count("outlets")).values_list("n", flat=True)
    assert min(per_dealer) >= 1 and max(per_dealer) <= 5
    assert not Outlet.objects.filter(latitude=None).exists()

    parents = Product.objects.filter(structure=Product.PARENT)
    assert parents.count() == 6
    assert all(p.children.count() >= 2 for p in parents)
    assert all(child.primary_image().original for child in Product.objects.filter(structure=Product.CHILD))

    for email in ["admin@example.com", "dealer1@example.com", "dealer2@example.com", "customer@example.com"]:
        assert authenticate(username=email, password="demo") is not None, email
    admin = authenticate(username="admin@example.com", password="demo")
    assert admin.is_staff
    dealer1 = Dealer.objects.get(partner__users__email="dealer1@example.com")
    dealer2 = Dealer.objects.get(partner__users__email="dealer2@example.com")
    assert dealer1 != dealer2
    shared = set(dealer1.outlets.values_list("city", flat=True)) & set(dealer2.outlets.values_list("city", flat=True))
    assert shared

    # Every demo manager has a Russian name, so the robot's call can name the manager who took the order.
    from django.contrib.auth import get_user_model

    from suz_oscar.telephony.speech import person_name

    managers = get_user_model().objects.filter(partners__isnull=False).distinct()
    assert managers.count() > 2
    assert all(re.fullmatch(r"[А-ЯЁ][а-яё]+", m.first_name) and m.last_name for m in managers)
    assert person_name(authenticate(username="dealer1@example.com", password="demo")) == "Ирина Петрова"

    # An order waits for dealer1 to take (its telephony journey starts at login), made once: the command ran twice.
    from sandbox.demo.telephony import WAITING_EMAIL
    from suz_oscar.dispatch.selectors import inbox, phone_visible

    [waiting] = inbox(dealer1)
    assert waiting.order.guest_email == WAITING_EMAIL and waiting.order.suz_place.phone
    assert waiting.order.lines.get().quantity == 2 and dealer1.call_from_site
    assert not phone_visible(waiting, dealer1)


def test_demo_scales(db):
    call_command("suz_demo", dealers=5, products=2, verbosity=0)
    assert counts()[0] == 5
    call_command("suz_demo", dealers=8, products=3, verbosity=0)
    assert counts()[0] == 8
    assert Product.objects.filter(structure=Product.PARENT).count() == 3
