"""Installing into a shop that already has Oscar partners: adopting them as dealers (command and dashboard),
so that their products are priced again for visitors of the regions they serve."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from suz_oscar.dealers import selectors, services
from suz_oscar.dealers.exceptions import AdoptionError
from suz_oscar.test.factories import CityFactory, PartnerFactory, RegionFactory, UserFactory

from .conftest import client_for

Dealer = get_model("suz_dealers", "Dealer")
StockRecord = get_model("partner", "StockRecord")

ADOPT_URL = "suz_dashboard:suz-partner-adopt"


@pytest.fixture
def shop(db):
    """A shop before django-suz: two partners with stock (one with a user), a product each; a region with a city."""
    region = RegionFactory(name="Татария", slug="test-tatarstan", code="ZZ-TA")
    city = CityFactory(region=region, name="Казань", slug="test-kazan")
    other_city = CityFactory(name="Дальний", slug="test-far")
    north, south = PartnerFactory(name="Север", code="north"), PartnerFactory(name="Юг", code="south")
    user = UserFactory(email="north@example.com")
    north.users.add(user)
    panel, glue = ProductFactory(title="Панель", stockrecords=[]), ProductFactory(title="Клей", stockrecords=[])
    StockRecord.objects.create(partner=north, product=panel, partner_sku="N-1", price=Decimal("1234.00"),
                               price_currency="RUB", num_in_stock=5)
    StockRecord.objects.create(partner=south, product=glue, partner_sku="S-1", price=Decimal("99.50"),
                               price_currency="RUB", num_in_stock=3)
    return {"region": region, "city": city, "other_city": other_city, "north": north, "south": south,
            "user": user, "panel": panel, "glue": glue}


def shown(response):
    """The page's text with its no-break spaces as plain ones (prices read «1 234,00 ₽»)."""
    return response.content.decode().replace("\xa0", " ").replace("\u202f", " ")


def run(*args):
    out = StringIO()
    call_command("suz_adopt_partners", *args, stdout=out)
    return out.getvalue()


def state():
    """What adoption changes: dealers with their territories, stock records, users' permissions."""
    return (
        sorted((d.partner.code, tuple(d.regions.values_list("slug", flat=True)),
                tuple(d.cities.values_list("slug", flat=True))) for d in Dealer.objects.select_related("partner")),
        sorted(StockRecord.objects.values_list("partner__code", "partner_sku", "price", "num_in_stock")),
        sorted(get_model("auth", "User").objects.filter(user_permissions__codename="dashboard_access")
               .values_list("email", flat=True)),
    )


def test_a_product_of_an_adopted_partner_is_priced_again_for_a_visitor_of_its_region(shop):
    page = shop["panel"].get_absolute_url()
    before = client_for().get(page, {"city": "test-kazan"})
    assert before.status_code == 200
    assert "1 234,00" not in shown(before)  # installed: nobody prices it

    run("--region", "ZZ-TA")

    visitor = client_for()
    response = visitor.get(page, {"city": "test-kazan"})
    assert "1 234,00" in shown(response)
    assert response.context["session"].price.excl_tax == Decimal("1234.00")
    assert response.context["session"].availability.is_available_to_buy
    elsewhere = client_for().get(page, {"city": "test-far"})  # a city of no chosen region: still nobody's
    assert "1 234,00" not in shown(elsewhere)
    assert not elsewhere.context["session"].availability.is_available_to_buy


def test_the_command_adopts_every_partner_keeping_its_stock_and_users(shop):
    stock_before = state()[1]
    output = run("--region", "test-tatarstan", "--city", "test-far")
    dealers, stock, with_access = state()
    assert dealers == [("north", ("test-tatarstan",), ("test-far",)), ("south", ("test-tatarstan",), ("test-far",))]
    assert stock == stock_before
    assert with_access == ["north@example.com"]
    assert selectors.dealer_for_user(shop["user"]).partner == shop["north"]
    assert "«Север» (north): 1 товарная позиция становится его предложением" in output
    assert "2 партнёра стали дилерами, обслуживающими: Татария, Дальний." in output


def test_running_it_twice_changes_nothing(shop):
    run("--region", "ZZ-TA")
    after_first = state()
    output = run("--region", "ZZ-TA", "--city", "test-far")
    assert state() == after_first
    assert "Некого делать дилером: все партнёры уже дилеры. Ничего не изменено." in output
    assert "уже дилер" in run("--partner", "north", "--region", "ZZ-TA")
    assert state() == after_first


def test_dry_run_lists_and_changes_nothing(shop):
    before = state()
    output = run("--region", "ZZ-TA", "--dry-run")
    assert state() == before
    assert "«Юг» (south): 1 товарная позиция становится его предложением" in output
    assert "2 партнёра стали бы дилерами, обслуживающими: Татария. Ничего не изменено (--dry-run)." in output


def test_only_the_partners_asked_for(shop):
    run("--partner", "south", "--city", str(shop["city"].pk))
    assert state()[0] == [("south", (), ("test-kazan",))]


