"""The demo's Wagtail pages: a home page built from our blocks and a «Где купить» map page.

Demo data, not a migration: django-suz's migrations never touch a host's pages or sites. Idempotent: a page that
exists stays as the editors left it.
"""

from django.db import transaction
from oscar.core.loading import get_model
from wagtail.models import Page, Site

from suz_wagtail.models import SuzDealerMapPage, SuzHomePage, SuzPromotionPage, SuzShopSettings

INTRO = (
    "<p>Стеновые и потолочные панели, плинтусы и молдинги от производителя. Выберите свой город — "
    "мы покажем, что есть в наличии рядом и по какой цене, а заказ примет ближайший дилер.</p>"
)
MAP_INTRO = "<p>Дилеры вашего города по рейтингу: адреса, часы работы, телефоны и наличие товара.</p>"


def _body(product_id):
    body = [
        ("city_picker", {"heading": "Где вы находитесь?"}),
        ("product_carousel", {"heading": "Новинки", "category": "", "count": 8}),
    ]
    if product_id:
        body.append(("where_to_buy", {"product": str(product_id), "heading": "", "limit": 5}))
    body.append(("dealer_map", {"heading": "Дилеры на карте", "city": ""}))
    return body


@transaction.atomic
def ensure_pages():
    """The home page at the root of the default site, a map page under it and the shop's settings."""
    home = SuzHomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's own welcome page holds the slug "home" in a fresh database: the demo replaces it.
        for welcome in root.get_children().filter(content_type__app_label="wagtailcore", slug="home"):
            if not welcome.get_children().exists():
                welcome.delete()
        root.refresh_from_db()
        product = get_model("catalogue", "Product").objects.filter(
            is_public=True, recommended_price__isnull=False).order_by("pk").first()
        home = root.add_child(instance=SuzHomePage(
            title="Полимерные отделочные материалы", slug="home", intro=INTRO,
            shop_button_label="Перейти в каталог", body=_body(product.pk if product else None),
        ))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="django-suz")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "django-suz"
        site.save()
    if not SuzDealerMapPage.objects.exists():
        home.add_child(instance=SuzDealerMapPage(title="Где купить", slug="gde-kupit", intro=MAP_INTRO,
                                                 show_in_menus=True))
    promotion = ensure_promotion()
    if promotion is not None and not SuzPromotionPage.objects.exists():
        page = home.add_child(instance=SuzPromotionPage(title=promotion.title, slug="akciya", promotion=promotion))
        home.body.insert(0, ("promotion_banner", {"promotion": promotion, "page": page}))
        home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    shop, _ = SuzShopSettings.objects.get_or_create(site=site)
    if not shop.phone:
        shop.phone = "8 800 555-35-35"
        shop.contacts = ("<p>Отдел продаж производителя: пн–пт 9:00–18:00, "
                         '<a href="mailto:shop@example.com">shop@example.com</a></p>')
        shop.callback_minutes = 15
        shop.save()
    return home


def ensure_promotion():
    """A running promotion of the manufacturer (15 % off the «Норд» panels in every region) that no dealer
    has joined yet: in the demo, dealer2 joins it in its dashboard (Промоакции)."""
    from datetime import timedelta

    from django.utils import timezone

    Promotion = get_model("suz_promotions", "Promotion")
    Product = get_model("catalogue", "Product")
    promotion = Promotion.objects.order_by("pk").first()
    if promotion is not None:
        return promotion
    products = list(Product.objects.filter(title__icontains="Норд", parent=None))
    if not products:
        return None
    now = timezone.now()
    promotion = Promotion.objects.create(
        title="Неделя «Норд»: −15 %", percent_off=15, starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=30),
        text="Панели «Норд» всех цветов на 15 % дешевле рекомендованной цены у дилеров-участников акции.",
    )
    promotion.products.set(products)
    return promotion
