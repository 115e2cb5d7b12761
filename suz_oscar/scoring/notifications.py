"""Who scoring tells what: a warning below the first threshold, exclusion below the second.

Announced through ``core.outbox`` inside the ledger's transaction (the rows commit with the points).
"""

from suz_oscar.core.outbox import announce


def warn_dealer(dealer, threshold, now):
    announce("rating_warning", key=f"dealer:{dealer.pk}:{now:%Y%m%d%H%M%S%f}", dealers=[dealer],
             context={"dealer": dealer, "threshold": threshold})


def tell_excluded(dealer, threshold, now):
    context = {"dealer": dealer, "threshold": threshold}
    key = f"dealer:{dealer.pk}:{now:%Y%m%d%H%M%S%f}"
    announce("dealer_excluded", key=key, dealers=[dealer], context=context)
    announce("dealer_excluded_staff", key=key, staff=True, context=context)
