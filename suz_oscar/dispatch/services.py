"""Dispatch: the plan stored at placement, the claim, the decline."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from suz_oscar.core.conf import suz_settings
from suz_oscar.offers.vocabulary import sku_for

from . import notifications, selectors
from .config import load_strategies
from .exceptions import AlreadyTaken, DispatchError
from .plan_store import store_plan
from .signals import dispatch_event
from .strategies import DispatchStrategy, PlanContext
from .vocabulary import CHANGEABLE, CUSTOMER_CANCELLABLE, ChangeState, Event, Fault

if TYPE_CHECKING:  # names of the type hints only
    from datetime import datetime

    from django.contrib.auth.models import AbstractBaseUser as User
    from oscar.apps.order.models import Order

    from suz_oscar.dealers.models import Dealer

    from .models import DeclineReason, FailureReason

Dispatch = get_model("suz_dispatch", "Dispatch")
Stage = get_model("suz_dispatch", "Stage")
Visibility = get_model("suz_dispatch", "Visibility")
StatusChange = get_model("suz_dispatch", "StatusChange")
ChangeRequest = get_model("suz_dispatch", "ChangeRequest")
OrderLine = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")


def _event(event, dispatch, dealer, *, fault="", user=None, now=None):
    """Tell listeners (dealer scoring) inside the change's transaction: their writes commit or roll back with it."""
    dispatch_event.send(sender=Dispatch, event=event, dispatch=dispatch, dealer=dealer, fault=fault,
                        user=user if user is not None and user.is_authenticated else None, now=now)


def _note(text):
    """A history note in the notification language (the history is read by staff and dealers alike)."""
    with translation.override(suz_settings.SUZ_NOTIFICATION_LANGUAGE):
        return str(text)


def _record(dispatch, from_status, to_status, *, dealer=None, user=None, failure_reason=None, fault="", note="",
            now=None, decline_reason=None):
    return StatusChange.objects.create(
        dispatch=dispatch, from_status=from_status, to_status=to_status, dealer=dealer,
        user=user if user is not None and user.is_authenticated else None,
        failure_reason=failure_reason, fault=fault, note=note[:255], created_at=now or timezone.now(),
        decline_reason=decline_reason,
    )


def _lines_to(order_id, dealer):
    """The order's lines name the dealer that now fulfils them (Oscar's order pages, reports), with its own
    stock record where it has one; the prices stay those the customer was shown."""
    lines = list(OrderLine.objects.filter(order_id=order_id).select_related("product"))
    records = {sr.product_id: sr for sr in StockRecord.objects.filter(
        partner_id=dealer.partner_id, product_id__in=[line.product_id for line in lines])}
    for line in lines:
        record = records.get(line.product_id)
        line.partner_id, line.partner_name = dealer.partner_id, dealer.name
        line.stockrecord = record
        line.partner_sku = record.partner_sku if record else (sku_for(line.product) if line.product else line.upc)
    OrderLine.objects.bulk_update(lines, ["partner", "partner_name", "stockrecord", "partner_sku"])


def _stages(dispatch, context):
    """The plan's stages ``[(strategy, Stage, audience)]`` and visibility rows, from the strategies' chain.

    Sets ``dispatch.open_to_all_at`` when a stage is open to every dealer (the plan ends there).
    """
    now = context.now
    cursor, seen, stages, visibility = 0.0, set(), [], []
    for strategy in load_strategies() if context.eligible else ():
        spec = strategy.stage(context, cursor)
        if spec is None:
            continue
        cursor = spec.cursor
        opens_at = now + timedelta(minutes=spec.opens_after)
        audience = [] if spec.everyone else [d for d in spec.dealers if d.pk not in seen]
        if not audience and not spec.everyone:
            continue
        stages.append((strategy, Stage(dispatch=dispatch, position=len(stages), strategy=strategy.key,
                                       opens_at=opens_at, everyone=spec.everyone), audience))
        if spec.everyone:
            dispatch.open_to_all_at = opens_at
            break
        seen.update(d.pk for d in audience)
        visibility += [Visibility(dispatch=dispatch, stage=stages[-1][1], dealer=d, opens_at=opens_at)
                       for d in audience]
    return stages, visibility


