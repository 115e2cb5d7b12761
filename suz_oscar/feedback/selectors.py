"""Feedback's reads: the questions to ask, an order's results, a dealer's figures, the customer card."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Avg, Count, Q, Sum
from oscar.core.loading import get_model
from phonenumber_field.phonenumber import PhoneNumber

from suz_oscar.core import timeline

from .vocabulary import COMPLAINT_CLOSED, Audience, ReviewState

if TYPE_CHECKING:  # names of the type hints only
    from datetime import datetime

    from suz_oscar.dealers.models import Dealer
    from suz_oscar.dispatch.models import Dispatch

Dispatch = get_model("suz_dispatch", "Dispatch")
SurveyQuestion = get_model("suz_feedback", "SurveyQuestion")
Survey = get_model("suz_feedback", "Survey")
Complaint = get_model("suz_feedback", "Complaint")
ComplaintMessage = get_model("suz_feedback", "ComplaintMessage")
Review = get_model("suz_feedback", "Review")
PointsEntry = get_model("suz_scoring", "PointsEntry")


def questions_for(sold: bool):
    """The active questions for an order that sold (or did not), in the editors' order."""
    return list(SurveyQuestion.objects.filter(is_active=True).filter(
        Q(audience=Audience.ALL) | Q(audience=Audience.SOLD if sold else Audience.UNSOLD)))


# The order card's results block


@dataclass
class Results:
    survey: object = None
    answers: list = field(default_factory=list)
    complaints: list = field(default_factory=list)
    points: list = field(default_factory=list)
    points_total: object = None
    earned: object = None


def order_results(dispatch: Dispatch) -> Results:
    """What the order ended with: its survey and answers, complaints, the ledger rows of its points, the amount
    earned (five queries)."""
    survey = Survey.objects.filter(dispatch=dispatch).first()
    points = list(PointsEntry.objects.filter(dispatch=dispatch).order_by("created_at", "pk"))
    return Results(
        survey=survey,
        answers=list(survey.answers.all()) if survey is not None and survey.answered_at else [],
        complaints=list(Complaint.objects.filter(dispatch=dispatch).order_by("created_at", "pk")
                        .prefetch_related("messages")),
        points=points, points_total=sum((p.delta for p in points), start=0) if points else None,
        earned=get_model("suz_feedback", "Earned").objects.filter(dispatch=dispatch).first(),
    )


def open_complaints():
    return Complaint.objects.exclude(state__in=COMPLAINT_CLOSED)


def complaints(*, state: str | None = None, dealer: Dealer | None = None):
    found = Complaint.objects.select_related("dispatch__order", "dealer__partner").order_by("-created_at", "-pk")
    if dealer is not None:  # the complaints about the orders it holds
        found = found.filter(dealer=dealer, dispatch__claimed_by=dealer)
    if state == "open":
        found = found.exclude(state__in=COMPLAINT_CLOSED)
    elif state:
        found = found.filter(state=state)
    return found


def open_complaint_count(dealer: Dealer | None = None) -> int:
    found = open_complaints()
    return (found.filter(dealer=dealer) if dealer is not None else found).count()


# The dealer's scorecard


@dataclass
class DealerFeedback:
    sent: int
    answered: int
    average_score: float | None
    complaints: int
    open_complaints: int
    upheld: int
    comments: list

    @property
    def response_rate(self):
        return round(100 * self.answered / self.sent) if self.sent else None


def dealer_feedback(dealer: Dealer, since: datetime | None = None) -> DealerFeedback:
    """Surveys of the dealer's orders (sent, answered, average score, the latest comments) and complaints."""
    surveys = Survey.objects.filter(dealer=dealer)
    found = Complaint.objects.filter(dealer=dealer)
    if since is not None:
        surveys, found = surveys.filter(sent_at__gte=since), found.filter(created_at__gte=since)
    figures = surveys.aggregate(sent=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False)),
                                average=Avg("score"))
    counts = found.aggregate(total=Count("pk"), open=Count("pk", filter=~Q(state__in=COMPLAINT_CLOSED)),
                             upheld=Count("pk", filter=Q(upheld=True)))
    comments = list(surveys.exclude(comment="").select_related("dispatch__order").order_by("-answered_at")[:5])
    average = figures["average"]
    return DealerFeedback(sent=figures["sent"], answered=figures["answered"],
                          average_score=round(average, 2) if average is not None else None,
                          complaints=counts["total"], open_complaints=counts["open"], upheld=counts["upheld"],
                          comments=comments)


def published_reviews(dealer_ids) -> dict[int, dict]:
    """``{dealer_id: {"count": n, "score": average}}`` of published reviews (the dealer map), one query."""
    rows = (Review.objects.filter(dealer_id__in=list(dealer_ids), state=ReviewState.PUBLISHED)
            .values("dealer_id").annotate(count=Count("pk"), score=Avg("score")))
    return {r["dealer_id"]: {"count": r["count"], "score": round(r["score"], 1)} for r in rows}


def reviews(state: str | None = ReviewState.PENDING):
    found = Review.objects.select_related("dealer__partner", "survey__dispatch__order").order_by("-created_at")
    return found.filter(state=state) if state else found


# The timeline: surveys and complaints join the order's thread (and the customer card)


