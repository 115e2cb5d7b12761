
from django.contrib.auth import get_user_model
from django.urls import reverse

from suz_oscar.dealers import services
from suz_oscar.test.factories import CityFactory, RegionFactory, create_manager

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


def test_removed_manager_loses_dashboard_access(dealer_a):
    manager = create_manager(dealer_a)
    services.manager_remove(dealer=dealer_a, user=manager)
    manager = User.objects.get(pk=manager.pk)  # fresh permission cache
    assert not manager.has_perm("partner.dashboard_access")
    assert client_for(manager).get(reverse("dashboard:index")).status_code == 403
