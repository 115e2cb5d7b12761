"""Feedback's writes: surveys sent and answered, complaints and their thread, reviews, the amount earned."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from suz_oscar.core import tokens
from suz_oscar.core.cache import bump
from suz_oscar.core.conf import suz_settings
from suz_oscar.core.text import clean_text
from suz_oscar.scoring import services as scoring

from . import links, notifications
from .exceptions import FeedbackError
from .vocabulary import COMPLAINT_CLOSED, MAX_TEXT, ComplaintState, QuestionKind, ReviewState, Role

if TYPE_CHECKING:  # names of the type hints only
    from datetime import datetime

    from django.contrib.auth.models import AbstractBaseUser as User

    from suz_oscar.dealers.models import Dealer
    from suz_oscar.dispatch.models import Dispatch

Dispatch = get_model("suz_dispatch", "Dispatch")
Survey = get_model("suz_feedback", "Survey")
SurveyAnswer = get_model("suz_feedback", "SurveyAnswer")
Complaint = get_model("suz_feedback", "Complaint")
ComplaintMessage = get_model("suz_feedback", "ComplaintMessage")
Review = get_model("suz_feedback", "Review")
Earned = get_model("suz_feedback", "Earned")


def _user(user):
    return user if user is not None and user.is_authenticated else None


def _text(text):
    return clean_text(text, MAX_TEXT)


# Surveys


@transaction.atomic
def survey_send(*, dispatch: Dispatch, now: datetime | None = None) -> Survey:
    """Send the order's survey to the customer (again: a new link, the old ones stop working).

    The order closed with a sale or without one decides which questions are asked."""
    now = now or timezone.now()
    locked = (Dispatch.objects.select_for_update(of=("self",)).select_related("order", "claimed_by__partner")
              .get(pk=dispatch.pk))
    if locked.status not in Dispatch.CLOSED:
        raise FeedbackError(_("The survey is sent once the order is closed."))
    survey = Survey.objects.select_for_update().filter(dispatch=locked).first()
    if survey is None:
        survey = Survey.objects.create(dispatch=locked, dealer=locked.claimed_by, nonce=tokens.new_nonce(),
                                       sold=locked.status == Dispatch.COMPLETED, sent_at=now)
    elif survey.answered_at is not None:
        raise FeedbackError(_("The customer has answered the survey already."))
    else:
        survey.nonce, survey.sent_at, survey.times_sent = tokens.new_nonce(), now, survey.times_sent + 1
        survey.dealer = survey.dealer or locked.claimed_by
        survey.save(update_fields=["nonce", "sent_at", "times_sent", "dealer"])
    survey.dispatch = locked
    notifications.ask_customer(survey, links.survey_token(survey))
    return survey


@transaction.atomic
def survey_answer(*, survey: Survey, answers: dict, complaint: str = "", now: datetime | None = None) -> Survey:
    """Store the customer's answers (``{question: value}``, only the questions answered) once; the score moves the
    dealer's points by the points table, once per order. A complaint written on the survey is filed with it."""
    now = now or timezone.now()
    locked = (Survey.objects.select_for_update(of=("self",))
              .select_related("dispatch__claimed_by", "dispatch__order").get(pk=survey.pk))
    if locked.answered_at is not None:
        raise FeedbackError(_("This survey has been answered already."))
    rows, score, comments = [], None, []
    for question, value in answers.items():
        row = SurveyAnswer(survey=locked, question=question, question_text=question.text, kind=question.kind)
        if question.kind == QuestionKind.SCORE:
            row.score = int(value)
            if not 1 <= row.score <= 5:
                raise FeedbackError(_("A score is a whole number from 1 to 5."))
            score = row.score if score is None else score
        elif question.kind == QuestionKind.YES_NO:
            row.yes = bool(value)
        else:
            row.text = _text(value)
            if not row.text:
                continue
            comments.append(row.text)
        rows.append(row)
    complaint = _text(complaint)
    if not rows and not complaint:
        raise FeedbackError(_("Answer at least one question."))
    SurveyAnswer.objects.bulk_create(rows)
    locked.answered_at, locked.score, locked.comment = now, score, "\n\n".join(comments)
    if score is not None and not locked.points_recorded and locked.dispatch.claimed_by_id is not None:
        scoring.record_survey(dispatch=locked.dispatch, score=score)
        locked.points_recorded = True
    locked.save(update_fields=["answered_at", "score", "comment", "points_recorded"])
    if complaint:
        complaint_file(dispatch=locked.dispatch, text=complaint, now=now)
    return locked