def dispatch_plan(*, order: Order, now: datetime | None = None) -> Dispatch:
    """Store the order's dispatch plan: stages (audience, opening time) and each dealer's visibility.

    A stage open to every dealer stores neither audience nor rows: the dispatch
    keeps its opening (``open_to_all_at``) and the plan ends there, as no dealer is
    left for a later stage. An order no dealer is eligible for waits for manual
    assignment. The order's dispatch is unique: planning twice returns the first plan.
    """
    now = now or timezone.now()
    context = PlanContext(order=order, eligible=selectors.eligible_dealers(order), now=now)
    dispatch = Dispatch(order=order, status=Dispatch.OFFERED if context.eligible else Dispatch.MANUAL)
    stages, visibility = _stages(dispatch, context)
    hooked = [(strategy, stage, audience) for strategy, stage, audience in stages
              if type(strategy).stored is not DispatchStrategy.stored]
    try:
        # The plan's hooks (quota use) write in the same transaction; without them no transaction is needed.
        with transaction.atomic() if hooked else nullcontext():
            store_plan(dispatch, [stage for _strategy, stage, _audience in stages], visibility)
            for strategy, stage, audience in hooked:
                strategy.stored(dispatch, stage, audience, now)
    except IntegrityError:
        existing = Dispatch.objects.filter(order=order).first()
        if existing is None:
            raise
        return existing  # planned already (the unique order decides, race-free)
    if not context.eligible:
        notifications.tell_staff_manual(dispatch)
    return dispatch


def dispatch_claim(*, dispatch: Dispatch, dealer: Dealer, user: User | None = None,
                   now: datetime | None = None) -> Dispatch:
    """Take the order for ``dealer``: one conditional UPDATE, so exactly one dealer wins."""
    now = now or timezone.now()
    with transaction.atomic():
        won = selectors.claimable(dealer, now).filter(pk=dispatch.pk).update(
            claimed_by=dealer, claimed_at=now, status=Dispatch.ACCEPTED
        )
        if won:
            Visibility.objects.filter(dispatch=dispatch).update(is_open=False)
            _record(dispatch, Dispatch.OFFERED, Dispatch.ACCEPTED, dealer=dealer, user=user, now=now)
            _lines_to(dispatch.order_id, dealer)
            dispatch.claimed_at = now
            notifications.tell_customer_taken(dispatch, dealer)
    if not won:
        raise AlreadyTaken(selectors.claim_refusal(dispatch, dealer, now))
    dispatch.refresh_from_db()
    return dispatch


@transaction.atomic
def dispatch_set_status(*, dispatch: Dispatch, dealer: Dealer, to_status: str, user: User | None = None,
                        failure_reason: FailureReason | None = None, note: str = "") -> Dispatch:
    """Move the dealer's order along new → … → completed | failed | cancelled, recording who and why."""
    locked = Dispatch.objects.select_for_update().get(pk=dispatch.pk)
    if locked.claimed_by_id != dealer.pk:
        raise DispatchError(_("This order is not yours."))
    if to_status not in Dispatch.DEALER_MOVES.get(locked.status, ()):
        raise DispatchError(_("The order cannot go from “%(from)s” to “%(to)s”.") % {
            "from": locked.get_status_display(), "to": dict(Dispatch.STATUSES).get(to_status, to_status)})
    if to_status == Dispatch.FAILED and failure_reason is None:
        raise DispatchError(_("Choose why the order failed."))
    refusal = selectors.status_refusal(locked, dealer, to_status, failure_reason)
    if refusal:
        raise DispatchError(refusal)
    from_status, locked.status = locked.status, to_status
    locked.save(update_fields=["status"])
    fault = failure_reason.fault if failure_reason else ""
    _record(locked, from_status, to_status, dealer=dealer, user=user, failure_reason=failure_reason, fault=fault,
            note=note)
    if to_status in Dispatch.CLOSED:
        _event(Event(to_status), locked, dealer, fault=fault, user=user)  # completed, failed, cancelled
    dispatch.status = to_status
    return locked


@transaction.atomic
def dispatch_assign(*, dispatch: Dispatch, dealer: Dealer, user: User, now: datetime | None = None) -> Dispatch:
    """Staff give the order to ``dealer`` by hand (or move it from one dealer to another)."""
    now = now or timezone.now()
    locked = Dispatch.objects.select_for_update().get(pk=dispatch.pk)
    if locked.status in Dispatch.CLOSED:
        raise DispatchError(_("A closed order cannot be reassigned."))
    if locked.claimed_by_id == dealer.pk:
        raise DispatchError(_("%(dealer)s already has this order.") % {"dealer": dealer.name})
    from_status, previous = locked.status, locked.claimed_by
    locked.claimed_by, locked.claimed_at, locked.status = dealer, now, Dispatch.ACCEPTED
    locked.save(update_fields=["claimed_by", "claimed_at", "status"])
    Visibility.objects.filter(dispatch=locked).update(is_open=False)
    _lines_to(locked.order_id, dealer)
    note = _("assigned by hand") if previous is None else _("moved from %(dealer)s") % {"dealer": previous.name}
    _record(locked, from_status, Dispatch.ACCEPTED, dealer=dealer, user=user, note=note, now=now)
    return locked


