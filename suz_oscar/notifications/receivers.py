def on_notification_requested(sender, event_type, key, context, users=(), dealers=(), staff=False, customers=(),
                               addresses=(), **kwargs):
    """``core.outbox.announce`` (sent inside the event's transaction): the rows commit or roll back with it."""
    from .services import notification_announce

    notification_announce(event_type=event_type, key=key, context=context, users=users, dealers=dealers,
                          staff=staff, customers=customers, addresses=addresses)


def connect():
    from suz_oscar.core.outbox import notification_requested

    notification_requested.connect(on_notification_requested, dispatch_uid="suz-notifications-outbox")
