"""A stage's audience is read through the visibility rows (``Visibility.stage``) instead of its own table."""

import django.db.models.deletion
from django.db import migrations, models


def copy_audiences(apps, schema_editor):
    Visibility = apps.get_model("suz_dispatch", "Visibility")
    Through = apps.get_model("suz_dispatch", "Stage").dealers.through
    for row in Through.objects.select_related("stage").iterator():
        Visibility.objects.filter(dispatch_id=row.stage.dispatch_id, dealer_id=row.dealer_id).update(
            stage_id=row.stage_id)


class Migration(migrations.Migration):

    dependencies = [
        ("suz_dispatch", "0006_everyone_stage"),
    ]

    operations = [
        migrations.AddField(
            model_name="visibility",
            name="stage",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="visibility",
                to="suz_dispatch.stage", verbose_name="stage",
                help_text="The stage that showed the order to the dealer (none: every dealer's).",
            ),
        ),
        migrations.RunPython(copy_audiences, migrations.RunPython.noop),
        migrations.RemoveField(model_name="stage", name="dealers"),
        migrations.AddField(
            model_name="stage",
            name="dealers",
            field=models.ManyToManyField(
                related_name="+", through="suz_dispatch.Visibility", through_fields=("stage", "dealer"),
                to="suz_dealers.dealer", verbose_name="audience",
            ),
        ),
    ]
