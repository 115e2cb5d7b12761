from django.dispatch import Signal

#: Sent by ``services.call_event`` inside its transaction once an event changed a call (never for a replay or an
#: unknown call). Keyword arguments: ``call`` (as it is now), ``event`` (a ``vocabulary.Event``), ``at``.
#: The robot's call listens (``robot.settle``): a key pressed, a call that ended unanswered.
call_changed = Signal()
