"""Territory changes a dealer asks for wait for the manufacturer's approval."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from suz_oscar.dealers import services
from suz_oscar.dealers.exceptions import TerritoryError
from suz_oscar.test.factories import CityFactory, RegionFactory

from .conftest import client_for

TerritoryRequest = get_model("suz_dealers", "TerritoryRequest")


@pytest.fixture
def places(db):
    home, wanted = RegionFactory(name="Домашняя область"), RegionFactory(name="Новая область")
    return {"home": home, "wanted": wanted, "city": CityFactory(name="Дальний", region=RegionFactory())}


@pytest.fixture
def territory_request(dealer_a, manager_a, places):
    dealer_a.regions.set([places["home"]])
    return services.territory_request_submit(dealer=dealer_a, regions=[places["home"], places["wanted"]],
                                             cities=[places["city"]], comment="Открыли склад", user=manager_a)


def territory(dealer):
    return set(dealer.regions.all()), set(dealer.cities.all())


def test_a_manager_asks_and_the_territory_waits_for_approval(manager_a, dealer_a, places):
    dealer_a.regions.set([places["home"]])
    client = client_for(manager_a)
    url = reverse("suz_dashboard:suz-territory", kwargs={"pk": dealer_a.pk})
    page = client.get(url)
    assert page.status_code == 200 and "Домашняя область" in page.content.decode()
    response = client.post(url, {"regions": [places["home"].pk, places["wanted"].pk], "cities": [places["city"].pk],
                                 "comment": "Открыли склад"})
    request = TerritoryRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("suz_dashboard:suz-territory-request",
                                           kwargs={"pk": dealer_a.pk, "request_pk": request.pk})
    assert request.status == TerritoryRequest.PENDING and request.created_by == manager_a
    assert territory(dealer_a) == ({places["home"]}, set())  # still in force

    page = client.get(response["Location"]).content.decode()
    assert "Ждёт одобрения" in page or "ждёт одобрения" in page
    assert "Новая область" in page and "Дальний" in page
    assert 'id="territory-decision-form"' not in page  # managers do not decide
    profile = client.get(reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})).content.decode()
    assert "ждёт одобрения производителя" in profile


def test_asking_for_the_current_territory_is_a_form_error(manager_a, dealer_a, places):
    dealer_a.regions.set([places["home"]])
    url = reverse("suz_dashboard:suz-territory", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url, {"regions": [places["home"].pk]})
    assert response.status_code == 200
    assert "Это и есть ваша нынешняя территория" in response.content.decode()
    assert not TerritoryRequest.objects.exists()


def test_a_new_request_replaces_the_waiting_one(territory_request, dealer_a, manager_a, places):
    services.territory_request_submit(dealer=dealer_a, regions=[places["wanted"]], cities=[], user=manager_a)
    request = TerritoryRequest.objects.get()
    assert request.pk == territory_request.pk
    assert list(request.regions.all()) == [places["wanted"]] and not request.cities.exists()


def test_staff_approve_and_the_territory_changes(territory_request, staff, dealer_a, places):
    client = client_for(staff)
    registry = client.get(reverse("suz_dashboard:suz-dealer-list")).content.decode()
    requests_url = reverse("suz_dashboard:suz-territory-request-list")
    assert requests_url in registry
    listed = client.get(requests_url)
    assert list(listed.context["territory_requests"]) == [territory_request]
    detail_url = reverse("suz_dashboard:suz-territory-request",
                         kwargs={"pk": dealer_a.pk, "request_pk": territory_request.pk})
    assert detail_url in client.get(reverse("suz_dashboard:suz-dealer-update",
                                            kwargs={"pk": dealer_a.pk})).content.decode()
    page = client.get(detail_url).content.decode()
    assert 'id="territory-decision-form"' in page and "Открыли склад" in page

    decide = reverse("suz_dashboard:suz-territory-decide",
                     kwargs={"pk": dealer_a.pk, "request_pk": territory_request.pk})
    assert client.post(decide, {"action": "approve", "staff_comment": "Согласовано"}).status_code == 302
    territory_request.refresh_from_db()
    assert territory_request.status == TerritoryRequest.APPROVED and territory_request.decided_by == staff
    assert territory_request.decided_at is not None and territory_request.staff_comment == "Согласовано"
    assert territory(dealer_a) == ({places["home"], places["wanted"]}, {places["city"]})
    assert not client.get(requests_url).context["territory_requests"]
    # Decided once only.
    client.post(decide, {"action": "reject", "staff_comment": "Передумали"})
    territory_request.refresh_from_db()
    assert territory_request.status == TerritoryRequest.APPROVED


def test_staff_reject_with_a_comment_and_the_dealer_sees_it(territory_request, staff, manager_a, dealer_a, places):
    client = client_for(staff)
    decide = reverse("suz_dashboard:suz-territory-decide",
                     kwargs={"pk": dealer_a.pk, "request_pk": territory_request.pk})
    response = client.post(decide, {"action": "reject", "staff_comment": ""})
    assert response.status_code == 200 and "Напишите дилеру, почему заявка отклонена." in response.content.decode()
    territory_request.refresh_from_db()
    assert territory_request.status == TerritoryRequest.PENDING

    assert client.post(decide, {"action": "reject", "staff_comment": "Там работает другой дилер"}).status_code == 302
    territory_request.refresh_from_db()
    assert territory_request.status == TerritoryRequest.REJECTED
    assert territory(dealer_a) == ({places["home"]}, set())
    page = client_for(manager_a).get(reverse("suz_dashboard:suz-territory", kwargs={"pk": dealer_a.pk}))
    assert "отклонена" in page.content.decode()
    detail = client_for(manager_a).get(reverse("suz_dashboard:suz-territory-request",
                                               kwargs={"pk": dealer_a.pk, "request_pk": territory_request.pk}))
    assert "Там работает другой дилер" in detail.content.decode()


def test_approval_is_all_or_nothing(territory_request, staff, dealer_a, places):
    """Approving a request already decided raises before anything is applied."""
    services.territory_request_reject(request=territory_request, user=staff, comment="Нет")
    with pytest.raises(TerritoryError):
        services.territory_request_approve(request=territory_request, user=staff)
    assert territory(dealer_a) == ({places["home"]}, set())


def test_staff_cannot_file_a_request_they_edit_directly(staff, dealer_a, places):
    url = reverse("suz_dashboard:suz-territory", kwargs={"pk": dealer_a.pk})
    assert client_for(staff).get(url).status_code == 200
    assert client_for(staff).post(url, {"regions": [places["wanted"].pk]}).status_code == 403
    assert not TerritoryRequest.objects.exists()


@pytest.mark.parametrize("name,method,for_managers", [
    ("suz-territory", "get", True),
    ("suz-territory", "post", True),
    ("suz-territory-request", "get", True),
    ("suz-territory-decide", "post", False),
])
def test_territory_urls_matrix(name, method, for_managers, manager_a, manager_b, dealer_b, customer, staff, places):
    request_b = services.territory_request_submit(dealer=dealer_b, regions=[places["wanted"]], cities=[])
    kwargs = {"pk": dealer_b.pk}
    if name != "suz-territory":
        kwargs["request_pk"] = request_b.pk
    url = reverse(f"suz_dashboard:{name}", kwargs=kwargs)
    data = {"regions": [places["home"].pk], "staff_comment": "x", "action": "reject"} if method == "post" else None

    def call(user):
        return getattr(client_for(user), method)(url, data) if data else client_for(user).get(url)

    response = call(None)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert call(customer).status_code == 403
    assert call(manager_a).status_code == (404 if for_managers else 403)
    request_b.refresh_from_db()
    assert request_b.status == TerritoryRequest.PENDING
    assert list(request_b.regions.all()) == [places["wanted"]]
    assert call(manager_b).status_code == ((200 if method == "get" else 302) if for_managers else 403)
    if name == "suz-territory" and method == "post":
        assert call(staff).status_code == 403  # staff edit the territory directly
    else:
        assert call(staff).status_code in (200, 302)


def test_another_dealers_request_through_own_dealer_url_is_404(manager_a, dealer_a, dealer_b, places):
    request_b = services.territory_request_submit(dealer=dealer_b, regions=[places["wanted"]], cities=[])
    url = reverse("suz_dashboard:suz-territory-request", kwargs={"pk": dealer_a.pk, "request_pk": request_b.pk})
    assert client_for(manager_a).get(url).status_code == 404


def test_request_list_is_staff_only(manager_a, customer, staff):
    url = reverse("suz_dashboard:suz-territory-request-list")
    assert "/login/" in client_for().get(url)["Location"]
    assert client_for(customer).get(url).status_code == 403
    assert client_for(manager_a).get(url).status_code == 403
    client = client_for(staff)
    for params in ({}, {"status": "approved"}, {"status": "<junk>"}, {"page": "-1"}, {"page": "abc"},
                   {"page": "99999999999999999999"}, {"status": "\x00"}):
        assert client.get(url, params).status_code == 200, params


def test_the_request_form_starts_from_the_current_territory(dealer_a, manager_a):
    """A manager adding a city must not, by an empty form, ask to drop the region it serves."""
    region, city = RegionFactory(), CityFactory()
    dealer_a.regions.set([region])
    dealer_a.cities.set([city])
    page = client_for(manager_a).get(reverse("suz_dashboard:suz-territory", kwargs={"pk": dealer_a.pk}))
    html = page.content.decode()
    assert f'<option value="{region.pk}" selected>' in html and f'<option value="{city.pk}" selected>' in html
