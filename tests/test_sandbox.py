"""The sandbox site: Wagtail at /, Oscar's shop, Russian by default, English on request."""

from django.core.files.base import ContentFile
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductFactory

from sandbox.demo.catalogue import picture
from sandbox.demo.pages import ensure_pages

from .conftest import client_for

ProductImage = get_model("catalogue", "ProductImage")


def test_wagtail_serves_the_editable_home_page(db):
    home = ensure_pages()
    home.title = "Отделка без хлопот"
    home.save_revision().publish()
    response = client_for().get("/")
    assert response.status_code == 200
    assert response.context["page"].specific == home
    content = response.content.decode()
    assert "Отделка без хлопот" in content
    assert reverse("catalogue:index") in content


def test_shop_dashboard_and_admins_are_mounted(staff):
    client = client_for(staff)
    assert client.get(reverse("catalogue:index")).status_code == 200
    assert client.get(reverse("dashboard:index")).status_code == 200
    assert client.get("/cms/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_russian_by_default_and_english_through_the_switch(db):
    client = client_for()
    # Russian even for a browser that prefers English, until the visitor switches.
    response = client.get(reverse("catalogue:index"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "ru"
    assert "Все товары" in response.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("catalogue:index"))
    assert response.headers["Content-Language"] == "en"
    assert "All products" in response.content.decode()


def test_product_images_render_as_thumbnails(db, settings):
    product = ProductFactory(title="Панель «Классик»")
    image = ProductImage(product=product, display_order=0)
    image.original.save("panel.png", ContentFile(picture("panel", (200, 170, 120), "t")), save=True)
    response = client_for().get(product.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    thumbs = [part.split('"')[0] for part in content.split(f'src="{settings.MEDIA_URL}')[1:]]
    assert any(t.startswith("cache/") for t in thumbs), thumbs  # sorl-thumbnail made a thumbnail
    assert (settings.MEDIA_ROOT / [t for t in thumbs if t.startswith("cache/")][0]).exists()

    # The catalogue list (browsed through the search index) shows it with its thumbnail.
    listing = client_for().get(reverse("catalogue:index")).content.decode()
    assert "Панель «Классик»" in listing
    assert f'src="{settings.MEDIA_URL}cache/' in listing


def test_russian_titles_make_readable_slugs(db):
    from oscar.core.utils import slugify

    assert slugify("Стеновые панели") == "stenovye-paneli"
    assert slugify("Щёлково, Подъезд №5") == "schelkovo-podezd-no5"
    product = ProductFactory(title="Плинтус «Классик» белый")
    assert product.slug == "plintus-klassik-belyy"