@transaction.atomic
def dispatch_give_up(*, dispatch: Dispatch, dealer: Dealer, user: User | None = None, note: str = "",
                     now: datetime | None = None, event: Event = Event.GIVEN_BACK) -> Dispatch:
    """The dealer gives a taken order back: it returns to dispatch (the dealer's fault) and leaves its inbox.

    ``event`` tells scoring why (the SLA watchdog takes orders back as ``sla_breach``).
    """
    now = now or timezone.now()
    locked = Dispatch.objects.select_for_update().get(pk=dispatch.pk)
    if locked.claimed_by_id != dealer.pk or locked.status not in (Dispatch.ACCEPTED, Dispatch.PROCESSED):
        raise DispatchError(_("This order is not yours to give back."))
    from_status = locked.status
    locked.claimed_by, locked.claimed_at, locked.status = None, None, Dispatch.OFFERED
    locked.save(update_fields=["claimed_by", "claimed_at", "status"])
    _decline_row(locked, dealer, now)  # hides the order from this dealer, whatever stage showed it
    Visibility.objects.filter(dispatch=locked).update(is_open=True)
    _record(locked, from_status, Dispatch.OFFERED, dealer=dealer, user=user, fault=Fault.DEALER, note=note, now=now)
    _event(event, locked, dealer, fault=Fault.DEALER, user=user, now=now)
    notifications.tell_customer_returned(locked, now)
    _open_next_if_nobody_left(locked, now)  # as if it had declined: the others need not wait for the clock
    return locked


@transaction.atomic
def dispatch_decline(*, dispatch: Dispatch, dealer: Dealer, reason: DeclineReason, user: User | None = None,
                     now: datetime | None = None) -> Stage | None:
    """Turn the order down. When every dealer of the opened stages has, the next stage opens now.

    The dispatch row is locked first, so when the last dealers decline at the same moment one of
    them sees every other decline and opens the next stage (and staff are told once). A dealer that
    sees the order only through the stage open to every dealer has no row yet: declining writes one,
    which then hides the order from it alone. Nothing follows that stage, so once it is open the
    decline opens nothing. The decline is kept in the order's history.
    """
    now = now or timezone.now()
    locked = Dispatch.objects.select_for_update().filter(pk=dispatch.pk).first()
    if locked is None or not selectors.in_network(dealer):
        raise DispatchError(_("This order is not available to you."))
    declined = selectors.visible_now(dealer, now).filter(
        dispatch=locked, dispatch__claimed_by=None, dispatch__status=Dispatch.OFFERED,
    ).update(declined_at=now, decline_reason=reason)
    if not declined and selectors.open_to_all(dealer, now).filter(pk=locked.pk).exists():
        declined = _decline_row(locked, dealer, now, reason)
    if not declined:
        raise DispatchError(selectors.claim_refusal(locked, dealer, now))
    _record(locked, locked.status, locked.status, dealer=dealer, user=user, decline_reason=reason, now=now)
    notifications.tell_customer_declined(locked)
    return _open_next_if_nobody_left(locked, now)


def _open_next_if_nobody_left(locked, now):
    """When every dealer the (locked) order has opened to has declined or given it back, open the next stage
    now and tell staff; with no stage left, the order waits for staff. Returns the stage opened, if any."""
    if locked.open_to_all_at is not None and locked.open_to_all_at <= now:
        return None  # open to every dealer already: nothing follows
    opened = Visibility.objects.filter(dispatch=locked, opens_at__lte=now)
    if not opened.filter(declined_at=None).exists():
        upcoming = locked.stages.filter(opens_at__gt=now).order_by("position").first()
        if upcoming is not None:
            Stage.objects.filter(pk=upcoming.pk).update(opens_at=now)
            upcoming.opens_at = now
            if upcoming.everyone:
                Dispatch.objects.filter(pk=locked.pk).update(open_to_all_at=now)
            else:
                Visibility.objects.filter(stage=upcoming, opens_at__gt=now).update(opens_at=now)
            notifications.tell_staff_declined(locked, upcoming)
            return upcoming
        # Nobody is left in the plan: the order waits for staff to assign it.
        if Dispatch.objects.filter(pk=locked.pk, claimed_by=None, status=Dispatch.OFFERED).update(
                status=Dispatch.MANUAL):
            _record(locked, Dispatch.OFFERED, Dispatch.MANUAL, note=_("every dealer declined"), now=now)
            notifications.tell_staff_declined(locked)
    return None