@timeline.source
def surveys(dispatch_ids, *, public_only: bool, limit: int | None = None, before=None) -> list:
    """A survey sent, and the customer's answers when they came (two kinds of entry, a query each)."""
    if public_only:
        return []
    found = Survey.objects.filter(dispatch_id__in=dispatch_ids)
    template = "suz/feedback/_timeline_survey.html"
    entries = [timeline.Entry("survey", survey.sent_at, template, {"survey": survey, "answered": False},
                              survey.dispatch_id, key=survey.pk)
               for survey in timeline.window(found, "sent_at", "survey", limit=limit, before=before)]
    answered = found.filter(answered_at__isnull=False).prefetch_related("answers")
    entries += [timeline.Entry("survey_answer", survey.answered_at, template, {"survey": survey, "answered": True},
                               survey.dispatch_id, key=survey.pk)
                for survey in timeline.window(answered, "answered_at", "survey_answer", limit=limit, before=before)]
    return entries


@timeline.source
def complaint_messages(dispatch_ids, *, public_only: bool, limit: int | None = None, before=None) -> list:
    found = ComplaintMessage.objects.filter(complaint__dispatch_id__in=dispatch_ids).select_related(
        "complaint", "author")
    return [timeline.Entry("complaint", m.created_at, "suz/feedback/_timeline_complaint.html", {"message": m},
                           m.complaint.dispatch_id, key=m.pk)
            for m in timeline.window(found, "created_at", "complaint", limit=limit, before=before)]


# The customer card


def normalise_phone(text: str) -> str:
    """``+79123456789`` from what a person types (``8 912 345-67-89``), or ``""`` when it is no phone number."""
    from django.conf import settings

    try:
        number = PhoneNumber.from_string(str(text or "").strip(),
                                         region=getattr(settings, "PHONENUMBER_DEFAULT_REGION", None) or "RU")
    except Exception:  # noqa: BLE001 — phonenumbers raises its own parse errors for anything
        return ""
    return number.as_e164 if number.is_valid() else ""


@dataclass
class Customer:
    """One customer: an account, or guest orders with the same phone (or email)."""

    anchor: Dispatch
    name: str
    phone: str
    email: str
    user_id: int | None


def customer_of(dispatch: Dispatch) -> Customer:
    order = dispatch.order
    place = getattr(order, "suz_place", None)
    address = order.shipping_address
    email = order.user.email if order.user_id else (order.guest_email or "")
    name = address.name if address is not None else (order.user.get_full_name() if order.user_id else "")
    return Customer(anchor=dispatch, name=name, phone=place.phone.as_e164 if place and place.phone else "",
                    email=email, user_id=order.user_id)


def customer_dispatches(customer: Customer, dealer: Dealer | None = None):
    """Every order of the customer (its account, its phone, its email), newest first; a dealer only those it
    holds. One query."""
    match = Q(pk=customer.anchor.pk)
    if customer.user_id:
        match |= Q(order__user_id=customer.user_id)
    if customer.phone:
        match |= Q(order__suz_place__phone=customer.phone)
    if customer.email:
        match |= Q(order__guest_email__iexact=customer.email) | Q(order__user__email__iexact=customer.email)
    found = Dispatch.objects.filter(match).order_by("-order__date_placed", "-pk")
    if dealer is not None:
        found = found.filter(claimed_by=dealer)
    return found


def customer_card(anchor: Dispatch, dealer: Dealer | None = None, *, limit: int,
                  before: timeline.Cursor | None = None, orders: int | None = None) -> dict:
    """The customer card: contacts, the newest ``orders`` orders (all with ``None``) with dealer, outcome and points,
    and a page of the one timeline of every contact over all the orders — the newest ``limit`` entries before
    ``before`` (oldest first) and the cursor of the older ones. A fixed number of queries whatever the number of
    orders and entries: each timeline source orders and cuts in SQL."""
    customer = customer_of(anchor)
    found = customer_dispatches(customer, dealer)
    numbers = dict(found.values_list("pk", "order__number"))
    rows = (found.select_related("order__shipping_address", "order__suz_place__city", "claimed_by__partner")
            .annotate(points_total=Sum("points__delta")))
    dispatches = list(rows[:orders] if orders is not None else rows)
    page = timeline.page(list(numbers), public_only=False, limit=limit, before=before)
    for entry in page.entries:
        entry.order_number = numbers.get(entry.dispatch_id, "")
    return {"customer": customer, "dispatches": dispatches, "order_count": len(numbers), "entries": page.entries,
            "older": page.older}


def search_customers(query: str, dealer: Dealer | None = None, limit: int = 50) -> list[Customer]:
    """Customers by phone, email or name (the latest order of each), a dealer's among the orders it holds."""
    query = str(query or "").replace("\x00", "").strip()[:100]
    if len(query) < 2:
        return []
    phone = normalise_phone(query)
    match = Q(order__guest_email__iexact=query) | Q(order__user__email__iexact=query)
    if phone:
        match |= Q(order__suz_place__phone=phone)
    for word in query.split()[:3]:
        match |= Q(order__shipping_address__first_name__icontains=word) | Q(
            order__shipping_address__last_name__icontains=word)
    found = (Dispatch.objects.filter(match).select_related("order__shipping_address", "order__suz_place", "order__user")
             .order_by("-order__date_placed", "-pk"))
    if dealer is not None:
        found = found.filter(claimed_by=dealer)
    customers, seen = [], set()
    for dispatch in found[:500]:
        customer = customer_of(dispatch)
        key = customer.user_id or customer.phone or customer.email or dispatch.pk
        if key in seen:
            continue
        seen.add(key)
        customers.append(customer)
        if len(customers) >= limit:
            break
    return customers
