"""The customer's confirmation with the link to the order's page is Oscar's ``ORDER_PLACED`` type, sent through
the outbox: staff edit its texts in Dashboard → Communications as Oscar's users are used to."""

from django.db import migrations


def add(apps, schema_editor):
    CommunicationEventType = apps.get_model("communication", "CommunicationEventType")
    CommunicationEventType.objects.get_or_create(code="ORDER_PLACED", defaults={
        "name": "Заказ принят (со ссылкой на страницу заказа)", "category": "Order related"})


def remove(apps, schema_editor):
    CommunicationEventType = apps.get_model("communication", "CommunicationEventType")
    CommunicationEventType.objects.filter(code="ORDER_PLACED", email_subject_template=None,
                                          email_body_template=None, sms_template=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("suz_notifications", "0003_communication_event_types"),
    ]

    operations = [migrations.RunPython(add, remove)]