@pytest.mark.parametrize("args,message", [
    ((), "Выберите хотя бы один регион или город"),
    (("--region", "atlantis"), "Неизвестный регион: 'atlantis'"),
    (("--region", "ZZ-TA", "--region", "99999999999999999999999"), "Неизвестный регион: '99999999999999999999999'"),
    (("--region", "ZZ\x00TA"), "Неизвестный регион"),
    (("--city", "nowhere"), "Неизвестный город: 'nowhere'"),
    (("--region", "ZZ-TA", "--partner", "ghost"), "Неизвестный партнёр: 'ghost'"),
])
def test_bad_arguments_are_a_clear_error_and_change_nothing(shop, args, message):
    before = state()
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert state() == before


def test_adoption_is_all_or_nothing(shop, monkeypatch):
    """A failure on the second partner leaves the first one a partner too."""
    calls = []
    original = Dealer.objects.get_or_create

    def failing(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return original(**kwargs)

    monkeypatch.setattr(Dealer.objects, "get_or_create", failing)
    before = state()
    with pytest.raises(RuntimeError):
        services.partners_adopt(partners=[shop["north"], shop["south"]], regions=[shop["region"]])
    assert len(calls) == 2 and state() == before


def test_the_service_refuses_no_territory(shop):
    with pytest.raises(AdoptionError):
        services.partners_adopt(partners=[shop["north"]])
    assert not Dealer.objects.exists()


def test_a_user_of_two_partners_is_pointed_out(shop):
    shop["south"].users.add(shop["user"])
    assert "north@example.com привязан к нескольким партнёрам" in run("--region", "ZZ-TA", "--dry-run")
    response = client_for(get_model("auth", "User").objects.create_user(
        "boss", "boss@example.com", "x", is_staff=True)).get(reverse(ADOPT_URL))
    assert "north@example.com" in response.content.decode()


# The dashboard -------------------------------------------------------------------------------------------


def test_only_staff_open_the_adoption_screen(shop, customer, manager_a, manager_b, staff):
    url = reverse(ADOPT_URL)
    data = {"partners": [shop["north"].pk], "regions": [shop["region"].pk]}
    assert client_for().get(url).status_code == 302  # to the login page
    for user in (customer, manager_a, manager_b):
        assert client_for(user).get(url).status_code == 403
        assert client_for(user).post(url, data).status_code == 403
    assert not Dealer.objects.filter(partner=shop["north"]).exists()
    response = client_for(staff).get(url)
    assert response.status_code == 200
    listed = [partner for partner, _checked in response.context["partners"]]
    assert shop["north"] in listed and shop["south"] in listed
    assert manager_a.partners.get() not in listed  # dealers are not offered again


def test_staff_adopt_the_chosen_partners_for_the_chosen_regions(shop, staff):
    client = client_for(staff)
    assert client.get(reverse("suz_dashboard:suz-dealer-list")).context["partners_to_adopt"] == 2
    response = client.post(reverse(ADOPT_URL), {"partners": [shop["north"].pk], "regions": [shop["region"].pk]},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("suz_dashboard:suz-dealer-list")
    assert "1 партнёр стал дилером" in response.content.decode()
    assert state()[0] == [("north", ("test-tatarstan",), ())]
    assert response.context["partners_to_adopt"] == 1
    # The page now offers the other one only; posting the first again is a form error, nothing changes.
    response = client.post(reverse(ADOPT_URL), {"partners": [shop["north"].pk], "regions": [shop["region"].pk]})
    assert response.status_code == 200 and response.context["form"].errors["partners"]
    assert state()[0] == [("north", ("test-tatarstan",), ())]


@pytest.mark.parametrize("data,field", [
    ({"regions": ["R"]}, "partners"),
    ({"partners": ["P"]}, "__all__"),  # no region, no city
    ({"partners": ["P"], "regions": ["99999999999999999999"]}, "regions"),
    ({"partners": ["P\x00"], "regions": ["R"]}, "partners"),
    ({"partners": ["<script>alert(1)</script>"], "regions": ["R"]}, "partners"),
    ({"partners": ["-1"], "regions": ["R"]}, "partners"),
])
def test_bad_input_is_a_form_error_and_changes_nothing(shop, staff, data, field):
    resolved = {key: [str(shop["north"].pk) + v[1:] if v.startswith("P") else str(shop["region"].pk)
                      if v == "R" else v for v in values] for key, values in data.items()}
    response = client_for(staff).post(reverse(ADOPT_URL), resolved)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Dealer.objects.exists()


def test_with_every_partner_a_dealer_the_screen_says_so(shop, staff):
    services.partners_adopt(partners=[shop["north"], shop["south"]], regions=[shop["region"]])
    response = client_for(staff).get(reverse(ADOPT_URL))
    assert "Все партнёры магазина уже дилеры." in response.content.decode()
    assert client_for(staff).get(reverse("suz_dashboard:suz-dealer-list")).context["partners_to_adopt"] == 0
