"""Surveys after a closed order, complaints with their thread, public reviews and the amount the dealer earned.

The survey's questions are our own models, not Wagtail's form builder: reporting needs each answer typed and
tied to its question (the average score per dealer, the share of «yes» per closed question) in SQL, a form
builder page keeps a submission as one JSON blob per form; and the questions must differ for orders that sold
and those that did not, which is one field here. Editors change them in the dashboard (Feedback → Survey
questions); an answer keeps the question's text as it was asked.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .vocabulary import Audience, ComplaintState, QuestionKind, ReviewState, Role


class AbstractSurveyQuestion(models.Model):
    text = models.CharField(_("question"), max_length=255)
    kind = models.CharField(_("answer"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.YES_NO)
    audience = models.CharField(_("who is asked"), max_length=16, choices=Audience.choices, default=Audience.ALL)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("asked"), default=True)

    class Meta:
        abstract = True
        app_label = "suz_feedback"
        ordering = ["position", "pk"]
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self):
        return self.text


class AbstractSurvey(models.Model):
    """The survey of one closed order: sent to the customer by a signed one-use link, answered once."""

    dispatch = models.OneToOneField(
        "suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="survey", verbose_name=_("order"),
    )
    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.SET_NULL, null=True, blank=True, related_name="surveys",
        verbose_name=_("dealer"),
    )
    sold = models.BooleanField(_("the order sold"), default=False)
    # Part of the link's signature: sending the survey again makes a new one, and the old links stop working.
    nonce = models.CharField(max_length=32)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    times_sent = models.PositiveSmallIntegerField(_("times sent"), default=1)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, db_index=True)
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True)
    points_recorded = models.BooleanField(default=False)

    class Meta:
        abstract = True
        app_label = "suz_feedback"
        indexes = [models.Index(fields=["dealer", "sent_at"], name="suz_survey_dealer_sent")]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self):
        return str(self.dispatch_id)


class AbstractSurveyAnswer(models.Model):
    survey = models.ForeignKey("suz_feedback.Survey", on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey("suz_feedback.SurveyQuestion", on_delete=models.SET_NULL, null=True,
                                 related_name="answers", verbose_name=_("question"))
    question_text = models.CharField(_("question"), max_length=255)
    kind = models.CharField(max_length=16, choices=QuestionKind.choices)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    yes = models.BooleanField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        abstract = True
        app_label = "suz_feedback"
        ordering = ["pk"]
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")

    def display(self):
        if self.kind == QuestionKind.SCORE:
            return f"{self.score} / 5"
        if self.kind == QuestionKind.YES_NO:
            return _("yes") if self.yes else _("no")
        return self.text


class AbstractComplaint(models.Model):
    """A customer's complaint about an order: open → answered → resolved | rejected, with a thread."""

    dispatch = models.ForeignKey(
        "suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="complaints", verbose_name=_("order"),
    )
    dealer = models.ForeignKey(
        "suz_dealers.Dealer", on_delete=models.SET_NULL, null=True, blank=True, related_name="complaints",
        verbose_name=_("dealer"),
    )
    text = models.TextField(_("complaint"))
    state = models.CharField(_("state"), max_length=16, choices=ComplaintState.choices,
                             default=ComplaintState.OPEN, db_index=True)
    upheld = models.BooleanField(_("upheld"), default=False)
    created_at = models.DateTimeField(_("filed at"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("answered by"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("closed by"))
    sla_alerted_at = models.DateTimeField(_("SLA alert sent at"), null=True, blank=True)

    class Meta:
        abstract = True
        app_label = "suz_feedback"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")

    def __str__(self):
        return f"{self.dispatch_id}: {self.get_state_display()}"


class AbstractComplaintMessage(models.Model):
    complaint = models.ForeignKey("suz_feedback.Complaint", on_delete=models.CASCADE, related_name="messages")
    role = models.CharField(_("who"), max_length=16, choices=Role.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+")
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        abstract = True
        app_label = "suz_feedback"
        ordering = ["created_at", "pk"]
        verbose_name = _("complaint message")
        verbose_name_plural = _("complaint messages")


class AbstractReview(models.Model):
    """A customer's public review of a dealer, after a good score; shown once staff publish it."""

    survey = models.OneToOneField("suz_feedback.Survey", on_delete=models.CASCADE, related_name="review")
    dealer = models.ForeignKey("suz_dealers.Dealer", on_delete=models.CASCADE, related_name="reviews",
                               verbose_name=_("dealer"))
    score = models.PositiveSmallIntegerField(_("score"))
    text = models.TextField(_("review"))
    author_name = models.CharField(_("name"), max_length=80, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=ReviewState.choices, default=ReviewState.PENDING,
                             db_index=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("moderated by"))

    class Meta:
        abstract = True
        app_label = "suz_feedback"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")


class AbstractEarned(models.Model):
    """«Заработано»: what the customer actually paid the dealer for a completed order (the order total unless
    the dealer corrected it). The sales reports read it (``analytics.selectors.order_earned``)."""

    dispatch = models.OneToOneField(
        "suz_dispatch.Dispatch", on_delete=models.CASCADE, related_name="earned", verbose_name=_("order"),
    )
    amount = models.DecimalField(_("earned"), max_digits=12, decimal_places=2,
                                 validators=[MinValueValidator(0)])
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("confirmed by"))
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        abstract = True
        app_label = "suz_feedback"
        verbose_name = _("amount earned")
        verbose_name_plural = _("amounts earned")
