"""The partner-user leaks of stock Oscar are closed in our site."""

import pytest
from django.urls import reverse
from oscar.templatetags.dashboard_tags import dashboard_navigation
from oscar.test.factories import ProductFactory, create_order

from .conftest import client_for

STAFF_ONLY_OSCAR_URLS = [
    ("dashboard:catalogue-product-list", {}),
    ("dashboard:catalogue-product-create", {}),
    ("dashboard:order-stats", {}),
    ("dashboard:users-index", {}),
]


@pytest.mark.parametrize("name,kwargs", STAFF_ONLY_OSCAR_URLS)
def test_partner_user_is_refused_oscar_sections(name, kwargs, manager_a, staff):
    url = reverse(name, kwargs=kwargs)
    assert client_for(manager_a).get(url).status_code == 403
    assert client_for(staff).get(url).status_code in (200, 302)  # product create asks for a class first


def test_oscars_order_list_leads_staff_to_our_one_order_list(manager_a, staff):
    """Staff have one order list (ours, with dispatch); a dealer is refused Oscar's list as before."""
    url = reverse("dashboard:order-list")
    ours = reverse("suz_dispatch_dashboard:suz-inbox")
    response = client_for(staff).get(url + "?tab=manual")
    assert response.status_code == 302 and response["Location"] == ours + "?tab=manual"
    assert client_for(manager_a).get(url).status_code == 403
    names = [n.url_name for node in dashboard_navigation(staff) for n in (node, *node.children)]
    assert "suz_dispatch_dashboard:suz-inbox" in names and "dashboard:order-list" not in names
    assert "dashboard:order-stats" in names  # the rest of Oscar's «Fulfilment» section stays


def test_oscars_partner_pages_lead_to_the_dealer_registry_and_change_nothing(manager_a, dealer_a, dealer_b, staff):
    """Linking a dealer's manager to a second partner would switch its dashboard to the other dealer."""
    link = reverse("dashboard:partner-user-link", kwargs={"partner_pk": dealer_b.partner_id, "user_pk": manager_a.pk})
    delete = reverse("dashboard:partner-delete", kwargs={"pk": dealer_b.partner_id})
    for url in (reverse("dashboard:partner-list"), link, delete):
        response = client_for(staff).post(url)
        assert response.status_code == 302 and response["Location"] == reverse("suz_dashboard:suz-dealer-list")
        assert client_for(manager_a).post(url).status_code == 403
    assert list(manager_a.partners.all()) == [dealer_a.partner]
    dealer_b.refresh_from_db()


def test_partner_user_cannot_edit_or_delete_manufacturer_product(manager_a, dealer_a):
    product = ProductFactory(title="Панель «Классик»", stockrecords__partner=dealer_a.partner)
    client = client_for(manager_a)
    edit = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    delete = reverse("dashboard:catalogue-product-delete", kwargs={"pk": product.pk})
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"title": "Взломано"}).status_code == 403
    assert client.post(delete).status_code == 403
    product.refresh_from_db()
    assert product.title == "Панель «Классик»"


def test_partner_user_cannot_open_an_order_or_its_lines(manager_a, dealer_a):
    product = ProductFactory(stockrecords__partner=dealer_a.partner)
    from oscar.test.basket import add_product
    from oscar.test.factories import create_basket

    basket = create_basket(empty=True)
    add_product(basket, product=product)
    order = create_order(basket=basket)
    client = client_for(manager_a)
    assert client.get(reverse("dashboard:order-detail", kwargs={"number": order.number})).status_code == 403
    line = order.lines.first()
    url = reverse("dashboard:order-line-detail", kwargs={"number": order.number, "line_id": line.pk})
    assert client.get(url).status_code == 403


