from django.dispatch import Signal

#: Sent inside the transaction of a dispatch change, for dealer scoring and the like (a receiver's writes
#: commit or roll back with the change). Keyword arguments: ``event`` (a ``vocabulary.Event``),
#: ``dispatch``, ``dealer``, ``fault`` (a ``vocabulary.Fault`` or ""), ``user`` (or None), ``now``.
dispatch_event = Signal()
