"""Dispatch: the plan stored at placement, the claim, the decline."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from . import selectors
from .exceptions import AlreadyTaken, DispatchError
from .strategies import PlanContext, load_strategies

Dispatch = get_model("suz_dispatch", "Dispatch")
Stage = get_model("suz_dispatch", "Stage")
Visibility = get_model("suz_dispatch", "Visibility")


@transaction.atomic
def dispatch_plan(*, order, now=None):
    """Store the order's dispatch plan: stages (audience, opening time) and each dealer's visibility.

    An order no dealer is eligible for waits for manual assignment.
    """
    now = now or timezone.now()
    existing = Dispatch.objects.filter(order=order).first()
    if existing is not None:
        return existing
    context = PlanContext(order=order, eligible=selectors.eligible_dealers(order), network=selectors.network())
    dispatch = Dispatch.objects.create(order=order, status=Dispatch.OFFERED if context.eligible else Dispatch.MANUAL)
    if not context.eligible:
        return dispatch
    cursor, seen, stages, visibility = 0.0, set(), [], []
    for strategy in load_strategies():
        spec = strategy.stage(context, cursor)
        if spec is None:
            continue
        cursor = spec.cursor
        audience = [d for d in spec.dealers if d.pk not in seen]
        if not audience:
            continue
        opens_at = now + timedelta(minutes=spec.opens_after)
        stages.append((Stage(dispatch=dispatch, position=len(stages), strategy=strategy.key, opens_at=opens_at),
                       audience))
        seen.update(d.pk for d in audience)
        visibility += [Visibility(dispatch=dispatch, dealer=d, opens_at=opens_at) for d in audience]
    Stage.objects.bulk_create([stage for stage, _audience in stages])
    Through = Stage.dealers.through
    Through.objects.bulk_create(
        [Through(stage_id=stage.pk, dealer_id=d.pk) for stage, audience in stages for d in audience]
    )
    Visibility.objects.bulk_create(visibility)
    return dispatch


def dispatch_claim(*, dispatch, dealer, now=None):
    """Take the order for ``dealer``: one conditional UPDATE, so exactly one dealer wins."""
    now = now or timezone.now()
    won = selectors.claimable(dealer, now).filter(pk=dispatch.pk).update(
        claimed_by=dealer, claimed_at=now, status=Dispatch.ACCEPTED
    )
    if not won:
        raise AlreadyTaken(_("This order has already been taken by another dealer."))
    dispatch.refresh_from_db()
    return dispatch


@transaction.atomic
def dispatch_decline(*, dispatch, dealer, reason, now=None):
    """Turn the order down. When every dealer of the opened stages has, the next stage opens now."""
    now = now or timezone.now()
    declined = selectors.visible_now(dealer, now).filter(dispatch=dispatch, dispatch__claimed_by=None).update(
        declined_at=now, decline_reason=reason
    )
    if not declined:
        raise DispatchError(_("This order is not available to you."))
    opened = Visibility.objects.filter(dispatch=dispatch, opens_at__lte=now)
    if not opened.filter(declined_at=None).exists():
        upcoming = dispatch.stages.filter(opens_at__gt=now).order_by("position").first()
        if upcoming is not None:
            Stage.objects.filter(pk=upcoming.pk).update(opens_at=now)
            Visibility.objects.filter(dispatch=dispatch, dealer__in=upcoming.dealers.all(), opens_at__gt=now).update(
                opens_at=now
            )
            return upcoming
    return None