def review_invited(survey: Survey) -> bool:
    """A good score asks the customer for a public review of the dealer (once)."""
    return (survey.score is not None and survey.score >= suz_settings.SUZ_REVIEW_MIN_SCORE
            and survey.dealer_id is not None and not Review.objects.filter(survey=survey).exists())


@transaction.atomic
def review_write(*, survey: Survey, text: str, author_name: str = "", now: datetime | None = None) -> Review:
    """The customer's public review: waits for staff's moderation before anyone sees it."""
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    if not review_invited(locked):
        raise FeedbackError(_("A review of this order cannot be written now."))
    text = _text(text)
    if not text:
        raise FeedbackError(_("Write your review."))
    return Review.objects.create(survey=locked, dealer_id=locked.dealer_id, score=locked.score, text=text,
                                 author_name=clean_text(author_name, 80), created_at=now or timezone.now())


@transaction.atomic
def review_moderate(*, review: Review, publish: bool, user: User, now: datetime | None = None) -> Review:
    review.state = ReviewState.PUBLISHED if publish else ReviewState.REJECTED
    review.moderated_at, review.moderated_by = now or timezone.now(), _user(user)
    review.save(update_fields=["state", "moderated_at", "moderated_by"])
    transaction.on_commit(bump)  # the dealer map's cached JSON counts published reviews
    return review


# Complaints


@transaction.atomic
def complaint_file(*, dispatch: Dispatch, text: str, author: User | None = None,
                   now: datetime | None = None) -> Complaint:
    """The customer complains about the order: the holding dealer's managers are told by their channels, staff
    always."""
    now = now or timezone.now()
    text = _text(text)
    if not text:
        raise FeedbackError(_("Write what went wrong."))
    dispatch = Dispatch.objects.select_related("order", "claimed_by__partner").get(pk=dispatch.pk)
    complaint = Complaint.objects.create(dispatch=dispatch, dealer=dispatch.claimed_by, text=text, created_at=now)
    ComplaintMessage.objects.create(complaint=complaint, role=Role.CUSTOMER, author=_user(author), text=text,
                                    created_at=now)
    notifications.complaint_filed(complaint)
    return complaint


@transaction.atomic
def complaint_reply(*, complaint: Complaint, text: str, user: User, dealer: Dealer | None,
                    now: datetime | None = None) -> ComplaintMessage:
    """The holding dealer (``dealer``) or staff (``None``) answer the customer; the first answer marks the
    complaint answered. The customer is told by their channels."""
    now = now or timezone.now()
    locked = Complaint.objects.select_for_update(of=("self",)).select_related("dispatch__order").get(pk=complaint.pk)
    if locked.state in COMPLAINT_CLOSED:
        raise FeedbackError(_("The complaint is closed."))
    if dealer is not None and locked.dealer_id != dealer.pk:
        raise FeedbackError(_("This complaint is not about your order."))
    text = _text(text)
    if not text:
        raise FeedbackError(_("Write the answer."))
    message = ComplaintMessage.objects.create(complaint=locked, role=Role.DEALER if dealer else Role.STAFF,
                                              author=_user(user), text=text, created_at=now)
    if locked.state == ComplaintState.OPEN:
        locked.state, locked.answered_at, locked.answered_by = ComplaintState.ANSWERED, now, _user(user)
        locked.save(update_fields=["state", "answered_at", "answered_by"])
    notifications.complaint_answered(locked, message)
    complaint.state = locked.state
    return message