def test_manager_lands_on_the_order_inbox_and_sees_only_dealer_menu(manager_a, dealer_a):
    response = client_for(manager_a).get(reverse("dashboard:index"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("suz_dispatch_dashboard:suz-inbox")
    labels = [str(node.label) for node in dashboard_navigation(manager_a)]
    assert labels == ["Панель", "Заказы", "Уведомления", "Дилеры", "Обратная связь"]


def test_dashboard_index_for_others_is_oscars(staff, customer):
    assert client_for(staff).get(reverse("dashboard:index")).status_code == 200
    assert client_for(customer).get(reverse("dashboard:index")).status_code == 403
    anonymous = client_for().get(reverse("dashboard:index"))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_partner_user_is_refused_wagtail_and_django_admin(manager_a):
    client = client_for(manager_a)
    wagtail = client.get("/cms/")
    assert wagtail.status_code == 302 and "login" in wagtail["Location"]
    admin = client.get("/django-admin/")
    assert admin.status_code == 302 and "login" in admin["Location"]


def test_staff_can_add_a_flat_page_behind_wagtails_catch_all(staff):
    """With Wagtail's ``serve`` last in the URLs every path resolves; Oscar refused every flat page's URL."""
    from django.contrib.flatpages.models import FlatPage

    url = reverse("dashboard:page-create")
    response = client_for(staff).post(url, {"title": "Доставка", "url": "/dostavka/", "content": "<p>Текст</p>"})
    assert response.status_code == 302, response.context["form"].errors
    assert FlatPage.objects.filter(url="/dostavka/").exists()
    taken = client_for(staff).post(url, {"title": "Каталог", "url": "/catalogue/", "content": "x"})
    assert taken.status_code == 200 and "url" in taken.context["form"].errors


@pytest.mark.parametrize("status", ["", "\x00"])
def test_stock_alerts_with_an_invalid_status_show_the_form_error(staff, status):
    """Oscar's list left its description unset for an invalid status (empty, a NUL byte) and failed with a 500."""
    response = client_for(staff).get(reverse("dashboard:stock-alert-list"), {"status": status})
    assert response.status_code == 200
    assert response.context["form"].errors["status"]
    assert "Все уведомления" in response.content.decode()


@pytest.mark.parametrize("value", ["\x00", "<script>", "9" * 30])
def test_a_product_recommendation_that_is_no_product_id_is_shown_again_without_a_500(value):
    """Oscar's product picker looked its value up as an id while showing the form again (the product page)."""
    from oscar.core.loading import get_class

    form = get_class("dashboard.catalogue.forms", "ProductRecommendationForm")(data={"recommendation": value})
    assert not form.is_valid() and "recommendation" in form.errors
    assert 'name="recommendation"' in str(form["recommendation"])


def test_a_category_saved_without_a_name_shows_the_error_and_keeps_its_link(staff):
    """Oscar showed the form again with the half-edited category, whose empty slug has no URL: a 500."""
    from oscar.core.loading import get_model

    category = get_model("catalogue", "Category").add_root(name="Панели")
    url = reverse("dashboard:catalogue-category-update", kwargs={"pk": category.pk})
    form = client_for(staff).get(url).context["form"]
    data = {**{name: form[name].value() or "" for name in form.fields}, "name": "", "slug": ""}
    response = client_for(staff).post(url, data)
    assert response.status_code == 200 and "name" in response.context["form"].errors
    assert category.get_absolute_url() in response.content.decode()
    category.refresh_from_db()
    assert category.name == "Панели"


@pytest.mark.parametrize("score,stars", [("4", "Four"), ("\x00", ""), ("9" * 30, "")])
def test_a_product_review_shown_again_keeps_its_stars_instead_of_a_500(customer, score, stars):
    """Oscar's review form, shown again (no title), rounded the posted text into stars: a 500 for any customer."""
    from oscar.core.loading import get_model

    product = ProductFactory()
    url = reverse("catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk})
    response = client_for(customer).post(url, {"title": "", "score": score, "body": "Хорошие панели"})
    assert response.status_code == 200 and "title" in response.context["form"].errors
    assert f'class="star-rating {stars}"' in response.content.decode()
    assert not get_model("reviews", "ProductReview").objects.exists()


def test_a_wish_list_sent_for_a_line_no_longer_there_shows_the_list_as_it_is(customer):
    """A line removed in another tab (or a forged id): Oscar drew the form again and failed with a 500."""
    from oscar.test.factories import WishListFactory

    wishlist = WishListFactory(owner=customer)
    line = wishlist.lines.create(product=ProductFactory(), quantity=1)
    url = reverse("customer:wishlists-detail", kwargs={"key": wishlist.key})
    page = client_for(customer).get(url)
    assert page.status_code == 200
    prefix = page.context["form"].prefix
    data = {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "1", f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000", f"{prefix}-0-id": str(line.pk), f"{prefix}-0-quantity": "3"}
    line.delete()  # in another tab
    response = client_for(customer).post(url, data, follow=True)
    assert response.status_code == 200
    assert "Список желаний изменился" in response.content.decode()
    assert not wishlist.lines.exists()
