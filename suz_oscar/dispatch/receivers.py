from django.db import transaction


def plan_after_commit(sender, order, **kwargs):
    """Oscar's ``order_placed``: store the dispatch plan once the order is committed.

    The order's place (city, region) is written in the same transaction, after
    this signal; by commit time it is there. Orders without one (placed outside
    our checkout) are not dispatched.
    """
    from oscar.core.loading import get_model

    from .services import dispatch_plan
    from .tasks import schedule_stage_notifications

    def plan():
        place = get_model("suz_checkout", "OrderPlace").objects.filter(order=order).select_related("city").first()
        if place is not None:
            order.suz_place = place  # read once, with the city the plan looks dealers up by
            schedule_stage_notifications(dispatch_plan(order=order))

    transaction.on_commit(plan)


def connect():
    from oscar.apps.order.signals import order_placed

    order_placed.connect(plan_after_commit, dispatch_uid="suz-dispatch-plan")


def connect_config_cache():
    """Strategy and quota changes apply to the next plan: they bump the cached config."""
    from django.db.models.signals import post_delete, post_save
    from oscar.core.loading import get_model

    from suz_oscar.core import cache

    for name in ("StrategyConfig", "PriorityQuota"):
        model = get_model("suz_dispatch", name)
        post_save.connect(cache.bump, sender=model, dispatch_uid=f"suz-dispatch-cache-save-{name}")
        post_delete.connect(cache.bump, sender=model, dispatch_uid=f"suz-dispatch-cache-delete-{name}")
