"""One row of Oscar's «Communications» per email event of ours: staff find them in Dashboard → Communications
and write the texts there; a blank field keeps the file template (``services._render``)."""

from django.db import migrations

# (code = the event type's key in capitals, the name staff see)
EVENTS = [
    ("ORDER_AVAILABLE", "Новый заказ доступен нам"),
    ("ORDER_MANUAL", "Заказ ждёт ручного назначения"),
    ("ORDER_DECLINED", "Все дилеры отказались от заказа"),
    ("SLA_BREACH", "Заказ не обработан вовремя (SLA)"),
    ("RATING_WARNING", "Наш рейтинг низкий"),
    ("DEALER_EXCLUDED", "Мы исключены из распределения"),
    ("DEALER_EXCLUDED_STAFF", "Дилер исключён из распределения"),
    ("CUSTOMER_MESSAGE", "Сообщение от покупателя"),
    ("DEALER_MESSAGE", "Сообщение о вашем заказе"),
    ("ORDER_TAKEN", "Дилер взял ваш заказ"),
    ("ORDER_RETURNED", "Ваш заказ передаётся другому дилеру"),
    ("ORDER_CANCELLED_CUSTOMER", "Покупатель отменил заказ"),
    ("CHANGE_REQUESTED", "Покупатель просит изменить заказ"),
    ("CHANGE_ANSWERED", "Ответ на вашу просьбу изменить заказ"),
]
# The invitation's one-time link is sensitive: its text stays in the code's template, not in an editable row.


def add(apps, schema_editor):
    CommunicationEventType = apps.get_model("communication", "CommunicationEventType")
    for code, name in EVENTS:
        CommunicationEventType.objects.get_or_create(code=code, defaults={"name": name, "category": "Order related"})


def remove(apps, schema_editor):
    CommunicationEventType = apps.get_model("communication", "CommunicationEventType")
    CommunicationEventType.objects.filter(code__in=[code for code, _name in EVENTS], email_subject_template=None,
                                          email_body_template=None, sms_template=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("suz_notifications", "0002_comment"),
        ("communication", "0004_auto_20200801_0817"),
    ]

    operations = [migrations.RunPython(add, remove)]
