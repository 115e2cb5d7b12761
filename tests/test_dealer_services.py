import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from suz_oscar.dealers import services
from suz_oscar.dealers.exceptions import ManagerInviteError
from suz_oscar.test.factories import CityFactory, RegionFactory, StaffFactory, UserFactory, create_manager

from .conftest import client_for

User = get_user_model()


def test_dealer_create_makes_partner_and_profile(db):
    region = RegionFactory()
    city = CityFactory()
    dealer = services.dealer_create(name="Панели и Ко", regions=[region], cities=[city], call_from_site=True)
    assert dealer.partner.name == "Панели и Ко"
    assert dealer.partner.dealer == dealer
    assert list(dealer.regions.all()) == [region]
    assert list(dealer.cities.all()) == [city]
    assert dealer.is_active and dealer.accepts_site_orders and dealer.call_from_site
    assert dealer.registered_at is not None


def test_suspend_and_activate(dealer_a):
    services.dealer_suspend(dealer=dealer_a, reason="Нет прайса")
    dealer_a.refresh_from_db()
    assert not dealer_a.is_active and dealer_a.suspended_at and dealer_a.suspension_reason == "Нет прайса"
    services.dealer_activate(dealer=dealer_a)
    dealer_a.refresh_from_db()
    assert dealer_a.is_active and dealer_a.suspended_at is None and dealer_a.suspension_reason == ""


@pytest.mark.django_db(transaction=True)
def test_invited_manager_sets_password_and_reaches_only_that_dealer(dealer_a, dealer_b):
    user, created = services.manager_invite(dealer=dealer_a, email="New.Manager@Example.com")
    assert created and not user.has_usable_password()
    assert user.has_perm("partner.dashboard_access")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["New.Manager@example.com"]
    assert dealer_a.name in message.subject
    link = re.search(r"/password-reset/confirm/\S+/", message.body).group(0)

    client = client_for()
    response = client.get(link, follow=True)
    assert response.status_code == 200
    set_password_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(set_password_url, {"new_password1": "Str0ng-pass-42", "new_password2": "Str0ng-pass-42"})
    assert response.status_code == 302

    assert client.login(username="New.Manager@example.com", password="Str0ng-pass-42")
    assert client.get(reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})).status_code == 200
    assert client.get(reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_b.pk})).status_code == 404


def test_invite_refuses_manager_of_another_dealer(dealer_a, dealer_b, manager_b):
    with pytest.raises(ManagerInviteError, match="уже управляет другим дилером"):
        services.manager_invite(dealer=dealer_a, email=manager_b.email)
    assert not dealer_a.partner.users.filter(pk=manager_b.pk).exists()


def test_invite_refuses_staff_and_duplicates(dealer_a, manager_a):
    staff = StaffFactory()
    with pytest.raises(ManagerInviteError):
        services.manager_invite(dealer=dealer_a, email=staff.email)
    with pytest.raises(ManagerInviteError):
        services.manager_invite(dealer=dealer_a, email=manager_a.email.upper())


@pytest.mark.django_db(transaction=True)
def test_existing_customer_is_invited_with_a_login_link(dealer_a):
    customer = UserFactory(email="buyer@example.com")
    user, created = services.manager_invite(dealer=dealer_a, email="buyer@example.com")
    assert user == customer and not created
    assert "password-reset" not in mail.outbox[0].body
    assert "/dashboard/" in mail.outbox[0].body


def test_removed_manager_loses_dashboard_access(dealer_a):
    manager = create_manager(dealer_a)
    services.manager_remove(dealer=dealer_a, user=manager)
    manager = User.objects.get(pk=manager.pk)  # fresh permission cache
    assert not manager.has_perm("partner.dashboard_access")
    assert client_for(manager).get(reverse("dashboard:index")).status_code == 403
