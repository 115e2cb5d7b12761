from django.conf import settings
from django.db import migrations


def add_services_class(apps, schema_editor):
    """The product class of services (delivery, installation…): the manufacturer's list lives under it.

    Its slug is ``SUZ_SERVICE_PRODUCT_CLASS``; a class the site already has under that slug is kept as it is.
    """
    ProductClass = apps.get_model("catalogue", "ProductClass")
    ProductClass.objects.get_or_create(
        slug=getattr(settings, "SUZ_SERVICE_PRODUCT_CLASS", "services"),
        defaults={"name": "Услуги", "requires_shipping": False, "track_stock": False},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("suz_offers", "0003_dealer_product"),
        ("catalogue", "0032_category_exclude_from_menu_category_long_description"),
    ]

    operations = [migrations.RunPython(add_services_class, migrations.RunPython.noop)]
