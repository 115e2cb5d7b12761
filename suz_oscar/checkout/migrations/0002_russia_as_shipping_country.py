from django.db import migrations


def add_russia(apps, schema_editor):
    """Orders are delivered in Russia: make sure Oscar knows the country (an existing row is kept)."""
    Country = apps.get_model("address", "Country")
    Country.objects.get_or_create(
        iso_3166_1_a2="RU",
        defaults={
            "iso_3166_1_a3": "RUS",
            "iso_3166_1_numeric": "643",
            "printable_name": "Россия",
            "name": "Российская Федерация",
            "is_shipping_country": True,
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("suz_checkout", "0001_initial"),
        ("address", "0007_useraddress_code"),
    ]

    operations = [migrations.RunPython(add_russia, migrations.RunPython.noop)]
