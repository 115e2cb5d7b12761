"""Oscar's ``partner_stockrecord.price`` (not our model): empty or greater than zero, in the database.

Dealers' offers are Oscar stock records; a price of zero or less let a guest check out
with a negative total. PostgreSQL (and other databases with CHECK) get a constraint,
SQLite, which cannot add one to an existing table, two triggers that abort the statement.
"""

from django.db import migrations

NAME = "suz_stockrecord_price_positive"


def table(apps):
    return apps.get_model("partner", "StockRecord")._meta.db_table


def forwards(apps, schema_editor):
    # Offers already priced at zero or less follow the recommended price instead (empty price).
    apps.get_model("partner", "StockRecord").objects.filter(price__lte=0).update(price=None)
    quoted = schema_editor.quote_name(table(apps))
    if schema_editor.connection.vendor == "sqlite":
        for event in ("INSERT", "UPDATE"):
            schema_editor.execute(
                f"CREATE TRIGGER {NAME}_{event.lower()} BEFORE {event} ON {quoted} "
                f"FOR EACH ROW WHEN NEW.price IS NOT NULL AND NEW.price <= 0 "
                f"BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {NAME}'); END"
            )
    else:
        schema_editor.execute(f"ALTER TABLE {quoted} ADD CONSTRAINT {NAME} CHECK (price IS NULL OR price > 0)")


def backwards(apps, schema_editor):
    quoted = schema_editor.quote_name(table(apps))
    if schema_editor.connection.vendor == "sqlite":
        for event in ("insert", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {NAME}_{event}")
    else:
        schema_editor.execute(f"ALTER TABLE {quoted} DROP CONSTRAINT {NAME}")


class Migration(migrations.Migration):

    dependencies = [
        ("partner", "0007_partneraddress_code"),
        ("suz_offers", "0006_recommended_price_positive"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
