from django.db import migrations

INTRO = (
    "<p>Стеновые и потолочные панели, плинтусы и молдинги от производителя. Выберите свой город — "
    "мы покажем, что есть в наличии рядом и по какой цене, а заказ примет ближайший дилер.</p>"
)


def create_homepage(apps, schema_editor):
    """Replace Wagtail's welcome page with our home page and point the default site at it."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("suz_wagtail.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    Page.objects.filter(depth=2, url_path="/home/", content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="suz_wagtail")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Полимерные отделочные материалы",
        draft_title="Полимерные отделочные материалы",
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        intro=INTRO,
        shop_button_label="Перейти в каталог",
        live=True,
        locale=root.locale if root.locale_id else Locale.objects.order_by("pk").first(),
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "django-suz"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("suz_wagtail", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]
    run_before = []

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
