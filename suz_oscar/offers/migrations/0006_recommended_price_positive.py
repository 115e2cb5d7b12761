from decimal import Decimal

import django.core.validators
from django.db import migrations, models


def drop_non_positive(apps, schema_editor):
    """A recommended price of zero or less sold the product for nothing or less: drop it (the product
    then has no recommended price, as before it was set) so that the constraint below can be added."""
    apps.get_model("suz_offers", "RecommendedPrice").objects.filter(price__lte=0).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0032_category_exclude_from_menu_category_long_description'),
        ('suz_offers', '0005_sanitise_own_product_descriptions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='recommendedprice',
            name='price',
            field=models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0.01')), django.core.validators.MaxValueValidator(Decimal('9999999999.99'))], verbose_name='recommended price'),
        ),
        migrations.RunPython(drop_non_positive, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='recommendedprice',
            constraint=models.CheckConstraint(condition=models.Q(('price__gt', 0)), name='suz_recommended_price_positive'),
        ),
    ]