@transaction.atomic
def complaint_close(*, complaint: Complaint, resolved: bool, upheld: bool = False, user: User,
                    note: str = "", now: datetime | None = None) -> Complaint:
    """Staff close a complaint: resolved or rejected. Upheld (the dealer was at fault) costs the dealer the
    points table's «complaint upheld» points, once."""
    now = now or timezone.now()
    locked = Complaint.objects.select_for_update(of=("self",)).select_related("dispatch", "dealer").get(pk=complaint.pk)
    if locked.state in COMPLAINT_CLOSED:
        raise FeedbackError(_("The complaint is closed already."))
    locked.state = ComplaintState.RESOLVED if resolved else ComplaintState.REJECTED
    locked.upheld = bool(resolved and upheld)
    locked.closed_at, locked.closed_by = now, _user(user)
    locked.save(update_fields=["state", "upheld", "closed_at", "closed_by"])
    note = _text(note)
    if note:
        ComplaintMessage.objects.create(complaint=locked, role=Role.STAFF, author=_user(user), text=note,
                                        created_at=now)
    if locked.upheld and locked.dealer is not None:
        scoring.record_complaint_upheld(dispatch=locked.dispatch, dealer=locked.dealer, user=user,
                                        note=_("complaint upheld"))
    complaint.state, complaint.upheld = locked.state, locked.upheld
    return locked


def complaint_sla_watch(*, now: datetime | None = None) -> list[Complaint]:
    """Open complaints nobody answered within ``SUZ_COMPLAINT_SLA_HOURS``: staff are alerted once per complaint
    (claimed by a conditional UPDATE, so two sweeps never alert twice)."""
    from datetime import timedelta

    hours = suz_settings.SUZ_COMPLAINT_SLA_HOURS
    if not hours:
        return []
    now = now or timezone.now()
    late = Complaint.objects.filter(state=ComplaintState.OPEN, sla_alerted_at=None,
                                    created_at__lte=now - timedelta(hours=hours))
    alerted = []
    for pk in list(late.values_list("pk", flat=True)[:500]):
        with transaction.atomic():
            if not Complaint.objects.filter(pk=pk, sla_alerted_at=None, state=ComplaintState.OPEN).update(
                    sla_alerted_at=now):
                continue
            complaint = Complaint.objects.select_related("dispatch__order", "dealer__partner").get(pk=pk)
            notifications.complaint_late(complaint, hours)
            alerted.append(complaint)
    return alerted


# «Заработано»


@transaction.atomic
def earned_set(*, dispatch: Dispatch, amount: Decimal | None = None, user: User | None = None,
               now: datetime | None = None) -> Earned:
    """What the customer paid the dealer for the completed order: ``amount`` or, by default, the order total."""
    if dispatch.status != Dispatch.COMPLETED:
        raise FeedbackError(_("The amount earned is set for a completed order."))
    if amount is None:
        amount = dispatch.order.total_incl_tax or Decimal(0)
    amount = Decimal(amount).quantize(Decimal("0.01"))
    if amount < 0 or amount >= Decimal("1e10"):
        raise FeedbackError(_("Enter an amount from 0 to 9,999,999,999.99."))
    earned, _created = Earned.objects.update_or_create(dispatch=dispatch, defaults={
        "amount": amount, "confirmed_by": _user(user), "updated_at": now or timezone.now()})
    return earned


def on_order_closed(*, dispatch: Dispatch, event: str, user: User | None = None,
                    now: datetime | None = None) -> None:
    """An order closed (dispatch's event, in its transaction): the default amount earned, and the survey."""
    dispatch = Dispatch.objects.select_related("order").get(pk=dispatch.pk)
    if dispatch.status == Dispatch.COMPLETED and not Earned.objects.filter(dispatch=dispatch).exists():
        earned_set(dispatch=dispatch, now=now)  # the total, until the dealer confirms or corrects it
    if suz_settings.SUZ_SURVEY_AFTER_CLOSE and not Survey.objects.filter(dispatch=dispatch).exists():
        survey_send(dispatch=dispatch, now=now)