def _decline_row(dispatch, dealer, now, reason=None):
    """Mark ``dealer``'s row of ``dispatch`` declined, writing it if the dealer had none (stage open to all).

    Returns whether this call declined it (a concurrent decline of the same dealer may win).
    """
    fields = {"declined_at": now}
    if reason is not None:
        fields["decline_reason"] = reason
    if Visibility.objects.filter(dispatch=dispatch, dealer=dealer).update(**fields):
        return True
    try:
        with transaction.atomic():
            Visibility.objects.create(dispatch=dispatch, dealer=dealer, opens_at=dispatch.open_to_all_at or now,
                                      **fields)
    except IntegrityError:
        return False
    return True


def dispatch_sla_watch(*, now: datetime | None = None) -> list[Dispatch]:
    """Alert staff (once per order) about orders accepted but not processed in time; maybe take them back.

    Returns the dispatches alerted now. Run by the beat sweep.
    """
    now = now or timezone.now()
    hours, take_back = suz_settings.SUZ_DISPATCH_SLA_HOURS, suz_settings.SUZ_DISPATCH_SLA_RETURN
    late = Dispatch.objects.filter(status=Dispatch.ACCEPTED, claimed_at__lte=now - timedelta(hours=hours),
                                   sla_alerted_at=None).select_related("order", "claimed_by__partner")
    alerted = []
    for dispatch in late:
        if not Dispatch.objects.filter(pk=dispatch.pk, sla_alerted_at=None).update(sla_alerted_at=now):
            continue  # another sweep got it
        dealer = dispatch.claimed_by
        notifications.tell_staff_sla(dispatch, dealer, hours, take_back)
        with translation.override(suz_settings.SUZ_NOTIFICATION_LANGUAGE):
            note = _("not processed in time (SLA)")
        if take_back:
            dispatch_give_up(dispatch=dispatch, dealer=dealer, note=note, now=now, event=Event.SLA_BREACH)
        else:
            with transaction.atomic():
                _record(dispatch, dispatch.status, dispatch.status, dealer=dealer, fault=Fault.DEALER, note=note,
                        now=now)
                _event(Event.SLA_BREACH, dispatch, dealer, fault=Fault.DEALER, now=now)
        alerted.append(dispatch)
    return alerted


# ---------------------------------------------------------------- the customer's acts

@transaction.atomic
def dispatch_cancel_by_customer(*, dispatch: Dispatch, user: User | None = None,
                                now: datetime | None = None) -> Dispatch:
    """The customer cancels the order while nobody has processed it (contacted them): it leaves every inbox,
    the history records the customer's fault, and the dealer holding it (if any) is told. Closed or processed
    orders are refused with the reason."""
    now = now or timezone.now()
    locked = Dispatch.objects.select_for_update().get(pk=dispatch.pk)
    if locked.status not in CUSTOMER_CANCELLABLE:
        if locked.status == Dispatch.CANCELLED:
            raise DispatchError(_("The order is cancelled already."))
        if locked.status in Dispatch.CLOSED:
            raise DispatchError(_("The order is closed: there is nothing to cancel."))
        raise DispatchError(_("The dealer has already agreed the order with you, so it cannot be cancelled on the "
                              "site. Write to the dealer below or call it."))
    from_status, holder = locked.status, locked.claimed_by
    locked.status = Dispatch.CANCELLED
    locked.save(update_fields=["status"])
    Visibility.objects.filter(dispatch=locked).update(is_open=False)
    ChangeRequest.objects.filter(dispatch=locked, state=ChangeState.PENDING).update(
        state=ChangeState.REFUSED, answer=_note(gettext_lazy("the order is cancelled")), answered_at=now)
    _record(locked, from_status, Dispatch.CANCELLED, dealer=holder, user=user, fault=Fault.CUSTOMER,
            note=_note(gettext_lazy("cancelled by the customer")), now=now)
    if holder is not None:
        _event(Event.CANCELLED, locked, holder, fault=Fault.CUSTOMER, user=user, now=now)
        notifications.tell_dealer_cancelled(locked, holder)
    dispatch.status = Dispatch.CANCELLED
    return locked


