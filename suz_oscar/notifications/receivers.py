def on_notification_requested(sender, event_type, key, context, users=(), dealers=(), staff=False, customers=(),
                               addresses=(), **kwargs):
    """``core.outbox.announce`` (sent inside the event's transaction): the rows commit or roll back with it."""
    from .services import notification_announce

    notification_announce(event_type=event_type, key=key, context=context, users=users, dealers=dealers,
                          staff=staff, customers=customers, addresses=addresses)


def communication_types_sync(sender, using="default", **kwargs):
    """After ``migrate``: a row of Oscar's «Письма» (``CommunicationEventType``) for every registered event type
    staff may edit — telephony's and feedback's too, and a host's own — named in the notification language. An
    existing row (staff's texts) is never touched."""
    from django.apps import apps
    from django.utils import translation

    from suz_oscar.core.conf import suz_settings

    from . import registry

    if sender.label != "suz_notifications" or not apps.is_installed("oscar.apps.communication"):
        return  # once per migrate, after our app's migrations
    CommunicationEventType = apps.get_model("communication", "CommunicationEventType")
    existing = set(CommunicationEventType.objects.using(using).values_list("code", flat=True))
    with translation.override(suz_settings.SUZ_NOTIFICATION_LANGUAGE):
        missing = [CommunicationEventType(code=t.key.upper(), name=str(t.title)[:255],
                                          category=CommunicationEventType.ORDER_RELATED)
                   for t in registry.all_types() if t.editable and t.key.upper() not in existing]
    CommunicationEventType.objects.using(using).bulk_create(missing)


def connect():
    from django.db.models.signals import post_migrate

    from suz_oscar.core.outbox import notification_requested

    notification_requested.connect(on_notification_requested, dispatch_uid="suz-notifications-outbox")
    post_migrate.connect(communication_types_sync, dispatch_uid="suz-notifications-communication-types")
