from django.db import migrations


def sanitise(apps, schema_editor):
    """Dealers' own-product descriptions were stored raw and rendered with ``|safe``: clean them."""
    from suz_oscar.core.html import clean_html

    Product = apps.get_model("catalogue", "Product")
    owned = Product.objects.filter(suz_owner__isnull=False).exclude(description="").only("pk", "description")
    for product in owned.iterator(chunk_size=500):
        cleaned = clean_html(product.description)
        if cleaned != product.description:
            Product.objects.filter(pk=product.pk).update(description=cleaned)


class Migration(migrations.Migration):

    dependencies = [
        ("catalogue", "0032_category_exclude_from_menu_category_long_description"),
        ("suz_offers", "0004_service_product_class"),
    ]

    operations = [migrations.RunPython(sanitise, migrations.RunPython.noop)]
