"""The domain's way to ask for a notification without knowing how it is delivered.

``announce(event_type, key=…, context=…, dealers=…, staff=…)`` sends the ``notification_requested`` signal;
``suz_oscar.notifications`` (layer 6) listens and writes one outbox row per recipient and channel **in the
caller's transaction**, so the rows commit or roll back with the change they tell about. Dispatch, scoring
and dealers never import ``notifications`` (it sits above them); they describe the event and its audience:

- ``key``: what makes this event unique (``"stage:42"``): announcing it twice writes nothing new;
- ``context``: the templates' context, rendered at once (the row keeps the text the event had);
- ``users`` / ``dealers`` (their active managers) / ``staff`` (every active staff member) / ``customers``
  (orders whose customer to tell: their account, the order's email and phone) / ``addresses``
  (``[(channel, address)]`` of people without an account: an invitee's email).

With no listener (``notifications`` not installed) nothing is sent.
"""

from django.dispatch import Signal

#: Keyword arguments: ``event_type``, ``key``, ``context``, ``users``, ``dealers``, ``staff``, ``customers``,
#: ``addresses``.
notification_requested = Signal()


def announce(event_type: str, *, key: str, context: dict, users=(), dealers=(), staff: bool = False,
             customers=(), addresses=()) -> None:
    notification_requested.send(sender=None, event_type=event_type, key=key, context=context, users=list(users),
                                dealers=list(dealers), staff=staff, customers=list(customers),
                                addresses=list(addresses))
