"""The words of feedback: the kinds of survey questions, the states of a complaint and a review."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    SCORE = "score", _("score from 1 to 5")
    YES_NO = "yes_no", _("yes or no")
    TEXT = "text", _("free text")


class Audience(models.TextChoices):
    """Which customers are asked a question: those who bought, those who did not, or both."""

    ALL = "all", _("every customer")
    SOLD = "sold", _("customers who bought")
    UNSOLD = "unsold", _("customers who did not buy")


class ComplaintState(models.TextChoices):
    OPEN = "open", _("open")
    ANSWERED = "answered", _("answered")
    RESOLVED = "resolved", _("resolved")
    REJECTED = "rejected", _("rejected")


COMPLAINT_CLOSED = (ComplaintState.RESOLVED, ComplaintState.REJECTED)


class ReviewState(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")


class Role(models.TextChoices):
    """Who wrote an entry of a complaint's thread."""

    CUSTOMER = "customer", _("customer")
    DEALER = "dealer", _("dealer")
    STAFF = "staff", _("manufacturer")


# Free text a customer writes (a survey's comment, a complaint, a review) is kept to this many characters.
MAX_TEXT = 2000
