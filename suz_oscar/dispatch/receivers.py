from django.db import transaction


def plan_after_commit(sender, order, **kwargs):
    """Oscar's ``order_placed``: store the dispatch plan once the order is committed."""
    from .services import dispatch_plan

    if hasattr(order, "suz_place"):
        transaction.on_commit(lambda: dispatch_plan(order=order))


def connect():
    from oscar.apps.order.signals import order_placed

    order_placed.connect(plan_after_commit, dispatch_uid="suz-dispatch-plan")