@transaction.atomic
def change_request_add(*, dispatch: Dispatch, text: str = "", line=None, product=None, user: User | None = None,
                       url: str = "", now: datetime | None = None) -> ChangeRequest:
    """The customer asks the dealer holding the order for a change: ``text``, and/or ``product`` (a sibling
    variant) for ``line``. One request waits at a time; the dealer's managers are told."""
    now = now or timezone.now()
    locked = Dispatch.objects.select_for_update().get(pk=dispatch.pk)
    text = text.replace("\x00", "").strip()[:2000]
    if locked.status not in CHANGEABLE or locked.claimed_by_id is None:
        if locked.status in Dispatch.CLOSED:
            raise DispatchError(_("The order is closed: it cannot be changed any more."))
        raise DispatchError(_("You can ask for a change once a dealer has taken the order. Until then, write "
                              "a message: the shop reads it."))
    if ChangeRequest.objects.filter(dispatch=locked, state=ChangeState.PENDING).exists():
        raise DispatchError(_("Your previous request is still waiting for the dealer's answer."))
    if product is not None:
        if line is None or line.order_id != locked.order_id:
            raise DispatchError(_("Choose the line to change."))
        if product.pk not in {p.pk for p in selectors.change_variants(line)}:
            raise DispatchError(_("This variant cannot replace the line: choose one of the listed variants."))
    elif not text:
        raise DispatchError(_("Describe the change, or choose another variant of a line."))
    request = ChangeRequest.objects.create(
        dispatch=locked, dealer=locked.claimed_by, text=text, line=line if product is not None else None,
        product=product, old_title=(line.title if line is not None and product is not None else "")[:255],
        created_at=now)
    notifications.tell_dealer_change_requested(locked, request, url)
    return request


def _pending_request(request, dealer):
    """Lock the order and its request; the request must wait for ``dealer``, which holds the order."""
    locked = Dispatch.objects.select_for_update().select_related("order").get(pk=request.dispatch_id)
    current = ChangeRequest.objects.select_for_update().get(pk=request.pk)
    if locked.claimed_by_id != dealer.pk or locked.status not in CHANGEABLE:
        raise DispatchError(_("This order is not yours."))
    if current.state != ChangeState.PENDING:
        raise DispatchError(_("The request has been answered already."))
    return locked, current


def _order_totals(order):
    """Recompute the order's total from its lines (delivery is agreed with the dealer)."""
    lines = list(OrderLine.objects.filter(order_id=order.pk))
    incl = sum((line.line_price_incl_tax for line in lines), Decimal(0))
    excl = sum((line.line_price_excl_tax for line in lines), Decimal(0))
    order.total_incl_tax = incl + (order.shipping_incl_tax or 0) + order.surcharge_incl_tax
    order.total_excl_tax = excl + (order.shipping_excl_tax or 0) + order.surcharge_excl_tax
    order.save(update_fields=["total_incl_tax", "total_excl_tax"])


def _swap_line(line, product, price, dealer=None):
    """``line`` becomes ``product`` at ``price`` per unit (its dealer's stock record when it has one)."""
    line.product, line.title = product, product.get_title()[:255]
    line.upc = product.upc
    line.unit_price_incl_tax = line.unit_price_excl_tax = price
    line.line_price_incl_tax = line.line_price_excl_tax = price * line.quantity
    line.line_price_before_discounts_incl_tax = line.line_price_before_discounts_excl_tax = price * line.quantity
    fields = ["product", "title", "upc", "unit_price_incl_tax", "unit_price_excl_tax", "line_price_incl_tax",
              "line_price_excl_tax", "line_price_before_discounts_incl_tax", "line_price_before_discounts_excl_tax"]
    if dealer is not None:
        record = StockRecord.objects.filter(partner_id=dealer.partner_id, product=product).first()
        line.stockrecord = record
        line.partner_sku = record.partner_sku if record else sku_for(product)
        fields += ["stockrecord", "partner_sku"]
    line.save(update_fields=fields)


