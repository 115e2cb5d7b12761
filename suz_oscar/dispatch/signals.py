from django.dispatch import Signal

# Sent inside the transaction of a dispatch change, for dealer scoring and the like.
# Keyword arguments: event ("completed", "failed", "cancelled", "given_back",
# "sla_breach"), dispatch, dealer, fault ("dealer", "customer" or ""), user, now.
dispatch_event = Signal()
