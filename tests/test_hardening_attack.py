"""Holes found by attacking the demo over HTTP: each is a test now."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.offers import pricefiles, services

from .conftest import client_for, make_order, regional_network
from .test_offers_dashboard import catalogue, offers_url, table_post  # noqa: F401  (fixture)

OfferImport = get_model("suz_offers", "OfferImport")
StockRecord = get_model("partner", "StockRecord")


def test_a_product_id_past_the_database_is_a_form_error(manager_a, dealer_a, catalogue):  # noqa: F811
    response = table_post(client_for(manager_a), dealer_a, [
        {"product_id": 2**63, "availability": "in_stock", "price": "100"}])
    assert response.status_code == 200 and "ничего не сохранено" in response.content.decode()
    response = table_post(client_for(manager_a), dealer_a, [
        {"product_id": 2**63, "availability": "in_stock", "price": "abc"}])
    assert response.status_code == 200


@pytest.mark.parametrize("survey", ["abc", "1,2,3,4,x", "1e400,1,1,1,1"])
def test_a_points_table_with_junk_in_the_survey_scores_is_a_form_error(staff, survey):
    url = reverse("suz_scoring_dashboard:suz-scoring-rules")
    data = {"completed": "10", "per_thousand": "0", "failed_dealer": "-10", "failed_customer": "0",
            "given_back": "-5", "sla_breach": "-3", "survey": survey, "warn_below": "", "exclude_below": ""}
    response = client_for(staff).post(url, data)
    assert response.status_code == 200 and response.context["form"].errors["survey"]


def test_staff_cannot_move_an_order_to_the_dealer_that_has_it(db, staff):
    network = regional_network([10], far=False)
    dealer = network["dealers"][0]
    dispatch = dispatch_services.dispatch_plan(order=make_order(network["city"], network["product"]))
    dispatch_services.dispatch_claim(dispatch=dispatch, dealer=dealer)
    claimed_at = type(dispatch).objects.get(pk=dispatch.pk).claimed_at
    url = reverse("suz_dispatch_dashboard:suz-inbox-assign", kwargs={"pk": dispatch.pk})
    response = client_for(staff).post(url, {"dealer": dealer.pk}, follow=True)
    assert "уже у дилера" in response.content.decode()
    dispatch.refresh_from_db()
    assert dispatch.claimed_at == claimed_at and dispatch.history.count() == 1


def test_a_file_of_many_bad_rows_keeps_two_hundred_errors_and_counts_the_rest(dealer_a, catalogue):  # noqa: F811
    content = ("Артикул;Цена\n" + "".join(f"нет-{i};abc\n" for i in range(5000))).encode()
    rows, errors = pricefiles.parse_price_file(content, "bad.csv", dealer_a)
    assert rows == [] and len(errors) == pricefiles.MAX_ERRORS + 1
    record = services.offer_import_record(dealer=dealer_a, filename="bad.csv", user=None, rows=rows, errors=errors)
    assert record.error_count == 5000


@pytest.mark.parametrize("content,name", [
    (b"\xd0\x90\xd1\x80\xd1\x82\xd0\xb8\xd0\xba\xd1\x83\xd0\xbb;\xd0\xa6\xd0\xb5\xd0\xbd\xd0\xb0\n", "head.csv"),
    (b"PK\x03\x04 not really a zip", "broken.xlsx"),
])
def test_a_file_without_rows_or_broken_is_refused_in_russian(dealer_a, content, name):
    with pytest.raises(pricefiles.PriceFileError) as refused:
        pricefiles.parse_price_file(content, name, dealer_a)
    message = str(refused.value)
    assert message.startswith(("В файле нет строк", "Файл не удаётся прочитать")) and "zip" not in message


def test_only_the_latest_price_files_are_kept(dealer_a):
    for i in range(services.KEPT_IMPORTS + 5):
        services.offer_import_record(dealer=dealer_a, filename=f"{i}.csv", user=None, rows=[], errors=[])
    assert dealer_a.offer_imports.count() == services.KEPT_IMPORTS
    assert not dealer_a.offer_imports.filter(filename="0.csv").exists()


def png(width, height):
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")  # one bit per pixel: a small file, a huge picture
    return SimpleUploadedFile("big.png", out.getvalue(), content_type="image/png")


def test_a_huge_picture_in_a_small_file_is_refused(manager_a, dealer_a, catalogue):  # noqa: F811
    url = reverse("suz_dashboard:suz-own-product-create", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url, {"title": "Клей", "price": "100", "availability": "in_stock",
                                                "image": png(6000, 6000)})
    assert response.status_code == 200 and "миллионов" in response.content.decode()
    assert not dealer_a.own_products.exists()


def test_a_logo_over_two_megabytes_is_refused(manager_a, dealer_a):
    out = io.BytesIO()
    Image.frombytes("RGB", (1200, 1200), os.urandom(1200 * 1200 * 3)).save(out, "PNG")  # noise: no compression
    assert out.tell() > 2 * 1024 * 1024
    logo = SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")
    url = reverse("suz_dashboard:suz-dealer-update", kwargs={"pk": dealer_a.pk})
    response = client_for(manager_a).post(url, {"name": "Дилер А", "accepts_site_orders": "on", "logo": logo})
    assert response.status_code == 200 and "Изображение больше 2 МБ" in response.content.decode()


def test_the_error_pages_speak_russian(db, client):
    assert "Что-то пошло не так" in render_to_string("oscar/500.html")
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400 and "Неверный запрос" in response.content.decode()


@pytest.mark.parametrize("name", ["dashboard:catalogue-product-list", "dashboard:catalogue-category-list"])
def test_oscars_catalogue_tables_take_their_own_sort_links(staff, name):
    assert client_for(staff).get(reverse(name), {"sort": "checkbox"}).status_code == 200


@pytest.mark.parametrize("path", ["/static/..%2f..%2fsettings.py", "/media/..%2f..%2fsettings.py"])
def test_a_path_out_of_the_demos_files_is_a_bad_request(client, path):
    assert client.get(path).status_code in (400, 404)
