"""The dealer's own pages: profile, outlets, managers, as a manager and as staff."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from suz_oscar.test.factories import CityFactory, OutletFactory, RegionFactory, create_manager

from .conftest import client_for


def profile_data(dealer, **extra):
    data = {
        "name": dealer.partner.name, "legal_name": dealer.legal_name, "description": "", "website": "",
        "phone": "", "email": "", "accepts_site_orders": "on",
    }
    data.update(extra)
    return data


def test_manager_edits_profile_but_not_territory(manager_a, dealer_a):
    region, city = RegionFactory(), CityFactory()
    url = reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url, profile_data(
        dealer_a, name="Дилер А+", phone="+7 912 345-67-89", regions=[region.pk], cities=[city.pk],
        call_from_site="on",
    ))
    assert response.status_code == 302
    dealer_a.refresh_from_db()
    dealer_a.partner.refresh_from_db()
    assert dealer_a.partner.name == "Дилер А+"
    assert dealer_a.phone.as_e164 == "+79123456789"
    # The territory decides which orders the dealer gets: a manager asks for it (test_territory.py).
    assert not dealer_a.regions.exists() and not dealer_a.cities.exists()
    # "Call from site" is the manufacturer's switch: a manager's form ignores it.
    assert dealer_a.call_from_site is False


def test_staff_edits_territory_directly(staff, dealer_a):
    region, city = RegionFactory(), CityFactory()
    url = reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})
    response = client_for(staff).post(url, profile_data(dealer_a, regions=[region.pk], cities=[city.pk]))
    assert response.status_code == 302
    assert list(dealer_a.regions.all()) == [region]
    assert list(dealer_a.cities.all()) == [city]


def test_staff_switches_call_from_site(staff, dealer_a):
    url = reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})
    response = client_for(staff).post(url, profile_data(dealer_a, call_from_site="on"))
    assert response.status_code == 302
    dealer_a.refresh_from_db()
    assert dealer_a.call_from_site is True


def test_bad_profile_input_shows_russian_errors_and_changes_nothing(manager_a, dealer_a):
    url = reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url, profile_data(dealer_a, name="", website="not a url", phone="12"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    with translation.override("ru"):
        assert errors["name"] == [translation.gettext("This field is required.")]
    assert errors["name"] != ["This field is required."]
    assert "Введите правильный URL." in errors["website"]
    assert errors["phone"]
    dealer_a.refresh_from_db()
    assert dealer_a.partner.name == "Дилер А"


def test_outlet_created_with_coordinates(manager_a, dealer_a):
    city = CityFactory()
    url = reverse("suz_dashboard:suz-outlet-create", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url, {
        "name": "Салон", "city": city.pk, "address": "ул. Мира, 5", "latitude": "55.751244",
        "longitude": "37.618423", "phone": "+7 495 123-45-67", "opening_hours": "Пн–Пт 9–18", "is_active": "on",
    })
    assert response.status_code == 302
    outlet = dealer_a.outlets.get()
    assert (str(outlet.latitude), str(outlet.longitude)) == ("55.751244", "37.618423")
    assert outlet.city == city


@pytest.mark.parametrize("lat,lon,message", [
    ("95", "37", "Широта должна быть от -90 до 90."),
    ("55", "", "Укажите и широту, и долготу или не указывайте ни то, ни другое."),
    ("abc", "37", "Введите число."),
])
def test_outlet_bad_coordinates_rejected(manager_a, dealer_a, lat, lon, message):
    url = reverse("suz_dashboard:suz-outlet-create", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url, {
        "city": CityFactory().pk, "address": "ул. Мира, 5", "latitude": lat, "longitude": lon, "is_active": "on",
    })
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not dealer_a.outlets.exists()


def test_outlet_list_and_delete(manager_a, dealer_a):
    outlet = OutletFactory(dealer=dealer_a, address="ул. Садовая, 7")
    client = client_for(manager_a)
    page = client.get(reverse("suz_dashboard:suz-outlet-list", kwargs={"pk": dealer_a.pk}))
    assert "ул. Садовая, 7" in page.content.decode()
    client.post(reverse("suz_dashboard:suz-outlet-delete", kwargs={"pk": dealer_a.pk, "outlet_pk": outlet.pk}))
    assert not dealer_a.outlets.exists()


def test_manager_removes_a_colleague(manager_a, dealer_a):
    client = client_for(manager_a)
    colleague = create_manager(dealer_a)
    remove = reverse("suz_dashboard:suz-manager-remove", kwargs={"pk": dealer_a.pk, "user_pk": colleague.pk})
    client.post(remove)
    assert not dealer_a.partner.users.filter(pk=colleague.pk).exists()


def test_invite_with_bad_email_is_a_form_error(manager_a, dealer_a):
    url = reverse("suz_dashboard:suz-manager-list", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url, {"email": "not-an-email"})
    assert response.status_code == 200
    assert "Введите правильный адрес электронной почты." in response.content.decode()
    assert dealer_a.partner.users.count() == 1


def test_manager_cannot_remove_self(manager_a, dealer_a):
    url = reverse("suz_dashboard:suz-manager-remove", kwargs={"pk": dealer_a.pk, "user_pk": manager_a.pk})
    client_for(manager_a).post(url)
    assert dealer_a.partner.users.filter(pk=manager_a.pk).exists()


def test_staff_creates_dealer_and_invites_its_first_manager(staff, django_capture_on_commit_callbacks):
    region = RegionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(reverse("suz_dashboard:suz-dealer-create"), {
            "name": "Новый дилер", "legal_name": "ООО «Новый»", "accepts_site_orders": "on",
            "regions": [region.pk], "manager_email": "boss@example.com",
        })
    assert response.status_code == 302
    from oscar.core.loading import get_model

    dealer = get_model("suz_dealers", "Dealer").objects.get(partner__name="Новый дилер")
    assert list(dealer.regions.all()) == [region]
    # Invited, not yet a manager: that takes the invitee's acceptance (test_invitations.py).
    assert not dealer.partner.users.exists()
    assert dealer.invitations.get().email == "boss@example.com"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["boss@example.com"]


def test_staff_suspends_and_reactivates(staff, dealer_a):
    url = reverse("suz_dashboard:suz-dealer-status", kwargs={"pk": dealer_a.pk})
    client = client_for(staff)
    client.post(url, {"action": "suspend", "reason": "Жалобы"})
    dealer_a.refresh_from_db()
    assert not dealer_a.is_active and dealer_a.suspension_reason == "Жалобы"
    client.post(url, {"action": "activate"})
    dealer_a.refresh_from_db()
    assert dealer_a.is_active
