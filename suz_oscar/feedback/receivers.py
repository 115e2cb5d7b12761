def on_dispatch_event(sender, event, dispatch, dealer, fault="", user=None, now=None, **kwargs):
    """Dispatch's ``dispatch_event`` (inside its transaction): a closed order gets its survey and its amount."""
    from suz_oscar.dispatch.vocabulary import Event

    if event in (Event.COMPLETED, Event.FAILED, Event.CANCELLED):
        from .services import on_order_closed

        on_order_closed(dispatch=dispatch, event=event, user=user, now=now)


def connect():
    from suz_oscar.dispatch.signals import dispatch_event

    dispatch_event.connect(on_dispatch_event, dispatch_uid="suz-feedback-closed")