@transaction.atomic
def change_request_accept(*, request: ChangeRequest, dealer: Dealer, user: User | None = None, answer: str = "",
                          now: datetime | None = None) -> ChangeRequest:
    """The holding dealer accepts the change. A new variant is re-checked against the dealer's own offer now:
    not offered → refused with the reason (nothing changes); offered → the line becomes that variant at the
    dealer's price and the order's total is recomputed. The customer is told."""
    now = now or timezone.now()
    locked, current = _pending_request(request, dealer)
    if current.product_id is not None:
        line = OrderLine.objects.filter(pk=current.line_id, order_id=locked.order_id).first()
        offer = selectors.dealer_offer(dealer, current.product)
        if line is None:
            raise DispatchError(_("The line of this request is no longer in the order."))
        if offer is None:
            raise DispatchError(_("You do not offer “%(product)s”: add it to your offers, or answer that you "
                                  "cannot.") % {"product": current.product.get_title()})
        _swap_line(line, current.product, offer.price, dealer)
        _order_totals(locked.order)
    current.state, current.answered_by, current.answered_at = ChangeState.ACCEPTED, _user(user), now
    current.answer = answer.replace("\x00", "").strip()[:500]
    current.save(update_fields=["state", "answered_by", "answered_at", "answer"])
    notifications.tell_customer_change(locked, current)
    return current


def _user(user):
    return user if user is not None and user.is_authenticated else None


@transaction.atomic
def change_request_refuse(*, request: ChangeRequest, dealer: Dealer, user: User | None = None, answer: str = "",
                          now: datetime | None = None) -> ChangeRequest:
    """The holding dealer cannot make the change: the order, with the change made (a new variant at the
    storefront's price in the order's city, as the customer would be quoted it now), goes back to dispatch with a
    fresh plan that leaves this dealer out, and the customer is told another dealer is being found. No points:
    nobody failed."""
    now = now or timezone.now()
    locked, current = _pending_request(request, dealer)
    if current.product_id is not None:
        line = OrderLine.objects.filter(pk=current.line_id, order_id=locked.order_id).first()
        if line is not None:
            price = selectors.city_price(locked.order, current.product, exclude=[dealer])
            _swap_line(line, current.product, price if price is not None else line.unit_price_incl_tax)
            _order_totals(locked.order)
    current.state, current.answered_by, current.answered_at = ChangeState.REFUSED, _user(user), now
    current.answer = answer.replace("\x00", "").strip()[:500]
    current.save(update_fields=["state", "answered_by", "answered_at", "answer"])
    from_status = locked.status
    _record(locked, from_status, Dispatch.OFFERED, dealer=dealer, user=user,
            note=_note(gettext_lazy("the dealer cannot make the change the customer asked for")), now=now)
    dispatch_replan(dispatch=locked, exclude=[dealer], now=now)
    notifications.tell_customer_change(locked, current)
    return current


def dispatch_replan(*, dispatch: Dispatch, exclude=(), now: datetime | None = None) -> Dispatch:
    """Store a fresh plan for an order already dispatched (in the caller's transaction, the row locked): the
    eligible dealers of the order as it is now, less ``exclude``, which keep a declined row and so never see it
    again (not even in the stage open to every dealer). Its stages are announced after commit."""
    now = now or timezone.now()
    order = dispatch.order
    order.suz_place = get_model("suz_checkout", "OrderPlace").objects.select_related("city").get(order=order)
    excluded = {d.pk for d in exclude}
    eligible = [d for d in selectors.eligible_dealers(order) if d.pk not in excluded]
    context = PlanContext(order=order, eligible=eligible, now=now)
    Visibility.objects.filter(dispatch=dispatch).delete()
    Stage.objects.filter(dispatch=dispatch).delete()
    dispatch.claimed_by, dispatch.claimed_at, dispatch.open_to_all_at = None, None, None
    dispatch.sla_alerted_at = None
    stages, visibility = _stages(dispatch, context)
    dispatch.status = Dispatch.OFFERED if eligible else Dispatch.MANUAL
    dispatch.save(update_fields=["claimed_by", "claimed_at", "open_to_all_at", "sla_alerted_at", "status"])
    Stage.objects.bulk_create([stage for _strategy, stage, _audience in stages])
    Visibility.objects.bulk_create(visibility)
    for strategy, stage, audience in stages:
        if type(strategy).stored is not DispatchStrategy.stored:
            strategy.stored(dispatch, stage, audience, now)
    for dealer in exclude:
        _decline_row(dispatch, dealer, now)
    if not eligible:
        _record(dispatch, Dispatch.OFFERED, Dispatch.MANUAL, note=_note(gettext_lazy("no other dealer can take it")),
                now=now)
        notifications.tell_staff_manual(dispatch)
    transaction.on_commit(lambda: notifications.schedule_stages(dispatch))
    return dispatch
