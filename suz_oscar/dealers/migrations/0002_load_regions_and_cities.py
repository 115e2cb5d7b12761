from django.db import migrations

from suz_oscar.dealers.geo import load_reference_data


def load(apps, schema_editor):
    load_reference_data(apps.get_model("suz_dealers", "Region"), apps.get_model("suz_dealers", "City"))


class Migration(migrations.Migration):
    dependencies = [("suz_dealers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
