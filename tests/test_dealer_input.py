"""What a dealer writes reaches pages and emails: it is checked, escaped, and never a server error."""

import pytest
from django.urls import reverse

from suz_oscar.test.factories import CityFactory, DealerFactory, OutletFactory

from .conftest import client_for

NUL = "Данные содержат запрещённый символ: ноль-байт"
ONE_LINE = "Напишите в одну строку, без переносов и табуляции."
PROFILE_FIELDS = ["name", "legal_name", "description", "website", "email", "phone"]


def profile_data(**extra):
    return {"name": "Дилер", "legal_name": "", "description": "", "website": "", "phone": "", "email": "",
            "accepts_site_orders": "on", **extra}


def post_profile(user, dealer, **extra):
    return client_for(user).post(reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer.pk}),
                                 profile_data(**extra))


def errors(response, field):
    assert response.status_code == 200, response.status_code
    return response.context["form"].errors.get(field, [])


@pytest.mark.parametrize("field", PROFILE_FIELDS)
def test_nul_in_the_profile_is_a_form_error(manager_a, dealer_a, field):
    assert NUL in errors(post_profile(manager_a, dealer_a, **{field: "Дилер\x00"}), field)
    dealer_a.partner.refresh_from_db()
    assert dealer_a.partner.name == "Дилер А"


@pytest.mark.parametrize("field,limit", [("name", 128), ("legal_name", 255), ("description", 4000),
                                         ("website", 200), ("email", 254), ("phone", 128)])
def test_over_long_profile_values_are_a_form_error(manager_a, dealer_a, field, limit):
    value = {"website": "https://example.com/" + "a" * limit, "email": "a" * limit + "@example.com",
             "phone": "9" * (limit + 1)}.get(field, "я" * (limit + 1))
    assert errors(post_profile(manager_a, dealer_a, **{field: value}), field)


@pytest.mark.parametrize("field", ["name", "legal_name"])
@pytest.mark.parametrize("value", ["Дилер\nBcc: victim@example.com", "Дилер\r\nX", "Дилер\tА"])
def test_names_are_one_line(manager_a, dealer_a, field, value):
    assert errors(post_profile(manager_a, dealer_a, **{field: value}), field) == [ONE_LINE]


@pytest.mark.parametrize("website", ["javascript:alert(1)", "JavaScript:alert(1)//example.com", "ftp://example.com",
                                     "data:text/html,<script>alert(1)</script>", "http://"])
def test_website_is_http_or_https_only(manager_a, dealer_a, website):
    assert errors(post_profile(manager_a, dealer_a, website=website), "website")
    dealer_a.refresh_from_db()
    assert dealer_a.website == ""


def test_website_without_scheme_becomes_https(manager_a, dealer_a):
    assert post_profile(manager_a, dealer_a, website="example.com").status_code == 302
    dealer_a.refresh_from_db()
    assert dealer_a.website == "https://example.com"


def test_staff_territory_fields_reject_junk(staff, dealer_a):
    for value in ("\x00", "abc", "99999999999999999999"):
        response = post_profile(staff, dealer_a, regions=[value], cities=[value])
        assert errors(response, "regions") and errors(response, "cities")


def test_territory_request_rejects_junk(manager_a, dealer_a):
    url = reverse("suz_dashboard:suz-territory", kwargs={"pk": dealer_a.pk})
    for value in ("\x00", "abc", "99999999999999999999", "-1"):
        response = client_for(manager_a).post(url, {"regions": [value], "cities": [value], "comment": "\x00"})
        assert errors(response, "regions") and errors(response, "cities") and errors(response, "comment")
    assert not dealer_a.territory_requests.exists()


def outlet_data(**extra):
    return {"city": CityFactory().pk, "address": "ул. Мира, 5", "is_active": "on", **extra}


@pytest.mark.parametrize("field,value,message", [
    ("name", "Салон\x00", NUL), ("address", "ул.\x00", NUL), ("opening_hours", "\x00", NUL),
    ("name", "я" * 129, "не более 128 символов"), ("address", "я" * 256, "не более 255 символов"),
    ("opening_hours", "я" * 256, "не более 255 символов"),
    ("name", "Салон\nBcc: x@example.com", ONE_LINE), ("address", "ул. Мира,\n5", ONE_LINE),
    ("opening_hours", "Пн–Пт\r\n9–18", ONE_LINE),
    ("city", "\x00", NUL), ("city", "99999999999999999999", "Выберите корректный вариант"),
    ("latitude", "\x00", "Введите число."), ("phone", "\x00", NUL),
])
def test_outlet_input_is_a_form_error(manager_a, dealer_a, field, value, message):
    url = reverse("suz_dashboard:suz-outlet-create", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url, outlet_data(**{field: value}))
    assert any(message in error for error in errors(response, field)), errors(response, field)
    assert not dealer_a.outlets.exists()


