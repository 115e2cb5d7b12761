"""Signed one-use links of surveys: no login, they expire, and sending the survey again replaces them."""

from __future__ import annotations

from oscar.core.loading import get_model

from suz_oscar.core import tokens
from suz_oscar.core.conf import suz_settings

SALT = "suz-feedback-survey"
Survey = get_model("suz_feedback", "Survey")


class LinkProblem:
    FORGED = tokens.FORGED
    EXPIRED = tokens.EXPIRED
    REPLACED = "replaced"
    USED = "used"


def survey_token(survey) -> str:
    return tokens.sign([survey.pk, survey.nonce], salt=SALT)


def survey_from_token(token: str):
    """``(survey, None)`` for a live link, else ``(survey or None, LinkProblem.…)``: nothing about the order
    is revealed by a link that is not live."""
    value, problem = tokens.unsign(token, salt=SALT, days=suz_settings.SUZ_SURVEY_LINK_DAYS)
    if problem is not None:
        return None, problem
    try:
        pk, nonce = value
        survey = Survey.objects.select_related("dispatch__order", "dealer__partner").filter(pk=int(pk)).first()
    except (TypeError, ValueError, OverflowError):
        return None, LinkProblem.FORGED
    if survey is None:
        return None, LinkProblem.FORGED
    if not tokens.same_nonce(nonce, survey.nonce):
        return survey, LinkProblem.REPLACED
    if survey.answered_at is not None:
        return survey, LinkProblem.USED
    return survey, None
