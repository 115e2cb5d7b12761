def on_dispatch_event(sender, event, dispatch, dealer, fault="", user=None, now=None, **kwargs):
    """Dispatch's ``dispatch_event`` (sent inside its transaction): points by the manufacturer's rules."""
    from .services import on_dispatch_event

    on_dispatch_event(event=event, dispatch=dispatch, dealer=dealer, fault=fault, user=user, now=now)


def connect():
    from suz_oscar.dispatch.signals import dispatch_event

    dispatch_event.connect(on_dispatch_event, dispatch_uid="suz-scoring-points")