@pytest.mark.parametrize("params", [
    {"q": "\x00"}, {"q": "поли\x00декор"}, {"q": "я" * 5000}, {"region": "abc"}, {"region": "\x00"},
    {"region": "99999999999999999999"}, {"region": "-1"}, {"page": "-1"}, {"page": "0"}, {"page": "abc"},
    {"page": "99999999999999999999"}, {"sort": "<junk>"}, {"sort": "partner__users__password"},
    {"sort": "-orders_count"}, {"is_active": "\x00"}, {"per_page": "0"}, {"per_page": "-5"},
    {"per_page": "abc"}, {"_export": "<junk>"},
])
def test_registry_filters_never_fail(staff, params):
    for n in range(3):
        DealerFactory(partner__name=f"ПолиДекор {n}")
    response = client_for(staff).get(reverse("suz_dashboard:suz-dealer-list"), params)
    assert response.status_code == 200
    assert len(response.context["table"].page.object_list) <= 25


def test_registry_filter_errors_are_translated(staff):
    response = client_for(staff).get(reverse("suz_dashboard:suz-dealer-list"), {"q": "\x00", "region": "abc"})
    assert response.context["filter"].errors == {
        "q": [NUL], "region": ["Выберите корректный вариант. Вашего варианта нет среди допустимых значений."],
    }


HOSTILE = "<script>alert(1)</script>"


def test_what_a_dealer_writes_is_escaped_on_every_page(staff, manager_a, dealer_a):
    dealer_a.partner.name = f"{HOSTILE} & Co"
    dealer_a.partner.save()
    dealer_a.legal_name, dealer_a.description = HOSTILE, HOSTILE
    dealer_a.email, dealer_a.website = "a@example.com", "https://example.com/?q=<b>"
    dealer_a.save()
    outlet = OutletFactory(dealer=dealer_a, name=HOSTILE, address=HOSTILE, opening_hours=HOSTILE)
    pages = [
        (manager_a, reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})),
        (manager_a, reverse("suz_dashboard:suz-outlet-list", kwargs={"pk": dealer_a.pk})),
        (manager_a, reverse("suz_dashboard:suz-outlet-update", kwargs={"pk": dealer_a.pk, "outlet_pk": outlet.pk})),
        (manager_a, reverse("suz_dashboard:suz-manager-list", kwargs={"pk": dealer_a.pk})),
        (manager_a, reverse("suz_dashboard:suz-territory", kwargs={"pk": dealer_a.pk})),
        (staff, reverse("suz_dashboard:suz-dealer-list")),
        (staff, reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})),
    ]
    for user, url in pages:
        page = client_for(user).get(url).content.decode()
        assert HOSTILE not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url


def test_notification_subjects_with_a_dealer_name_stay_one_line(db):
    """A name saved with a line break (admin, import) must not break the scoring emails' headers."""
    from django.core import mail

    from suz_oscar.core.mail import render_email, send_email

    dealer = DealerFactory(partner__name="Декор\nBcc: victim@example.com")
    subject, _body = render_email("suz/scoring/emails/rating_warning", {"dealer": dealer, "threshold": 1})
    assert "\n" not in subject and "Bcc: victim@example.com" in subject
    send_email("suz/scoring/emails/rating_warning", {"dealer": dealer, "threshold": 1}, ["manager@example.com"])
    assert mail.outbox[-1].to == ["manager@example.com"] and not mail.outbox[-1].bcc


@pytest.mark.parametrize("reason,message", [("Жалобы\x00", NUL), ("я" * 256, "не более 255 символов"),
                                            ("Жалобы\nи ещё", ONE_LINE)])
def test_a_bad_suspension_reason_is_shown_and_nothing_changes(staff, dealer_a, reason, message):
    url = reverse("suz_dashboard:suz-dealer-status", kwargs={"pk": dealer_a.pk})
    response = client_for(staff).post(url, {"action": "suspend", "reason": reason}, follow=True)
    assert response.status_code == 200
    assert any(message in str(m) for m in response.context["messages"])
    dealer_a.refresh_from_db()
    assert dealer_a.is_active
